import type { z } from "zod";
import { logAccess } from "../../../platform/access-log.js";
import { scopeOf } from "../../../platform/actor.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, invalid } from "../../../platform/errors.js";
import { loadSelf, loadSubject, type Subject } from "../../logbook/subject.js";
import { agencyOf, authorize, HR, orgPolicy } from "../../org/policies.js";
import { getUnit } from "../../org/repository.js";
import { ageOn } from "../engine/index.js";
import { arrangementPolicy } from "../policies.js";
import { rulesOn } from "../policy/in-force.js";
import { addDays } from "../week.js";
import { presentFactors } from "./presenter.js";
import * as repo from "./repository.js";
import type { FactorListQuery, FactorsDeclare, FactorsOut } from "./schema.js";

async function healthState(ctx: Ctx, s: Subject): Promise<boolean> {
  const rules = await rulesOn(ctx.db, s.employee.agency_id, s.today);
  return repo.healthNotCleared(ctx.db, s.employee.id, addDays(s.today, -rules.healthLookbackDays), s.today);
}

/** Someone's factors as the viewer may see them; a sensitive read of someone else is logged. */
async function factorsFor(ctx: Ctx, s: Subject, opts: { log: boolean }): Promise<FactorsOut> {
  const row = await repo.getFactors(ctx.db, s.employee.id);
  const showSensitive = arrangementPolicy.viewSensitiveFactors(ctx.actor, s.target);
  const showAge = orgPolicy.viewEmployeePrivate(ctx.actor, s.target);
  const self = ctx.actor.employeeId === s.employee.id;
  if (showSensitive && !self && opts.log) {
    await logAccess(ctx.db, ctx, {
      category: "sensitive_profile",
      agencyId: s.employee.agency_id,
      subjectEmployeeIds: [s.employee.id],
      detail: "work-arrangement factors",
    });
  }
  return presentFactors(s.employee, row, {
    age: showAge ? ageOn(s.employee.birth_date, s.today) : null,
    sensitive: showSensitive ? { healthNotCleared: await healthState(ctx, s) } : null,
  });
}

export async function getOwnFactors(ctx: Ctx): Promise<FactorsOut> {
  const s = await loadSelf(ctx);
  return factorsFor(ctx, s, { log: false });
}

export async function getFactors(ctx: Ctx, employeeId: string): Promise<FactorsOut> {
  const s = await loadSubject(ctx, employeeId);
  authorize(arrangementPolicy.viewFactors(ctx.actor, s.target));
  return factorsFor(ctx, s, { log: true });
}

/** The employee declares their own factors. A new commute mode needs HR's verification again. The audit names the fields, never the health values. */
export async function declareOwnFactors(ctx: Ctx, input: FactorsDeclare): Promise<FactorsOut> {
  const s = await loadSelf(ctx);
  authorize(arrangementPolicy.declareFactors(ctx.actor, s.target));
  const before = await repo.getFactors(ctx.db, s.employee.id);
  const now = ctx.now().toISOString();
  const commuteChanged = (before?.commute_mode ?? null) !== input.commute;
  const keepVerification = !commuteChanged && before?.commute_verified === 1;
  const changed: Record<string, string> = {};
  if (commuteChanged) changed.commute = `${before?.commute_mode ?? "none"} → ${input.commute ?? "none"}`;
  if ((before?.caregiving === 1) !== input.caregiving) changed.caregiving = String(input.caregiving);
  if ((before?.comorbidity === 1) !== input.comorbidity) changed.comorbidity = "[changed]";
  if ((before?.pregnancy === 1) !== input.pregnancy) changed.pregnancy = "[changed]";
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertFactors(trx, {
      employee_id: s.employee.id,
      agency_id: s.employee.agency_id,
      commute_mode: input.commute,
      commute_verified: keepVerification ? 1 : 0,
      commute_verified_by: keepVerification ? (before?.commute_verified_by ?? null) : null,
      commute_verified_at: keepVerification ? (before?.commute_verified_at ?? null) : null,
      comorbidity: input.comorbidity ? 1 : 0,
      pregnancy: input.pregnancy ? 1 : 0,
      caregiving: input.caregiving ? 1 : 0,
      created_at: before?.created_at ?? now,
      updated_at: now,
    });
    if (Object.keys(changed).length > 0) {
      await audit(trx, ctx, {
        action: "arrangement.factors_declared",
        subjectType: "employee",
        subjectId: s.employee.id,
        agencyId: s.employee.agency_id,
        changes: changed,
      });
    }
  });
  return factorsFor(ctx, s, { log: false });
}

/** HR confirms (or withdraws the confirmation of) a declared public-transport commute. */
export async function verifyCommute(ctx: Ctx, employeeId: string, verified: boolean): Promise<FactorsOut> {
  const s = await loadSubject(ctx, employeeId);
  authorize(arrangementPolicy.verifyCommute(ctx.actor, s.target));
  const row = await repo.getFactors(ctx.db, employeeId);
  if (!row?.commute_mode) throw conflict("The employee has declared no public-transport commute");
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setCommuteVerified(trx, employeeId, verified, ctx.actor.userId, now);
    await audit(trx, ctx, {
      action: "arrangement.commute_verified",
      subjectType: "employee",
      subjectId: employeeId,
      agencyId: s.employee.agency_id,
      changes: { commute: row.commute_mode, verified: [row.commute_verified === 1, verified] },
    });
  });
  // The answer leaves the sensitive part out: verifying a commute is no reason to read health data.
  const after = await repo.getFactors(ctx.db, employeeId);
  const showAge = orgPolicy.viewEmployeePrivate(ctx.actor, s.target);
  return presentFactors(s.employee, after, { age: showAge ? ageOn(s.employee.birth_date, s.today) : null, sensitive: null });
}

/** Declared commutes in the HR admin's scope (by default the ones waiting for verification). No sensitive fields. */
export async function listDeclaredCommutes(ctx: Ctx, q: z.infer<typeof FactorListQuery>) {
  const agencyId = agencyOf(ctx.actor, q.agencyId);
  const scope = scopeOf(ctx.actor, HR);
  authorize(scope.agencyIds.includes(agencyId) || scope.unitPaths.some((u) => u.agencyId === agencyId), "Only HR admins verify commutes");
  let unitPath: string | undefined;
  if (q.unitId) {
    const unit = await getUnit(ctx.db, q.unitId);
    if (!unit || unit.agency_id !== agencyId) throw invalid([{ path: "querystring.unitId", message: "unknown unit" }]);
    unitPath = unit.path;
  }
  const { rows, total } = await repo.listDeclared(ctx.db, { agencyId, scope, unitPath, commute: q.commute, page: q.page, pageSize: q.pageSize });
  return {
    items: rows.map((r) => ({
      employeeId: r.employee_id,
      name: r.name,
      unit: { id: r.unit_id, name: r.unit_name },
      commute: { mode: r.commute_mode, verified: r.commute_verified === 1, verifiedAt: r.commute_verified_at },
      caregiving: r.caregiving === 1,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
