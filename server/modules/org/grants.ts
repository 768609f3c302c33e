import type { z } from "zod";
import { newId } from "../../db/ids.js";
import { audit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { AppError, conflict, invalid, notFound } from "../../platform/errors.js";
import { agencyOf, authorize, orgPolicy } from "./policies.js";
import * as repo from "./repository.js";
import type { AgencyCreate, GrantCreate } from "./schema.js";

export async function listGrants(ctx: Ctx, requestedAgency?: string, employeeId?: string) {
  const agencyId = agencyOf(ctx.actor, requestedAgency);
  authorize(orgPolicy.viewGrants(ctx.actor, agencyId));
  let userId: string | undefined;
  if (employeeId) {
    const user = await repo.userOfEmployee(ctx.db, employeeId);
    if (!user) return [];
    userId = user.id;
  }
  const rows = await repo.listGrants(ctx.db, agencyId, userId);
  return rows.map((g) => ({
    id: g.id,
    role: g.role,
    employeeId: g.employee_id,
    displayName: g.display_name,
    unitId: g.unit_id,
    unitName: g.unit_name,
    createdAt: g.created_at,
  }));
}

export async function createGrant(ctx: Ctx, input: z.infer<typeof GrantCreate>) {
  const e = await repo.getEmployee(ctx.db, input.employeeId);
  if (!e || !orgPolicy.viewStructure(ctx.actor, e.agency_id)) throw invalid([{ path: "employeeId", message: "unknown employee" }]);
  const agencyId = e.agency_id;
  let unitPath: string | null = null;
  if (input.unitId) {
    const u = await repo.getUnit(ctx.db, input.unitId);
    if (!u || u.agency_id !== agencyId) throw invalid([{ path: "unitId", message: "unknown unit" }]);
    unitPath = u.path;
  }
  authorize(
    unitPath ? orgPolicy.manageGrant(ctx.actor, { agencyId, unitPath }) : orgPolicy.manageAgencyWide(ctx.actor, agencyId),
    "You can grant roles only within your own HR scope",
  );
  const user = await repo.userOfEmployee(ctx.db, e.id);
  if (!user) throw new AppError("conflict", "The employee has no account");
  const existing = await ctx.db
    .selectFrom("role_grants")
    .select("id")
    .where("user_id", "=", user.id)
    .where("role", "=", input.role)
    .where((eb) => (input.unitId ? eb("unit_id", "=", input.unitId) : eb("unit_id", "is", null)))
    .executeTakeFirst();
  if (existing) throw conflict("The employee already has this role over this scope", { grantId: existing.id });
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("role_grants")
      .values({
        id,
        user_id: user.id,
        role: input.role,
        agency_id: agencyId,
        unit_id: input.unitId,
        created_by: ctx.actor.userId,
        created_at: ctx.now().toISOString(),
      })
      .execute();
    await audit(trx, ctx, { action: "grant.created", subjectType: "employee", subjectId: e.id, agencyId, changes: { role: input.role, unitId: input.unitId } });
  });
  return { id, role: input.role, employeeId: e.id, displayName: e.name, unitId: input.unitId };
}

export async function deleteGrant(ctx: Ctx, id: string) {
  const g = await repo.getGrant(ctx.db, id);
  if (!g || !orgPolicy.viewStructure(ctx.actor, g.agency_id)) throw notFound("Grant");
  const u = g.unit_id ? await repo.getUnit(ctx.db, g.unit_id) : undefined;
  authorize(u ? orgPolicy.manageGrant(ctx.actor, { agencyId: g.agency_id, unitPath: u.path }) : orgPolicy.manageAgencyWide(ctx.actor, g.agency_id));
  if (g.user_id === ctx.actor.userId && g.role === "hr_admin" && g.unit_id === null) {
    const others = await ctx.db
      .selectFrom("role_grants")
      .select("id")
      .where("agency_id", "=", g.agency_id)
      .where("role", "=", "hr_admin")
      .where("unit_id", "is", null)
      .where("id", "!=", g.id)
      .executeTakeFirst();
    if (!others) throw conflict("The agency would have no HR admin left");
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("role_grants").where("id", "=", id).execute();
    await audit(trx, ctx, {
      action: "grant.deleted",
      subjectType: "user",
      subjectId: g.user_id,
      agencyId: g.agency_id,
      changes: { role: g.role, unitId: g.unit_id },
    });
  });
}

// ---------- agencies (operator) ----------

export async function listAgencies(ctx: Ctx) {
  const rows = await repo.listAgencies(ctx.db);
  return rows.filter((a) => orgPolicy.viewStructure(ctx.actor, a.id)).map((a) => ({ id: a.id, code: a.code, name: a.name, timezone: a.timezone }));
}

export async function createAgency(ctx: Ctx, input: z.infer<typeof AgencyCreate>) {
  authorize(orgPolicy.manageAgencies(ctx.actor));
  const dup = await ctx.db.selectFrom("agencies").select("id").where("code", "=", input.code).executeTakeFirst();
  if (dup) throw invalid([{ path: "code", message: "another agency has this code" }]);
  const id = newId();
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto("agencies").values({ id, code: input.code, name: input.name, timezone: input.timezone, created_at: now, updated_at: now }).execute();
    const unitId = newId();
    await trx
      .insertInto("units")
      .values({
        id: unitId,
        agency_id: id,
        parent_id: null,
        code: input.code,
        name: input.name,
        timezone: input.timezone,
        path: `/${unitId}/`,
        depth: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit(trx, ctx, { action: "agency.created", subjectType: "agency", subjectId: id, agencyId: id, changes: { ...input } });
  });
  return { id, code: input.code, name: input.name, timezone: input.timezone };
}
