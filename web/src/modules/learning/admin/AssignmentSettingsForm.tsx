import { ActionIcon, Button, Checkbox, Group, NumberInput, Select, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useAssignmentSettings, useSaveAssignmentSettings } from "../adminApi";
import type { AssignmentSettings } from "../adminTypes";

const DEFAULTS: AssignmentSettings = { instructions: "", submissionType: "both", dueAt: null, rubric: [], passingScore: 60, allowResubmission: true };

/** An assignment's instructions, submission type, rubric and passing score. */
export function AssignmentSettingsForm({ lessonId }: { lessonId: string }) {
  const { t } = useTranslation("learning");
  const q = useAssignmentSettings(lessonId);
  const save = useSaveAssignmentSettings(lessonId);
  const [s, setS] = useState<AssignmentSettings>(DEFAULTS);
  useEffect(() => {
    if (q.data) setS(q.data);
  }, [q.data]);
  const missing = q.error instanceof ApiError && q.error.status === 404;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          instructions: s.instructions,
          submissionType: s.submissionType,
          dueAt: s.dueAt,
          rubric: s.rubric.filter((c) => c.title.trim()),
          passingScore: s.passingScore,
          allowResubmission: s.allowResubmission,
        });
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t("assignmentSettings.title")}
        </Title>
        <Textarea
          label={t("assignmentSettings.instructions")}
          autosize
          minRows={3}
          value={s.instructions}
          onChange={(e) => setS({ ...s, instructions: e.currentTarget.value })}
        />
        <Select
          label={t("assignmentSettings.submission")}
          data={(["text", "file", "both"] as const).map((v) => ({ value: v, label: t(`assignmentSettings.types.${v}`) }))}
          value={s.submissionType}
          onChange={(v) => setS({ ...s, submissionType: v === "text" || v === "file" ? v : "both" })}
          allowDeselect={false}
        />
        {s.rubric.map((c, i) => (
          <Group key={c.id} align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={t("assignment.criterion")}
              value={c.title}
              onChange={(e) => {
                const title = e.currentTarget.value;
                setS({ ...s, rubric: s.rubric.map((x, j) => (j === i ? { ...x, title } : x)) });
              }}
              style={{ flex: 1 }}
            />
            <NumberInput
              label={t("assignment.points")}
              min={1}
              value={c.maxPoints}
              onChange={(v) => setS({ ...s, rubric: s.rubric.map((x, j) => (j === i ? { ...x, maxPoints: typeof v === "number" ? v : 1 } : x)) })}
              w={90}
            />
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => setS({ ...s, rubric: s.rubric.filter((_, j) => j !== i) })}
              aria-label={t("assignmentSettings.removeCriterion", { item: c.title })}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setS({ ...s, rubric: [...s.rubric, { id: crypto.randomUUID(), title: "", maxPoints: 10 }] })}
          style={{ alignSelf: "flex-start" }}
        >
          {t("assignmentSettings.addCriterion")}
        </Button>
        <NumberInput
          label={t("quiz.passingScore")}
          min={0}
          max={100}
          value={s.passingScore}
          onChange={(v) => setS({ ...s, passingScore: typeof v === "number" ? v : 0 })}
          maw={200}
        />
        <Checkbox
          label={t("assignmentSettings.allowResubmission")}
          checked={s.allowResubmission}
          onChange={(e) => setS({ ...s, allowResubmission: e.currentTarget.checked })}
        />
        <ErrorAlert error={missing ? null : (q.error ?? save.error)} />
        <Button type="submit" loading={save.isPending} style={{ alignSelf: "flex-start" }}>
          {t("assignmentSettings.save")}
        </Button>
      </Stack>
    </form>
  );
}
