import { z } from "zod";

export const CriterionIn = z.object({
  id: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(300),
  maxPoints: z.number().positive().max(1000),
});

export const AssignmentSettingsIn = z.object({
  instructions: z.string().max(20_000).default(""),
  submissionType: z.enum(["text", "file", "both"]).default("both"),
  dueAt: z.iso.datetime({ offset: true }).nullable().default(null),
  rubric: z.array(CriterionIn).max(30).default([]),
  passingScore: z.number().min(0).max(100).default(60),
  allowResubmission: z.boolean().default(false),
});
export const AssignmentSettingsOut = AssignmentSettingsIn.extend({ lessonId: z.string(), maxPoints: z.number(), updatedAt: z.string() });

/** The text of a submission sent as JSON (a file goes as multipart/form-data with an optional `text` field). */
export const SubmissionTextIn = z.object({ text: z.string().trim().min(1).max(100_000) });

export const SubmissionOut = z.object({
  id: z.string(),
  enrolmentId: z.string(),
  lessonId: z.string(),
  revision: z.number(),
  status: z.enum(["submitted", "returned", "graded"]),
  text: z.string().nullable(),
  fileUrl: z.string().nullable(),
  fileName: z.string().nullable(),
  fileSize: z.number().nullable(),
  submittedAt: z.string(),
  late: z.boolean(),
  /** 0..100 */
  grade: z.number().nullable(),
  points: z.number().nullable(),
  maxPoints: z.number().nullable(),
  passed: z.boolean().nullable(),
  feedback: z.string().nullable(),
  rubricScores: z.array(z.object({ criterionId: z.string(), points: z.number() })),
  learnerName: z.string().optional(),
});

export const AssignmentInfoOut = z.object({
  instructions: z.string(),
  submissionType: z.enum(["text", "file", "both"]),
  dueAt: z.string().nullable(),
  rubric: z.array(CriterionIn),
  maxPoints: z.number(),
  passingScore: z.number(),
  allowResubmission: z.boolean(),
  canSubmit: z.boolean(),
  submission: SubmissionOut.nullable(),
  history: z.array(SubmissionOut),
});

export const SubmissionGradeIn = z.object({
  /** One per rubric criterion, 0..maxPoints; with an empty rubric use `score`. */
  rubricScores: z
    .array(z.object({ criterionId: z.string(), points: z.number() }))
    .max(30)
    .default([]),
  /** 0..100, only for an assignment without a rubric. */
  score: z.number().nullable().default(null),
  feedback: z.string().max(20_000).nullable().default(null),
  /** "returned" asks for a new revision (only when the assignment allows resubmission). */
  decision: z.enum(["graded", "returned"]).default("graded"),
});
