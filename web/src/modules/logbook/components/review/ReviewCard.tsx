import { Button, Checkbox, Group, Paper, Stack, Text } from "@mantine/core";
import { IconArrowBackUp, IconCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../../../ui/format";
import type { QueueItem } from "../../types";
import { dayText } from "../../words";
import { ActivityList } from "../report/ActivityList";
import { minutesText } from "../report/minutes";
import { DayResults } from "./DayResults";

interface Props {
  item: QueueItem;
  selected: boolean;
  onSelect?: (on: boolean) => void;
  onApprove?: () => void;
  onReturn?: () => void;
  busy: boolean;
}

/** One report in the review queue: who, which day, what was done, and the day's results. */
export function ReviewCard({ item, selected, onSelect, onApprove, onReturn, busy }: Props) {
  const { t, i18n } = useTranslation("logbook");
  const date = dayText(item.workDate, intlLocale(i18n.language));
  return (
    <Paper component="li" withBorder radius="md" p="sm" aria-label={t("review.cardLabel", { name: item.employee.name, date })}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
            {onSelect ? (
              <Checkbox
                checked={selected}
                onChange={(e) => onSelect(e.currentTarget.checked)}
                aria-label={t("review.select", { name: item.employee.name, date })}
                mt={2}
              />
            ) : null}
            <div style={{ minWidth: 0 }}>
              <Text fw={700} size="sm" style={{ overflowWrap: "anywhere" }}>
                {item.employee.name}
              </Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {item.employee.unit.name}
              </Text>
            </div>
          </Group>
          <Text size="xs" ta="right" fw={600} style={{ flexShrink: 0 }}>
            {date}
          </Text>
        </Group>
        <DayResults day={item.day} />
        <ActivityList activities={item.activities} />
        <Text size="xs" c="dimmed">
          {t("review.meta", { total: minutesText(item.totalMinutes, t), revision: item.revision })}
          {item.late ? ` · ${t("report.late")}` : ""}
        </Text>
        {item.reviewComment ? (
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {t("review.yourComment", { comment: item.reviewComment })}
          </Text>
        ) : null}
        {onApprove && onReturn ? (
          <Group gap="xs" grow>
            <Button variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={onReturn} disabled={busy}>
              {t("review.return")}
            </Button>
            <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={onApprove} loading={busy}>
              {t("review.approve")}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
