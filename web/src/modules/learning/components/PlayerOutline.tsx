import { Group, NavLink, Progress, Stack, Text } from "@mantine/core";
import { IconCircle, IconCircleCheck, IconCircleDashed, IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PlayerOutline as Outline, OutlineLesson } from "../types";
import { LessonIcon } from "./LessonIcon";

function StatusIcon({ lesson }: { lesson: OutlineLesson }) {
  if (lesson.locked) return <IconLock size={16} aria-hidden />;
  if (lesson.status === "completed") return <IconCircleCheck size={16} color="var(--mantine-color-green-7)" aria-hidden />;
  if (lesson.status === "in_progress") return <IconCircleDashed size={16} color="var(--mantine-color-abdi-7)" aria-hidden />;
  return <IconCircle size={16} aria-hidden />;
}

function LessonLabel({ lesson }: { lesson: OutlineLesson }) {
  return (
    <Group gap={6} wrap="nowrap">
      <LessonIcon kind={lesson.kind} size={16} />
      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
        {lesson.title}
      </Text>
    </Group>
  );
}

/** The course's modules and lessons, each with its status; locked lessons are not links. */
export function PlayerOutline({ outline, current, onNavigate }: { outline: Outline; current?: string; onNavigate?: () => void }) {
  const { t } = useTranslation("learning");
  return (
    <Stack gap="xs">
      <div>
        <Text size="sm" fw={600}>
          {t("player.progress", { percent: Math.round(outline.progress) })}
        </Text>
        <Progress value={outline.progress} aria-label={t("player.courseProgress")} mt={4} />
      </div>
      {outline.modules.map((m) => (
        <nav key={m.id} aria-label={m.title}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={2}>
            {m.title}
          </Text>
          {m.lessons.map((l) => {
            const status = l.locked ? t("status.locked") : l.failed ? t("status.failed") : t(`status.${l.status ?? "not_started"}`);
            return l.locked ? (
              <NavLink
                key={l.id}
                component="div"
                label={<LessonLabel lesson={l} />}
                description={status}
                rightSection={<StatusIcon lesson={l} />}
                disabled
                aria-disabled
              />
            ) : (
              <NavLink
                key={l.id}
                component={Link}
                to={`/learning/enrolments/${outline.id}/lessons/${l.id}`}
                label={<LessonLabel lesson={l} />}
                description={status}
                rightSection={<StatusIcon lesson={l} />}
                active={l.id === current}
                aria-current={l.id === current ? "page" : undefined}
                onClick={onNavigate}
              />
            );
          })}
        </nav>
      ))}
    </Stack>
  );
}

/** The lessons in course order, for previous/next. */
export function flatLessons(outline: Outline): OutlineLesson[] {
  return outline.modules.flatMap((m) => m.lessons);
}
