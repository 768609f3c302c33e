import { Alert, List, Stack, Text } from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Answer, Attempt } from "../types";

function show(answer: Answer | undefined, attempt: Attempt, questionId: string): string {
  const q = attempt.questions.find((x) => x.id === questionId);
  const text = (id: string) => q?.options?.find((o) => o.id === id)?.text ?? q?.choices?.find((o) => o.id === id)?.text ?? id;
  if (answer === undefined || answer === null) return "—";
  if (typeof answer === "boolean") return String(answer);
  if (typeof answer === "string") return text(answer);
  if (Array.isArray(answer)) return answer.map(text).join(", ");
  return Object.entries(answer)
    .map(([k, v]) => `${q?.items?.find((i) => i.id === k)?.text ?? k} → ${text(v)}`)
    .join("; ");
}

/** A submitted attempt: the score, passed or not, and the review the quiz settings allow. */
export function QuizResult({ attempt, passingScore }: { attempt: Attempt; passingScore: number }) {
  const { t } = useTranslation("learning");
  const waiting = attempt.status === "submitted" && attempt.score === null;
  return (
    <Stack gap="sm">
      {waiting ? (
        <Alert color="blue" role="status">
          {t("quiz.waitingGrade")}
        </Alert>
      ) : (
        <Alert color={attempt.passed ? "green" : "red"} role="status" title={attempt.passed ? t("quiz.passed") : t("quiz.failed")}>
          {t("quiz.score", { score: attempt.score ?? 0, passing: passingScore })}
        </Alert>
      )}
      {attempt.review?.length ? (
        <List spacing="xs" listStyleType="none" p={0}>
          {attempt.review.map((r, i) => {
            const q = attempt.questions.find((x) => x.id === r.questionId);
            return (
              <List.Item
                key={r.questionId}
                icon={
                  r.correct === true ? (
                    <IconCheck size={16} color="green" aria-hidden />
                  ) : r.correct === false ? (
                    <IconX size={16} color="red" aria-hidden />
                  ) : undefined
                }
              >
                <Text size="sm" fw={600}>
                  {t("quiz.question", { n: i + 1 })}. {q?.prompt}
                </Text>
                <Text size="sm">
                  {r.correct === true ? t("quiz.correct") : r.correct === false ? t("quiz.incorrect") : t("quiz.ungraded")}
                  {r.correctAnswer !== undefined ? ` · ${t("quiz.correctAnswer")}: ${show(r.correctAnswer, attempt, r.questionId)}` : ""}
                </Text>
                {r.feedback ? (
                  <Text size="sm" c="dimmed">
                    {r.feedback}
                  </Text>
                ) : null}
              </List.Item>
            );
          })}
        </List>
      ) : null}
    </Stack>
  );
}
