import { Alert, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataList } from "../../../ui/DataList";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { useAttempt, useQuizInfo, useSaveAnswer, useStartAttempt, useSubmitAttempt } from "../assessApi";
import { Markdown } from "../components/Markdown";
import type { Answer, Attempt, LessonContent } from "../types";
import { Countdown } from "./Countdown";
import { QuestionField } from "./QuestionField";
import { QuizResult } from "./QuizResult";

/** A quiz lesson: the rules, then an attempt (timed by the server's deadline), then the result. */
export function QuizLesson({ enrolmentId, lesson }: { enrolmentId: string; lesson: LessonContent }) {
  const { t } = useTranslation("learning");
  const info = useQuizInfo(enrolmentId, lesson.id);
  const quiz = info.data;
  const [picked, setAttemptId] = useState<string | null>(null);
  const attemptId = picked ?? quiz?.openAttemptId ?? quiz?.lastAttemptId ?? null;
  const start = useStartAttempt(enrolmentId, lesson.id);
  const attempt = useAttempt(attemptId);
  if (info.isPending) return <Loading />;
  if (!quiz) return info.error ? <ErrorAlert error={info.error} /> : <Text c="dimmed">{t("quiz.notReady")}</Text>;
  const remaining = quiz.attemptsAllowed === null ? null : Math.max(0, quiz.attemptsAllowed - quiz.attemptsUsed);
  const canStart = !quiz.openAttemptId && (remaining === null || remaining > 0);
  const begin = () => start.mutate(undefined, { onSuccess: (a) => setAttemptId(a.id) });
  return (
    <Stack gap="sm">
      {lesson.body ? <Markdown source={lesson.body} /> : null}
      <DataList
        items={[
          { label: t("quiz.passingScore"), value: `${quiz.passingScore}` },
          { label: t("quiz.timeLimit"), value: quiz.timeLimitMinutes ? t("quiz.minutes", { count: quiz.timeLimitMinutes }) : t("quiz.noLimit") },
          { label: t("quiz.attempts"), value: remaining === null ? t("quiz.unlimited") : t("quiz.attemptsLeft", { count: remaining }) },
          { label: t("quiz.best"), value: quiz.bestScore === null ? "—" : `${quiz.bestScore}` },
        ]}
      />
      {quiz.passed ? (
        <Badge color="green" variant="light" size="lg">
          {t("quiz.passedBadge")}
        </Badge>
      ) : null}
      <ErrorAlert error={start.error ?? attempt.error} />
      {attemptId && attempt.isPending ? <Loading /> : null}
      {attempt.data?.status === "in_progress" ? (
        <AttemptForm enrolmentId={enrolmentId} lessonId={lesson.id} attempt={attempt.data} />
      ) : attempt.data ? (
        <QuizResult attempt={attempt.data} passingScore={quiz.passingScore} />
      ) : null}
      {attempt.data?.status !== "in_progress" && canStart && !quiz.passed ? (
        <Button onClick={begin} loading={start.isPending}>
          {quiz.attemptsUsed > 0 ? t("quiz.retry") : t("quiz.start")}
        </Button>
      ) : null}
      {!canStart && !quiz.passed && attempt.data?.status !== "in_progress" ? <Alert color="orange">{t("quiz.noAttemptsLeft")}</Alert> : null}
    </Stack>
  );
}

function AttemptForm({ enrolmentId, lessonId, attempt }: { enrolmentId: string; lessonId: string; attempt: Attempt }) {
  const { t } = useTranslation("learning");
  const [answers, setAnswers] = useState<Record<string, Answer>>(attempt.answers ?? {});
  const save = useSaveAnswer(attempt.id);
  const submitAttempt = useSubmitAttempt(enrolmentId, lessonId, attempt.id);
  const timers = useRef(new Map<string, number>());
  const pending = useRef(new Map<string, Answer>());

  const flushAll = async () => {
    for (const timer of timers.current.values()) window.clearTimeout(timer);
    timers.current.clear();
    const saves = [...pending.current.entries()].map(([questionId, answer]) => save.mutateAsync({ questionId, answer }));
    pending.current.clear();
    await Promise.all(saves);
  };
  const change = (questionId: string, answer: Answer, typed: boolean) => {
    setAnswers((a) => ({ ...a, [questionId]: answer }));
    pending.current.set(questionId, answer);
    const old = timers.current.get(questionId);
    if (old) window.clearTimeout(old);
    const send = () => {
      timers.current.delete(questionId);
      const latest = pending.current.get(questionId);
      pending.current.delete(questionId);
      if (latest !== undefined) save.mutate({ questionId, answer: latest });
    };
    // Typing is saved after a pause; a click is saved at once.
    if (typed) timers.current.set(questionId, window.setTimeout(send, 800));
    else send();
  };
  const finish = async () => {
    await flushAll();
    submitAttempt.mutate();
  };
  const answered = attempt.questions.filter((q) => {
    const a = answers[q.id];
    return a !== undefined && a !== null && a !== "" && !(Array.isArray(a) && a.length === 0);
  }).length;
  return (
    <Stack gap="sm">
      {attempt.deadline ? <Countdown deadline={attempt.deadline} onExpire={() => void finish()} /> : null}
      {attempt.questions.map((q, i) => (
        <QuestionField
          key={q.id}
          question={q}
          number={i + 1}
          value={answers[q.id]}
          onChange={(a) => change(q.id, a, q.type === "short" || q.type === "essay")}
        />
      ))}
      <ErrorAlert error={save.error ?? submitAttempt.error} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t("quiz.answered", { count: answered, total: attempt.questions.length })}
        </Text>
        <Button onClick={() => void finish()} loading={submitAttempt.isPending}>
          {t("quiz.submit")}
        </Button>
      </Group>
    </Stack>
  );
}
