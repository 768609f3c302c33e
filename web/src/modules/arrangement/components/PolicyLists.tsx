import { ActionIcon, Button, Card, Group, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../../../ui/fieldErrors";
import { useUnits } from "../../org/api";
import type { PolicyWindow } from "../policy";

export interface UnitCap {
  unitId: string | null;
  pct: number;
}

const num = (v: string | number) => (typeof v === "number" ? v : Number(v) || 0);

/** Fixed office caps per unit (every day). */
export function CapList({ caps, onChange, errors, offset }: { caps: UnitCap[]; onChange: (c: UnitCap[]) => void; errors: FieldErrors; offset: number }) {
  const { t } = useTranslation("arrangement");
  const units = useUnits();
  const set = (i: number, c: Partial<UnitCap>) => onChange(caps.map((x, j) => (j === i ? { ...x, ...c } : x)));
  return (
    <Stack gap="xs">
      {caps.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
        <Group key={i} align="flex-end" wrap="wrap">
          <Select
            label={t("policy.capUnit")}
            data={[{ value: "", label: t("roster.allUnits") }, ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))]}
            value={c.unitId ?? ""}
            onChange={(v) => set(i, { unitId: v || null })}
            allowDeselect={false}
            searchable
            w={220}
            maw="100%"
            error={errors[`rules.caps.${offset + i}.unitId`] ?? errors[`rules.caps.${offset + i}`]}
          />
          <NumberInput
            label={t("policy.capPct")}
            value={c.pct}
            onChange={(v) => set(i, { pct: num(v) })}
            w={110}
            error={errors[`rules.caps.${offset + i}.pct`]}
          />
          <ActionIcon variant="default" size="lg" aria-label={t("policy.remove")} onClick={() => onChange(caps.filter((_, j) => j !== i))}>
            <IconTrash aria-hidden size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button variant="default" onClick={() => onChange([...caps, { unitId: null, pct: 50 }])} w="fit-content">
        {t("policy.addCap")}
      </Button>
    </Stack>
  );
}

/** National windows (e.g. work from anywhere) with their own cap and legal basis. */
export function WindowList({ windows, onChange, errors }: { windows: PolicyWindow[]; onChange: (w: PolicyWindow[]) => void; errors: FieldErrors }) {
  const { t } = useTranslation("arrangement");
  const set = (i: number, w: Partial<PolicyWindow>) => onChange(windows.map((x, j) => (j === i ? { ...x, ...w } : x)));
  const err = (i: number, f: string) => errors[`rules.windows.${i}.${f}`];
  return (
    <Stack gap="xs">
      {windows.map((w, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
        <Card key={i} withBorder padding="sm">
          <Stack gap="xs">
            <TextInput
              label={t("policy.windowName")}
              value={w.name}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
              error={err(i, "name") ?? errors[`rules.windows.${i}`]}
            />
            <Group wrap="wrap" align="flex-end">
              <TextInput
                type="date"
                label={t("policy.startsOn")}
                value={w.startsOn}
                onChange={(e) => set(i, { startsOn: e.currentTarget.value })}
                error={err(i, "startsOn")}
              />
              <TextInput
                type="date"
                label={t("policy.endsOn")}
                value={w.endsOn}
                onChange={(e) => set(i, { endsOn: e.currentTarget.value })}
                error={err(i, "endsOn")}
              />
              <NumberInput label={t("policy.capPct")} value={w.capPct} onChange={(v) => set(i, { capPct: num(v) })} w={110} error={err(i, "capPct")} />
            </Group>
            <TextInput
              label={t("policy.legalBasis")}
              value={w.legalBasis}
              onChange={(e) => set(i, { legalBasis: e.currentTarget.value })}
              error={err(i, "legalBasis")}
            />
            <Button variant="default" color="red" onClick={() => onChange(windows.filter((_, j) => j !== i))} w="fit-content">
              {t("policy.remove")}
            </Button>
          </Stack>
        </Card>
      ))}
      <Button variant="default" onClick={() => onChange([...windows, { name: "", startsOn: "", endsOn: "", capPct: 0, legalBasis: "" }])} w="fit-content">
        {t("policy.addWindow")}
      </Button>
    </Stack>
  );
}
