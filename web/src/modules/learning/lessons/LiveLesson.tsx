import { Badge, Button, Stack, Text } from "@mantine/core";
import { IconVideo } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { DataList } from "../../../ui/DataList";
import { useFormat } from "../../../ui/format";
import { Markdown, safeUrl } from "../components/Markdown";
import type { LessonContent } from "../types";

const ATTENDANCE_COLOR = { present: "green", absent: "red", excused: "gray" } as const;

/** A live session: its time in the learner's own time zone, the meeting link and the recorded attendance. */
export function LiveLesson({ lesson }: { lesson: LessonContent }) {
  const { t } = useTranslation("learning");
  const format = useFormat();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const meeting = lesson.meetingUrl ? safeUrl(lesson.meetingUrl) : null;
  return (
    <Stack gap="sm">
      {lesson.body ? <Markdown source={lesson.body} /> : null}
      <DataList
        items={[
          { label: t("live.starts"), value: lesson.startsAt ? format.dateTime(lesson.startsAt) : "—" },
          { label: t("live.ends"), value: lesson.endsAt ? format.dateTime(lesson.endsAt) : "—" },
          { label: t("live.zone"), value: zone },
          {
            label: t("live.attendance"),
            value: lesson.attendance ? (
              <Badge color={ATTENDANCE_COLOR[lesson.attendance]} variant="light">
                {t(`live.${lesson.attendance}`)}
              </Badge>
            ) : (
              t("live.notRecorded")
            ),
          },
        ]}
      />
      {meeting ? (
        <Button component="a" href={meeting} target="_blank" rel="noopener noreferrer" leftSection={<IconVideo size={16} aria-hidden />}>
          {t("live.join")}
        </Button>
      ) : (
        <Text c="dimmed" size="sm">
          {t("live.noLink")}
        </Text>
      )}
    </Stack>
  );
}
