import { z } from "zod";

const Id = z.uuid();
export const EnrolmentLessonParams = z.object({ id: Id, lessonId: Id });

export const ProgressIn = z.strictObject({
  /** Video: where the player is, in seconds. */
  position: z.number().min(0).max(86400).default(0),
  /** Video: seconds actually watched (the player counts them; skipping does not add). */
  watchedSeconds: z.number().min(0).max(86400).default(0),
  /** Video: its length when the lesson does not give it. */
  duration: z.number().min(1).max(86400).optional(),
  /** Text, PDF, link: the learner marks the lesson done. */
  completed: z.boolean().default(false),
});
export type ProgressIn = z.infer<typeof ProgressIn>;

export const PathCreate = z.strictObject({
  title: z.string().trim().min(1).max(200),
  descriptionMd: z.string().max(20000).default(""),
  competency: z.string().trim().max(200).nullable().default(null),
  status: z.enum(["draft", "published"]).default("draft"),
  courseIds: z.array(Id).min(1).max(50),
});
export const PathPatch = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  descriptionMd: z.string().max(20000).optional(),
  competency: z.string().trim().max(200).nullable().optional(),
  status: z.enum(["draft", "published"]).optional(),
  courseIds: z.array(Id).min(1).max(50).optional(),
});
export type PathCreate = z.infer<typeof PathCreate>;
export type PathPatch = z.infer<typeof PathPatch>;
