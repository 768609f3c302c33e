import type { Insertable, Selectable } from "kysely";
import { likeEscape } from "../../../db/dialect.js";
import type { HealthCheckTable, HealthFormTable } from "../../../db/schema-logbook.js";
import type { Db } from "../../../platform/context.js";

export type HealthFormRow = Selectable<HealthFormTable>;
export type HealthCheckWithVersion = Selectable<HealthCheckTable> & { form_version: number };

// ---------- forms ----------

export function currentForm(db: Db, agencyId: string): Promise<HealthFormRow | undefined> {
  return db.selectFrom("health_forms").selectAll().where("agency_id", "=", agencyId).orderBy("version", "desc").limit(1).executeTakeFirst();
}

export function formByVersion(db: Db, agencyId: string, version: number): Promise<HealthFormRow | undefined> {
  return db.selectFrom("health_forms").selectAll().where("agency_id", "=", agencyId).where("version", "=", version).executeTakeFirst();
}

export function formsByIds(db: Db, ids: string[]): Promise<HealthFormRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("health_forms").selectAll().where("id", "in", ids).execute();
}

export function listForms(db: Db, agencyId: string): Promise<HealthFormRow[]> {
  return db.selectFrom("health_forms").selectAll().where("agency_id", "=", agencyId).orderBy("version", "desc").execute();
}

/** Inserts a version unless that number exists already (a concurrent publish); true when inserted. */
export async function insertForm(db: Db, row: Insertable<HealthFormTable>): Promise<boolean> {
  const r = await db
    .insertInto("health_forms")
    .values(row)
    .onConflict((oc) => oc.columns(["agency_id", "version"]).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

// ---------- checks ----------

function checksWithVersion(db: Db) {
  return db
    .selectFrom("health_checks")
    .innerJoin("health_forms", "health_forms.id", "health_checks.form_id")
    .selectAll("health_checks")
    .select("health_forms.version as form_version");
}

export function checkOfDay(db: Db, employeeId: string, workDate: string): Promise<HealthCheckWithVersion | undefined> {
  return checksWithVersion(db).where("health_checks.employee_id", "=", employeeId).where("health_checks.work_date", "=", workDate).executeTakeFirst();
}

/** One row per employee and day: a second submission of the day replaces the first. Returns the row's id. */
export async function upsertCheck(db: Db, row: Insertable<HealthCheckTable>): Promise<string> {
  await db
    .insertInto("health_checks")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["employee_id", "work_date"]).doUpdateSet({
        unit_id: row.unit_id,
        form_id: row.form_id,
        answers: row.answers,
        cleared: row.cleared,
        reasons: row.reasons,
        answers_purged_at: null,
        updated_at: row.updated_at,
      }),
    )
    .execute();
  const saved = await db
    .selectFrom("health_checks")
    .select("id")
    .where("employee_id", "=", row.employee_id)
    .where("work_date", "=", row.work_date)
    .executeTakeFirstOrThrow();
  return saved.id;
}

export function checksOfEmployee(db: Db, employeeId: string, from: string, to: string): Promise<HealthCheckWithVersion[]> {
  return checksWithVersion(db)
    .where("health_checks.employee_id", "=", employeeId)
    .where("health_checks.work_date", ">=", from)
    .where("health_checks.work_date", "<=", to)
    .orderBy("health_checks.work_date", "desc")
    .execute();
}

export function checksOfEmployeesOn(db: Db, employeeIds: string[], workDate: string) {
  if (employeeIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("health_checks").select(["employee_id", "cleared"]).where("employee_id", "in", employeeIds).where("work_date", "=", workDate).execute();
}

// ---------- cases and counts over unit subtrees ----------

/** Unit path prefixes a query is limited to ("/" = the whole agency). */
export interface Subtrees {
  agencyId: string;
  prefixes: string[];
}

const underAny = (prefixes: string[]) => prefixes.map((p) => `${likeEscape(p)}%`);

export const CASES_LIMIT = 1000;

/** The not-cleared checks of a day inside the subtrees (by the unit the check was made in), with the person's name. */
export function notClearedOn(db: Db, where: Subtrees, workDate: string) {
  if (where.prefixes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("health_checks")
    .innerJoin("health_forms", "health_forms.id", "health_checks.form_id")
    .innerJoin("employees", "employees.id", "health_checks.employee_id")
    .innerJoin("units", "units.id", "health_checks.unit_id")
    .selectAll("health_checks")
    .select(["health_forms.version as form_version", "employees.name as employee_name", "units.name as unit_name"])
    .where("health_checks.agency_id", "=", where.agencyId)
    .where("health_checks.work_date", "=", workDate)
    .where("health_checks.cleared", "=", 0)
    .where((eb) => eb.or(underAny(where.prefixes).map((p) => eb("units.path", "like", p))))
    .orderBy("units.path")
    .orderBy("employees.name")
    .limit(CASES_LIMIT + 1)
    .execute();
}

/** How many checks of a day there are inside the subtrees, and how many are cleared. */
export async function checkCountsOn(db: Db, where: Subtrees, workDate: string): Promise<{ submitted: number; cleared: number }> {
  if (where.prefixes.length === 0) return { submitted: 0, cleared: 0 };
  const r = await db
    .selectFrom("health_checks")
    .innerJoin("units", "units.id", "health_checks.unit_id")
    .select((eb) => [eb.fn.countAll<number>().as("submitted"), eb.fn.sum<number>("health_checks.cleared").as("cleared")])
    .where("health_checks.agency_id", "=", where.agencyId)
    .where("health_checks.work_date", "=", workDate)
    .where((eb) => eb.or(underAny(where.prefixes).map((p) => eb("units.path", "like", p))))
    .executeTakeFirstOrThrow();
  return { submitted: Number(r.submitted), cleared: Number(r.cleared ?? 0) };
}

export async function activeEmployeeCount(db: Db, where: Subtrees): Promise<number> {
  if (where.prefixes.length === 0) return 0;
  const r = await db
    .selectFrom("employees")
    .innerJoin("units", "units.id", "employees.unit_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("employees.agency_id", "=", where.agencyId)
    .where("employees.status", "=", "active")
    .where((eb) => eb.or(underAny(where.prefixes).map((p) => eb("units.path", "like", p))))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function employeesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("employees")
    .innerJoin("units", "units.id", "employees.unit_id")
    .select(["employees.id", "employees.name", "units.name as unit_name", "units.path as unit_path"])
    .where("employees.id", "in", ids)
    .orderBy("employees.name")
    .execute();
}
