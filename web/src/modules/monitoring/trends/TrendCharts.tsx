import { AreaChart, BarChart, LineChart } from "@mantine/charts";
import { SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { intlLocale } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import type { RhkActivity, Trends } from "../types";
import { ChartFigure } from "./ChartFigure";
import { pct, periodLabel } from "./periods";

const H = 220;

/** Mean of the numbers that are there, or null. */
function mean(values: (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null);
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** The trend charts: compliance, office share against the cap, health, review backlog and RHK activity (arriving on its own). */
export function TrendCharts({ trends, rhk: rhkAnswer, rhkError }: { trends: Trends; rhk: RhkActivity | undefined; rhkError: unknown }) {
  const { t, i18n } = useTranslation("monitoring");
  const locale = intlLocale(i18n.language);
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = (v: number) => `${num.format(v)}%`;
  const data = trends.series.map((s) => ({
    period: periodLabel(s.period, trends.granularity, locale, t("trends.weekShort")),
    checkin: pct(s.checkinCompliance),
    report: pct(s.reportCompliance),
    office: pct(s.officeShare),
    cap: pct(s.officeCap),
    notCleared: s.healthNotCleared,
    backlog: s.reviewBacklog,
    medianHours: s.medianReviewHours,
  }));
  const fmt = (v: number | null, asPercent = false) => (v === null ? t("trends.noValue") : asPercent ? percent(v) : num.format(v));
  const last = data[data.length - 1];
  const rhk = (rhkAnswer?.rhk ?? []).map((r) => ({ title: r.title, activities: r.activities, hours: Math.round((r.minutes / 60) * 10) / 10 }));
  const axis = { textColor: "gray.7", gridAxis: "y" as const, h: H };
  const a11y = (summary: string) => ({ title: summary, desc: summary });

  const complianceSummary = t("trends.complianceSummary", {
    checkin: fmt(mean(data.map((d) => d.checkin)), true),
    report: fmt(mean(data.map((d) => d.report)), true),
    count: data.length,
  });
  const officeSummary = t("trends.officeSummary", { share: fmt(mean(data.map((d) => d.office)), true), cap: fmt(last?.cap ?? null, true) });
  const healthSummary = t("trends.healthSummary", { total: num.format(data.reduce((n, d) => n + d.notCleared, 0)) });
  const reviewSummary = t("trends.reviewSummary", { backlog: fmt(last?.backlog ?? null), hours: fmt(mean(data.map((d) => d.medianHours))) });
  const rhkSummary = t("trends.rhkSummary", {
    count: rhk.length,
    activities: num.format(rhk.reduce((n, r) => n + r.activities, 0)),
    hours: num.format(rhk.reduce((n, r) => n + r.hours, 0)),
  });

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ChartFigure title={t("trends.compliance")} summary={complianceSummary}>
        <LineChart
          {...axis}
          data={data}
          dataKey="period"
          unit="%"
          yAxisProps={{ domain: [0, 100] }}
          valueFormatter={percent}
          withLegend
          series={[
            { name: "checkin", label: t("trends.checkinCompliance"), color: "abdi.9" },
            { name: "report", label: t("trends.reportCompliance"), color: "teal.9", strokeDasharray: "6 3" },
          ]}
          lineChartProps={a11y(complianceSummary)}
        />
      </ChartFigure>
      <ChartFigure title={t("trends.officeShare")} summary={officeSummary}>
        <AreaChart
          {...axis}
          data={data}
          dataKey="period"
          unit="%"
          yAxisProps={{ domain: [0, 100] }}
          valueFormatter={percent}
          withLegend
          series={[
            { name: "office", label: t("trends.officeShareSeries"), color: "abdi.9" },
            { name: "cap", label: t("trends.officeCap"), color: "red.9", strokeDasharray: "5 4" },
          ]}
          areaChartProps={a11y(officeSummary)}
        />
      </ChartFigure>
      <ChartFigure title={t("trends.health")} summary={healthSummary}>
        <AreaChart
          {...axis}
          data={data}
          dataKey="period"
          valueFormatter={(v) => num.format(v)}
          series={[{ name: "notCleared", label: t("trends.healthNotCleared"), color: "red.9" }]}
          areaChartProps={a11y(healthSummary)}
        />
      </ChartFigure>
      <ChartFigure title={t("trends.review")} summary={reviewSummary}>
        <LineChart
          {...axis}
          data={data}
          dataKey="period"
          withLegend
          withRightYAxis
          valueFormatter={(v) => num.format(v)}
          yAxisLabel={t("trends.reviewBacklog")}
          rightYAxisLabel={t("trends.medianHours")}
          series={[
            { name: "backlog", label: t("trends.reviewBacklog"), color: "orange.9" },
            { name: "medianHours", label: t("trends.medianHours"), color: "grape.9", yAxisId: "right", strokeDasharray: "6 3" },
          ]}
          lineChartProps={a11y(reviewSummary)}
        />
      </ChartFigure>
      <ChartFigure title={t("trends.rhk")} summary={rhkSummary}>
        {rhkError ? (
          <ErrorAlert error={rhkError} />
        ) : !rhkAnswer ? (
          <Loading />
        ) : rhk.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("trends.noRhk")}
          </Text>
        ) : (
          <BarChart
            textColor="gray.7"
            h={Math.max(H, 48 * rhk.length + 60)}
            data={rhk}
            dataKey="title"
            orientation="vertical"
            withLegend
            valueFormatter={(v) => num.format(v)}
            yAxisProps={{ width: 140 }}
            series={[
              { name: "activities", label: t("trends.activities"), color: "abdi.9" },
              { name: "hours", label: t("trends.hours"), color: "teal.9" },
            ]}
            barChartProps={a11y(rhkSummary)}
          />
        )}
      </ChartFigure>
    </SimpleGrid>
  );
}
