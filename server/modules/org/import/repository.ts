import type { Insertable, Kysely, Updateable } from "kysely";
import type { DB, EmployeeTable, ImportJob, ImportJobTable, PositionTable, UserTable } from "../../../db/schema.js";
import type { Db } from "../../../platform/context.js";
import type { ExistingEmployee } from "./types.js";

/** Values per IN list and rows per multi-row INSERT: well inside both engines' parameter limits. */
export const BATCH = 500;

export function chunked<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type JobStatus = ImportJob["status"];
export const RUNNING: JobStatus[] = ["validating", "importing"];

// ---------- jobs ----------

export async function insertJob(db: Db, job: Insertable<ImportJobTable>): Promise<void> {
  await db.insertInto("import_jobs").values(job).execute();
}

export function getJob(db: Db, id: string): Promise<ImportJob | undefined> {
  return db.selectFrom("import_jobs").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listJobs(db: Db, f: { agencyId: string; createdBy: string | null; page: number; pageSize: number }) {
  let q = db.selectFrom("import_jobs").where("agency_id", "=", f.agencyId);
  if (f.createdBy) q = q.where("created_by", "=", f.createdBy);
  const count = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(count.n) };
}

/** Updates a job only while it is in one of the expected states; false if it was not (e.g. marked failed meanwhile). */
export async function updateJob(db: Db, id: string, patch: Updateable<ImportJobTable>, expected: JobStatus[]): Promise<boolean> {
  const res = await db.updateTable("import_jobs").set(patch).where("id", "=", id).where("status", "in", expected).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function failRunningJobs(db: Kysely<DB>, o: { message: string; now: string; idleSince: string | null; exceptIds: string[] }): Promise<number> {
  let q = db.updateTable("import_jobs").set({ status: "failed", message: o.message, finished_at: o.now, updated_at: o.now }).where("status", "in", RUNNING);
  if (o.idleSince) q = q.where("updated_at", "<", o.idleSince);
  if (o.exceptIds.length) q = q.where("id", "not in", o.exceptIds);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

// ---------- lookups (batched) ----------

export async function employeesByNip(db: Db, nips: string[]): Promise<ExistingEmployee[]> {
  const out: ExistingEmployee[] = [];
  for (const part of chunked(nips)) {
    const rows = await db
      .selectFrom("employees")
      .innerJoin("units", "units.id", "employees.unit_id")
      .selectAll("employees")
      .select("units.path as unit_path")
      .where("employees.nip", "in", part)
      .execute();
    out.push(...rows);
  }
  return out;
}

export async function employeeIdsByEmail(db: Db, emails: string[]): Promise<{ id: string; email: string | null }[]> {
  const out: { id: string; email: string | null }[] = [];
  for (const part of chunked(emails)) out.push(...(await db.selectFrom("employees").select(["id", "email"]).where("email", "in", part).execute()));
  return out;
}

/** Positions of units, oldest first (the first of equal names is the one matched). */
export async function positionsOfUnits(db: Db, unitIds: string[]): Promise<{ id: string; unit_id: string; name: string }[]> {
  const out: { id: string; unit_id: string; name: string }[] = [];
  for (const part of chunked(unitIds)) {
    const rows = await db.selectFrom("positions").select(["id", "unit_id", "name"]).where("unit_id", "in", part).orderBy("created_at").orderBy("id").execute();
    out.push(...rows);
  }
  return out;
}

// ---------- writes (batched; callers pass a transaction) ----------

export async function insertPositions(db: Db, rows: Insertable<PositionTable>[]): Promise<void> {
  for (const part of chunked(rows)) await db.insertInto("positions").values(part).execute();
}

export async function insertEmployees(db: Db, rows: Insertable<EmployeeTable>[]): Promise<void> {
  for (const part of chunked(rows)) await db.insertInto("employees").values(part).execute();
}

/** Rewrites existing employees in one statement per batch: an upsert on the primary key always takes the update branch. */
export async function updateEmployees(db: Db, rows: Insertable<EmployeeTable>[]): Promise<void> {
  for (const part of chunked(rows)) {
    await db
      .insertInto("employees")
      .values(part)
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          unit_id: eb.ref("excluded.unit_id"),
          position_id: eb.ref("excluded.position_id"),
          name: eb.ref("excluded.name"),
          email: eb.ref("excluded.email"),
          phone: eb.ref("excluded.phone"),
          employment_type: eb.ref("excluded.employment_type"),
          status: eb.ref("excluded.status"),
          supervisor_id: eb.ref("excluded.supervisor_id"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
  }
}

/** Sets the supervisor of employees already written (rows carry their full values; only the link changes). */
export async function linkSupervisors(db: Db, rows: Insertable<EmployeeTable>[]): Promise<void> {
  for (const part of chunked(rows)) {
    await db
      .insertInto("employees")
      .values(part)
      .onConflict((oc) => oc.column("id").doUpdateSet((eb) => ({ supervisor_id: eb.ref("excluded.supervisor_id") })))
      .execute();
  }
}

export async function insertUsers(db: Db, rows: Insertable<UserTable>[]): Promise<void> {
  for (const part of chunked(rows)) await db.insertInto("users").values(part).execute();
}

/** Account names follow renamed employees. */
export async function syncDisplayNames(db: Db, employeeIds: string[]): Promise<void> {
  for (const part of chunked(employeeIds)) {
    await db
      .updateTable("users")
      .set((eb) => ({ display_name: eb.selectFrom("employees").select("employees.name").whereRef("employees.id", "=", "users.employee_id") }))
      .where("employee_id", "in", part)
      .execute();
  }
}

/** An employee set inactive loses their sessions at once. */
export async function endSessions(db: Db, employeeIds: string[]): Promise<void> {
  for (const part of chunked(employeeIds)) {
    await db
      .deleteFrom("sessions")
      .where("user_id", "in", db.selectFrom("users").select("id").where("employee_id", "in", part))
      .execute();
  }
}
