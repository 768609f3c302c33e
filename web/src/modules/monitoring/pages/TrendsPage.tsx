import { Group, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { Section } from "../../../ui/Section";
import { monitoringUrl, useRhkActivity, useScope, useTrends } from "../api";
import { ExportButtons } from "../components/ExportButtons";
import { UnitPicker } from "../components/UnitPicker";
import { isIsoDate } from "../filters";
import { daysAgo, isoWeek } from "../trends/periods";
import { TrendCharts } from "../trends/TrendCharts";
import { UnitTrendTable } from "../trends/UnitTrendTable";
import type { Granularity } from "../types";

const GRANULARITIES: Granularity[] = ["day", "week", "month"];
const WEEK = /^\d{4}-W\d{2}$/;

/** Compliance, office share, health, review backlog and RHK activity of a unit subtree over a period. */
export default function TrendsPage() {
  const { t } = useTranslation("monitoring");
  const scope = useScope();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [range, setRange] = useState(() => ({ from: daysAgo(29), to: daysAgo(0) }));
  const [granularity, setGranularity] = useState<Granularity>("day");
  const [week, setWeek] = useState(() => isoWeek());
  const granularityLabel = useId();
  const shownUnit = unitId ?? scope.data?.root ?? null;
  const valid = isIsoDate(range.from) && isIsoDate(range.to) && range.from <= range.to;
  const query = { unitId: shownUnit ?? undefined, from: range.from, to: range.to, granularity };
  const trends = useTrends(query, valid && shownUnit !== null);
  const rhk = useRhkActivity(query, valid && shownUnit !== null);
  const fileParams = { ...(shownUnit ? { unitId: shownUnit } : {}), from: range.from, to: range.to, granularity };
  const weekParams = { ...(shownUnit ? { unitId: shownUnit } : {}), week };

  return (
    <>
      <PageHeader title={t("trends.title")} description={t("trends.description")} />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          {scope.data ? <UnitPicker units={scope.data.units} value={shownUnit} onChange={setUnitId} /> : null}
          <TextInput
            type="date"
            label={t("filters.from")}
            value={range.from}
            onChange={(e) => setRange((r) => ({ ...r, from: e.currentTarget.value }))}
            style={{ flex: "0 1 10rem" }}
          />
          <TextInput
            type="date"
            label={t("filters.to")}
            value={range.to}
            onChange={(e) => setRange((r) => ({ ...r, to: e.currentTarget.value }))}
            style={{ flex: "0 1 10rem" }}
          />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={granularityLabel}>
            {t("filters.granularity")}
          </Text>
          <SegmentedControl
            aria-labelledby={granularityLabel}
            value={granularity}
            onChange={(v) => setGranularity(v as Granularity)}
            data={GRANULARITIES.map((g) => ({ value: g, label: t(`granularity.${g}`) }))}
            style={{ alignSelf: "flex-start" }}
          />
        </Stack>
        {valid ? null : (
          <Text size="sm" c="red.9" role="alert">
            {t("filters.invalidRange")}
          </Text>
        )}
        <ErrorAlert error={scope.error ?? trends.error} />
        {trends.isPending && valid ? <Loading /> : null}
        {trends.data ? (
          <>
            <TrendCharts trends={trends.data} rhk={rhk.data} rhkError={rhk.error} />
            <Section title={t("trends.perUnit")}>
              <Stack gap="sm">
                <UnitTrendTable units={trends.data.units} />
                <ExportButtons
                  kind="trends"
                  formats={["xlsx", "csv"]}
                  urlOf={(f) => monitoringUrl(`/trends.${f}`, fileParams)}
                  params={fileParams}
                  name="tren-pemantauan"
                  disabled={!valid}
                />
              </Stack>
            </Section>
          </>
        ) : null}
        <Section title={t("weekly.title")} description={t("weekly.description")}>
          <Stack gap="sm">
            <TextInput
              type="week"
              label={t("weekly.week")}
              value={week}
              onChange={(e) => setWeek(e.currentTarget.value)}
              style={{ maxWidth: "12rem" }}
              error={WEEK.test(week) ? undefined : t("weekly.invalid")}
            />
            <ExportButtons
              kind="weekly"
              formats={["pdf", "xlsx"]}
              urlOf={(format) => monitoringUrl("/weekly-report", { ...weekParams, format })}
              params={weekParams}
              name={`laporan-mingguan-${week}`}
              disabled={!WEEK.test(week) || shownUnit === null}
            />
          </Stack>
        </Section>
      </Stack>
    </>
  );
}
