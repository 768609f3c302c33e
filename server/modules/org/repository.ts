import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import type { Engine } from "../../config.js";
import { likeEscape } from "../../db/dialect.js";
import type { DB, Employee, Position, Unit } from "../../db/schema.js";
import type { Scope } from "../../platform/actor.js";
import type { Db } from "../../platform/context.js";

// ---------- agencies ----------

export function getAgency(db: Db, id: string) {
  return db.selectFrom("agencies").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listAgencies(db: Db) {
  return db.selectFrom("agencies").selectAll().orderBy("name").execute();
}

// ---------- units ----------

export function listUnits(db: Db, agencyId: string): Promise<Unit[]> {
  return db.selectFrom("units").selectAll().where("agency_id", "=", agencyId).orderBy("path").execute();
}

export function getUnit(db: Db, id: string): Promise<Unit | undefined> {
  return db.selectFrom("units").selectAll().where("id", "=", id).executeTakeFirst();
}

export function getUnitByCode(db: Db, agencyId: string, code: string): Promise<Unit | undefined> {
  return db.selectFrom("units").selectAll().where("agency_id", "=", agencyId).where("code", "=", code).executeTakeFirst();
}

/** Rewrites the paths of a moved subtree in one statement. */
export async function rewriteSubtreePaths(db: Db, oldPrefix: string, newPrefix: string, depthDelta: number): Promise<void> {
  await db
    .updateTable("units")
    .set({
      path: sql<string>`${newPrefix} || substr(path, ${oldPrefix.length + 1})`,
      depth: sql<number>`depth + ${depthDelta}`,
    })
    .where("path", "like", `${likeEscape(oldPrefix)}%`)
    .execute();
}

// ---------- positions ----------

export function listPositions(db: Db, agencyId: string, unitId?: string): Promise<Position[]> {
  let q = db.selectFrom("positions").selectAll().where("agency_id", "=", agencyId);
  if (unitId) q = q.where("unit_id", "=", unitId);
  return q.orderBy("echelon").orderBy("name").execute();
}

export function getPosition(db: Db, id: string): Promise<Position | undefined> {
  return db.selectFrom("positions").selectAll().where("id", "=", id).executeTakeFirst();
}

// ---------- employees ----------

export type EmployeeWithUnit = Employee & {
  unit_path: string;
  unit_name: string;
  position_name: string | null;
  position_is_head: number | null;
  echelon: number | null;
};

function employeeBase(db: Db) {
  return db
    .selectFrom("employees")
    .innerJoin("units", "units.id", "employees.unit_id")
    .leftJoin("positions", "positions.id", "employees.position_id")
    .selectAll("employees")
    .select([
      "units.path as unit_path",
      "units.name as unit_name",
      "positions.name as position_name",
      "positions.is_head as position_is_head",
      "positions.echelon as echelon",
    ]);
}

export function getEmployee(db: Db, id: string): Promise<EmployeeWithUnit | undefined> {
  return employeeBase(db).where("employees.id", "=", id).executeTakeFirst();
}

export function getEmployeesByNip(db: Db, nips: string[]) {
  if (nips.length === 0) return Promise.resolve([] as Employee[]);
  return db.selectFrom("employees").selectAll().where("nip", "in", nips).execute();
}

export interface EmployeeFilter {
  agencyId: string;
  /** Which employees the viewer may see: a scope, plus explicit ids (self, direct reports). */
  scope: Scope;
  extraIds: string[];
  q?: string;
  unitId?: string;
  unitPath?: string;
  includeSubunits?: boolean;
  status?: "active" | "inactive";
  employmentType?: "PNS" | "PPPK";
  sort: "name" | "nip" | "unit";
  page: number;
  pageSize: number;
}

function visibleTo(eb: ExpressionBuilder<DB & { units: DB["units"] }, "employees" | "units">, f: EmployeeFilter) {
  const ors: Expression<SqlBool>[] = [];
  if (f.scope.agencyIds.includes(f.agencyId)) ors.push(sql<SqlBool>`1 = 1`);
  for (const u of f.scope.unitPaths) if (u.agencyId === f.agencyId) ors.push(eb("units.path", "like", `${likeEscape(u.path)}%`));
  if (f.extraIds.length) ors.push(eb("employees.id", "in", f.extraIds));
  return ors.length ? eb.or(ors) : sql<SqlBool>`1 = 0`;
}

export async function listEmployees(db: Db, engine: Engine, f: EmployeeFilter) {
  let q = db
    .selectFrom("employees")
    .innerJoin("units", "units.id", "employees.unit_id")
    .where("employees.agency_id", "=", f.agencyId)
    .where((eb) => visibleTo(eb, f));
  if (f.status) q = q.where("employees.status", "=", f.status);
  if (f.employmentType) q = q.where("employees.employment_type", "=", f.employmentType);
  if (f.unitPath) {
    q = f.includeSubunits ? q.where("units.path", "like", `${likeEscape(f.unitPath)}%`) : q.where("employees.unit_id", "=", f.unitId ?? "");
  }
  if (f.q?.trim()) {
    const term = f.q.trim();
    const op = engine === "postgres" ? "ilike" : "like";
    q = q.where((eb) =>
      /^\d+$/.test(term)
        ? eb("employees.nip", "like", `${likeEscape(term)}%`)
        : eb.or([eb("employees.name", op, `%${likeEscape(term)}%`), eb("employees.email", op, `%${likeEscape(term)}%`)]),
    );
  }
  const countRow = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const orderCol = f.sort === "nip" ? "employees.nip" : f.sort === "unit" ? "units.path" : "employees.name";
  const rows = await q
    .leftJoin("positions", "positions.id", "employees.position_id")
    .selectAll("employees")
    .select([
      "units.path as unit_path",
      "units.name as unit_name",
      "positions.name as position_name",
      "positions.is_head as position_is_head",
      "positions.echelon as echelon",
    ])
    .orderBy(orderCol)
    .orderBy("employees.id")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows: rows as EmployeeWithUnit[], total: Number(countRow.n) };
}

/** Employees who hold the head position of each unit (active only). */
export function unitHeads(db: Db, agencyId: string) {
  return db
    .selectFrom("employees")
    .innerJoin("positions", "positions.id", "employees.position_id")
    .select(["positions.unit_id", "employees.id as employee_id"])
    .where("employees.agency_id", "=", agencyId)
    .where("employees.status", "=", "active")
    .where("positions.is_head", "=", 1)
    .execute();
}

export function activeActing(db: Db, agencyId: string, date: string) {
  return db
    .selectFrom("acting_assignments")
    .select(["unit_id", "employee_id", "kind"])
    .where("agency_id", "=", agencyId)
    .where("starts_on", "<=", date)
    .where("ends_on", ">=", date)
    .execute();
}

export function listActing(db: Db, agencyId: string) {
  return db
    .selectFrom("acting_assignments")
    .innerJoin("employees", "employees.id", "acting_assignments.employee_id")
    .innerJoin("units", "units.id", "acting_assignments.unit_id")
    .selectAll("acting_assignments")
    .select(["employees.name as employee_name", "units.name as unit_name", "units.path as unit_path"])
    .where("acting_assignments.agency_id", "=", agencyId)
    .orderBy("acting_assignments.starts_on", "desc")
    .execute();
}

export function explicitReports(db: Db, supervisorId: string) {
  return db.selectFrom("employees").select(["id"]).where("supervisor_id", "=", supervisorId).where("status", "=", "active").execute();
}

export function employeesOfUnits(db: Db, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([] as { id: string; unit_id: string; supervisor_id: string | null }[]);
  return db.selectFrom("employees").select(["id", "unit_id", "supervisor_id"]).where("unit_id", "in", unitIds).where("status", "=", "active").execute();
}

// ---------- role grants ----------

export function listGrants(db: Db, agencyId: string, userId?: string) {
  let q = db
    .selectFrom("role_grants")
    .innerJoin("users", "users.id", "role_grants.user_id")
    .leftJoin("units", "units.id", "role_grants.unit_id")
    .selectAll("role_grants")
    .select(["users.display_name", "users.employee_id", "units.name as unit_name", "units.path as unit_path"])
    .where("role_grants.agency_id", "=", agencyId);
  if (userId) q = q.where("role_grants.user_id", "=", userId);
  return q.orderBy("role_grants.created_at").execute();
}

export function getGrant(db: Db, id: string) {
  return db.selectFrom("role_grants").selectAll().where("id", "=", id).executeTakeFirst();
}

export function userOfEmployee(db: Db, employeeId: string) {
  return db.selectFrom("users").selectAll().where("employee_id", "=", employeeId).executeTakeFirst();
}

/** Names of employees by id (for showing supervisors without loading their records). */
export async function employeeNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom("employees").select(["id", "name"]).where("id", "in", unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
