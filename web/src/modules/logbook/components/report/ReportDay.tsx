import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OutboxItem } from "../../../../offline/outbox";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { Loading } from "../../../../ui/Loading";
import { useMyReport, useTargets } from "../../api";
import { failedFor, pendingFor } from "../../offline/daily";
import type { Activity, ActivityIn, Report, Target } from "../../types";
import { ActivityList } from "./ActivityList";
import { fromActivity, fromInput } from "./activityDraft";
import { ReportEditor } from "./ReportEditor";
import { ReportStatusLine } from "./ReportStatusLine";

interface Props {
  date: string;
  outbox: OutboxItem[];
  timezone?: string;
}

export interface DayReportState {
  report: Report | null | undefined;
  pending: "draft" | "submit" | null;
}

/** What the outbox still holds for a day's report. */
export function pendingReport(outbox: OutboxItem[], date: string) {
  const draft = pendingFor(outbox, "PUT", `/me/reports/${date}`);
  const submit = pendingFor(outbox, "POST", `/me/reports/${date}/submit`);
  return { draft, submit, kind: submit ? ("submit" as const) : draft ? ("draft" as const) : null };
}

/** A queued draft shown the way saved activities are. */
function asActivities(list: ActivityIn[], targets: Target[], fileLabel: string): Activity[] {
  return list.map((a, i) => {
    const target = targets.find((x) => x.id === a.rhkId);
    const evidence =
      a.evidence && "fileId" in a.evidence ? { ...a.evidence, filename: fileLabel, mime: "", size: 0, href: `/api/v1/files/${a.evidence.fileId}` } : a.evidence;
    return { ...a, ordinal: i + 1, rhk: target ? { id: target.id, code: target.code, title: target.title } : null, evidence };
  });
}

/** A day's report: its status and, while it may change, the editor (else the activities as submitted). */
export function ReportDay({ date, outbox, timezone }: Props) {
  const { t } = useTranslation("logbook");
  const report = useMyReport(date);
  const targets = useTargets();
  const pending = pendingReport(outbox, date);
  if (report.isPending) return <Loading />;
  // Offline without a cached answer the report is unknown: the editor still opens (the save is queued).
  const server = report.data ?? null;
  const editable = !pending.submit && (!server || server.status === "draft" || server.status === "returned");
  const refused = editable ? failedFor(outbox, `/me/reports/${date}`) : undefined;
  const queuedActivities = (pending.draft?.body as { activities: ActivityIn[] } | undefined)?.activities;
  const held = queuedActivities ?? (refused?.method === "PUT" ? (refused.body as { activities: ActivityIn[] }).activities : undefined);
  const initial = held ? held.map((a) => fromInput(a, t("report.attached"))) : (server?.activities.map(fromActivity) ?? []);
  // The editor keeps its own state across saves; it starts again only from a queued or refused draft, or on another day.
  const editorKey = `${date}:${pending.draft?.key ?? refused?.key ?? (report.data === undefined ? "unknown" : "server")}`;
  return (
    <Stack gap="md">
      {report.error && !report.data ? <ErrorAlert error={report.error} /> : null}
      <ReportStatusLine report={server} pending={pending.kind} timezone={timezone} />
      {editable ? (
        <ReportEditor key={editorKey} date={date} initial={initial} targets={targets.data ?? []} />
      ) : (
        <ActivityList activities={queuedActivities ? asActivities(queuedActivities, targets.data ?? [], t("report.attached")) : (server?.activities ?? [])} />
      )}
    </Stack>
  );
}
