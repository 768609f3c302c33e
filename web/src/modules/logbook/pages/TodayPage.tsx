import { Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OutboxItem } from "../../../offline/outbox";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { intlLocale } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useToday } from "../api";
import { HealthStep } from "../components/health/HealthStep";
import { OutboxBanner } from "../components/OutboxBanner";
import { CheckinStep } from "../components/today/CheckinStep";
import { DayOffNotice } from "../components/today/DayOffNotice";
import { MyDataCard } from "../components/today/MyDataCard";
import { ReportStep } from "../components/today/ReportStep";
import { useOutbox } from "../offline/useOutbox";
import type { WorkMode } from "../types";
import { dayText, zoneAbbreviation } from "../words";

function scrollToStep(anchor: string) {
  const el = document.getElementById(anchor.replace(/^#/, ""));
  el?.scrollIntoView({ behavior: "smooth", block: "start" });
  el?.querySelector<HTMLElement>("button, input, textarea")?.focus({ preventScroll: true });
}

/** Where on this page a refused request can be redone. */
function fixTarget(item: OutboxItem): string | null {
  if (item.url === "/me/checkins") return "#kehadiran";
  if (item.url === "/me/health") return "#kesehatan";
  if (item.url.startsWith("/me/reports/")) return "#laporan";
  return null;
}

/** "Hari ini": the employee's day in three steps — attendance, health, work report. */
export default function TodayPage() {
  const { t, i18n } = useTranslation("logbook");
  const today = useToday();
  const outbox = useOutbox();
  const [mode, setMode] = useState<WorkMode | null>(null);
  if (today.isPending) return <Loading />;
  if (!today.data) return <ErrorAlert error={today.error} title={t("today.loadFailed")} />;
  const day = today.data;
  const hours = day.hours ? t("today.hours", { start: day.hours.start, end: day.hours.end, zone: zoneAbbreviation(day.timezone) }) : null;
  const checkedIn = Boolean(day.checkin) || outbox.some((i) => i.url === "/me/checkins" && i.state === "pending");
  return (
    <>
      <PageHeader
        title={t("today.title")}
        description={[dayText(day.date, intlLocale(i18n.language)), hours, day.ramadan ? t("today.ramadan") : null].filter(Boolean).join(" · ")}
      />
      <Stack gap="md">
        <OutboxBanner items={outbox} fixTarget={fixTarget} onFix={scrollToStep} />
        {!day.workday ? <DayOffNotice today={day} /> : null}
        <CheckinStep today={day} mode={mode ?? day.expectedMode ?? "WFO"} onModeChange={setMode} outbox={outbox} />
        <HealthStep
          day={day.date}
          workday={day.workday}
          outbox={outbox}
          onAdvice={
            checkedIn
              ? undefined
              : (m) => {
                  setMode(m);
                  scrollToStep("kehadiran");
                }
          }
        />
        <ReportStep date={day.date} timezone={day.timezone} workday={day.workday} outbox={outbox} />
        <MyDataCard />
      </Stack>
    </>
  );
}
