import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type PickedEmployee, useEmployeePick } from "../../targetsApi";

interface Props {
  selected: PickedEmployee | null;
  onSelect: (employee: PickedEmployee | null) => void;
}

/** HR: finds an employee by name or NIP whose targets to manage. */
export function EmployeePicker({ selected, onSelect }: Props) {
  const { t } = useTranslation("logbook");
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q, 300);
  const found = useEmployeePick(debounced);
  const items = debounced.trim().length >= 2 ? (found.data ?? []) : [];

  return (
    <Stack gap="xs">
      {selected ? (
        <Group justify="space-between" gap="xs">
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {t("targets.picker.managing", { name: selected.name })}
          </Text>
          <Button size="compact-sm" variant="default" onClick={() => onSelect(null)}>
            {t("targets.picker.backToMine")}
          </Button>
        </Group>
      ) : null}
      <TextInput
        type="search"
        label={t("targets.picker.label")}
        description={t("targets.picker.hint")}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
      {items.length > 0 ? (
        <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: "none" }} aria-label={t("targets.picker.results")}>
          {items.map((e) => (
            <li key={e.id}>
              <Button
                variant="subtle"
                size="compact-sm"
                fullWidth
                justify="flex-start"
                styles={{ label: { whiteSpace: "normal", textAlign: "left" } }}
                onClick={() => {
                  onSelect(e);
                  setQ("");
                }}
              >
                {e.name} · {e.unit.name}
              </Button>
            </li>
          ))}
        </Stack>
      ) : null}
      {debounced.trim().length >= 2 && found.data && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("targets.picker.none")}
        </Text>
      ) : null}
    </Stack>
  );
}
