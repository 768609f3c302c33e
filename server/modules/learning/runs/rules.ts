import type { Kysely } from "kysely";
import { likeEscape } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { DB } from "../../../db/schema.js";
import type { EnrolmentRule } from "../../../db/schema-learning.js";
import { audit, diff } from "../../../platform/audit.js";
import type { Ctx, Db, SystemCtx } from "../../../platform/context.js";
import { invalid, notFound } from "../../../platform/errors.js";
import { agencyOf, authorize } from "../../org/policies.js";
import * as courseRepo from "../courses/repository.js";
import { learningPolicy } from "../policies.js";
import { closedReason, dueOnFor, enrolOne } from "./enrol.js";
import { loadRun } from "./load.js";
import * as repo from "./repository.js";
import type { RuleCreate } from "./schema.js";

function presentRule(r: EnrolmentRule) {
  return {
    id: r.id,
    runId: r.run_id,
    courseId: r.course_id,
    name: r.name,
    unitId: r.unit_id,
    positionName: r.position_name,
    newHireMonths: r.new_hire_months,
    dueDays: r.due_days,
    active: r.active === 1,
    lastAppliedAt: r.last_applied_at,
  };
}

/** A rule as lists show it: with its course, run and unit named. */
function presentRuleWithNames(r: repo.RuleWithNames) {
  return { ...presentRule(r), courseTitle: r.course_title, runTitle: r.run_title, runKind: r.run_kind, unitName: r.unit_name };
}

async function ruleView(db: Db, id: string) {
  const r = await repo.ruleWithNames(db, id);
  if (!r) throw notFound("Rule");
  return presentRuleWithNames(r);
}

async function unitPath(db: Db, agencyId: string, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const u = await db.selectFrom("units").select(["path", "agency_id"]).where("id", "=", unitId).executeTakeFirst();
  if (!u || u.agency_id !== agencyId) throw invalid([{ path: "unitId", message: "unknown unit" }]);
  return u.path;
}

async function loadRule(ctx: Ctx, id: string) {
  const rule = await ctx.db.selectFrom("enrolment_rules").selectAll().where("id", "=", id).executeTakeFirst();
  if (!rule || !learningPolicy.visibleAgency(ctx.actor, rule.agency_id)) throw notFound("Rule");
  const path = await unitPath(ctx.db, rule.agency_id, rule.unit_id);
  authorize(learningPolicy.manageRules(ctx.actor, { agencyId: rule.agency_id, unitPath: path }), "Only learning admins over the rule's unit manage it");
  return rule;
}

export async function listRules(ctx: Ctx, q: { agencyId?: string }) {
  const agencyId = agencyOf(ctx.actor, q.agencyId);
  authorize(learningPolicy.author(ctx.actor, agencyId), "Only learning admins see enrolment rules");
  return (await repo.rulesOfAgency(ctx.db, agencyId)).map(presentRuleWithNames);
}

export async function createRule(ctx: Ctx, input: RuleCreate) {
  const { run } = await loadRun(ctx, input.runId);
  const path = await unitPath(ctx.db, run.agency_id, input.unitId);
  authorize(learningPolicy.manageRules(ctx.actor, { agencyId: run.agency_id, unitPath: path }), "Only learning admins over the rule's unit manage it");
  const now = ctx.now().toISOString();
  const row = {
    id: newId(),
    agency_id: run.agency_id,
    run_id: run.id,
    course_id: run.course_id,
    name: input.name,
    unit_id: input.unitId,
    position_name: input.positionName,
    new_hire_months: input.newHireMonths,
    due_days: input.dueDays,
    active: input.active ? 1 : 0,
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
    last_applied_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto("enrolment_rules").values(row).execute();
    await audit(trx, ctx, {
      action: "learning.rule_created",
      subjectType: "enrolment_rule",
      subjectId: row.id,
      agencyId: row.agency_id,
      changes: presentRule(row),
    });
  });
  return ruleView(ctx.db, row.id);
}

export async function patchRule(ctx: Ctx, id: string, input: { name?: string; dueDays?: number | null; active?: boolean }) {
  const rule = await loadRule(ctx, id);
  const set = {
    name: input.name ?? rule.name,
    due_days: input.dueDays === undefined ? rule.due_days : input.dueDays,
    active: input.active === undefined ? rule.active : input.active ? 1 : 0,
    updated_at: ctx.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable("enrolment_rules").set(set).where("id", "=", id).execute();
    await audit(trx, ctx, {
      action: "learning.rule_updated",
      subjectType: "enrolment_rule",
      subjectId: id,
      agencyId: rule.agency_id,
      changes: diff(rule, set),
    });
  });
  return ruleView(ctx.db, id);
}

export async function deleteRule(ctx: Ctx, id: string): Promise<void> {
  const rule = await loadRule(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("enrolment_rules").where("id", "=", id).execute();
    await audit(trx, ctx, {
      action: "learning.rule_deleted",
      subjectType: "enrolment_rule",
      subjectId: id,
      agencyId: rule.agency_id,
      changes: presentRule(rule),
    });
  });
}

/** "YYYY-MM" of the month `months` before `today`. */
function monthsBefore(today: string, months: number): string {
  const [y, m] = today.split("-").map(Number);
  const total = y * 12 + (m - 1) - months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

/** Active employees matching every criterion of the rule, not yet in the run and not done with the course. */
async function matching(db: Db, rule: EnrolmentRule, path: string | null, today: string) {
  let q = db
    .selectFrom("employees")
    .innerJoin("units", "units.id", "employees.unit_id")
    .leftJoin("positions", "positions.id", "employees.position_id")
    .select(["employees.id", "employees.agency_id", "employees.unit_id"])
    .where("employees.agency_id", "=", rule.agency_id)
    .where("employees.status", "=", "active")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("enrolments")
            .select("enrolments.id")
            .whereRef("enrolments.employee_id", "=", "employees.id")
            .where((eb) =>
              eb.or([
                eb("enrolments.run_id", "=", rule.run_id),
                eb.and([eb("enrolments.course_id", "=", rule.course_id), eb("enrolments.status", "=", "completed")]),
              ]),
            ),
        ),
      ),
    );
  if (path) q = q.where("units.path", "like", `${likeEscape(path)}%`);
  if (rule.position_name) q = q.where("positions.name", "=", rule.position_name);
  if (rule.new_hire_months) q = q.where("employees.appointed_on", ">=", monthsBefore(today, rule.new_hire_months));
  return q.orderBy("employees.id").execute();
}

/** Applies one rule: enrols whoever matches, as far as the run has seats. */
export async function applyRule(trx: Db, ctx: Ctx | SystemCtx, rule: EnrolmentRule): Promise<{ enrolled: number; skipped: string | null }> {
  const run = await repo.getRun(trx, rule.run_id);
  const course = run ? await courseRepo.getCourse(trx, run.course_id) : undefined;
  if (!run || !course) return { enrolled: 0, skipped: "run not found" };
  const today = await repo.agencyToday(trx, rule.agency_id, ctx.now());
  await repo.lockRun(trx, ctx.engine, run.id);
  const path = rule.unit_id ? ((await trx.selectFrom("units").select("path").where("id", "=", rule.unit_id).executeTakeFirst())?.path ?? null) : null;
  let taken = (await repo.seatsTaken(trx, [run.id])).get(run.id) ?? 0;
  let enrolled = 0;
  let skipped: string | null = null;
  for (const person of await matching(trx, rule, path, today)) {
    const reason = closedReason(run, course, today, taken);
    if (reason) {
      skipped = reason;
      break;
    }
    const dueOn = rule.due_days ? repo.addDays(today, rule.due_days) : dueOnFor(run, today, null);
    const r = await enrolOne(trx, ctx, { run, person, source: "rule", dueOn });
    if (r.created) {
      enrolled++;
      taken++;
    }
  }
  await trx.updateTable("enrolment_rules").set({ last_applied_at: ctx.now().toISOString() }).where("id", "=", rule.id).execute();
  return { enrolled, skipped };
}

/** On demand: apply one rule now. */
export async function applyRuleNow(ctx: Ctx, id: string) {
  const rule = await loadRule(ctx, id);
  return ctx.db.transaction().execute((trx) => applyRule(trx, ctx, rule));
}

/** The recurring job: every active rule of every agency, one transaction per rule. */
export async function applyAllRules(db: Kysely<DB>, engine: SystemCtx["engine"], now: Date) {
  const ctx: SystemCtx = { db, engine, actor: null, requestId: null, ip: null, now: () => now };
  const rules = await db.selectFrom("enrolment_rules").selectAll().where("active", "=", 1).orderBy("created_at").execute();
  let enrolled = 0;
  for (const rule of rules) enrolled += (await db.transaction().execute((trx) => applyRule(trx, ctx, rule))).enrolled;
  return { rules: rules.length, enrolled };
}
