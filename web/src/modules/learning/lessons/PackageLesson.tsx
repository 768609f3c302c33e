import { Alert, Anchor, Badge, Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { IconExternalLink, IconRefresh } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { post } from "../../../api/client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import { invalidatePlayer, learningKeys } from "../api";
import type { LessonContent } from "../types";

interface PackageItem {
  id: string;
  title: string;
  completion: string;
  success: string;
  score: number | null;
}
interface PackageLaunch {
  standard: "scorm12" | "scorm2004" | "cmi5";
  url: string;
  itemId: string;
  items: PackageItem[];
}

/**
 * A SCORM or cmi5 lesson: the content plays in a frame from the content
 * origin (never the platform's own); its commits and statements move the
 * lesson's progress on the server, and the frame's messages tell this page to
 * refresh the outline.
 */
export function PackageLesson({ enrolmentId, lesson }: { enrolmentId: string; lesson: LessonContent }) {
  const { t } = useTranslation("learning");
  const qc = useQueryClient();
  const [itemId, setItemId] = useState<string | undefined>(undefined);
  const launch = useMutation({
    mutationFn: (id: string | undefined) =>
      post<PackageLaunch>(`/learning/enrolments/${enrolmentId}/lessons/${lesson.id}/content-launch`, id ? { itemId: id } : {}),
  });
  const { mutate } = launch;

  useEffect(() => {
    mutate(itemId);
  }, [mutate, itemId]);

  useEffect(() => {
    const url = launch.data?.url;
    if (!url) return;
    const origin = new URL(url, window.location.href).origin;
    const onMessage = (e: MessageEvent) => {
      const data = e.data as { type?: string; event?: string } | null;
      if (e.origin !== origin || data?.type !== "abdi-content") return;
      if (data.event === "commit" || data.event === "terminate") {
        void invalidatePlayer(qc, enrolmentId);
        void qc.invalidateQueries({ queryKey: learningKeys.lesson(enrolmentId, lesson.id) });
      }
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [launch.data?.url, qc, enrolmentId, lesson.id]);

  if (launch.isError) return <ErrorAlert error={launch.error} />;
  if (!launch.data) return <Loading />;
  const data = launch.data;
  const current = data.items.find((i) => i.id === data.itemId);
  return (
    <Stack gap="sm">
      {data.items.length > 1 ? (
        <NativeSelect
          label={t(data.standard === "cmi5" ? "package.au" : "package.sco")}
          value={data.itemId}
          onChange={(e) => setItemId(e.currentTarget.value)}
          data={data.items.map((i) => ({ value: i.id, label: `${i.title} — ${t(`package.completion.${i.completion}`)}` }))}
        />
      ) : null}
      <Group gap="xs" wrap="wrap">
        {current ? <Badge variant="light">{t(`package.completion.${current.completion}`)}</Badge> : null}
        {current && current.success !== "unknown" ? (
          <Badge variant="light" color={current.success === "passed" ? "green" : "red"}>
            {t(`package.success.${current.success}`)}
          </Badge>
        ) : null}
        {current?.score !== null && current?.score !== undefined ? <Text size="sm">{t("package.score", { score: current.score })}</Text> : null}
      </Group>
      <iframe
        key={data.url}
        src={data.url}
        title={t("package.frameTitle", { title: lesson.title })}
        allow="fullscreen; autoplay"
        style={{ width: "100%", height: "70vh", minHeight: 420, border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8 }}
      />
      <Group gap="sm" wrap="wrap">
        <Anchor href={data.url} target="_blank" rel="noopener noreferrer" size="sm">
          <Group gap={4} wrap="nowrap">
            <IconExternalLink size={14} aria-hidden />
            {t("package.newWindow")}
          </Group>
        </Anchor>
        <Button size="xs" variant="subtle" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => mutate(data.itemId)}>
          {t("package.reopen")}
        </Button>
      </Group>
      <Alert variant="light" color="gray">
        {t(data.standard === "cmi5" ? "package.cmi5Note" : "package.scormNote")}
      </Alert>
    </Stack>
  );
}
