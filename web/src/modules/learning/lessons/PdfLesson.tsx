import { Anchor, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Markdown } from "../components/Markdown";
import type { LessonContent } from "../types";
import { mediaSrc } from "./VideoLesson";

/** A PDF shown in the browser's own viewer, with a download link for phones that cannot embed it. */
export function PdfLesson({ lesson }: { lesson: LessonContent }) {
  const { t } = useTranslation("learning");
  const src = mediaSrc(lesson);
  return (
    <Stack gap="sm">
      {lesson.body ? <Markdown source={lesson.body} /> : null}
      {src ? (
        <>
          <iframe src={src} title={lesson.title} style={{ width: "100%", height: "70vh", border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8 }} />
          <Anchor href={src} download>
            {t("pdf.download")}
          </Anchor>
        </>
      ) : null}
    </Stack>
  );
}
