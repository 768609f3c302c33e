import { ActionIcon, Button, Group, Modal, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useAddLesson, useAddModule, useDeleteLesson, useDeleteModule, useReorderLessons, useReorderModules } from "../adminApi";
import type { AdminCourse, AdminLesson } from "../adminTypes";
import { LessonIcon } from "../components/LessonIcon";
import { LESSON_KINDS } from "../types";
import { LessonEditor } from "./LessonEditor";

function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** Modules and lessons: add, reorder with up/down buttons, edit and delete. */
export function OutlineEditor({ course }: { course: AdminCourse }) {
  const { t } = useTranslation("learning");
  const addModule = useAddModule(course.id);
  const deleteModule = useDeleteModule(course.id);
  const reorderModules = useReorderModules(course.id);
  const reorderLessons = useReorderLessons(course.id);
  const deleteLesson = useDeleteLesson(course.id);
  const [moduleTitle, setModuleTitle] = useState("");
  const [editing, setEditing] = useState<AdminLesson | null>(null);
  const ids = course.modules.map((m) => m.id);
  const error = addModule.error ?? deleteModule.error ?? reorderModules.error ?? reorderLessons.error ?? deleteLesson.error;
  return (
    <Stack gap="sm">
      {course.modules.map((m, mi) => (
        <Paper key={m.id} withBorder p="sm" radius="md" component="section" aria-label={m.title}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={700} style={{ overflowWrap: "anywhere" }}>
              {t("course.module", { n: mi + 1, title: m.title })}
            </Text>
            <Group gap={4} wrap="nowrap">
              <ActionIcon
                variant="default"
                disabled={mi === 0}
                onClick={() => reorderModules.mutate(moved(ids, mi, mi - 1))}
                aria-label={t("editor.moveUp", { item: m.title })}
              >
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon
                variant="default"
                disabled={mi === ids.length - 1}
                onClick={() => reorderModules.mutate(moved(ids, mi, mi + 1))}
                aria-label={t("editor.moveDown", { item: m.title })}
              >
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon
                variant="default"
                color="red"
                disabled={m.lessons.length > 0}
                onClick={() => deleteModule.mutate(m.id)}
                aria-label={t("editor.delete", { item: m.title })}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </Group>
          <Stack gap={4} mt="xs" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
            {m.lessons.map((l, li) => {
              const lessonIds = m.lessons.map((x) => x.id);
              return (
                <Group key={l.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                  <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                    <LessonIcon kind={l.kind} />
                    <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                      {l.title}
                    </Text>
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="default"
                      disabled={li === 0}
                      onClick={() => reorderLessons.mutate({ moduleId: m.id, ids: moved(lessonIds, li, li - 1) })}
                      aria-label={t("editor.moveUp", { item: l.title })}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      disabled={li === lessonIds.length - 1}
                      onClick={() => reorderLessons.mutate({ moduleId: m.id, ids: moved(lessonIds, li, li + 1) })}
                      aria-label={t("editor.moveDown", { item: l.title })}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="default" onClick={() => setEditing(l)} aria-label={t("editor.edit", { item: l.title })}>
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="default" color="red" onClick={() => deleteLesson.mutate(l.id)} aria-label={t("editor.delete", { item: l.title })}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
              );
            })}
          </Stack>
          <AddLesson courseId={course.id} moduleId={m.id} />
        </Paper>
      ))}
      <ErrorAlert error={error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (moduleTitle.trim()) addModule.mutate(moduleTitle.trim(), { onSuccess: () => setModuleTitle("") });
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput label={t("editor.newModule")} value={moduleTitle} onChange={(e) => setModuleTitle(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />} loading={addModule.isPending}>
            {t("editor.addModule")}
          </Button>
        </Group>
      </form>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.title} size="lg" closeButtonProps={{ "aria-label": t("close") }}>
        {editing ? <LessonEditor courseId={course.id} lesson={editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
    </Stack>
  );
}

function AddLesson({ courseId, moduleId }: { courseId: string; moduleId: string }) {
  const { t } = useTranslation("learning");
  const add = useAddLesson(courseId);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<string>("text");
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim()) add.mutate({ moduleId, kind, title: title.trim() }, { onSuccess: () => setTitle("") });
      }}
    >
      <Group align="flex-end" gap="xs" mt="sm" wrap="wrap">
        <TextInput label={t("editor.newLesson")} value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: "1 1 10rem" }} />
        <Select
          label={t("editor.kind")}
          data={LESSON_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v ?? "text")}
          allowDeselect={false}
          w={140}
        />
        <Button type="submit" variant="default" loading={add.isPending}>
          {t("editor.addLesson")}
        </Button>
      </Group>
      <ErrorAlert error={add.error} />
    </form>
  );
}
