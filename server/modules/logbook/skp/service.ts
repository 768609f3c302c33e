import type { Updateable } from "kysely";
import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { SkpTarget, SkpTargetTable } from "../../../db/schema-logbook.js";
import { audit, diff } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, notFound } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { loadSelf, loadSubject, type Subject } from "../subject.js";
import { skpPolicy } from "./policies.js";
import { presentTarget } from "./presenter.js";
import * as repo from "./repository.js";
import type { TargetCreate, TargetDto, TargetUpdate } from "./schema.js";

interface ListQuery {
  period?: string;
  includeArchived: boolean;
}

async function list(ctx: Ctx, subject: Subject, q: ListQuery) {
  authorize(skpPolicy.view(ctx.actor, subject.target), "You may not see this employee's targets");
  const period = q.period ?? subject.today.slice(0, 4);
  const rows = await repo.listTargets(ctx.db, subject.employee.id, period, q.includeArchived);
  return { employeeId: subject.employee.id, period, items: rows.map(presentTarget) };
}

export async function listTargets(ctx: Ctx, employeeId: string, q: ListQuery) {
  return list(ctx, await loadSubject(ctx, employeeId), q);
}

export async function listMyTargets(ctx: Ctx, q: ListQuery) {
  return list(ctx, await loadSelf(ctx), q);
}

async function assertCodeFree(ctx: Ctx, t: { employeeId: string; period: string; code: string | null; exceptId?: string }) {
  if (!t.code) return;
  const other = await repo.findActiveByCode(ctx.db, t.employeeId, t.period, t.code, t.exceptId);
  if (other) throw conflict(`Another target of ${t.period} already has the code "${t.code}"`, { targetId: other.id });
}

export async function createTarget(ctx: Ctx, employeeId: string, input: TargetCreate): Promise<TargetDto> {
  const subject = await loadSubject(ctx, employeeId);
  authorize(skpPolicy.manage(ctx.actor, subject.target), "Only the employee and HR in scope may set targets");
  await assertCodeFree(ctx, { employeeId, period: input.period, code: input.code });
  const now = ctx.now().toISOString();
  const row = {
    id: newId(),
    agency_id: subject.employee.agency_id,
    employee_id: employeeId,
    period: input.period,
    code: input.code,
    title: input.title,
    indicators: toJson(input.indicators),
    archived: 0,
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertTargets(trx, [row]);
    await audit(trx, ctx, {
      action: "skp.target_created",
      subjectType: "skp_target",
      subjectId: row.id,
      agencyId: row.agency_id,
      changes: { employeeId, period: row.period, code: row.code, title: row.title, indicators: input.indicators },
    });
  });
  return presentTarget(row);
}

/** Loads a target and checks that the actor may change it. */
async function loadForChange(ctx: Ctx, id: string): Promise<SkpTarget> {
  const target = await repo.getTarget(ctx.db, id);
  if (!target) throw notFound("Target");
  const subject = await loadSubject(ctx, target.employee_id);
  authorize(skpPolicy.manage(ctx.actor, subject.target), "Only the employee and HR in scope may change targets");
  return target;
}

export async function updateTarget(ctx: Ctx, id: string, input: TargetUpdate): Promise<TargetDto> {
  const before = await loadForChange(ctx, id);
  const code = input.code === undefined ? before.code : input.code;
  const restoring = input.archived === false && before.archived === 1;
  if (code !== before.code || restoring) await assertCodeFree(ctx, { employeeId: before.employee_id, period: before.period, code, exceptId: id });
  const patch: Updateable<SkpTargetTable> = {
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.indicators !== undefined ? { indicators: toJson(input.indicators) } : {}),
    ...(input.archived !== undefined ? { archived: input.archived ? 1 : 0 } : {}),
    updated_at: ctx.now().toISOString(),
  };
  return write(ctx, before, patch, "skp.target_updated");
}

export async function archiveTarget(ctx: Ctx, id: string): Promise<TargetDto> {
  const before = await loadForChange(ctx, id);
  if (before.archived === 1) return presentTarget(before);
  return write(ctx, before, { archived: 1, updated_at: ctx.now().toISOString() }, "skp.target_archived");
}

async function write(ctx: Ctx, before: SkpTarget, patch: Updateable<SkpTargetTable>, action: string): Promise<TargetDto> {
  const after = { ...before, ...patch } as SkpTarget;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateTarget(trx, before.id, patch);
    await audit(trx, ctx, {
      action,
      subjectType: "skp_target",
      subjectId: before.id,
      agencyId: before.agency_id,
      changes: diff(before as Record<string, unknown>, patch as Record<string, unknown>),
    });
  });
  return presentTarget(after);
}
