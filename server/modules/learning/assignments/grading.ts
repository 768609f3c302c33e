import type { z } from "zod";
import { fromJson, toJson } from "../../../db/dialect.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, invalid, notFound } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { learningPolicy } from "../policies.js";
import { getProgress } from "../progress/repository.js";
import { recordLessonOutcome } from "../progress/service.js";
import { runTarget } from "../quizzes/access.js";
import { round2 } from "../quizzes/scoring.js";
import { presentSubmission } from "./presenter.js";
import * as repo from "./repository.js";
import { type Criterion, checkMarks, rubricTotal } from "./rubric.js";
import type { SubmissionGradeIn } from "./schema.js";

/**
 * A facilitator's grade: marks per rubric criterion (or one score 0..100
 * without a rubric), feedback, and either "graded" (decides the lesson) or
 * "returned" (asks for a new revision; only when resubmission is allowed).
 */
export async function gradeSubmission(ctx: Ctx, id: string, input: z.infer<typeof SubmissionGradeIn>) {
  const s = await repo.getSubmission(ctx.db, id);
  if (!s || !learningPolicy.visibleAgency(ctx.actor, s.agency_id)) throw notFound("Submission");
  authorize(learningPolicy.facilitate(ctx.actor, await runTarget(ctx.db, s.run_id, s.agency_id)), "Only this run's facilitators grade it");
  if (s.status !== "submitted") throw conflict("This submission is already decided", { reason: s.status });
  const settings = await repo.getSettings(ctx.db, s.lesson_id);
  if (!settings) throw notFound("Assignment settings");
  if (input.decision === "returned" && settings.allow_resubmission !== 1) {
    throw conflict("This assignment does not allow resubmission", { reason: "no_resubmission" });
  }
  const criteria = fromJson<Criterion[]>(settings.rubric);
  let marks: Record<string, number> = {};
  let total: { points: number; max: number; percent: number };
  if (criteria.length) {
    const ids = input.rubricScores.map((r) => r.criterionId);
    if (new Set(ids).size !== ids.length) throw invalid([{ path: "rubricScores", message: "one score per criterion" }]);
    marks = Object.fromEntries(input.rubricScores.map((r) => [r.criterionId, r.points]));
    const errors = checkMarks(criteria, marks).map((e) => ({ ...e, path: e.path.replace(/^marks\./, "rubricScores.") }));
    if (errors.length) throw invalid(errors);
    total = rubricTotal(criteria, marks);
  } else {
    const score = input.score;
    if (score === null || !Number.isFinite(score) || score < 0 || score > 100) throw invalid([{ path: "score", message: "between 0 and 100" }]);
    total = { points: round2(score), max: 100, percent: round2(score) };
  }
  const passed = total.percent >= settings.passing_score;
  const at = ctx.now().toISOString();
  const patch = {
    status: input.decision,
    marks: toJson(marks),
    points: total.points,
    max_points: total.max,
    percent: total.percent,
    passed: passed ? 1 : 0,
    feedback: input.feedback,
    graded_by: ctx.actor.userId,
    graded_at: at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await trx.updateTable("assignment_submissions").set(patch).where("id", "=", id).where("status", "=", "submitted").executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) throw conflict("This submission is already decided", { reason: "decided" });
    await audit(trx, ctx, {
      action: input.decision === "graded" ? "learning.assignment.graded" : "learning.assignment.returned",
      subjectType: "assignment_submission",
      subjectId: id,
      agencyId: s.agency_id,
      changes: { marks, percent: total.percent, passed },
    });
    if (input.decision === "graded") {
      // A passing grade completes the lesson; a failing one leaves it open (the course is not completed by a
      // failure), and does not undo an earlier pass of the same lesson.
      const before = await getProgress(trx, s.enrolment_id, s.lesson_id);
      const passedBefore = before?.status === "completed" && before.passed === 1;
      const outcome = passedBefore && !passed ? { completed: true, score: before.score, passed: true } : { completed: passed, score: total.percent, passed };
      await recordLessonOutcome(trx, ctx, { enrolmentId: s.enrolment_id, lessonId: s.lesson_id, ...outcome });
    }
  });
  return presentSubmission({ ...s, ...patch });
}

/** Submissions of a run waiting for a grade, for its facilitators. */
export async function waitingSubmissionItems(ctx: Ctx, runId: string) {
  const rows = await repo.waitingSubmissions(ctx.db, runId);
  return rows.map((r) => {
    const rubric = r.rubric === null ? [] : fromJson<Criterion[]>(r.rubric);
    return {
      kind: "submission" as const,
      id: r.id,
      questionId: null,
      learnerName: r.learner_name,
      lessonTitle: r.lesson_title,
      courseTitle: r.course_title,
      submittedAt: r.submitted_at,
      text: r.text,
      fileUrl: r.file_name ? `/api/v1/learning/submissions/${r.id}/file` : null,
      rubric,
      maxPoints: rubric.length ? rubricTotal(rubric, {}).max : 100,
    };
  });
}
