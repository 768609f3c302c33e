import { Button, Checkbox, Select, Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { useAttendance, useSaveAttendance } from "../adminApi";

/** Who attended a live session of the run (facilitators record it). */
export function AttendanceSection({ runId, lessons }: { runId: string; lessons: { id: string; title: string }[] }) {
  const { t } = useTranslation("learning");
  const [lessonId, setLessonId] = useState<string | null>(lessons[0]?.id ?? null);
  const q = useAttendance(runId, lessonId);
  const save = useSaveAttendance(runId, lessonId ?? "");
  const [present, setPresent] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (q.data) setPresent(Object.fromEntries(q.data.map((r) => [r.employeeId, r.present === true])));
  }, [q.data]);
  if (lessons.length === 0) return <Text c="dimmed">{t("attendance.noLive")}</Text>;
  return (
    <Stack gap="sm">
      <Select
        label={t("attendance.session")}
        data={lessons.map((l) => ({ value: l.id, label: l.title }))}
        value={lessonId}
        onChange={setLessonId}
        allowDeselect={false}
      />
      <ErrorAlert error={q.error ?? save.error} />
      {q.isPending && lessonId ? <Loading /> : null}
      {(q.data ?? []).map((r) => (
        <Checkbox
          key={r.employeeId}
          label={r.name}
          checked={present[r.employeeId] ?? false}
          onChange={(e) => setPresent((p) => ({ ...p, [r.employeeId]: e.currentTarget.checked }))}
        />
      ))}
      {q.data?.length ? (
        <Button
          onClick={() => save.mutate(Object.entries(present).map(([employeeId, p]) => ({ employeeId, present: p })))}
          loading={save.isPending}
          style={{ alignSelf: "flex-start" }}
        >
          {t("attendance.save")}
        </Button>
      ) : null}
      {save.isSuccess ? <Text role="status">{t("attendance.saved")}</Text> : null}
    </Stack>
  );
}
