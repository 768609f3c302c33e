import { Badge, Group, Stack, Text } from "@mantine/core";
import { IconLock, IconMessageReport } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../../../ui/format";
import { useLogbookSettings } from "../../manageApi";
import type { Report, ReportStatus } from "../../types";
import { Notice } from "../Notice";
import { WarnBadge } from "../WarnBadge";

export const STATUS_COLOUR: Record<ReportStatus, string> = { draft: "gray", submitted: "blue", returned: "orange", approved: "green" };

function deadlineText(iso: string, timeZone: string | undefined, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
}

interface Props {
  report: Report | null;
  pending: "draft" | "submit" | null;
  timezone?: string;
}

/** Where the day's report stands: status, revision, deadline, and the supervisor's word. */
export function ReportStatusLine({ report, pending, timezone }: Props) {
  const { t, i18n } = useTranslation("logbook");
  const locale = intlLocale(i18n.language);
  // Before the first save the server has not set the deadline yet: say how it is counted.
  const rule = useLogbookSettings().data;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {report ? (
          <Badge variant="dot" color={STATUS_COLOUR[report.status]} styles={{ root: { color: "var(--mantine-color-text)" } }}>
            {t(`reportStatus.${report.status}`)}
          </Badge>
        ) : (
          <Badge variant="dot" color="gray" styles={{ root: { color: "var(--mantine-color-text)" } }}>
            {t("reportStatus.none")}
          </Badge>
        )}
        {pending ? (
          <Badge variant="dot" color="yellow" styles={{ root: { color: "var(--mantine-color-text)" } }}>
            {t(pending === "submit" ? "report.pendingSubmit" : "report.pendingDraft")}
          </Badge>
        ) : null}
        {report?.late ? <WarnBadge>{t("report.late")}</WarnBadge> : null}
        {report?.overdue ? <WarnBadge>{t("report.overdue")}</WarnBadge> : null}
      </Group>
      {report ? (
        <Text size="sm" c="dimmed">
          {t("report.deadline", { when: deadlineText(report.deadlineAt, timezone, locale) })}
          {report.revision > 1 ? ` · ${t("report.revision", { n: report.revision })}` : ""}
        </Text>
      ) : rule ? (
        <Text size="sm" c="dimmed">
          {rule.reportDeadlineWorkdays === 0
            ? t("report.deadlineSameDay", { time: rule.reportDeadlineTime })
            : t("report.deadlineRule", { count: rule.reportDeadlineWorkdays, time: rule.reportDeadlineTime })}
        </Text>
      ) : null}
      {report?.status === "returned" && report.reviewComment ? (
        <Notice color="orange" variant="light" icon={<IconMessageReport aria-hidden />} title={t("report.returnedTitle")}>
          <Text size="sm" style={{ whiteSpace: "pre-line", overflowWrap: "anywhere" }}>
            {report.reviewComment}
          </Text>
        </Notice>
      ) : null}
      {report?.status === "approved" ? (
        <Notice color="green" variant="light" icon={<IconLock aria-hidden />} title={t("report.lockedTitle")}>
          <Text size="sm">{report.reviewComment ? t("report.lockedWithComment", { comment: report.reviewComment }) : t("report.lockedBody")}</Text>
        </Notice>
      ) : null}
      {report?.status === "submitted" && !pending ? <Text size="sm">{t("report.waitingBody")}</Text> : null}
    </Stack>
  );
}
