import { Anchor, Breadcrumbs, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { Section } from "../../../ui/Section";
import { monitoringUrl, useBoard, useScope } from "../api";
import type { Bucket } from "../buckets";
import { BoardSummary } from "../components/BoardSummary";
import { ExportButtons } from "../components/ExportButtons";
import { LiveBadge } from "../components/LiveBadge";
import { type DrillTarget, PeopleDrawer } from "../components/PeopleDrawer";
import { UnitPicker } from "../components/UnitPicker";
import { UnitTable } from "../components/UnitTable";
import { isIsoDate, useUnitDate } from "../filters";
import { useLiveBoard } from "../live";
import type { ScopeUnit } from "../types";

/** Ancestors of a unit inside the scope, top first, the unit last. */
function trail(units: ScopeUnit[], id: string): ScopeUnit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: ScopeUnit[] = [];
  let cur = byId.get(id);
  while (cur) {
    out.unshift(cur);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return out;
}

/** Today's board of a unit subtree, updated live; every number opens the people behind it. */
export default function BoardPage() {
  const { t } = useTranslation("monitoring");
  const format = useFormat();
  const scope = useScope();
  const { unitId, date, set } = useUnitDate();
  const board = useBoard({ unitId, date });
  const shownUnit = board.data?.unit.id ?? unitId;
  const live = useLiveBoard(shownUnit);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const b = board.data;
  const units = scope.data?.units ?? [];
  const path = shownUnit ? trail(units, shownUnit) : [];
  const open = (bucket: Bucket, id: string, name: string) => setDrill({ bucket, unitId: id, unitName: name });
  const fileParams = { ...(shownUnit ? { unitId: shownUnit } : {}), ...(date ? { date } : {}) };

  return (
    <>
      <PageHeader
        title={t("board.title")}
        description={b ? t("board.description", { unit: b.unit.name, date: format.date(`${b.date}T12:00:00Z`) }) : t("board.lead")}
        actions={<LiveBadge state={live} />}
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          {units.length > 0 ? <UnitPicker units={units} value={shownUnit ?? null} onChange={(id) => set({ unitId: id })} /> : null}
          <TextInput
            type="date"
            label={t("filters.date")}
            value={date ?? b?.date ?? ""}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isIsoDate(v)) set({ date: v });
            }}
            style={{ flex: "0 1 11rem" }}
          />
        </Group>
        {path.length > 1 ? (
          <Breadcrumbs separator="›" aria-label={t("board.trail")} style={{ flexWrap: "wrap" }}>
            {path.map((u, i) =>
              i === path.length - 1 ? (
                <Text key={u.id} size="sm" aria-current="page">
                  {u.name}
                </Text>
              ) : (
                <Anchor key={u.id} component="button" type="button" size="sm" onClick={() => set({ unitId: u.id })}>
                  {u.name}
                </Anchor>
              ),
            )}
          </Breadcrumbs>
        ) : null}
        <ErrorAlert error={scope.error ?? board.error} />
        {board.isPending ? <Loading /> : null}
        {b ? (
          <>
            <Text size="xs" c="dimmed" aria-live="off">
              {t("board.generated", { time: format.dateTime(b.generatedAt), count: b.totals.employees })}
            </Text>
            <BoardSummary counts={b.totals} healthNames={Boolean(scope.data?.can.healthNames)} onOpen={(bucket) => open(bucket, b.unit.id, b.unit.name)} />
            <Section title={t("board.perUnit")} description={t("board.perUnitHint")}>
              <Stack gap="sm">
                <UnitTable
                  rootId={b.unit.id}
                  units={b.units}
                  healthNames={Boolean(scope.data?.can.healthNames)}
                  onDrill={(id) => set({ unitId: id })}
                  onOpen={open}
                />
                <ExportButtons formats={["xlsx", "csv"]} urlOf={(f) => monitoringUrl(`/board.${f}`, fileParams)} params={fileParams} name="papan-pemantauan" />
              </Stack>
            </Section>
          </>
        ) : null}
      </Stack>
      <PeopleDrawer target={drill} date={date ?? b?.date} timeZone={b?.timezone ?? "Asia/Jakarta"} onClose={() => setDrill(null)} />
    </>
  );
}
