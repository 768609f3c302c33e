import { Badge, Button, Group, Paper, Text, Title } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { useLesson, useMarkDone } from "../api";
import { LessonIcon } from "../components/LessonIcon";
import { Markdown } from "../components/Markdown";
import type { LessonContent } from "../types";
import { AssignmentLesson } from "./AssignmentLesson";
import { LinkLesson } from "./LinkLesson";
import { LiveLesson } from "./LiveLesson";
import { PackageLesson } from "./PackageLesson";
import { PdfLesson } from "./PdfLesson";
import { QuizLesson } from "./QuizLesson";
import { VideoLesson } from "./VideoLesson";

/** Lessons the learner finishes by saying so (quizzes, assignments and videos decide by themselves). */
const MARKABLE = new Set(["text", "pdf", "link"]);

export function LessonView({ enrolmentId, lessonId }: { enrolmentId: string; lessonId: string }) {
  const { t } = useTranslation("learning");
  const q = useLesson(enrolmentId, lessonId);
  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const lesson = q.data;
  const done = lesson.progress.completed || lesson.progress.status === "completed";
  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "lg" }} component="article" aria-labelledby="lesson-title">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs" mb="sm">
        <Title order={2} size="h3" id="lesson-title" style={{ overflowWrap: "anywhere" }}>
          {lesson.title}
        </Title>
        <Badge variant="default" leftSection={<LessonIcon kind={lesson.kind} size={12} />} style={{ flexShrink: 0 }}>
          {t(`kind.${lesson.kind}`)}
        </Badge>
      </Group>
      <LessonBody enrolmentId={enrolmentId} lesson={lesson} />
      {MARKABLE.has(lesson.kind) ? <MarkDone enrolmentId={enrolmentId} lesson={lesson} done={done} /> : null}
      {!MARKABLE.has(lesson.kind) && lesson.kind !== "quiz" && done ? <DoneBadge /> : null}
    </Paper>
  );
}

function LessonBody({ enrolmentId, lesson }: { enrolmentId: string; lesson: LessonContent }) {
  switch (lesson.kind) {
    case "video":
      return <VideoLesson enrolmentId={enrolmentId} lesson={lesson} />;
    case "pdf":
      return <PdfLesson lesson={lesson} />;
    case "link":
      return <LinkLesson enrolmentId={enrolmentId} lesson={lesson} />;
    case "live":
      return <LiveLesson lesson={lesson} />;
    case "quiz":
      return <QuizLesson enrolmentId={enrolmentId} lesson={lesson} />;
    case "assignment":
      return <AssignmentLesson enrolmentId={enrolmentId} lesson={lesson} />;
    case "scorm":
    case "cmi5":
      return <PackageLesson enrolmentId={enrolmentId} lesson={lesson} />;
    default:
      return <Markdown source={lesson.body ?? ""} />;
  }
}

function DoneBadge() {
  const { t } = useTranslation("learning");
  return (
    <Group mt="md">
      <Badge color="green" variant="light" leftSection={<IconCheck size={12} aria-hidden />}>
        {t("status.completed")}
      </Badge>
    </Group>
  );
}

function MarkDone({ enrolmentId, lesson, done }: { enrolmentId: string; lesson: LessonContent; done: boolean }) {
  const { t } = useTranslation("learning");
  const mark = useMarkDone(enrolmentId, lesson.id, lesson.title);
  if (done || mark.data?.state === "sent") return <DoneBadge />;
  return (
    <Group mt="md" gap="sm">
      <Button onClick={() => mark.mutate()} loading={mark.isPending} leftSection={<IconCheck size={16} aria-hidden />}>
        {t("player.markDone")}
      </Button>
      {mark.data?.state === "queued" ? (
        <Text size="sm" fw={500}>
          {t("player.queued")}
        </Text>
      ) : null}
      <ErrorAlert error={mark.error} />
    </Group>
  );
}
