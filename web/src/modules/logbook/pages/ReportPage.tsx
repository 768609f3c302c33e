import { Anchor, Paper, Stack, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { intlLocale } from "../../../ui/format";
import { PageHeader } from "../../../ui/PageHeader";
import { useMyReport, useReportDetail, useToday } from "../api";
import { Notice } from "../components/Notice";
import { OutboxBanner } from "../components/OutboxBanner";
import { ReportDay } from "../components/report/ReportDay";
import { ReportHistory } from "../components/report/ReportHistory";
import { useOutbox } from "../offline/useOutbox";
import { dayText } from "../words";

/** One day's own report: its status, the editor while it may change, and its history. */
export default function ReportPage() {
  const { t, i18n } = useTranslation("logbook");
  const { date = "" } = useParams();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const outbox = useOutbox();
  const today = useToday().data;
  const report = useMyReport(valid ? date : "");
  const detail = useReportDetail(report.data?.id);
  const future = valid && today !== undefined && date > today.date;
  const title = valid ? t("detail.title", { date: dayText(date, intlLocale(i18n.language)) }) : t("detail.invalid");
  return (
    <>
      <Anchor component={Link} to="/logbook/reports" size="sm" mb="xs" display="inline-block">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: "-2px" }} /> {t("detail.back")}
      </Anchor>
      <PageHeader title={title} />
      {future ? <Notice color="gray">{t("detail.future")}</Notice> : null}
      {valid && !future ? (
        <Stack gap="md">
          <OutboxBanner
            items={outbox.filter((i) => i.url.startsWith(`/me/reports/${date}`))}
            fixTarget={() => "laporan"}
            onFix={(id) => document.getElementById(id)?.scrollIntoView({ behavior: "smooth" })}
          />
          <Paper withBorder radius="md" p={{ base: "sm", sm: "lg" }} component="section" aria-labelledby="report-now" id="laporan">
            <Title order={2} size="h4" id="report-now" mb="sm">
              {t("detail.current")}
            </Title>
            <ReportDay date={date} outbox={outbox} timezone={today?.timezone} />
          </Paper>
          {report.data ? (
            <Paper withBorder radius="md" p={{ base: "sm", sm: "lg" }} component="section" aria-labelledby="report-history">
              <Title order={2} size="h4" id="report-history" mb="sm">
                {t("detail.history")}
              </Title>
              <ReportHistory history={detail.data?.history ?? []} />
            </Paper>
          ) : null}
        </Stack>
      ) : null}
    </>
  );
}
