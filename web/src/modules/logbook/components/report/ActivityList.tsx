import { Anchor, Badge, Group, List, Stack, Text } from "@mantine/core";
import { IconLink, IconPaperclip } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Activity } from "../../types";
import { minutesText } from "./minutes";

/** Activities as they were saved or submitted (read-only). */
export function ActivityList({ activities }: { activities: Activity[] }) {
  const { t } = useTranslation("logbook");
  if (activities.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("report.noActivities")}
      </Text>
    );
  }
  return (
    <List type="ordered" spacing="sm" size="sm" styles={{ itemWrapper: { minWidth: 0 }, itemLabel: { minWidth: 0 } }}>
      {activities.map((a) => (
        <List.Item key={a.ordinal}>
          <Stack gap={2}>
            <Text size="sm" style={{ overflowWrap: "anywhere", whiteSpace: "pre-line" }}>
              {a.description}
            </Text>
            <Group gap={6}>
              <Badge variant="light" color="gray" styles={{ root: { color: "var(--mantine-color-text)", textTransform: "none" } }}>
                {t("report.outputShort", { qty: a.outputQty, unit: a.outputUnit })}
              </Badge>
              <Badge variant="light" color="gray" styles={{ root: { color: "var(--mantine-color-text)", textTransform: "none" } }}>
                {minutesText(a.minutes, t)}
              </Badge>
            </Group>
            {a.rhk ? (
              <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {t("report.rhkShort", { rhk: a.rhk.code ? `${a.rhk.code} — ${a.rhk.title}` : a.rhk.title })}
              </Text>
            ) : null}
            {a.evidence ? (
              <Group gap={4} wrap="nowrap">
                {"url" in a.evidence ? <IconLink size={14} aria-hidden /> : <IconPaperclip size={14} aria-hidden />}
                <Anchor
                  size="xs"
                  href={"url" in a.evidence ? a.evidence.url : a.evidence.href}
                  target="_blank"
                  rel="noopener noreferrer"
                  style={{ overflowWrap: "anywhere" }}
                >
                  {"url" in a.evidence ? a.evidence.url : a.evidence.filename}
                </Anchor>
              </Group>
            ) : null}
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}
