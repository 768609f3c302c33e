import { useTranslation } from "react-i18next";
import type { OutboxItem } from "../../../../offline/outbox";
import { useMyReport } from "../../api";
import { pendingReport, ReportDay } from "../report/ReportDay";
import { StepCard, type StepState } from "../StepCard";

interface Props {
  date: string;
  timezone: string;
  workday: boolean;
  outbox: OutboxItem[];
}

const STATE: Record<string, StepState> = { draft: "todo", submitted: "done", returned: "attention", approved: "done" };

/** Step 3: the day's work report. */
export function ReportStep({ date, timezone, workday, outbox }: Props) {
  const { t } = useTranslation("logbook");
  const report = useMyReport(date).data;
  const pending = pendingReport(outbox, date).kind;
  const state: StepState = pending ? "pending" : report ? STATE[report.status] : workday ? "todo" : "optional";
  const label = pending ? t("status.pending") : report ? t(`reportStatus.${report.status}`) : workday ? t("status.todo") : t("status.optional");
  return (
    <StepCard id="laporan" step={3} title={t("report.title")} state={state} stateLabel={label}>
      <ReportDay date={date} outbox={outbox} timezone={timezone} />
    </StepCard>
  );
}
