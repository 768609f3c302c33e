import { ActionIcon, Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../../../ui/fieldErrors";
import { useUnits } from "../../org/api";
import type { RiskArea, RiskLevel } from "../policy";

const num = (v: string | number) => (typeof v === "number" ? v : Number(v) || 0);

/** The risk-level table: each level with the office cap that applies at it. */
export function RiskLevelTable({ levels, onChange, errors }: { levels: RiskLevel[]; onChange: (l: RiskLevel[]) => void; errors: FieldErrors }) {
  const { t } = useTranslation("arrangement");
  const set = (i: number, l: Partial<RiskLevel>) => onChange(levels.map((x, j) => (j === i ? { ...x, ...l } : x)));
  const err = (i: number, f: string) => errors[`rules.riskLevels.${i}.${f}`];
  const next = levels.reduce((m, l) => Math.max(m, l.level), 0) + 1;
  return (
    <Stack gap="xs">
      {levels.length > 0 ? (
        <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={4} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("policy.riskLevel")}</Table.Th>
              <Table.Th>{t("policy.riskPct")}</Table.Th>
              <Table.Th w={44}>
                <VisuallyHidden>{t("policy.remove")}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {levels.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
              <Table.Tr key={i}>
                <Table.Td style={{ verticalAlign: "top" }}>
                  <NumberInput
                    aria-label={t("policy.rowLabel", { field: t("policy.riskLevel"), n: i + 1 })}
                    value={l.level}
                    onChange={(v) => set(i, { level: num(v) })}
                    min={1}
                    max={9}
                    allowDecimal={false}
                    error={err(i, "level")}
                  />
                </Table.Td>
                <Table.Td style={{ verticalAlign: "top" }}>
                  <NumberInput
                    aria-label={t("policy.rowLabel", { field: t("policy.riskPct"), n: i + 1 })}
                    value={l.pct}
                    onChange={(v) => set(i, { pct: num(v) })}
                    min={0}
                    max={100}
                    error={err(i, "pct")}
                  />
                </Table.Td>
                <Table.Td style={{ verticalAlign: "top" }}>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={t("policy.rowLabel", { field: t("policy.remove"), n: i + 1 })}
                    onClick={() => onChange(levels.filter((_, j) => j !== i))}
                  >
                    <IconTrash aria-hidden size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {errors["rules.riskLevels"] ? (
        <Text c="red.8" size="sm" role="alert">
          {errors["rules.riskLevels"]}
        </Text>
      ) : null}
      {next <= 9 ? (
        <Button variant="default" onClick={() => onChange([...levels, { level: next, pct: 50 }])} w="fit-content">
          {t("policy.addRiskLevel")}
        </Button>
      ) : null}
    </Stack>
  );
}

/** Risk areas: a unit subtree (or the whole agency) at a risk level over a period, with its legal basis. */
export function RiskAreaList({
  areas,
  levels,
  onChange,
  errors,
}: {
  areas: RiskArea[];
  levels: RiskLevel[];
  onChange: (a: RiskArea[]) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation("arrangement");
  const units = useUnits();
  const set = (i: number, a: Partial<RiskArea>) => onChange(areas.map((x, j) => (j === i ? { ...x, ...a } : x)));
  const err = (i: number, f: string) => errors[`rules.riskAreas.${i}.${f}`];
  const unitData = [{ value: "", label: t("roster.allUnits") }, ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))];
  const levelData = (current: number) =>
    [...new Set([...levels.map((l) => l.level), current])].sort((a, b) => a - b).map((l) => ({ value: String(l), label: String(l) }));
  return (
    <Stack gap="xs">
      {areas.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
        <Card key={i} withBorder padding="sm">
          <Stack gap="xs">
            <Group wrap="wrap" align="flex-start">
              <Select
                label={t("policy.areaUnit")}
                data={unitData}
                value={a.unitId ?? ""}
                onChange={(v) => set(i, { unitId: v || null })}
                allowDeselect={false}
                searchable
                w={220}
                maw="100%"
                error={err(i, "unitId") ?? errors[`rules.riskAreas.${i}`]}
              />
              <Select
                label={t("policy.riskLevel")}
                data={levelData(a.level)}
                value={String(a.level)}
                onChange={(v) => set(i, { level: Number(v) || a.level })}
                allowDeselect={false}
                w={100}
                error={err(i, "level")}
              />
            </Group>
            <Group wrap="wrap" align="flex-start">
              <TextInput
                type="date"
                label={t("policy.startsOn")}
                value={a.startsOn}
                onChange={(e) => set(i, { startsOn: e.currentTarget.value })}
                error={err(i, "startsOn")}
              />
              <TextInput
                type="date"
                label={t("policy.endsOn")}
                value={a.endsOn ?? ""}
                onChange={(e) => set(i, { endsOn: e.currentTarget.value || null })}
                error={err(i, "endsOn")}
              />
            </Group>
            <TextInput
              label={t("policy.legalBasis")}
              value={a.legalBasis ?? ""}
              onChange={(e) => set(i, { legalBasis: e.currentTarget.value })}
              error={err(i, "legalBasis")}
            />
            <Button variant="default" color="red" onClick={() => onChange(areas.filter((_, j) => j !== i))} w="fit-content">
              {t("policy.remove")}
            </Button>
          </Stack>
        </Card>
      ))}
      <Button
        variant="default"
        onClick={() => onChange([...areas, { unitId: null, level: levels[0]?.level ?? 1, startsOn: "", endsOn: null, legalBasis: "" }])}
        w="fit-content"
      >
        {t("policy.addRiskArea")}
      </Button>
    </Stack>
  );
}
