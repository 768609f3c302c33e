import { Anchor, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { invalidatePlayer, type ProgressInput, sendProgress } from "../api";
import { Markdown } from "../components/Markdown";
import type { LessonContent } from "../types";

const REPORT_EVERY_MS = 10_000;

/** Where a lesson's media is played from: an uploaded file or an address. */
export function mediaSrc(lesson: LessonContent): string | null {
  return lesson.mediaUrl ?? lesson.url ?? null;
}

/**
 * An HTML5 video that resumes at the saved position and reports the
 * position and the seconds actually watched every ten seconds while playing,
 * and on pause and at the end (through the outbox, so offline study counts).
 */
export function VideoLesson({ enrolmentId, lesson }: { enrolmentId: string; lesson: LessonContent }) {
  const { t } = useTranslation("learning");
  const qc = useQueryClient();
  const video = useRef<HTMLVideoElement>(null);
  const watched = useRef(lesson.progress.watchedSeconds ?? 0);
  const last = useRef<number | null>(null);
  const lastSent = useRef({ position: -1, watched: -1 });
  const [saved, setSaved] = useState<"sent" | "queued" | null>(null);
  const src = mediaSrc(lesson);

  const report = useCallback(
    (extra: Partial<ProgressInput> = {}) => {
      const v = video.current;
      if (!v) return;
      const position = Math.floor(v.currentTime);
      const watchedSeconds = Math.floor(watched.current);
      const duration = Number.isFinite(v.duration) && v.duration > 0 ? Math.ceil(v.duration) : undefined;
      if (!extra.completed && position === lastSent.current.position && watchedSeconds === lastSent.current.watched) return;
      lastSent.current = { position, watched: watchedSeconds };
      void sendProgress(enrolmentId, lesson.id, { position, watchedSeconds, duration, ...extra }, lesson.title)
        .then((r) => {
          setSaved(r.state);
          if (extra.completed && r.state === "sent") void invalidatePlayer(qc, enrolmentId);
        })
        .catch(() => setSaved(null));
    },
    [enrolmentId, lesson.id, lesson.title, qc],
  );

  useEffect(() => {
    const v = video.current;
    if (!v) return;
    const resumeAt = lesson.progress.position ?? 0;
    const resume = () => {
      if (resumeAt > 0 && v.currentTime < 1 && (!Number.isFinite(v.duration) || resumeAt < v.duration - 1)) v.currentTime = resumeAt;
      last.current = v.currentTime;
    };
    if (v.readyState >= 1) resume();
    const onTime = () => {
      const now = v.currentTime;
      const delta = last.current === null ? 0 : now - last.current;
      // Only real playback counts: seeking forward jumps more than a couple of seconds at once.
      if (delta > 0 && delta < 3) watched.current += delta;
      last.current = now;
    };
    const onSeeked = () => {
      last.current = v.currentTime;
    };
    const onPause = () => report();
    const onEnded = () => report({ completed: true });
    v.addEventListener("loadedmetadata", resume);
    v.addEventListener("timeupdate", onTime);
    v.addEventListener("seeked", onSeeked);
    v.addEventListener("pause", onPause);
    v.addEventListener("ended", onEnded);
    const timer = window.setInterval(() => {
      if (!v.paused) report();
    }, REPORT_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      v.removeEventListener("loadedmetadata", resume);
      v.removeEventListener("timeupdate", onTime);
      v.removeEventListener("seeked", onSeeked);
      v.removeEventListener("pause", onPause);
      v.removeEventListener("ended", onEnded);
      report();
    };
  }, [lesson.progress.position, report]);

  if (!src) return <Text c="dimmed">{t("player.noMedia")}</Text>;
  return (
    <Stack gap="sm">
      {/* biome-ignore lint/a11y/useMediaCaption: captions are part of the uploaded media when the author provides them */}
      <video
        ref={video}
        src={src}
        controls
        preload="metadata"
        playsInline
        style={{ width: "100%", maxHeight: "60vh", background: "#000", borderRadius: 8 }}
        aria-label={lesson.title}
      />
      <Text size="sm" c="dimmed" role="status" data-testid="video-saved">
        {saved === "queued" ? t("player.queued") : saved === "sent" ? t("video.saved") : t("video.hint")}
      </Text>
      {lesson.body ? <Markdown source={lesson.body} /> : null}
      <Anchor href={src} download size="sm">
        {t("video.download")}
      </Anchor>
    </Stack>
  );
}
