import { fromJson } from "../../../db/dialect.js";
import type { Lesson, LessonKind } from "../../../db/schema-learning.js";
import type { Db } from "../../../platform/context.js";
import { type FieldError, invalid } from "../../../platform/errors.js";
import type { LessonConfig } from "./schema.js";

/** What a lesson of a kind still lacks before its course can be published (empty when complete). */
export function configProblems(kind: LessonKind, config: LessonConfig): string[] {
  const out: string[] = [];
  if ((kind === "video" || kind === "pdf") && !config.mediaId && !config.url) out.push(`a ${kind} lesson needs an uploaded file or a URL`);
  if (kind === "link" && !config.url) out.push("a link lesson needs a URL");
  if (kind === "live" && config.startsAt && config.endsAt && config.endsAt <= config.startsAt) out.push("a live session ends after it starts");
  if ((kind === "scorm" || kind === "cmi5") && !config.packageId) out.push(`a ${kind} lesson needs a content package`);
  return out;
}

export function lessonProblems(l: Lesson): string[] {
  return configProblems(l.kind, fromJson<LessonConfig>(l.config) ?? {});
}

/** Checks a lesson's settings when it is written: an unknown media file or an impossible session is refused at once. */
export async function checkLessonConfig(db: Db, agencyId: string, kind: LessonKind, config: LessonConfig): Promise<void> {
  const errors: FieldError[] = [];
  if (kind === "live" && config.startsAt && config.endsAt && config.endsAt <= config.startsAt) {
    errors.push({ path: "config.endsAt", message: "a live session ends after it starts" });
  }
  if (config.mediaId) {
    const media = await db.selectFrom("learning_media").select(["agency_id", "kind"]).where("id", "=", config.mediaId).executeTakeFirst();
    const wanted = kind === "video" ? "video" : kind === "pdf" ? "pdf" : null;
    if (!media || media.agency_id !== agencyId) errors.push({ path: "config.mediaId", message: "unknown media file" });
    else if (wanted && media.kind !== wanted) errors.push({ path: "config.mediaId", message: `the file is not a ${wanted}` });
  }
  if ((kind === "scorm" || kind === "cmi5") && config.packageId) {
    const pkg = await db.selectFrom("content_packages").select(["agency_id", "standard"]).where("id", "=", config.packageId).executeTakeFirst();
    if (!pkg || pkg.agency_id !== agencyId) errors.push({ path: "config.packageId", message: "unknown content package" });
    else if ((kind === "cmi5") !== (pkg.standard === "cmi5"))
      errors.push({ path: "config.packageId", message: `the package is not ${kind === "cmi5" ? "cmi5" : "SCORM"} content` });
  }
  if (errors.length > 0) throw invalid(errors);
}
