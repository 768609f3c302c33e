import type { Ctx } from "../../../platform/context.js";
import { notFound } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { learningPolicy } from "../policies.js";
import { runTarget } from "../quizzes/access.js";
import { pendingEssayItems } from "../quizzes/grading.js";
import { waitingSubmissionItems } from "./grading.js";

/** Everything of a run waiting for a facilitator: essays of submitted attempts and assignment submissions, oldest first. */
export async function gradingQueue(ctx: Ctx, runId: string) {
  const run = await ctx.db.selectFrom("course_runs").select(["id", "agency_id"]).where("id", "=", runId).executeTakeFirst();
  if (!run || !learningPolicy.visibleAgency(ctx.actor, run.agency_id)) throw notFound("Run");
  authorize(learningPolicy.facilitate(ctx.actor, await runTarget(ctx.db, run.id, run.agency_id)), "Only this run's facilitators grade it");
  const items = [...(await pendingEssayItems(ctx, runId)), ...(await waitingSubmissionItems(ctx, runId))];
  return items.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}
