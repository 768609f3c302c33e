import { Alert, Button, Group, List, Modal, Pagination, Progress, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { intlLocale } from "../../../ui/format";
import { PageHeader } from "../../../ui/PageHeader";
import { useUnits } from "../../org/api";
import { GRID_PAGE_SIZE, useGenerate, useGrid, usePublish, useRoster } from "../api";
import { CellModal } from "../components/CellModal";
import { ModeLegend } from "../components/ModeBadge";
import { RosterGrid } from "../components/RosterGrid";
import { type Cell, type GridFilter, type GridRow, MODES, type Mode } from "../types";
import { addDays, shortDay, thisMonday } from "../week";

/** HR: generate a week's roster, watch the progress, adjust cells and publish. */
export default function RosterPage() {
  const { t, i18n } = useTranslation("arrangement");
  const locale = intlLocale(i18n.language);
  const monday = thisMonday();
  const weeks = Array.from({ length: 8 }, (_, i) => addDays(monday, (i - 1) * 7));
  const [week, setWeek] = useState(addDays(monday, 7));
  const [unitId, setUnitId] = useState<string | null>(null);
  const [rosterId, setRosterId] = useState<string | null>(null);
  const [filter, setFilter] = useState<GridFilter>({ page: 1 });
  const [target, setTarget] = useState<{ row: GridRow; cell: Cell } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const units = useUnits();
  const generate = useGenerate();
  const roster = useRoster(rosterId);
  const ready = roster.data !== undefined && roster.data.status !== "generating" && roster.data.status !== "failed";
  const grid = useGrid(rosterId, filter, i18n.language, ready);
  const publish = usePublish(rosterId ?? "");
  const status = roster.data?.status;

  const start = () =>
    generate.mutate(
      { week, unitId },
      {
        onSuccess: (r) => {
          setFilter({ page: 1 });
          setRosterId(r.id);
        },
      },
    );

  return (
    <>
      <PageHeader title={t("roster.title")} description={t("roster.description")} />
      <Stack>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t("roster.week")}
            data={weeks.map((w) => ({ value: w, label: shortDay(w, locale) }))}
            value={week}
            onChange={(v) => v && setWeek(v)}
            allowDeselect={false}
            w={180}
          />
          <Select
            label={t("roster.unit")}
            data={[{ value: "", label: t("roster.allUnits") }, ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))]}
            value={unitId ?? ""}
            onChange={(v) => setUnitId(v || null)}
            allowDeselect={false}
            searchable
            w={260}
            maw="100%"
          />
          <Button onClick={start} loading={generate.isPending}>
            {t("roster.generate")}
          </Button>
        </Group>
        <ErrorAlert error={generate.error ?? roster.error ?? grid.error} />
        {roster.data?.status === "generating" ? (
          <Stack gap={4}>
            <Text size="sm">{t("roster.progress", { done: roster.data.processedCount, total: roster.data.totalCount })}</Text>
            <Progress
              value={roster.data.totalCount ? (100 * roster.data.processedCount) / roster.data.totalCount : 0}
              aria-label={t("roster.progress", { done: roster.data.processedCount, total: roster.data.totalCount })}
            />
          </Stack>
        ) : null}
        {status === "failed" ? (
          <Alert color="red" title={t("roster.failed")}>
            {roster.data?.message}
          </Alert>
        ) : null}
        {ready && grid.data ? (
          <>
            <Group justify="space-between" wrap="wrap">
              <Text fw={600}>{t("roster.statusLine", { status: t(`status.${status}`) })}</Text>
              {status === "draft" ? <Button onClick={() => setConfirming(true)}>{t("roster.publish")}</Button> : null}
            </Group>
            {status === "published" ? <Alert color="green">{t("roster.published")}</Alert> : null}
            {grid.data.conflicts.length > 0 ? (
              <Alert color="orange" title={t("roster.conflicts", { count: grid.data.conflicts.length })}>
                <List size="sm">
                  {grid.data.conflicts.map((c) => (
                    <List.Item key={c.id}>{c.text}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
            <ModeLegend />
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t("roster.search")}
                defaultValue={filter.q ?? ""}
                onChange={(e) => setFilter((f) => ({ ...f, q: e.currentTarget.value || undefined, page: 1 }))}
                w={220}
              />
              <Select
                label={t("roster.modeFilter")}
                data={MODES.map((m) => ({ value: m, label: t(`modeLong.${m}`) }))}
                value={filter.mode ?? null}
                onChange={(v) => setFilter((f) => ({ ...f, mode: (v as Mode | null) ?? undefined, page: 1 }))}
                clearable
                w={160}
              />
              <Select
                label={t("roster.dayFilter")}
                data={grid.data.roster.dates.map((d) => ({ value: d, label: shortDay(d, locale) }))}
                value={filter.date ?? null}
                placeholder={t("roster.anyDay")}
                onChange={(v) => setFilter((f) => ({ ...f, date: v ?? undefined, page: 1 }))}
                clearable
                w={160}
              />
            </Group>
            {grid.data.rows.length === 0 ? <Text>{t("roster.none")}</Text> : null}
            <RosterGrid grid={grid.data} editable={status === "draft"} onCell={(row, cell) => setTarget({ row, cell })} />
            {grid.data.total > GRID_PAGE_SIZE ? (
              <Pagination
                total={Math.ceil(grid.data.total / GRID_PAGE_SIZE)}
                value={filter.page}
                onChange={(page) => setFilter((f) => ({ ...f, page }))}
                aria-label={t("roster.pages")}
                getControlProps={(control) => ({ "aria-label": t(`roster.page.${control}`) })}
              />
            ) : null}
          </>
        ) : null}
      </Stack>
      {target && rosterId ? <CellModal rosterId={rosterId} target={target} onClose={() => setTarget(null)} /> : null}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t("roster.publishTitle")}>
        <Stack>
          <Text size="sm">{t("roster.publishBody")}</Text>
          <ErrorAlert error={publish.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
            <Button loading={publish.isPending} onClick={() => publish.mutate(undefined, { onSuccess: () => setConfirming(false) })}>
              {t("roster.publish")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
