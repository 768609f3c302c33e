import { Badge, Button, Checkbox, Drawer, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useDebouncedCallback, useDisclosure, useMediaQuery } from "@mantine/hooks";
import { IconAdjustmentsHorizontal, IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Unit } from "../types";
import { UnitSelect } from "./UnitSelect";

export interface EmployeeFilterValues {
  q: string;
  unit: string | null;
  sub: boolean;
  status: string | null;
  type: string | null;
  sort: string;
}

interface Props {
  units: Unit[];
  values: EmployeeFilterValues;
  onChange: (patch: Partial<EmployeeFilterValues>) => void;
}

/** Search box (debounced) and filters of the employee list; on phones the filters open in a drawer. */
export function EmployeeFilters({ units, values, onChange }: Props) {
  const { t } = useTranslation("org");
  const phone = useMediaQuery("(max-width: 47.99em)", false);
  const [opened, drawer] = useDisclosure(false);
  const [q, setQ] = useState(values.q);
  const commit = useDebouncedCallback((v: string) => onChange({ q: v }), 300);
  useEffect(() => setQ(values.q), [values.q]);
  const active = [values.unit, values.status, values.type].filter(Boolean).length;

  const search = (
    <TextInput
      label={t("employees.search")}
      placeholder={t("employees.searchPlaceholder")}
      leftSection={<IconSearch size={16} aria-hidden />}
      type="search"
      value={q}
      onChange={(e) => {
        setQ(e.currentTarget.value);
        commit(e.currentTarget.value);
      }}
      style={{ flex: 1 }}
    />
  );
  const filters = (
    <>
      <div>
        <UnitSelect
          label={t("employees.unit")}
          placeholder={t("employees.allUnits")}
          clearable
          units={units}
          value={values.unit}
          onChange={(unit) => onChange({ unit })}
          comboboxProps={{ withinPortal: true }}
        />
        <Checkbox
          mt={6}
          size="xs"
          label={t("employees.includeSubunits")}
          checked={values.sub}
          disabled={!values.unit}
          onChange={(e) => onChange({ sub: e.currentTarget.checked })}
        />
      </div>
      <Select
        label={t("employees.status")}
        placeholder={t("employees.any")}
        clearable
        data={[
          { value: "active", label: t("status.active") },
          { value: "inactive", label: t("status.inactive") },
        ]}
        value={values.status}
        onChange={(status) => onChange({ status })}
      />
      <Select
        label={t("employees.type")}
        placeholder={t("employees.any")}
        clearable
        data={["PNS", "PPPK"]}
        value={values.type}
        onChange={(type) => onChange({ type })}
      />
      <Select
        label={t("employees.sort")}
        allowDeselect={false}
        data={[
          { value: "name", label: t("employees.sortName") },
          { value: "nip", label: t("employees.sortNip") },
          { value: "unit", label: t("employees.sortUnit") },
        ]}
        value={values.sort}
        onChange={(sort) => sort && onChange({ sort })}
      />
    </>
  );

  if (phone) {
    return (
      <Group align="flex-end" gap="xs" mb="md" wrap="nowrap">
        {search}
        <Button
          variant="default"
          onClick={drawer.open}
          leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
          rightSection={
            active ? (
              <Badge size="xs" circle>
                {active}
              </Badge>
            ) : null
          }
        >
          {t("employees.filters")}
        </Button>
        <Drawer opened={opened} onClose={drawer.close} position="bottom" size="auto" title={t("employees.filters")}>
          <Stack pb="md">
            {filters}
            <Button onClick={drawer.close}>{t("employees.showResults")}</Button>
          </Stack>
        </Drawer>
      </Group>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm" verticalSpacing="xs" mb="md">
      {search}
      {filters}
    </SimpleGrid>
  );
}
