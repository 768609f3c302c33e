import type { CourseRun } from "../../../db/schema-learning.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { notFound } from "../../../platform/errors.js";
import { learningPolicy, type RunTarget } from "../policies.js";
import * as repo from "./repository.js";

export interface LoadedRun {
  run: CourseRun;
  target: RunTarget;
}

/** A run of an agency the viewer belongs to (another agency's is not found), with its facilitators. */
export async function loadRun(ctx: Ctx, id: string, db: Db = ctx.db): Promise<LoadedRun> {
  const run = await repo.getRun(db, id);
  if (!run || !learningPolicy.visibleAgency(ctx.actor, run.agency_id)) throw notFound("Run");
  const facilitators = await repo.facilitatorsOf(db, [run.id]);
  return { run, target: { agencyId: run.agency_id, facilitatorIds: facilitators.map((f) => f.employee_id) } };
}
