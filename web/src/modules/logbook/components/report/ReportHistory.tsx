import { Text, Timeline } from "@mantine/core";
import { IconArrowBackUp, IconCheck, IconSend } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../../ui/format";
import type { ReportHistoryItem } from "../../types";
import { minutesText } from "./minutes";

const ICONS = { submitted: IconSend, resubmitted: IconSend, returned: IconArrowBackUp, approved: IconCheck };

/** Each step of a report: submitted, returned with a comment, resubmitted, approved. */
export function ReportHistory({ history }: { history: ReportHistoryItem[] }) {
  const { t } = useTranslation("logbook");
  const format = useFormat();
  if (history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("detail.noHistory")}
      </Text>
    );
  }
  return (
    <Timeline active={history.length - 1} bulletSize={24} lineWidth={2}>
      {history.map((h) => {
        const Icon = ICONS[h.action];
        const minutes = h.activities.reduce((s, a) => s + a.minutes, 0);
        return (
          <Timeline.Item key={`${h.action}${h.at}`} bullet={<Icon size={14} aria-hidden />} title={t(`detail.action.${h.action}`)}>
            <Text size="xs" c="dimmed">
              {format.dateTime(h.at)}
              {h.by ? ` · ${h.by.name}` : ""}
            </Text>
            {h.comment ? (
              <Text size="sm" mt={4} style={{ whiteSpace: "pre-line", overflowWrap: "anywhere" }}>
                “{h.comment}”
              </Text>
            ) : null}
            {h.action === "submitted" || h.action === "resubmitted" ? (
              <Text size="xs" c="dimmed" mt={2}>
                {t("history.summary", { count: h.activities.length, total: minutesText(minutes, t) })}
              </Text>
            ) : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
