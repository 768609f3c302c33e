import { newId } from "../../../db/ids.js";
import type { AssignmentSettings } from "../../../db/schema-learning-assessment.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, invalid, notFound } from "../../../platform/errors.js";
import { MIB, safeFilename, type UploadedFile } from "../../logbook/reports/multipart.js";
import { nameFor, sniffEvidence } from "../../logbook/reports/sniff.js";
import { authorizeView, loadEnrolment, loadOwnLesson } from "../quizzes/access.js";
import { presentSubmission } from "./presenter.js";
import * as repo from "./repository.js";
import { SubmissionTextIn } from "./schema.js";
import { presentAssignmentSettings } from "./settings.js";

export const SUBMISSION_MAX_BYTES = 10 * MIB;

/** What the learner sends: JSON `{text}` or a multipart form (`file`, optional `text`). */
export type SubmissionInput = { kind: "json"; body: unknown } | { kind: "multipart"; read: () => Promise<UploadedFile> };

async function settingsOf(ctx: Ctx, lessonId: string): Promise<AssignmentSettings> {
  const s = await repo.getSettings(ctx.db, lessonId);
  if (!s) throw notFound("Assignment settings");
  return s;
}

/** Whether a new revision may be sent: the first one, or after "returned" when resubmission is allowed. */
function mayResubmit(s: AssignmentSettings, latest: { status: string } | undefined): boolean {
  if (!latest) return true;
  return latest.status === "returned" && s.allow_resubmission === 1;
}

/** The learner's view of an assignment lesson: instructions, rubric, their submissions. */
export async function assignmentInfo(ctx: Ctx, enrolmentId: string, lessonId: string) {
  await loadOwnLesson(ctx, enrolmentId, lessonId, "assignment");
  const s = await settingsOf(ctx, lessonId);
  const history = await repo.submissionsOf(ctx.db, enrolmentId, lessonId);
  const { lessonId: _l, updatedAt: _u, ...settings } = presentAssignmentSettings(s);
  return {
    ...settings,
    canSubmit: mayResubmit(s, history.at(-1)),
    submission: history.length ? presentSubmission(history[history.length - 1]) : null,
    history: history.map((h) => presentSubmission(h)),
  };
}

/** A new submission (revision 1, or the next after "returned"). Late ones are accepted and marked. */
export async function submitAssignment(ctx: Ctx, enrolmentId: string, lessonId: string, input: SubmissionInput) {
  const ref = await loadOwnLesson(ctx, enrolmentId, lessonId, "assignment");
  const s = await settingsOf(ctx, lessonId);
  const latest = (await repo.submissionsOf(ctx.db, enrolmentId, lessonId)).at(-1);
  if (!mayResubmit(s, latest)) throw conflict("A submission is already waiting for its grade or was graded", { reason: "not_open" });
  let text: string | null = null;
  let file: { name: string; mime: string; data: Buffer } | null = null;
  if (input.kind === "json") {
    text = SubmissionTextIn.parse(input.body).text;
  } else {
    const upload = await input.read();
    const type = sniffEvidence(upload.content);
    file = { name: nameFor(safeFilename(upload.filename, "tugas"), type), mime: type.mime, data: upload.content };
    text = upload.fields.text?.trim() || null;
  }
  if (s.submission === "text" && (!text || file)) throw invalid([{ path: "text", message: "this assignment takes a text answer only" }]);
  if (s.submission === "file" && !file) throw invalid([{ path: "file", message: "this assignment takes a file" }]);
  const now = ctx.now().toISOString();
  const row = {
    id: newId(),
    agency_id: ref.enrolment.agency_id,
    enrolment_id: enrolmentId,
    lesson_id: lessonId,
    run_id: ref.enrolment.run_id,
    employee_id: ref.enrolment.employee_id,
    revision: (latest?.revision ?? 0) + 1,
    status: "submitted" as const,
    text,
    file_name: file?.name ?? null,
    file_mime: file?.mime ?? null,
    file_size: file?.data.length ?? null,
    file_data: file?.data ?? null,
    late: s.due_at !== null && now > s.due_at ? 1 : 0,
    submitted_at: now,
    marks: null,
    points: null,
    max_points: null,
    percent: null,
    passed: null,
    feedback: null,
    graded_by: null,
    graded_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSubmission(trx, row);
    await audit(trx, ctx, {
      action: "learning.assignment.submitted",
      subjectType: "assignment_submission",
      subjectId: row.id,
      agencyId: row.agency_id,
      changes: { lessonId, revision: row.revision, file: row.file_name, size: row.file_size, late: row.late === 1 },
    });
  });
  const { file_data: _d, ...meta } = row;
  return presentSubmission(meta);
}

async function loadVisible(ctx: Ctx, id: string) {
  const s = await repo.getSubmission(ctx.db, id);
  if (!s) throw notFound("Submission");
  const ref = await loadEnrolment(ctx, s.enrolment_id).catch(() => {
    throw notFound("Submission");
  });
  authorizeView(ctx, { employeeId: s.employee_id, person: ref.person, run: ref.run });
  return s;
}

export async function getSubmission(ctx: Ctx, id: string) {
  return presentSubmission(await loadVisible(ctx, id));
}

export async function submissionFile(ctx: Ctx, id: string) {
  const s = await loadVisible(ctx, id);
  const f = await repo.submissionFile(ctx.db, s.id);
  if (!f?.file_data || !f.file_name || !f.file_mime) throw notFound("File");
  return { filename: f.file_name, mime: f.file_mime, data: Buffer.from(f.file_data) };
}
