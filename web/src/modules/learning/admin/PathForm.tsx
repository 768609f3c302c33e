import { ActionIcon, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFieldErrors } from "../../../ui/fieldErrors";
import { useAdminCourses } from "../adminApi";
import { type PathDetail, type PathInput, useSavePath } from "../pathsApi";

function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** Creates or edits a learning path: its details and its courses in order (up/down, remove, add). */
export function PathForm({ path, onDone }: { path: PathDetail | null; onDone: () => void }) {
  const { t } = useTranslation("learning");
  const courses = useAdminCourses();
  const save = useSavePath();
  const errors = useFieldErrors(save.error);
  const [title, setTitle] = useState(path?.title ?? "");
  const [competency, setCompetency] = useState(path?.competency ?? "");
  const [description, setDescription] = useState(path?.descriptionMd ?? "");
  const [status, setStatus] = useState<PathInput["status"]>(path?.status ?? "draft");
  const [ids, setIds] = useState<string[]>(path?.courses.map((c) => c.id) ?? []);
  const [missing, setMissing] = useState(false);
  const titleOf = (id: string) => courses.data?.find((c) => c.id === id)?.title ?? path?.courses.find((c) => c.id === id)?.title ?? id;
  const choices = (courses.data ?? [])
    .filter((c) => !ids.includes(c.id) && c.status !== "archived")
    .map((c) => ({ value: c.id, label: `${c.title} (${c.code})` }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (ids.length === 0) {
          setMissing(true);
          return;
        }
        const body = { title: title.trim(), descriptionMd: description, competency: competency.trim() || null, status, courseIds: ids };
        save.mutate({ id: path?.id, body }, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <TextInput label={t("paths.name")} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} required />
        <TextInput label={t("paths.competencyLabel")} value={competency} onChange={(e) => setCompetency(e.currentTarget.value)} error={errors.competency} />
        <Textarea label={t("paths.description")} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} />
        <div>
          <Text size="sm" fw={500} id="path-status">
            {t("paths.visibility")}
          </Text>
          <SegmentedControl
            aria-labelledby="path-status"
            value={status}
            onChange={(v) => setStatus(v === "published" ? "published" : "draft")}
            data={[
              { value: "draft", label: t("courseStatus.draft") },
              { value: "published", label: t("courseStatus.published") },
            ]}
          />
        </div>
        <Paper withBorder p="sm" radius="md">
          <Text size="sm" fw={600} mb={4}>
            {t("paths.courses")}
          </Text>
          {ids.length === 0 ? (
            <Text size="sm" c={missing ? "red.9" : "dimmed"} role={missing ? "alert" : undefined}>
              {t("paths.noCoursesYet")}
            </Text>
          ) : null}
          <Stack gap={4} component="ol" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("paths.courses")}>
            {ids.map((id, i) => (
              <Group key={id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                  {i + 1}. {titleOf(id)}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="default"
                    disabled={i === 0}
                    onClick={() => setIds(moved(ids, i, i - 1))}
                    aria-label={t("editor.moveUp", { item: titleOf(id) })}
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    disabled={i === ids.length - 1}
                    onClick={() => setIds(moved(ids, i, i + 1))}
                    aria-label={t("editor.moveDown", { item: titleOf(id) })}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    color="red"
                    onClick={() => setIds(ids.filter((x) => x !== id))}
                    aria-label={t("paths.removeCourse", { item: titleOf(id) })}
                  >
                    <IconX size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </Group>
            ))}
          </Stack>
          <Select
            mt="sm"
            label={t("paths.addCourse")}
            placeholder={t("paths.pickCourse")}
            searchable
            data={choices}
            value={null}
            onChange={(v) => {
              if (v) {
                setIds([...ids, v]);
                setMissing(false);
              }
            }}
            nothingFoundMessage={t("paths.noMatch")}
            error={errors.courseIds}
          />
        </Paper>
        <ErrorAlert error={Object.keys(errors).length ? null : save.error} />
        <Button type="submit" loading={save.isPending}>
          {path ? t("editor.save") : t("paths.create")}
        </Button>
      </Stack>
    </form>
  );
}
