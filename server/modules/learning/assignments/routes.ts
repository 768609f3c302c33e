import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import { readSingleFile, refuseLargeBodies } from "../../logbook/reports/multipart.js";
import { EnrolmentLessonParams, IdParams } from "../quizzes/schema.js";
import { gradeSubmission } from "./grading.js";
import { gradingQueue } from "./queue.js";
import { AssignmentInfoOut, AssignmentSettingsIn, AssignmentSettingsOut, SubmissionGradeIn, SubmissionOut } from "./schema.js";
import { getAssignmentSettings, putAssignmentSettings } from "./settings.js";
import { assignmentInfo, getSubmission, SUBMISSION_MAX_BYTES, submissionFile, submitAssignment } from "./submissions.js";

const tags = ["learning: assignments"];

/** RFC 6266 filename parameters: an ASCII fallback and the UTF-8 name. */
export function disposition(kind: "inline" | "attachment", filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const GradingItem = z.object({
  kind: z.enum(["essay", "submission"]),
  id: z.string(),
  questionId: z.string().nullable(),
  learnerName: z.string(),
  lessonTitle: z.string(),
  courseTitle: z.string(),
  submittedAt: z.string(),
  prompt: z.string().optional(),
  answer: z.string().nullable().optional(),
  text: z.string().nullable().optional(),
  fileUrl: z.string().nullable().optional(),
  rubric: z.array(z.object({ id: z.string(), title: z.string(), maxPoints: z.number() })).optional(),
  maxPoints: z.number(),
});

export async function assignmentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/lessons/:id/assignment",
    { schema: { tags, summary: "An assignment lesson's settings", params: IdParams, response: { 200: AssignmentSettingsOut } } },
    async (req) => getAssignmentSettings(ctxOf(req), req.params.id),
  );
  app.put(
    "/lessons/:id/assignment",
    {
      schema: {
        tags,
        summary: "Set instructions, submission type, due date, rubric, passing score, resubmission",
        params: IdParams,
        body: AssignmentSettingsIn,
        response: { 200: AssignmentSettingsOut },
      },
    },
    async (req) => putAssignmentSettings(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    "/enrolments/:id/lessons/:lessonId/assignment",
    {
      schema: {
        tags,
        summary: "The learner's view of an assignment with their submissions",
        params: EnrolmentLessonParams,
        response: { 200: AssignmentInfoOut },
      },
    },
    async (req) => assignmentInfo(ctxOf(req), req.params.id, req.params.lessonId),
  );
  app.post(
    "/enrolments/:id/lessons/:lessonId/submissions",
    {
      onRequest: refuseLargeBodies(SUBMISSION_MAX_BYTES),
      schema: {
        tags,
        summary: "Submit (JSON {text} or multipart: `file` (PDF, PNG, JPEG, WebP; 10 MiB) and optional `text`)",
        description:
          "409 while a submission waits for its grade, after a grade, or when returned without resubmission allowed. 415 other file types, 413 too large.",
        params: EnrolmentLessonParams,
        consumes: ["application/json", "multipart/form-data"],
        response: { 201: SubmissionOut },
      },
    },
    async (req, reply) => {
      const input = req.isMultipart()
        ? { kind: "multipart" as const, read: () => readSingleFile(req, SUBMISSION_MAX_BYTES) }
        : { kind: "json" as const, body: req.body };
      return reply.status(201).send(await submitAssignment(ctxOf(req), req.params.id, req.params.lessonId, input));
    },
  );
  app.get(
    "/submissions/:id",
    { schema: { tags, summary: "A submission (learner, facilitators, admins in scope)", params: IdParams, response: { 200: SubmissionOut } } },
    async (req) => getSubmission(ctxOf(req), req.params.id),
  );
  app.get("/submissions/:id/file", { schema: { tags, summary: "A submission's file", params: IdParams } }, async (req, reply) => {
    const f = await submissionFile(ctxOf(req), req.params.id);
    return reply
      .header("content-disposition", disposition("attachment", f.filename))
      .header("content-security-policy", "default-src 'none'; sandbox")
      .header("cache-control", "private, no-store")
      .type(f.mime)
      .send(f.data);
  });
  app.post(
    "/submissions/:id/grade",
    {
      schema: {
        tags,
        summary: "Grade with the rubric (or return for a new revision)",
        params: IdParams,
        body: SubmissionGradeIn,
        response: { 200: SubmissionOut },
      },
    },
    async (req) => gradeSubmission(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    "/runs/:id/grading",
    {
      schema: {
        tags,
        summary: "Essays and submissions of a run waiting for a grade (its facilitators)",
        params: IdParams,
        response: { 200: z.array(GradingItem) },
      },
    },
    async (req) => gradingQueue(ctxOf(req), req.params.id),
  );
}
