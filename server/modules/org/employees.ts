import { randomBytes } from "node:crypto";
import type { Insertable } from "kysely";
import type { z } from "zod";
import { newId } from "../../db/ids.js";
import type { EmployeeTable, UserTable } from "../../db/schema.js";
import { logAccess } from "../../platform/access-log.js";
import { scopeOf } from "../../platform/actor.js";
import { audit, diff } from "../../platform/audit.js";
import type { Ctx, Db } from "../../platform/context.js";
import { AppError, type FieldError, invalid, notFound } from "../../platform/errors.js";
import { hashPassword } from "../../platform/passwords.js";
import { derivedSupervisor, directReportIds, loadSnapshot, todayIn } from "./hierarchy.js";
import { decodeNip } from "./nip.js";
import { agencyOf, authorize, EMPLOYEE_VIEWER_ROLES, type EmployeeTarget, orgPolicy } from "./policies.js";
import { presentEmployee } from "./presenter.js";
import * as repo from "./repository.js";
import type { EmployeeCreate, EmployeeListQuery, EmployeeUpdate } from "./schema.js";

/** An account that cannot sign in until HR sets a temporary password. */
export const NO_PASSWORD = "!unset";

async function loadVisible(ctx: Ctx, id: string) {
  const e = await repo.getEmployee(ctx.db, id);
  if (!e) throw notFound("Employee");
  const agency = await repo.getAgency(ctx.db, e.agency_id);
  const snapshot = await loadSnapshot(ctx.db, e.agency_id, todayIn(agency?.timezone ?? "Asia/Jakarta", ctx.now()));
  const target: EmployeeTarget = {
    agencyId: e.agency_id,
    unitPath: e.unit_path,
    employeeId: e.id,
    supervisorId: derivedSupervisor(snapshot, e),
  };
  // Another agency's employee is "not found" to the viewer, not merely forbidden: ids do not leak.
  if (!orgPolicy.viewStructure(ctx.actor, e.agency_id)) throw notFound("Employee");
  authorize(orgPolicy.viewEmployee(ctx.actor, target));
  return { e, target };
}

export async function getEmployee(ctx: Ctx, id: string) {
  const { e, target } = await loadVisible(ctx, id);
  const showPrivate = orgPolicy.viewEmployeePrivate(ctx.actor, target);
  if (showPrivate && e.id !== ctx.actor.employeeId) {
    await logAccess(ctx.db, ctx, { category: "nip_detail", agencyId: e.agency_id, subjectEmployeeIds: [e.id], detail: "employee profile" });
  }
  const account = await repo.userOfEmployee(ctx.db, e.id);
  const names = await repo.employeeNames(ctx.db, target.supervisorId ? [target.supervisorId] : []);
  return presentEmployee(e, {
    showPrivate,
    supervisorId: target.supervisorId,
    supervisorName: target.supervisorId ? (names.get(target.supervisorId) ?? null) : null,
    hasAccount: orgPolicy.manageEmployee(ctx.actor, target) ? Boolean(account && account.password_hash !== NO_PASSWORD) : undefined,
  });
}

export async function listEmployees(ctx: Ctx, query: z.infer<typeof EmployeeListQuery>) {
  const agencyId = agencyOf(ctx.actor, query.agencyId);
  const agency = await repo.getAgency(ctx.db, agencyId);
  const snapshot = await loadSnapshot(ctx.db, agencyId, todayIn(agency?.timezone ?? "Asia/Jakarta", ctx.now()));
  const extraIds: string[] = [];
  if (ctx.actor.employeeId && ctx.actor.agencyId === agencyId) {
    extraIds.push(ctx.actor.employeeId, ...(await directReportIds(ctx.db, snapshot, ctx.actor.employeeId)));
  }
  let unitPath: string | undefined;
  if (query.unitId) {
    const unit = snapshot.units.get(query.unitId);
    if (!unit) throw invalid([{ path: "unitId", message: "unknown unit" }]);
    unitPath = unit.path;
  }
  const { rows, total } = await repo.listEmployees(ctx.db, ctx.engine, {
    agencyId,
    scope: scopeOf(ctx.actor, EMPLOYEE_VIEWER_ROLES),
    extraIds,
    q: query.q,
    unitId: query.unitId,
    unitPath,
    includeSubunits: query.includeSubunits,
    status: query.status,
    employmentType: query.employmentType,
    sort: query.sort,
    page: query.page,
    pageSize: query.pageSize,
  });
  const supervisors = new Map(rows.map((e) => [e.id, derivedSupervisor(snapshot, e)]));
  const names = await repo.employeeNames(
    ctx.db,
    [...supervisors.values()].filter((id): id is string => id !== null),
  );
  return {
    items: rows.map((e) => {
      const supervisorId = supervisors.get(e.id) ?? null;
      return presentEmployee(e, {
        showPrivate: e.id === ctx.actor.employeeId,
        supervisorId,
        supervisorName: supervisorId ? (names.get(supervisorId) ?? null) : null,
      });
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export interface EmployeeFields {
  nip: string;
  name: string;
  email: string | null;
  phone: string | null;
  unitId: string;
  positionId: string | null;
  employmentType: "PNS" | "PPPK";
  status: "active" | "inactive";
  supervisorId: string | null;
}

/**
 * Checks what cannot be checked by the schema alone (NIP rules, references,
 * uniqueness) and returns the columns to write. Shared by the form and the import.
 */
export async function checkEmployeeFields(
  db: Db,
  agencyId: string,
  input: EmployeeFields,
  selfId: string | null,
  now: Date,
): Promise<{ errors: FieldError[]; values: Omit<EmployeeTable, "id" | "created_at" | "updated_at" | "agency_id"> | null }> {
  const errors: FieldError[] = [];
  const decoded = decodeNip(input.nip, now);
  if (!decoded.ok) errors.push({ path: "nip", message: decoded.message });
  const unit = await repo.getUnit(db, input.unitId);
  if (!unit || unit.agency_id !== agencyId) errors.push({ path: "unitId", message: "unknown unit" });
  if (input.positionId) {
    const pos = await repo.getPosition(db, input.positionId);
    if (!pos || pos.agency_id !== agencyId) errors.push({ path: "positionId", message: "unknown position" });
    else if (pos.unit_id !== input.unitId) errors.push({ path: "positionId", message: "the position belongs to another unit" });
  }
  if (input.supervisorId) {
    const sup = await repo.getEmployee(db, input.supervisorId);
    if (!sup || sup.agency_id !== agencyId) errors.push({ path: "supervisorId", message: "unknown supervisor" });
    else if (sup.id === selfId) errors.push({ path: "supervisorId", message: "an employee cannot supervise themself" });
  }
  if (decoded.ok) {
    const dup = await db.selectFrom("employees").select("id").where("nip", "=", decoded.value.nip).executeTakeFirst();
    if (dup && dup.id !== selfId) errors.push({ path: "nip", message: "another employee has this NIP" });
  }
  const email = input.email?.trim().toLowerCase() || null;
  if (email) {
    const dup = await db.selectFrom("employees").select("id").where("email", "=", email).executeTakeFirst();
    if (dup && dup.id !== selfId) errors.push({ path: "email", message: "another employee has this email" });
  }
  if (errors.length || !decoded.ok) return { errors, values: null };
  return {
    errors,
    values: {
      unit_id: input.unitId,
      position_id: input.positionId,
      nip: decoded.value.nip,
      name: input.name.trim(),
      email,
      phone: input.phone?.trim() || null,
      employment_type: input.employmentType,
      status: input.status,
      supervisor_id: input.supervisorId,
      birth_date: decoded.value.birthDate,
      gender: decoded.value.gender,
      appointed_on: decoded.value.appointedOn,
    },
  };
}

export async function createEmployee(ctx: Ctx, input: z.infer<typeof EmployeeCreate>, requestedAgency?: string) {
  const agencyId = agencyOf(ctx.actor, requestedAgency);
  const unit = await repo.getUnit(ctx.db, input.unitId);
  if (!unit || unit.agency_id !== agencyId) throw invalid([{ path: "unitId", message: "unknown unit" }]);
  authorize(orgPolicy.manageEmployee(ctx.actor, { agencyId, unitPath: unit.path }));
  const { errors, values } = await checkEmployeeFields(ctx.db, agencyId, input, null, ctx.now());
  if (!values) throw invalid(errors);
  const id = newId();
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("employees")
      .values({ id, agency_id: agencyId, ...values, created_at: now, updated_at: now })
      .execute();
    await insertAccount(trx, { employeeId: id, name: values.name, now });
    await audit(trx, ctx, { action: "employee.created", subjectType: "employee", subjectId: id, agencyId, changes: { ...values, nip: "[set]" } });
  });
  return getEmployee(ctx, id);
}

/** The account row of an employee: no usable password unless a hash is given. Shared by the form and the import. */
export function accountRow(a: { employeeId: string; name: string; now: string; passwordHash?: string; isDemo?: boolean }): Insertable<UserTable> {
  return {
    id: newId(),
    employee_id: a.employeeId,
    email: null,
    display_name: a.name,
    password_hash: a.passwordHash ?? NO_PASSWORD,
    must_change_password: a.passwordHash ? 0 : 1,
    is_operator: 0,
    is_demo: a.isDemo ? 1 : 0,
    disabled: 0,
    locale: "id",
    password_changed_at: a.now,
    created_at: a.now,
    updated_at: a.now,
  };
}

export async function insertAccount(db: Db, a: Parameters<typeof accountRow>[0]) {
  await db.insertInto("users").values(accountRow(a)).execute();
}

export async function updateEmployee(ctx: Ctx, id: string, patch: z.infer<typeof EmployeeUpdate>) {
  const e = await repo.getEmployee(ctx.db, id);
  if (!e || !orgPolicy.viewStructure(ctx.actor, e.agency_id)) throw notFound("Employee");
  authorize(orgPolicy.manageEmployee(ctx.actor, { agencyId: e.agency_id, unitPath: e.unit_path }));
  const merged: EmployeeFields = {
    nip: patch.nip ?? e.nip,
    name: patch.name ?? e.name,
    email: patch.email !== undefined ? patch.email : e.email,
    phone: patch.phone !== undefined ? patch.phone : e.phone,
    unitId: patch.unitId ?? e.unit_id,
    positionId: patch.positionId !== undefined ? patch.positionId : patch.unitId && patch.unitId !== e.unit_id ? null : e.position_id,
    employmentType: patch.employmentType ?? e.employment_type,
    status: patch.status ?? e.status,
    supervisorId: patch.supervisorId !== undefined ? patch.supervisorId : e.supervisor_id,
  };
  if (merged.unitId !== e.unit_id) {
    const to = await repo.getUnit(ctx.db, merged.unitId);
    if (!to || to.agency_id !== e.agency_id) throw invalid([{ path: "unitId", message: "unknown unit" }]);
    authorize(orgPolicy.manageEmployee(ctx.actor, { agencyId: e.agency_id, unitPath: to.path }), "The new unit is outside your scope");
  }
  const { errors, values } = await checkEmployeeFields(ctx.db, e.agency_id, merged, e.id, ctx.now());
  if (!values) throw invalid(errors);
  const changes = diff(e, values);
  if (Object.keys(changes).length) {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("employees")
        .set({ ...values, updated_at: ctx.now().toISOString() })
        .where("id", "=", id)
        .execute();
      if (values.name !== e.name) await trx.updateTable("users").set({ display_name: values.name }).where("employee_id", "=", id).execute();
      if (values.status === "inactive" && e.status === "active") {
        // An employee who leaves loses their sessions at once.
        await trx
          .deleteFrom("sessions")
          .where("user_id", "in", trx.selectFrom("users").select("id").where("employee_id", "=", id))
          .execute();
      }
      if ("nip" in changes) changes.nip = ["[old]", "[new]"];
      await audit(trx, ctx, { action: "employee.updated", subjectType: "employee", subjectId: id, agencyId: e.agency_id, changes });
    });
  }
  return getEmployee(ctx, id);
}

const TEMP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** HR sets a one-time password; the employee must choose their own at the next sign-in. */
export async function resetPassword(ctx: Ctx, employeeId: string): Promise<{ temporaryPassword: string }> {
  const e = await repo.getEmployee(ctx.db, employeeId);
  if (!e || !orgPolicy.viewStructure(ctx.actor, e.agency_id)) throw notFound("Employee");
  authorize(orgPolicy.manageEmployee(ctx.actor, { agencyId: e.agency_id, unitPath: e.unit_path }));
  if (e.status !== "active") throw new AppError("conflict", "The employee is inactive");
  const bytes = randomBytes(12);
  const temporaryPassword = [...bytes].map((b) => TEMP_ALPHABET[b % TEMP_ALPHABET.length]).join("");
  const hash = await hashPassword(temporaryPassword);
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const user = await repo.userOfEmployee(trx, employeeId);
    if (user) {
      await trx
        .updateTable("users")
        .set({ password_hash: hash, must_change_password: 1, password_changed_at: now, updated_at: now, is_demo: 0 })
        .where("id", "=", user.id)
        .execute();
      await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    } else {
      await insertAccount(trx, { employeeId, name: e.name, now });
      await trx.updateTable("users").set({ password_hash: hash, must_change_password: 1 }).where("employee_id", "=", employeeId).execute();
    }
    await audit(trx, ctx, { action: "auth.password_reset", subjectType: "employee", subjectId: employeeId, agencyId: e.agency_id, changes: {} });
  });
  return { temporaryPassword };
}
