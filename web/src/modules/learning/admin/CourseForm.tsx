import { Button, Checkbox, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFieldErrors } from "../../../ui/fieldErrors";
import { useAdminCourses, useUpdateCourse } from "../adminApi";
import type { AdminCourse, CompletionRule } from "../adminTypes";

/** The course's details, completion rule and prerequisites. */
export function CourseForm({ course }: { course: AdminCourse }) {
  const { t } = useTranslation("learning");
  const update = useUpdateCourse(course.id);
  const all = useAdminCourses().data ?? [];
  const [v, setV] = useState({
    code: course.code,
    title: course.title,
    summary: course.summary ?? "",
    topic: course.topic ?? "",
    competency: course.competency ?? "",
    language: course.language === "en" ? "en" : "id",
  });
  const [jp, setJp] = useState<number | "">(course.jp);
  const [rule, setRule] = useState<CompletionRule>(course.completionRule ?? { requireAllLessons: true, requireQuizzesPassed: true, minScore: null });
  const [prereqs, setPrereqs] = useState<string[]>(course.prerequisiteIds ?? []);
  const errors = useFieldErrors(update.error);
  const text = (k: keyof typeof v) => ({ value: v[k], onChange: (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value }) });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({
          code: v.code.trim(),
          title: v.title.trim(),
          summary: v.summary.trim(),
          topic: v.topic.trim() || null,
          competency: v.competency.trim() || null,
          language: v.language === "en" ? "en" : "id",
          jp: jp === "" ? 0 : jp,
          completionRule: rule,
          prerequisiteIds: prereqs,
        });
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t("editor.title")} {...text("title")} error={errors.title} required />
          <TextInput label={t("editor.code")} {...text("code")} error={errors.code} required />
        </SimpleGrid>
        <Textarea label={t("editor.summary")} autosize minRows={2} {...text("summary")} error={errors.summary} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t("catalog.topic")} {...text("topic")} error={errors.topic} />
          <TextInput label={t("catalog.competency")} {...text("competency")} error={errors.competency} />
          <NumberInput label={t("course.jp")} min={0} max={200} value={jp} onChange={(x) => setJp(typeof x === "number" ? x : "")} error={errors.jp} />
          <Select
            label={t("catalog.language")}
            data={[
              { value: "id", label: t("language.id") },
              { value: "en", label: t("language.en") },
            ]}
            value={v.language}
            onChange={(x) => setV({ ...v, language: x === "en" ? "en" : "id" })}
            allowDeselect={false}
          />
        </SimpleGrid>
        <MultiSelect
          label={t("course.prerequisites")}
          data={all.filter((c) => c.id !== course.id).map((c) => ({ value: c.id, label: c.title }))}
          value={prereqs}
          onChange={setPrereqs}
          searchable
          clearable
        />
        <Stack gap={6}>
          <Checkbox
            label={t("editor.requireAll")}
            checked={rule.requireAllLessons}
            onChange={(e) => setRule({ ...rule, requireAllLessons: e.currentTarget.checked })}
          />
          <Checkbox
            label={t("editor.requireQuizzes")}
            checked={rule.requireQuizzesPassed}
            onChange={(e) => setRule({ ...rule, requireQuizzesPassed: e.currentTarget.checked })}
          />
          <NumberInput
            label={t("editor.minScore")}
            min={0}
            max={100}
            value={rule.minScore ?? ""}
            onChange={(x) => setRule({ ...rule, minScore: typeof x === "number" ? x : null })}
            maw={200}
          />
        </Stack>
        <ErrorAlert error={Object.keys(errors).length ? null : update.error} />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t("editor.save")}
          </Button>
          {update.isSuccess ? <span role="status">{t("editor.saved")}</span> : null}
        </Group>
      </Stack>
    </form>
  );
}
