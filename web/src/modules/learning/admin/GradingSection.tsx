import { Anchor, Button, Card, Group, NumberInput, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { useGrade, useGradingQueue } from "../assessApi";
import type { GradingItem } from "../types";

/** Essays and submissions of the run waiting for a grade. */
export function GradingSection({ runId }: { runId: string }) {
  const { t } = useTranslation("learning");
  const q = useGradingQueue(runId);
  return (
    <Stack gap="sm">
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loading /> : null}
      {q.data?.length === 0 ? <Text c="dimmed">{t("grading.none")}</Text> : null}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("grading.title")}>
        {(q.data ?? []).map((item) => (
          <GradeCard key={`${item.kind}-${item.id}`} runId={runId} item={item} />
        ))}
      </Stack>
    </Stack>
  );
}

function GradeCard({ runId, item }: { runId: string; item: GradingItem }) {
  const { t } = useTranslation("learning");
  const format = useFormat();
  const grade = useGrade(runId);
  const rubric = item.rubric ?? [];
  const [marks, setMarks] = useState<Record<string, number | "">>({});
  const [points, setPoints] = useState<number | "">("");
  const [feedback, setFeedback] = useState("");
  const total = rubric.length ? rubric.reduce((s, c) => s + (typeof marks[c.id] === "number" ? (marks[c.id] as number) : 0), 0) : points === "" ? 0 : points;
  const send = (returned: boolean) =>
    grade.mutate({
      item,
      input: {
        points: total,
        feedback: feedback.trim(),
        rubricScores: rubric.map((c) => ({ criterionId: c.id, points: typeof marks[c.id] === "number" ? (marks[c.id] as number) : 0 })),
        returned,
      },
    });
  const label = t("grading.itemLabel", { learner: item.learnerName, lesson: item.lessonTitle });
  return (
    <Card withBorder component="li" padding="sm" aria-label={label}>
      <Text fw={600}>{label}</Text>
      <Text size="xs" c="dimmed">
        {t(`grading.kind.${item.kind}`)} · {format.dateTime(item.submittedAt)}
      </Text>
      {item.prompt ? (
        <Text size="sm" mt="xs" fw={500}>
          {item.prompt}
        </Text>
      ) : null}
      {(item.answer ?? item.text) ? (
        <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {item.answer ?? item.text}
        </Text>
      ) : null}
      {item.fileUrl ? (
        <Anchor href={item.fileUrl} download size="sm">
          {t("assignment.file")}
        </Anchor>
      ) : null}
      <Stack gap="xs" mt="sm">
        {rubric.length ? (
          rubric.map((c) => (
            <NumberInput
              key={c.id}
              label={`${c.title} (${t("grading.max", { max: c.maxPoints })})`}
              min={0}
              max={c.maxPoints}
              value={marks[c.id] ?? ""}
              onChange={(v) => setMarks((m) => ({ ...m, [c.id]: typeof v === "number" ? v : "" }))}
            />
          ))
        ) : (
          <NumberInput
            label={t("grading.points", { max: item.maxPoints ?? 100 })}
            min={0}
            max={item.maxPoints ?? 100}
            value={points}
            onChange={(v) => setPoints(typeof v === "number" ? v : "")}
          />
        )}
        <Textarea label={t("assignment.feedback")} autosize minRows={2} value={feedback} onChange={(e) => setFeedback(e.currentTarget.value)} />
        <ErrorAlert error={grade.error} />
        <Group gap="xs">
          <Button onClick={() => send(false)} loading={grade.isPending && grade.variables?.input.returned === false}>
            {t("grading.save")}
          </Button>
          {item.kind === "submission" ? (
            <Button variant="default" onClick={() => send(true)} loading={grade.isPending && grade.variables?.input.returned === true}>
              {t("grading.return")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
