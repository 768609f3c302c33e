import { newId } from "../../../db/ids.js";
import type { CourseRun } from "../../../db/schema-learning.js";
import { audit, diff } from "../../../platform/audit.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { invalid } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { loadCourse, loadVisibleCourse } from "../courses/load.js";
import { learningPolicy } from "../policies.js";
import { loadRun } from "./load.js";
import { presentRun } from "./presenter.js";
import * as repo from "./repository.js";
import type { RunCreate, RunPatch } from "./schema.js";

/** Facilitators are employees of the run's agency. */
async function checkFacilitators(db: Db, agencyId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await db.selectFrom("employees").select("id").where("id", "in", unique).where("agency_id", "=", agencyId).execute();
  const bad = unique.filter((id) => !found.some((f) => f.id === id));
  if (bad.length > 0) throw invalid(bad.map((id) => ({ path: "facilitatorIds", message: `unknown employee ${id}` })));
  return unique;
}

export async function presentRuns(db: Db, runs: CourseRun[]) {
  const ids = runs.map((r) => r.id);
  const [facilitators, seats] = await Promise.all([repo.facilitatorsOf(db, ids), repo.seatsTaken(db, ids)]);
  return runs.map((r) =>
    presentRun(r, {
      facilitators: facilitators.filter((f) => f.run_id === r.id).map((f) => ({ employeeId: f.employee_id, name: f.name })),
      seatsTaken: seats.get(r.id) ?? 0,
    }),
  );
}

export async function listRuns(ctx: Ctx, courseId: string) {
  const course = await loadVisibleCourse(ctx, courseId);
  return presentRuns(ctx.db, await repo.runsOf(ctx.db, course.id));
}

export async function createRun(ctx: Ctx, courseId: string, input: RunCreate) {
  const course = await loadCourse(ctx, courseId);
  authorize(learningPolicy.manageRuns(ctx.actor, course.agency_id), "Only learning admins manage runs");
  const facilitatorIds = await checkFacilitators(ctx.db, course.agency_id, input.facilitatorIds);
  const now = ctx.now().toISOString();
  const row = {
    id: newId(),
    course_id: course.id,
    agency_id: course.agency_id,
    kind: input.kind,
    title: input.title,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    enrol_open: input.enrolOpen ? 1 : 0,
    self_paced_days: input.kind === "self_paced" ? input.selfPacedDays : null,
    capacity: input.capacity,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertRun(trx, row);
    await repo.setFacilitators(trx, row.id, facilitatorIds);
    await audit(trx, ctx, {
      action: "learning.run_created",
      subjectType: "course_run",
      subjectId: row.id,
      agencyId: row.agency_id,
      changes: { courseId, kind: row.kind, title: row.title, facilitatorIds },
    });
  });
  const [out] = await presentRuns(ctx.db, [row]);
  return out;
}

export async function patchRun(ctx: Ctx, id: string, input: RunPatch) {
  const { run } = await loadRun(ctx, id);
  authorize(learningPolicy.manageRuns(ctx.actor, run.agency_id), "Only learning admins manage runs");
  const set = {
    title: input.title ?? run.title,
    starts_on: input.startsOn === undefined ? run.starts_on : input.startsOn,
    ends_on: input.endsOn === undefined ? run.ends_on : input.endsOn,
    enrol_open: input.enrolOpen === undefined ? run.enrol_open : input.enrolOpen ? 1 : 0,
    self_paced_days: input.selfPacedDays === undefined ? run.self_paced_days : input.selfPacedDays,
    capacity: input.capacity === undefined ? run.capacity : input.capacity,
    updated_at: ctx.now().toISOString(),
  };
  const errors = [];
  if (run.kind === "cohort" && (!set.starts_on || !set.ends_on)) errors.push({ path: "startsOn", message: "a cohort run has start and end dates" });
  if (set.starts_on && set.ends_on && set.ends_on < set.starts_on) errors.push({ path: "endsOn", message: "ends on or after it starts" });
  if (run.kind === "self_paced" && !set.self_paced_days) errors.push({ path: "selfPacedDays", message: "a self-paced run gives a number of days" });
  if (errors.length > 0) throw invalid(errors);
  const facilitatorIds = input.facilitatorIds ? await checkFacilitators(ctx.db, run.agency_id, input.facilitatorIds) : null;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateRun(trx, id, set);
    if (facilitatorIds) await repo.setFacilitators(trx, id, facilitatorIds);
    const changes = diff(run, set);
    if (facilitatorIds) changes.facilitatorIds = facilitatorIds;
    await audit(trx, ctx, { action: "learning.run_updated", subjectType: "course_run", subjectId: id, agencyId: run.agency_id, changes });
  });
  const [out] = await presentRuns(ctx.db, [{ ...run, ...set }]);
  return out;
}

/** The class list: the agency's learning admins and the run's own facilitators. */
export async function getClassList(ctx: Ctx, id: string) {
  const { run, target } = await loadRun(ctx, id);
  authorize(learningPolicy.facilitate(ctx.actor, target), "Only this run's facilitators and learning admins see its class");
  const rows = await repo.classList(ctx.db, id);
  return {
    run: (await presentRuns(ctx.db, [run]))[0],
    learners: rows.map((r) => ({
      enrolmentId: r.id,
      employeeId: r.employee_id,
      name: r.name,
      unitName: r.unit_name,
      status: r.status,
      source: r.source,
      progressPct: r.progress_pct,
      score: r.score,
      dueOn: r.due_on,
      startedAt: r.started_at,
      completedAt: r.completed_at,
    })),
  };
}

/**
 * The runs the viewer facilitates: named as the run's facilitator and holding
 * the facilitator grant of its agency (what opening the class needs), newest first.
 */
export async function listFacilitatedRuns(ctx: Ctx) {
  const me = ctx.actor.employeeId;
  if (!me) return [];
  const rows = await repo.runsFacilitatedBy(ctx.db, me);
  const runs = await presentRuns(ctx.db, rows);
  return runs
    .map((r, i) => ({ ...r, courseTitle: rows[i].course_title, courseCode: rows[i].course_code, agencyId: rows[i].agency_id }))
    .filter((r) => learningPolicy.facilitate(ctx.actor, { agencyId: r.agencyId, facilitatorIds: r.facilitators.map((f) => f.employeeId) }))
    .map(({ agencyId: _agency, ...r }) => r);
}
