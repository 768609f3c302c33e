import type { z } from "zod";
import { newId } from "../../db/ids.js";
import { audit, diff } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { conflict, invalid, notFound } from "../../platform/errors.js";
import { agencyOf, authorize, orgPolicy } from "./policies.js";
import { presentUnit } from "./presenter.js";
import * as repo from "./repository.js";
import type { ActingCreate, PositionCreate, PositionUpdate, UnitCreate, UnitUpdate } from "./schema.js";

// ---------- units ----------

export async function listUnits(ctx: Ctx, requestedAgency?: string) {
  const agencyId = agencyOf(ctx.actor, requestedAgency);
  authorize(orgPolicy.viewStructure(ctx.actor, agencyId));
  const units = await repo.listUnits(ctx.db, agencyId);
  const counts = await ctx.db
    .selectFrom("employees")
    .select(["unit_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("agency_id", "=", agencyId)
    .where("status", "=", "active")
    .groupBy("unit_id")
    .execute();
  const byUnit = new Map(counts.map((c) => [c.unit_id, Number(c.n)]));
  return units.map((u) => presentUnit(u, byUnit.get(u.id) ?? 0));
}

async function unitInAgency(ctx: Ctx, id: string) {
  const u = await repo.getUnit(ctx.db, id);
  if (!u || !orgPolicy.viewStructure(ctx.actor, u.agency_id)) throw notFound("Unit");
  return u;
}

export async function createUnit(ctx: Ctx, input: z.infer<typeof UnitCreate>, requestedAgency?: string) {
  const agencyId = agencyOf(ctx.actor, requestedAgency);
  const parent = input.parentId ? await repo.getUnit(ctx.db, input.parentId) : undefined;
  if (input.parentId && (!parent || parent.agency_id !== agencyId)) throw invalid([{ path: "parentId", message: "unknown unit" }]);
  if (parent) authorize(orgPolicy.manageUnit(ctx.actor, { agencyId, unitPath: parent.path }));
  else {
    authorize(orgPolicy.manageAgencyWide(ctx.actor, agencyId));
    const root = await ctx.db.selectFrom("units").select("id").where("agency_id", "=", agencyId).where("parent_id", "is", null).executeTakeFirst();
    if (root) throw invalid([{ path: "parentId", message: "the agency already has a top unit; choose a parent" }]);
  }
  if (await repo.getUnitByCode(ctx.db, agencyId, input.code)) throw invalid([{ path: "code", message: "another unit has this code" }]);
  const id = newId();
  const now = ctx.now().toISOString();
  const row = {
    id,
    agency_id: agencyId,
    parent_id: parent?.id ?? null,
    code: input.code,
    name: input.name,
    timezone: input.timezone,
    path: `${parent?.path ?? "/"}${id}/`,
    depth: (parent?.depth ?? -1) + 1,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto("units").values(row).execute();
    await audit(trx, ctx, {
      action: "unit.created",
      subjectType: "unit",
      subjectId: id,
      agencyId,
      changes: { name: input.name, code: input.code, parentId: row.parent_id },
    });
  });
  return presentUnit(row, 0);
}

export async function updateUnit(ctx: Ctx, id: string, patch: z.infer<typeof UnitUpdate>) {
  const u = await unitInAgency(ctx, id);
  authorize(orgPolicy.manageUnit(ctx.actor, { agencyId: u.agency_id, unitPath: u.path }));
  let newParent = undefined as Awaited<ReturnType<typeof repo.getUnit>>;
  if (patch.parentId !== undefined && patch.parentId !== u.parent_id) {
    if (!u.parent_id) throw invalid([{ path: "parentId", message: "the top unit cannot be moved" }]);
    newParent = await repo.getUnit(ctx.db, patch.parentId);
    if (!newParent || newParent.agency_id !== u.agency_id) throw invalid([{ path: "parentId", message: "unknown unit" }]);
    if (newParent.path.startsWith(u.path)) throw invalid([{ path: "parentId", message: "a unit cannot move below itself" }]);
    authorize(orgPolicy.manageUnit(ctx.actor, { agencyId: u.agency_id, unitPath: newParent.path }), "The new parent is outside your scope");
  }
  if (patch.code && patch.code !== u.code && (await repo.getUnitByCode(ctx.db, u.agency_id, patch.code))) {
    throw invalid([{ path: "code", message: "another unit has this code" }]);
  }
  const values = {
    ...(patch.code ? { code: patch.code } : {}),
    ...(patch.name ? { name: patch.name } : {}),
    ...(patch.timezone ? { timezone: patch.timezone } : {}),
  };
  const changes = diff(u, values);
  await ctx.db.transaction().execute(async (trx) => {
    if (Object.keys(values).length)
      await trx
        .updateTable("units")
        .set({ ...values, updated_at: ctx.now().toISOString() })
        .where("id", "=", id)
        .execute();
    if (newParent) {
      const newPath = `${newParent.path}${u.id}/`;
      await trx.updateTable("units").set({ parent_id: newParent.id }).where("id", "=", id).execute();
      await repo.rewriteSubtreePaths(trx, u.path, newPath, newParent.depth + 1 - u.depth);
      changes.parentId = [u.parent_id, newParent.id];
    }
    if (Object.keys(changes).length) await audit(trx, ctx, { action: "unit.updated", subjectType: "unit", subjectId: id, agencyId: u.agency_id, changes });
  });
  const fresh = await repo.getUnit(ctx.db, id);
  if (!fresh) throw notFound("Unit");
  return presentUnit(fresh);
}

// ---------- positions ----------

export async function listPositions(ctx: Ctx, unitId: string | undefined, requestedAgency?: string) {
  const agencyId = agencyOf(ctx.actor, requestedAgency);
  authorize(orgPolicy.viewStructure(ctx.actor, agencyId));
  const rows = await repo.listPositions(ctx.db, agencyId, unitId);
  return rows.map((p) => ({ id: p.id, unitId: p.unit_id, name: p.name, kind: p.kind, echelon: p.echelon, isHead: p.is_head === 1 }));
}

export async function createPosition(ctx: Ctx, input: z.infer<typeof PositionCreate>) {
  const u = await unitInAgency(ctx, input.unitId);
  authorize(orgPolicy.manageUnit(ctx.actor, { agencyId: u.agency_id, unitPath: u.path }));
  if (input.isHead) {
    const existing = await ctx.db.selectFrom("positions").select("id").where("unit_id", "=", u.id).where("is_head", "=", 1).executeTakeFirst();
    if (existing) throw invalid([{ path: "isHead", message: "the unit already has a head position" }]);
  }
  const now = ctx.now().toISOString();
  const row = {
    id: newId(),
    agency_id: u.agency_id,
    unit_id: u.id,
    name: input.name,
    kind: input.kind,
    echelon: input.echelon,
    is_head: input.isHead ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto("positions").values(row).execute();
    await audit(trx, ctx, { action: "position.created", subjectType: "position", subjectId: row.id, agencyId: u.agency_id, changes: { ...input } });
  });
  return { id: row.id, unitId: u.id, name: row.name, kind: row.kind, echelon: row.echelon, isHead: input.isHead };
}

export async function updatePosition(ctx: Ctx, id: string, patch: z.infer<typeof PositionUpdate>) {
  const p = await repo.getPosition(ctx.db, id);
  if (!p || !orgPolicy.viewStructure(ctx.actor, p.agency_id)) throw notFound("Position");
  const u = await unitInAgency(ctx, p.unit_id);
  authorize(orgPolicy.manageUnit(ctx.actor, { agencyId: p.agency_id, unitPath: u.path }));
  const values = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
    ...(patch.echelon !== undefined ? { echelon: patch.echelon } : {}),
    ...(patch.isHead !== undefined ? { is_head: patch.isHead ? 1 : 0 } : {}),
  };
  if (values.is_head === 1 && p.is_head !== 1) {
    const existing = await ctx.db.selectFrom("positions").select("id").where("unit_id", "=", p.unit_id).where("is_head", "=", 1).executeTakeFirst();
    if (existing) throw invalid([{ path: "isHead", message: "the unit already has a head position" }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("positions")
      .set({ ...values, updated_at: ctx.now().toISOString() })
      .where("id", "=", id)
      .execute();
    await audit(trx, ctx, { action: "position.updated", subjectType: "position", subjectId: id, agencyId: p.agency_id, changes: diff(p, values) });
  });
  const fresh = await repo.getPosition(ctx.db, id);
  if (!fresh) throw notFound("Position");
  return { id: fresh.id, unitId: fresh.unit_id, name: fresh.name, kind: fresh.kind, echelon: fresh.echelon, isHead: fresh.is_head === 1 };
}

// ---------- acting officials (Plt / Plh) ----------

export async function listActing(ctx: Ctx, requestedAgency?: string) {
  const agencyId = agencyOf(ctx.actor, requestedAgency);
  authorize(orgPolicy.viewStructure(ctx.actor, agencyId));
  const rows = await repo.listActing(ctx.db, agencyId);
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    employeeId: r.employee_id,
    employeeName: r.employee_name,
    kind: r.kind,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    note: r.note,
  }));
}

export async function createActing(ctx: Ctx, input: z.infer<typeof ActingCreate>) {
  const u = await unitInAgency(ctx, input.unitId);
  authorize(orgPolicy.manageUnit(ctx.actor, { agencyId: u.agency_id, unitPath: u.path }));
  const e = await repo.getEmployee(ctx.db, input.employeeId);
  if (!e || e.agency_id !== u.agency_id) throw invalid([{ path: "employeeId", message: "unknown employee" }]);
  if (e.status !== "active") throw invalid([{ path: "employeeId", message: "the employee is inactive" }]);
  const overlap = await ctx.db
    .selectFrom("acting_assignments")
    .select("id")
    .where("unit_id", "=", u.id)
    .where("starts_on", "<=", input.endsOn)
    .where("ends_on", ">=", input.startsOn)
    .executeTakeFirst();
  if (overlap) throw conflict("Another acting official covers part of this period", { conflictingId: overlap.id });
  const row = {
    id: newId(),
    agency_id: u.agency_id,
    unit_id: u.id,
    employee_id: e.id,
    kind: input.kind,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    note: input.note,
    created_at: ctx.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto("acting_assignments").values(row).execute();
    await audit(trx, ctx, { action: "acting.created", subjectType: "acting_assignment", subjectId: row.id, agencyId: u.agency_id, changes: { ...input } });
  });
  return {
    id: row.id,
    unitId: u.id,
    unitName: u.name,
    employeeId: e.id,
    employeeName: e.name,
    kind: row.kind,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    note: row.note,
  };
}

export async function deleteActing(ctx: Ctx, id: string) {
  const a = await ctx.db.selectFrom("acting_assignments").selectAll().where("id", "=", id).executeTakeFirst();
  if (!a || !orgPolicy.viewStructure(ctx.actor, a.agency_id)) throw notFound("Acting assignment");
  const u = await unitInAgency(ctx, a.unit_id);
  authorize(orgPolicy.manageUnit(ctx.actor, { agencyId: a.agency_id, unitPath: u.path }));
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("acting_assignments").where("id", "=", id).execute();
    await audit(trx, ctx, {
      action: "acting.deleted",
      subjectType: "acting_assignment",
      subjectId: id,
      agencyId: a.agency_id,
      changes: { employeeId: a.employee_id, unitId: a.unit_id },
    });
  });
}
