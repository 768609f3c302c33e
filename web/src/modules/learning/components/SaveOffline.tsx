import { Button, Group, Progress, Text } from "@mantine/core";
import { IconCloudDownload, IconTrash } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../ui/format";
import { useMe } from "../../auth/hooks";
import { removeOffline, savedCourses, saveForOffline } from "../offline";
import type { PlayerOutline } from "../types";

export const savedKey = ["learning", "offline-saved"] as const;

export function useSavedCourses() {
  return useQuery({ queryKey: savedKey, queryFn: savedCourses, networkMode: "always" });
}

/** "Save for offline": keeps the course's lessons and media on this device. */
export function SaveOffline({ enrolmentId, outline }: { enrolmentId: string; outline: PlayerOutline }) {
  const { t } = useTranslation("learning");
  const format = useFormat();
  const qc = useQueryClient();
  const me = useMe().data;
  const saved = useSavedCourses().data?.find((c) => c.enrolmentId === enrolmentId);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failed, setFailed] = useState(false);
  if (typeof caches === "undefined") return null;
  const save = async () => {
    setFailed(false);
    try {
      if (!me) return;
      await saveForOffline(outline, me.id, (done, total) => setProgress({ done, total }));
    } catch {
      setFailed(true);
    } finally {
      setProgress(null);
      void qc.invalidateQueries({ queryKey: savedKey });
    }
  };
  const remove = async () => {
    await removeOffline(enrolmentId);
    void qc.invalidateQueries({ queryKey: savedKey });
  };
  return (
    <div>
      {progress ? <Progress value={(100 * progress.done) / Math.max(1, progress.total)} aria-label={t("offline.saving")} mb="xs" /> : null}
      <Group gap="sm">
        <Button variant="light" leftSection={<IconCloudDownload size={16} aria-hidden />} onClick={() => void save()} loading={progress !== null}>
          {saved ? t("offline.update") : t("offline.save")}
        </Button>
        {saved ? (
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => void remove()}>
            {t("offline.remove")}
          </Button>
        ) : null}
      </Group>
      {saved ? (
        <Text size="sm" c="dimmed" mt={4}>
          {t("offline.savedAt", { at: format.dateTime(saved.savedAt) })}
        </Text>
      ) : null}
      {failed ? (
        <Text size="sm" c="red.9" mt={4} role="alert">
          {t("offline.failed")}
        </Text>
      ) : null}
    </div>
  );
}
