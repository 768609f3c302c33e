import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { useFieldErrors } from "../../../ui/fieldErrors";
import { useUpdateLesson } from "../adminApi";
import type { AdminLesson, LessonConfig } from "../adminTypes";
import { Markdown } from "../components/Markdown";
import { AssignmentSettingsForm } from "./AssignmentSettingsForm";
import { MediaUpload } from "./MediaUpload";
import { PackagePicker } from "./PackagePicker";
import { QuizSettingsForm } from "./QuizSettingsForm";

const ACCEPT: Record<string, string> = { video: "video/mp4,video/webm", pdf: "application/pdf" };

/** datetime-local value ↔ ISO with the device's offset. */
const toLocalInput = (iso?: string) => (iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : "");
const fromLocalInput = (v: string) => (v ? new Date(v).toISOString() : undefined);

/** One lesson's title, body and per-kind settings; quizzes and assignments add their own forms. */
export function LessonEditor({ courseId, lesson, onDone }: { courseId: string; lesson: AdminLesson; onDone: () => void }) {
  const { t } = useTranslation("learning");
  const update = useUpdateLesson(courseId);
  const [title, setTitle] = useState(lesson.title);
  const [body, setBody] = useState(lesson.bodyMd ?? "");
  const [config, setConfig] = useState<LessonConfig>(lesson.config ?? {});
  const [required, setRequired] = useState(lesson.required ?? true);
  const [duration, setDuration] = useState<number | "">(lesson.durationMin ?? 0);
  const [preview, setPreview] = useState(false);
  const errors = useFieldErrors(update.error);
  const set = (patch: Partial<LessonConfig>) => setConfig((c) => ({ ...c, ...patch }));
  const clean = (c: LessonConfig): LessonConfig => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && v !== "")) as LessonConfig;
  const k = lesson.kind;
  return (
    <Stack gap="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate(
            { id: lesson.id, patch: { title: title.trim(), bodyMd: body, config: clean(config), required, durationMin: duration === "" ? 0 : duration } },
            { onSuccess: onDone },
          );
        }}
      >
        <Stack gap="sm">
          <TextInput label={t("editor.title")} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} required />
          <Textarea
            label={t("editor.body")}
            description={t("editor.bodyHint")}
            autosize
            minRows={k === "text" ? 8 : 3}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.bodyMd}
          />
          <Button variant="subtle" size="xs" onClick={() => setPreview((p) => !p)} style={{ alignSelf: "flex-start" }}>
            {preview ? t("editor.hidePreview") : t("editor.showPreview")}
          </Button>
          {preview ? (
            <div style={{ border: "1px dashed var(--mantine-color-gray-4)", padding: 8, borderRadius: 8 }}>
              <Markdown source={body} />
            </div>
          ) : null}
          {k === "video" || k === "pdf" ? (
            <>
              <MediaUpload accept={ACCEPT[k]} onUploaded={(m) => set({ mediaId: m.id, url: undefined })} />
              {config.mediaId ? <Text size="sm">{t("editor.mediaAttached")}</Text> : null}
              <TextInput
                label={t("editor.orUrl")}
                value={config.url ?? ""}
                onChange={(e) => set({ url: e.currentTarget.value || undefined })}
                error={errors["config.url"]}
              />
            </>
          ) : null}
          {k === "video" ? (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <NumberInput
                label={t("editor.durationSeconds")}
                min={1}
                value={config.durationSeconds ?? ""}
                onChange={(v) => set({ durationSeconds: typeof v === "number" ? v : undefined })}
              />
              <NumberInput
                label={t("editor.threshold")}
                min={10}
                max={100}
                suffix="%"
                value={config.completionThreshold ? Math.round(config.completionThreshold * 100) : ""}
                onChange={(v) => set({ completionThreshold: typeof v === "number" ? v / 100 : undefined })}
              />
            </SimpleGrid>
          ) : null}
          {k === "link" ? (
            <TextInput
              label={t("editor.url")}
              value={config.url ?? ""}
              onChange={(e) => set({ url: e.currentTarget.value || undefined })}
              error={errors["config.url"]}
            />
          ) : null}
          {k === "live" ? (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                type="datetime-local"
                label={t("live.starts")}
                value={toLocalInput(config.startsAt)}
                onChange={(e) => set({ startsAt: fromLocalInput(e.currentTarget.value) })}
              />
              <TextInput
                type="datetime-local"
                label={t("live.ends")}
                value={toLocalInput(config.endsAt)}
                onChange={(e) => set({ endsAt: fromLocalInput(e.currentTarget.value) })}
              />
              <TextInput
                label={t("editor.meetingUrl")}
                value={config.meetingUrl ?? ""}
                onChange={(e) => set({ meetingUrl: e.currentTarget.value || undefined })}
                error={errors["config.meetingUrl"]}
              />
              <TextInput label={t("editor.location")} value={config.location ?? ""} onChange={(e) => set({ location: e.currentTarget.value || undefined })} />
            </SimpleGrid>
          ) : null}
          {k === "scorm" || k === "cmi5" ? <PackagePicker kind={k} value={config.packageId} onChange={(id) => set({ packageId: id || undefined })} /> : null}
          <Group gap="md">
            <Checkbox label={t("editor.required")} checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
            <NumberInput label={t("editor.durationMin")} min={0} value={duration} onChange={(v) => setDuration(typeof v === "number" ? v : "")} w={160} />
          </Group>
          <ErrorAlert error={Object.keys(errors).length ? null : update.error} />
          <Button type="submit" loading={update.isPending}>
            {t("editor.saveLesson")}
          </Button>
        </Stack>
      </form>
      {k === "quiz" ? <QuizSettingsForm lessonId={lesson.id} /> : null}
      {k === "assignment" ? <AssignmentSettingsForm lessonId={lesson.id} /> : null}
    </Stack>
  );
}
