import { fromJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { Course, CourseRun, Enrolment, EnrolmentSource } from "../../../db/schema-learning.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx, Db, SystemCtx } from "../../../platform/context.js";
import { AppError, conflict, invalid, notFound } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { getEmployee } from "../../org/repository.js";
import * as courseRepo from "../courses/repository.js";
import { learningPolicy } from "../policies.js";
import { loadRun } from "./load.js";
import * as repo from "./repository.js";

export interface Enrollee {
  id: string;
  agency_id: string;
  unit_id: string;
}

/** Why a run takes no one now; null when it is open. */
export function closedReason(run: CourseRun, course: Course, today: string, taken: number): string | null {
  if (course.status !== "published") return "The course is not published";
  if (run.enrol_open !== 1) return "Enrolment in this run is closed";
  if (run.ends_on && today > run.ends_on) return "This run has ended";
  if (run.capacity !== null && taken >= run.capacity) return "This run is full";
  return null;
}

/** The deadline of a new enrolment: the one given, else enrolment day + the run's days (self-paced) or the run's end. */
export function dueOnFor(run: CourseRun, today: string, given: string | null): string | null {
  if (given) return given;
  if (run.kind === "self_paced" && run.self_paced_days) return repo.addDays(today, run.self_paced_days);
  return run.ends_on;
}

/**
 * Enrols one person in a run inside the caller's transaction. A withdrawn
 * enrolment is reactivated; an existing one is returned with `created: false`.
 */
export async function enrolOne(
  trx: Db,
  ctx: Ctx | SystemCtx,
  input: { run: CourseRun; person: Enrollee; source: EnrolmentSource; dueOn: string | null },
): Promise<{ enrolment: Enrolment; created: boolean }> {
  const now = ctx.now().toISOString();
  const existing = await repo.enrolmentOf(trx, input.run.id, input.person.id);
  if (existing && existing.status !== "withdrawn") return { enrolment: existing, created: false };
  const row = {
    id: existing?.id ?? newId(),
    run_id: input.run.id,
    course_id: input.run.course_id,
    agency_id: input.run.agency_id,
    unit_id: input.person.unit_id,
    employee_id: input.person.id,
    source: input.source,
    status: "active" as const,
    due_on: input.dueOn,
    started_at: existing?.started_at ?? null,
    completed_at: null,
    progress_pct: existing?.progress_pct ?? 0,
    score: existing?.score ?? null,
    created_at: existing?.created_at ?? now,
    updated_at: now,
  };
  if (existing) await repo.updateEnrolment(trx, row.id, row);
  else await repo.insertEnrolment(trx, row);
  await audit(trx, ctx, {
    action: "learning.enrolled",
    subjectType: "enrolment",
    subjectId: row.id,
    agencyId: row.agency_id,
    changes: { runId: row.run_id, employeeId: row.employee_id, source: row.source, dueOn: row.due_on },
  });
  return { enrolment: row, created: true };
}

async function runAndCourse(ctx: Ctx, runId: string) {
  const { run } = await loadRun(ctx, runId);
  const course = await courseRepo.getCourse(ctx.db, run.course_id);
  if (!course) throw notFound("Course");
  return { run, course };
}

/** A learner enrols themself in an open run of a published course of their agency, prerequisites completed. */
export async function selfEnrol(ctx: Ctx, runId: string) {
  const { run, course } = await runAndCourse(ctx, runId);
  if (!ctx.actor.employeeId || ctx.actor.agencyId !== run.agency_id) throw notFound("Run");
  if (!learningPolicy.viewCourse(ctx.actor, { agencyId: course.agency_id, status: course.status })) throw notFound("Run");
  const me = await getEmployee(ctx.db, ctx.actor.employeeId);
  if (!me) throw notFound("Employee record of this account");
  const prereqs = fromJson<string[]>(course.prerequisite_ids) ?? [];
  const done = await repo.completedCourseIds(ctx.db, me.id, prereqs);
  const missing = prereqs.filter((id) => !done.has(id));
  if (missing.length > 0) throw conflict("Complete the prerequisite courses first", { missingCourseIds: missing });
  const today = await repo.agencyToday(ctx.db, run.agency_id, ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockRun(trx, ctx.engine, run.id);
    const taken = (await repo.seatsTaken(trx, [run.id])).get(run.id) ?? 0;
    const reason = closedReason(run, course, today, taken);
    if (reason) throw conflict(reason);
    const { enrolment, created } = await enrolOne(trx, ctx, { run, person: me, source: "self", dueOn: dueOnFor(run, today, null) });
    if (!created) throw conflict("You are already enrolled in this run", { enrolmentId: enrolment.id });
    return { id: enrolment.id, dueOn: enrolment.due_on, status: enrolment.status };
  });
}

/**
 * Learning admins and HR admins enrol people in their scope. Everyone is
 * checked first; one refusal refuses the whole request and writes nothing.
 */
export async function enrolOthers(ctx: Ctx, runId: string, input: { employeeIds: string[]; dueOn: string | null }) {
  const { run, course } = await runAndCourse(ctx, runId);
  const today = await repo.agencyToday(ctx.db, run.agency_id, ctx.now());
  if (input.dueOn && input.dueOn < today) throw invalid([{ path: "dueOn", message: "the deadline is in the past" }], "The deadline is in the past");
  const people: Enrollee[] = [];
  for (const id of [...new Set(input.employeeIds)]) {
    const e = await getEmployee(ctx.db, id);
    if (!e || e.agency_id !== run.agency_id || e.status !== "active") throw invalid([{ path: "employeeIds", message: `unknown employee ${id}` }]);
    authorize(learningPolicy.enrolOthers(ctx.actor, { agencyId: e.agency_id, unitPath: e.unit_path }), `${e.name} is outside your scope`);
    people.push(e);
  }
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockRun(trx, ctx.engine, run.id);
    const taken = (await repo.seatsTaken(trx, [run.id])).get(run.id) ?? 0;
    const reason = closedReason(run, course, today, taken);
    if (reason) throw conflict(reason);
    let added = 0;
    const already: string[] = [];
    for (const p of people) {
      if (run.capacity !== null && taken + added >= run.capacity) {
        const existing = await repo.enrolmentOf(trx, run.id, p.id);
        if (!existing || existing.status === "withdrawn")
          throw new AppError("conflict", "This run does not have enough seats", { extra: { seatsLeft: run.capacity - taken } });
      }
      const r = await enrolOne(trx, ctx, { run, person: p, source: "assigned", dueOn: dueOnFor(run, today, input.dueOn) });
      if (r.created) added++;
      else already.push(p.id);
    }
    return { enrolled: added, alreadyEnrolled: already };
  });
}

/** Withdraws an enrolment: the learner themself, or an admin in scope. Progress is kept. */
export async function withdraw(ctx: Ctx, enrolmentId: string): Promise<void> {
  const e = await repo.getEnrolment(ctx.db, enrolmentId);
  if (!e || !learningPolicy.visibleAgency(ctx.actor, e.agency_id)) throw notFound("Enrolment");
  const unit = await ctx.db.selectFrom("units").select("path").where("id", "=", e.unit_id).executeTakeFirst();
  const self = learningPolicy.learnAs(ctx.actor, e.employee_id);
  authorize(self || learningPolicy.enrolOthers(ctx.actor, { agencyId: e.agency_id, unitPath: unit?.path ?? null }), "You may not withdraw this enrolment");
  if (e.status === "completed") throw conflict("A completed enrolment cannot be withdrawn");
  if (e.status === "withdrawn") return;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateEnrolment(trx, e.id, { status: "withdrawn", updated_at: ctx.now().toISOString() });
    await audit(trx, ctx, {
      action: "learning.withdrawn",
      subjectType: "enrolment",
      subjectId: e.id,
      agencyId: e.agency_id,
      changes: { employeeId: e.employee_id, runId: e.run_id },
    });
  });
}
