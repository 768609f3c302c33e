import { ActionIcon, Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { intlLocale } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useMyReports, useToday } from "../api";
import { MonthGrid } from "../components/report/MonthGrid";
import { minutesText } from "../components/report/minutes";
import { STATUS_COLOUR } from "../components/report/ReportStatusLine";
import { dayText } from "../words";

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

function lastDay(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

/** Riwayat: one's reports month by month, as a calendar heatmap and a list. */
export default function ReportsPage() {
  const { t, i18n } = useTranslation("logbook");
  const locale = intlLocale(i18n.language);
  const today = useToday().data?.date ?? new Date().toISOString().slice(0, 10);
  const [params, setParams] = useSearchParams();
  const wanted = params.get("month") ?? "";
  const month = /^\d{4}-\d{2}$/.test(wanted) ? wanted : today.slice(0, 7);
  const reports = useMyReports(`${month}-01`, lastDay(month));
  const monthName = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
  const go = (by: number) => setParams({ month: shiftMonth(month, by) }, { replace: true });
  const items = [...(reports.data ?? [])].sort((a, b) => b.workDate.localeCompare(a.workDate));
  return (
    <>
      <PageHeader title={t("history.title")} description={t("history.description")} />
      <Stack gap="md">
        <Paper withBorder radius="md" p={{ base: "sm", sm: "lg" }} component="section" aria-labelledby="history-month">
          <Group justify="space-between" mb="sm" wrap="nowrap">
            <ActionIcon variant="default" size="lg" onClick={() => go(-1)} aria-label={t("history.previous")}>
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <Title order={2} size="h4" id="history-month" aria-live="polite">
              {monthName}
            </Title>
            <ActionIcon variant="default" size="lg" onClick={() => go(1)} aria-label={t("history.next")} disabled={month >= today.slice(0, 7)}>
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Group>
          {reports.isPending ? <Loading /> : <MonthGrid month={month} today={today} reports={reports.data ?? []} />}
        </Paper>
        <ErrorAlert error={reports.error} />
        <section aria-labelledby="history-list">
          <Title order={2} size="h4" id="history-list" mb="xs">
            {t("history.list")}
          </Title>
          {reports.data && items.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("history.empty")}
            </Text>
          ) : null}
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
            {items.map((r) => (
              <Paper component="li" key={r.id} withBorder radius="md" p="sm">
                <Group justify="space-between" gap="xs">
                  <Anchor component={Link} to={`/logbook/reports/${r.workDate}`} fw={600} size="sm">
                    {dayText(r.workDate, locale)}
                  </Anchor>
                  <Badge variant="dot" color={STATUS_COLOUR[r.status]} styles={{ root: { color: "var(--mantine-color-text)" } }}>
                    {t(`reportStatus.${r.status}`)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" mt={4}>
                  {t("history.summary", { count: r.activities.length, total: minutesText(r.totalMinutes, t) })}
                  {r.late ? ` · ${t("report.late")}` : ""}
                </Text>
              </Paper>
            ))}
          </Stack>
        </section>
      </Stack>
    </>
  );
}
