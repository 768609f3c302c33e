import { Button, Stack } from "@mantine/core";
import { IconExternalLink } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Markdown, safeUrl } from "../components/Markdown";
import type { LessonContent } from "../types";

/** An outside resource: opened in a new tab; the learner marks it done afterwards. */
export function LinkLesson({ lesson }: { enrolmentId: string; lesson: LessonContent }) {
  const { t } = useTranslation("learning");
  const href = lesson.url ? safeUrl(lesson.url) : null;
  return (
    <Stack gap="sm">
      {lesson.body ? <Markdown source={lesson.body} /> : null}
      {href ? (
        <Button component="a" href={href} target="_blank" rel="noopener noreferrer" variant="light" rightSection={<IconExternalLink size={16} aria-hidden />}>
          {t("link.open")}
        </Button>
      ) : null}
    </Stack>
  );
}
