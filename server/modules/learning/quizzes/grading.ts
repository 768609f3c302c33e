import { fromJson } from "../../../db/dialect.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, invalid, notFound } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { learningPolicy } from "../policies.js";
import { runTarget } from "./access.js";
import { getAttempt } from "./attempts.js";
import { settleAttempt } from "./close.js";
import type { Snapshot } from "./presenter.js";
import * as repo from "./repository.js";
import { gradeEssay } from "./scoring.js";

/** Essay grades by the run's facilitators (or the agency's learning admins); 0..the question's points each. */
export async function gradeAttempt(ctx: Ctx, attemptId: string, grades: { questionId: string; points: number; feedback: string | null }[]) {
  const attempt = await repo.getAttempt(ctx.db, attemptId);
  if (!attempt || !learningPolicy.visibleAgency(ctx.actor, attempt.agency_id)) throw notFound("Attempt");
  authorize(learningPolicy.facilitate(ctx.actor, await runTarget(ctx.db, attempt.run_id, attempt.agency_id)), "Only this run's facilitators grade it");
  if (attempt.status === "open") throw conflict("This attempt is not submitted yet", { reason: "open" });
  const items = new Map((await repo.itemsOf(ctx.db, attemptId)).map((i) => [i.question_id, i]));
  const errors = grades.flatMap((g, n) => {
    const item = items.get(g.questionId);
    if (!item || fromJson<Snapshot>(item.snapshot).kind !== "essay") return [{ path: `grades.${n}.questionId`, message: "not an essay of this attempt" }];
    const max = fromJson<Snapshot>(item.snapshot).points;
    return gradeEssay(max, g.points) ? [] : [{ path: `grades.${n}.points`, message: `between 0 and ${max}` }];
  });
  if (errors.length) throw invalid(errors);
  await ctx.db.transaction().execute(async (trx) => {
    for (const g of grades) {
      const item = items.get(g.questionId);
      const score = item && gradeEssay(fromJson<Snapshot>(item.snapshot).points, g.points);
      if (!score) continue;
      await repo.updateItem(trx, attemptId, g.questionId, { points: score.points, pending: 0, correct: score.correct ? 1 : 0, feedback: g.feedback });
    }
    if (attempt.status === "graded") await repo.updateAttempt(trx, attemptId, { status: "pending" });
    await audit(trx, ctx, {
      action: "learning.quiz.graded",
      subjectType: "quiz_attempt",
      subjectId: attemptId,
      agencyId: attempt.agency_id,
      changes: { grades: grades.map((g) => ({ questionId: g.questionId, points: g.points })) },
    });
    await settleAttempt(trx, ctx, attemptId);
  });
  return getAttempt(ctx, attemptId);
}

/** What waits for a run's facilitators: essays of submitted attempts (submissions are added by the assignments part). */
export async function pendingEssayItems(ctx: Ctx, runId: string) {
  const rows = await repo.pendingEssays(ctx.db, runId);
  return rows.map((r) => {
    const s = fromJson<Snapshot>(r.snapshot);
    const answer = r.answer === null ? null : fromJson<{ text?: string }>(r.answer);
    return {
      kind: "essay" as const,
      id: r.attempt_id,
      questionId: r.question_id,
      learnerName: r.learner_name,
      lessonTitle: r.lesson_title,
      courseTitle: r.course_title,
      submittedAt: r.submitted_at ?? "",
      prompt: s.prompt,
      answer: answer?.text ?? null,
      maxPoints: s.points,
    };
  });
}
