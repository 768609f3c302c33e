import { Badge, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { get } from "../../../api/client";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { Loading } from "../../../ui/Loading";
import type { AdminCourse } from "../adminTypes";
import { BASE } from "../api";
import { LessonIcon } from "../components/LessonIcon";
import { Markdown } from "../components/Markdown";

/** The course as a learner will see it, without an enrolment. */
export function PreviewModal({ courseId, opened, onClose }: { courseId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation("learning");
  const q = useQuery({
    queryKey: ["learning", "preview", courseId],
    queryFn: () => get<AdminCourse>(`${BASE}/courses/${courseId}/preview`),
    enabled: opened,
    staleTime: 0,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t("editor.previewTitle")} size="xl" closeButtonProps={{ "aria-label": t("close") }}>
      {q.isPending && opened ? <Loading /> : null}
      <ErrorAlert error={q.error} />
      {q.data ? (
        <Stack>
          <Title order={2} size="h3">
            {q.data.title}
          </Title>
          {q.data.summary ? <Text c="dimmed">{q.data.summary}</Text> : null}
          {q.data.modules.map((m) => (
            <Stack key={m.id} gap="xs">
              <Title order={3} size="h4">
                {m.title}
              </Title>
              {m.lessons.map((l) => (
                <Stack key={l.id} gap={4} pl="sm" style={{ borderLeft: "3px solid var(--mantine-color-gray-3)" }}>
                  <Group gap={6}>
                    <LessonIcon kind={l.kind} />
                    <Text fw={600}>{l.title}</Text>
                    <Badge size="xs" variant="default">
                      {t(`kind.${l.kind}`)}
                    </Badge>
                  </Group>
                  {l.bodyMd ? <Markdown source={l.bodyMd} /> : null}
                </Stack>
              ))}
            </Stack>
          ))}
        </Stack>
      ) : null}
    </Modal>
  );
}
