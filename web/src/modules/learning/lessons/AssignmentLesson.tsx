import { Alert, Anchor, Badge, Button, FileInput, Group, Stack, Table, Text, Textarea } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFormat } from "../../../ui/format";
import { Loading } from "../../../ui/Loading";
import { useAssignmentInfo, useSubmitAssignment } from "../assessApi";
import { Markdown } from "../components/Markdown";
import type { LessonContent, Submission } from "../types";

const STATUS_COLOR = { submitted: "blue", returned: "orange", graded: "green" } as const;

/** An assignment: the instructions, the own submission with its grade and rubric feedback, and (re)submission. */
export function AssignmentLesson({ enrolmentId, lesson }: { enrolmentId: string; lesson: LessonContent }) {
  const { t } = useTranslation("learning");
  const format = useFormat();
  const q = useAssignmentInfo(enrolmentId, lesson.id);
  const info = q.data;
  const submission = info?.submission ?? null;
  const canSubmit = info?.canSubmit ?? (!submission || submission.status === "returned");
  return (
    <Stack gap="sm">
      {lesson.body ? <Markdown source={lesson.body} /> : null}
      {q.isPending ? <Loading /> : null}
      <ErrorAlert error={q.error} />
      {info?.instructions ? <Markdown source={info.instructions} /> : null}
      {info?.dueAt ? <Text size="sm">{t("assignment.dueAt", { at: format.dateTime(info.dueAt) })}</Text> : null}
      {submission ? <SubmissionView submission={submission} rubric={info?.rubric ?? []} /> : null}
      {canSubmit && info ? <SubmitForm enrolmentId={enrolmentId} lessonId={lesson.id} type={info.submissionType} again={Boolean(submission)} /> : null}
    </Stack>
  );
}

function SubmissionView({ submission, rubric }: { submission: Submission; rubric: { id: string; title: string; maxPoints: number }[] }) {
  const { t } = useTranslation("learning");
  const format = useFormat();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm">{t("assignment.submittedAt", { at: format.dateTime(submission.submittedAt) })}</Text>
        <Badge color={STATUS_COLOR[submission.status]} variant="light">
          {t(`assignment.status.${submission.status}`)}
        </Badge>
      </Group>
      {submission.text ? (
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {submission.text}
        </Text>
      ) : null}
      {submission.fileUrl ? (
        <Anchor href={submission.fileUrl} download size="sm">
          {submission.fileName ?? t("assignment.file")}
        </Anchor>
      ) : null}
      {submission.grade !== null ? <Text fw={600}>{t("assignment.grade", { grade: Math.round(submission.grade) })}</Text> : null}
      {submission.feedback ? (
        <Alert color={submission.status === "returned" ? "orange" : "gray"} title={t("assignment.feedback")}>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {submission.feedback}
          </Text>
        </Alert>
      ) : null}
      {submission.rubricScores?.length ? (
        <Table.ScrollContainer minWidth={280}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("assignment.criterion")}</Table.Th>
                <Table.Th>{t("assignment.points")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {submission.rubricScores.map((s) => {
                const c = rubric.find((r) => r.id === s.criterionId);
                return (
                  <Table.Tr key={s.criterionId}>
                    <Table.Td>
                      {c?.title ?? s.criterionId}
                      {s.comment ? (
                        <Text size="xs" c="dimmed">
                          {s.comment}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{c ? `${s.points} / ${c.maxPoints}` : s.points}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

function SubmitForm({ enrolmentId, lessonId, type, again }: { enrolmentId: string; lessonId: string; type: "text" | "file" | "both"; again: boolean }) {
  const { t } = useTranslation("learning");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [empty, setEmpty] = useState(false);
  const send = useSubmitAssignment(enrolmentId, lessonId);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim() && !file) return setEmpty(true);
        setEmpty(false);
        send.mutate({ text: text.trim(), file }, { onSuccess: () => setText("") });
      }}
    >
      <Stack gap="sm">
        {type !== "file" ? (
          <Textarea
            label={t("assignment.answer")}
            autosize
            minRows={5}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={empty ? t("assignment.empty") : undefined}
          />
        ) : null}
        {type !== "text" ? (
          <FileInput
            label={t("assignment.upload")}
            value={file}
            onChange={setFile}
            clearable
            leftSection={<IconUpload size={16} aria-hidden />}
            error={empty && type === "file" ? t("assignment.empty") : undefined}
          />
        ) : null}
        <ErrorAlert error={send.error} />
        <Group>
          <Button type="submit" loading={send.isPending}>
            {again ? t("assignment.resubmit") : t("assignment.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
