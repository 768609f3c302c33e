import { fromJson, toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import { logAccess } from "../../../platform/access-log.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { conflict, invalid } from "../../../platform/errors.js";
import { idempotent } from "../../../platform/idempotency.js";
import { notify } from "../../../platform/notifications.js";
import { publishChange } from "../../monitoring/live/bus.js";
import { todayIn } from "../../org/hierarchy.js";
import { authorize } from "../../org/policies.js";
import { loadSelf, loadSubject, type Subject, usersWithRoleOver } from "../subject.js";
import { validateAnswers } from "./answers.js";
import { daysBetween, shiftDate } from "./dates.js";
import { ensureCurrentForm } from "./forms.js";
import { healthPolicy } from "./policies.js";
import { adviceFor, formDefinitionOf, presentDay } from "./presenter.js";
import * as repo from "./repository.js";
import { evaluateHealth, type Reason, type Verdict } from "./rule.js";
import type { SubmitBody, SubmitOut } from "./schema.js";

export const HISTORY_DEFAULT_DAYS = 30;
export const HISTORY_MAX_DAYS = 366;

/**
 * The form version a submission may use: the current one, or one that was
 * current at some moment of the employee's today (its successor was published
 * today in the unit's zone). A phone that loaded the form this morning and
 * syncs after a new version appeared still lands; an older version answers
 * 409 with `currentVersion`, so the client reloads the form.
 */
async function acceptedForm(trx: Db, ctx: Ctx, self: Subject, version: number): Promise<repo.HealthFormRow> {
  const current = await ensureCurrentForm(trx, ctx, self.employee.agency_id);
  if (version === current.version) return current;
  const asked = version < current.version ? await repo.formByVersion(trx, self.employee.agency_id, version) : undefined;
  if (!asked) throw invalid([{ path: "formVersion", message: "unknown form version" }]);
  const successor = await repo.formByVersion(trx, self.employee.agency_id, version + 1);
  if (successor && todayIn(self.unit.timezone, new Date(successor.created_at)) >= self.today) return asked;
  throw conflict("The health form has changed; reload it and answer again", { currentVersion: current.version });
}

/** Health officers hear of a not-cleared day once per state: not again for a replay of the same reasons. */
function worthNotifying(before: repo.HealthCheckWithVersion | undefined, verdict: Verdict): boolean {
  if (verdict.cleared) return false;
  if (!before || before.cleared === 1) return true;
  const old = new Set(fromJson<Reason[]>(before.reasons));
  return verdict.reasons.some((r) => !old.has(r));
}

async function notifyHealthOfficers(trx: Db, ctx: Ctx, self: Subject, now: string): Promise<void> {
  const officers = await usersWithRoleOver(trx, "health_officer", self.employee.agency_id, self.employee.unit_path);
  const day = self.today;
  await notify(trx, {
    userIds: officers.filter((id) => id !== ctx.actor.userId),
    agencyId: self.employee.agency_id,
    kind: "health.not_cleared",
    // No answers and no reasons here: the officer opens the link, and that read is logged.
    params: { employeeId: self.employee.id, employeeName: self.employee.name, workDate: day },
    link: `/logbook/health/employees/${self.employee.id}?from=${day}&to=${day}`,
    now,
  });
}

/**
 * The day's self-check of the signed-in person. One row per day: a second
 * submission replaces the answers (someone who develops a fever at noon must
 * be able to say so); the audit trail keeps each step's version and verdict,
 * never the answers, since HR reads the audit trail.
 */
export async function submitHealthCheck(ctx: Ctx, body: SubmitBody, req: { key: string | undefined; method: string; path: string }) {
  const self = await loadSelf(ctx);
  authorize(healthPolicy.submit(ctx.actor, self.target));
  const out = await idempotent<SubmitOut>(ctx, { ...req, body }, async (trx) => {
    const form = await acceptedForm(trx, ctx, self, body.formVersion);
    const def = formDefinitionOf(form);
    const checked = validateAnswers(def.questions, body.answers, self.today);
    if (!checked.ok) throw invalid(checked.errors, "Some answers are not valid");
    const verdict = evaluateHealth(def.rule, checked.answers, self.today);
    const before = await repo.checkOfDay(trx, self.employee.id, self.today);
    const now = ctx.now().toISOString();
    const id = await repo.upsertCheck(trx, {
      id: newId(),
      agency_id: self.employee.agency_id,
      unit_id: self.employee.unit_id,
      employee_id: self.employee.id,
      work_date: self.today,
      form_id: form.id,
      answers: toJson(checked.answers),
      cleared: verdict.cleared ? 1 : 0,
      reasons: toJson(verdict.reasons),
      answers_purged_at: null,
      created_at: now,
      updated_at: now,
    });
    await audit(trx, ctx, {
      action: before ? "health.replaced" : "health.submitted",
      subjectType: "health_check",
      subjectId: id,
      agencyId: self.employee.agency_id,
      changes: before
        ? {
            workDate: self.today,
            formVersion: [before.form_version, form.version],
            cleared: [before.cleared === 1, verdict.cleared],
            reasons: [fromJson(before.reasons), verdict.reasons],
          }
        : { workDate: self.today, formVersion: form.version, cleared: verdict.cleared, reasons: verdict.reasons },
    });
    if (worthNotifying(before, verdict)) await notifyHealthOfficers(trx, ctx, self, now);
    const out: SubmitOut = {
      id,
      workDate: self.today,
      formVersion: form.version,
      cleared: verdict.cleared,
      reasons: verdict.reasons,
      advice: adviceFor(verdict.cleared),
      replaced: before !== undefined,
      submittedAt: now,
    };
    return { status: before ? 200 : 201, body: out };
  });
  publishChange(ctx.db, { agencyId: self.unit.agency_id, unitId: self.unit.id, unitPath: self.unit.path, kind: "health", workDate: self.today });
  return out;
}

/** The signed-in person's check of their today (their own answers: no access log). */
export async function todayOfSelf(ctx: Ctx) {
  const self = await loadSelf(ctx);
  const current = await ensureCurrentForm(ctx.db, ctx, self.employee.agency_id);
  const row = await repo.checkOfDay(ctx.db, self.employee.id, self.today);
  return {
    workDate: self.today,
    currentVersion: current.version,
    check: row ? { ...presentDay(row, true), advice: adviceFor(row.cleared === 1) } : null,
  };
}

/**
 * Someone's days in a range. Answers for the person and health officers in
 * scope (an officer's read is logged); date + cleared for supervisors,
 * leaders and HR.
 */
export async function healthHistory(ctx: Ctx, employeeId: string, q: { from?: string; to?: string }) {
  const s = await loadSubject(ctx, employeeId);
  authorize(healthPolicy.viewDays(ctx.actor, s.target));
  const to = q.to ?? s.today;
  const from = q.from ?? shiftDate(to, -HISTORY_DEFAULT_DAYS);
  if (from > to) throw invalid([{ path: "from", message: "must not be after to" }]);
  if (daysBetween(from, to) > HISTORY_MAX_DAYS) throw invalid([{ path: "from", message: `at most ${HISTORY_MAX_DAYS} days at once` }]);
  const rows = await repo.checksOfEmployee(ctx.db, s.employee.id, from, to);
  const showAnswers = healthPolicy.viewAnswers(ctx.actor, s.target);
  const self = s.employee.id === ctx.actor.employeeId;
  if (showAnswers && !self && rows.some((r) => r.answers !== null)) {
    await logAccess(ctx.db, ctx, {
      category: "health",
      agencyId: s.employee.agency_id,
      subjectEmployeeIds: [s.employee.id],
      detail: `health answers ${from}..${to}`,
    });
  }
  return {
    employee: { id: s.employee.id, name: s.employee.name },
    from,
    to,
    answersVisible: showAnswers,
    items: rows.map((r) => presentDay(r, showAnswers)),
  };
}
