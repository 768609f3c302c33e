import { z } from "zod";

export const Id = z.uuid();
export const IdParams = z.object({ id: Id });

export const LESSON_KINDS = ["text", "video", "pdf", "link", "live", "quiz", "assignment", "scorm", "cmi5"] as const;
export const LessonKind = z.enum(LESSON_KINDS);

export const CompletionRule = z.strictObject({
  requireAllLessons: z.boolean(),
  requireQuizzesPassed: z.boolean(),
  minScore: z.number().min(0).max(100).nullable(),
});

const Code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{2,40}$/, "letters, digits, . _ - (2-40)");

export const CourseCreate = z.strictObject({
  code: Code,
  title: z.string().trim().min(3).max(200),
  summary: z.string().trim().max(500).default(""),
  descriptionMd: z.string().max(20000).default(""),
  topic: z.string().trim().max(100).nullable().default(null),
  competency: z.string().trim().max(200).nullable().default(null),
  language: z.enum(["id", "en"]).default("id"),
  jp: z.number().min(0).max(200),
  completionRule: CompletionRule.optional(),
  prerequisiteIds: z.array(Id).max(20).default([]),
});
export type CourseCreate = z.infer<typeof CourseCreate>;

export const CoursePatch = z.strictObject({
  code: Code.optional(),
  title: z.string().trim().min(3).max(200).optional(),
  summary: z.string().trim().max(500).optional(),
  descriptionMd: z.string().max(20000).optional(),
  topic: z.string().trim().max(100).nullable().optional(),
  competency: z.string().trim().max(200).nullable().optional(),
  language: z.enum(["id", "en"]).optional(),
  jp: z.number().min(0).max(200).optional(),
  completionRule: CompletionRule.optional(),
  prerequisiteIds: z.array(Id).max(20).optional(),
});
export type CoursePatch = z.infer<typeof CoursePatch>;

export const CourseCopy = z.strictObject({
  code: Code,
  title: z.string().trim().min(3).max(200).optional(),
});

export const ModuleCreate = z.strictObject({ title: z.string().trim().min(1).max(200) });
export const ModulePatch = z.strictObject({ title: z.string().trim().min(1).max(200) });
export const Reorder = z.strictObject({ ids: z.array(Id).min(1).max(500) });

/** Lesson settings per kind; quiz and assignment settings live in their own tables. */
const Url = z.url({ protocol: /^https?$/ }).max(2000);
export const LessonConfig = z
  .strictObject({
    mediaId: Id.optional(),
    url: Url.optional(),
    durationSeconds: z.number().int().min(1).max(86400).optional(),
    completionThreshold: z.number().min(0.1).max(1).optional(),
    startsAt: z.iso.datetime({ offset: true }).optional(),
    endsAt: z.iso.datetime({ offset: true }).optional(),
    location: z.string().max(300).optional(),
    meetingUrl: Url.optional(),
    packageId: z.string().max(100).optional(),
  })
  .default({});
export type LessonConfig = z.infer<typeof LessonConfig>;

export const LessonCreate = z.strictObject({
  kind: LessonKind,
  title: z.string().trim().min(1).max(200),
  bodyMd: z.string().max(50000).default(""),
  config: LessonConfig,
  required: z.boolean().default(true),
  durationMin: z.number().int().min(0).max(6000).default(0),
});
export type LessonCreate = z.infer<typeof LessonCreate>;

export const LessonPatch = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  bodyMd: z.string().max(50000).optional(),
  config: LessonConfig.optional(),
  required: z.boolean().optional(),
  durationMin: z.number().int().min(0).max(6000).optional(),
  moduleId: Id.optional(),
});
export type LessonPatch = z.infer<typeof LessonPatch>;

export const AdminCourseQuery = z.object({
  status: z.enum(["draft", "published", "archived"]).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
