import { Button, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { IconFileSpreadsheet } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../ui/PageHeader";
import { Section } from "../../../ui/Section";
import { useMe } from "../../auth/hooks";
import { toSearch } from "../api";
import { useExportUnits } from "../targetsApi";

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

function thisMonth(): { from: string; to: string } {
  const now = new Date();
  return { from: iso(new Date(now.getFullYear(), now.getMonth(), 1)), to: iso(new Date(now.getFullYear(), now.getMonth() + 1, 0)) };
}

/** e-Kinerja export: the daily reports of a date range as XLSX, optionally narrowed to a unit. */
export default function ExportPage() {
  const { t } = useTranslation("logbook");
  const me = useMe().data;
  const seesOthers = Boolean(me && (me.isSupervisor || me.can.viewEmployees || me.can.manageOrg));
  const units = useExportUnits(seesOthers);
  const [range, setRange] = useState(thisMonth);
  const [unitId, setUnitId] = useState("");
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(range.from) && /^\d{4}-\d{2}-\d{2}$/.test(range.to) && range.from <= range.to;
  const href = `/api/v1/reports/export.xlsx${toSearch({ from: range.from, to: range.to, unitId })}`;

  return (
    <>
      <PageHeader title={t("export.title")} description={t(seesOthers ? "export.descriptionOthers" : "export.descriptionOwn")} />
      <Section title={t("export.range")}>
        <Stack gap="sm">
          <Group grow gap="xs" align="flex-start">
            <TextInput
              type="date"
              label={t("export.from")}
              required
              value={range.from}
              onChange={(e) => setRange((r) => ({ ...r, from: e.currentTarget.value }))}
            />
            <TextInput type="date" label={t("export.to")} required value={range.to} onChange={(e) => setRange((r) => ({ ...r, to: e.currentTarget.value }))} />
          </Group>
          {seesOthers && units.data ? (
            <NativeSelect
              label={t("export.unit")}
              value={unitId}
              onChange={(e) => setUnitId(e.currentTarget.value)}
              data={[{ value: "", label: t("export.allUnits") }, ...units.data.map((u) => ({ value: u.id, label: `${"· ".repeat(u.depth)}${u.name}` }))]}
            />
          ) : null}
          {valid ? null : (
            <Text size="sm" c="red.8" role="alert">
              {t("export.invalidRange")}
            </Text>
          )}
          <Button
            component="a"
            href={valid ? href : undefined}
            download
            aria-disabled={!valid}
            data-disabled={valid ? undefined : true}
            onClick={(e) => {
              if (!valid) e.preventDefault();
            }}
            leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            style={{ alignSelf: "flex-start" }}
          >
            {t("export.download")}
          </Button>
          <Text size="xs" c="dimmed">
            {t("export.hint")}
          </Text>
        </Stack>
      </Section>
    </>
  );
}
