import type { z } from "zod";
import { toJson } from "../../db/dialect.js";
import { newId } from "../../db/ids.js";
import { audit } from "../../platform/audit.js";
import type { SystemCtx } from "../../platform/context.js";
import { AppError, invalid } from "../../platform/errors.js";
import { hashPassword } from "../../platform/passwords.js";
import { checkPasswordStrength } from "../auth/service.js";
import { decodeNip } from "../org/nip.js";
import type { SetupInput } from "./schema.js";

export async function isSetUp(db: SystemCtx["db"]): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  return Boolean(row);
}

/**
 * First run: the first agency, its top unit, and its first administrator, who
 * is both the installation's operator and the agency's HR admin.
 */
export async function setUp(ctx: SystemCtx, input: z.infer<typeof SetupInput>): Promise<void> {
  const nip = decodeNip(input.admin.nip, ctx.now());
  if (!nip.ok) throw invalid([{ path: "admin.nip", message: nip.message }]);
  const weak = checkPasswordStrength(input.admin.password, [input.admin.nip, input.admin.email, ...input.admin.name.split(" ")]);
  if (weak) throw invalid([{ path: "admin.password", message: weak }]);
  const hash = await hashPassword(input.admin.password);
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Checked inside the transaction: two browsers finishing setup at once get one winner.
    const existing = await trx.selectFrom("users").select("id").limit(1).executeTakeFirst();
    if (existing) throw new AppError("already_set_up");
    const agencyId = newId();
    const unitId = newId();
    const positionId = newId();
    const employeeId = newId();
    const userId = newId();
    await trx
      .insertInto("agencies")
      .values({ id: agencyId, code: input.agency.code, name: input.agency.name, timezone: input.agency.timezone, created_at: now, updated_at: now })
      .execute();
    await trx
      .insertInto("units")
      .values({
        id: unitId,
        agency_id: agencyId,
        parent_id: null,
        code: input.agency.code,
        name: input.agency.name,
        timezone: input.agency.timezone,
        path: `/${unitId}/`,
        depth: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto("positions")
      .values({
        id: positionId,
        agency_id: agencyId,
        unit_id: unitId,
        name: input.admin.positionName,
        kind: "executor",
        echelon: null,
        is_head: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto("employees")
      .values({
        id: employeeId,
        agency_id: agencyId,
        unit_id: unitId,
        position_id: positionId,
        nip: nip.value.nip,
        name: input.admin.name,
        email: input.admin.email.toLowerCase(),
        phone: null,
        employment_type: "PNS",
        status: "active",
        supervisor_id: null,
        birth_date: nip.value.birthDate,
        gender: nip.value.gender,
        appointed_on: nip.value.appointedOn,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto("users")
      .values({
        id: userId,
        employee_id: employeeId,
        email: input.admin.email.toLowerCase(),
        display_name: input.admin.name,
        password_hash: hash,
        must_change_password: 0,
        is_operator: 1,
        is_demo: 0,
        disabled: 0,
        locale: input.locale,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto("role_grants")
      .values({ id: newId(), user_id: userId, role: "hr_admin", agency_id: agencyId, unit_id: null, created_by: null, created_at: now })
      .execute();
    await trx
      .insertInto("settings")
      .values({ key: "setup.completed_at", value: toJson(now), updated_at: now })
      .execute();
    await audit(trx, ctx, {
      action: "installation.set_up",
      subjectType: "agency",
      subjectId: agencyId,
      agencyId,
      changes: { agency: input.agency.name, admin: input.admin.name },
    });
  });
}
