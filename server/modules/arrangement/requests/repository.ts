import type { Insertable, Updateable } from "kysely";
import type { ArrangementRequestTable, RequestStatus } from "../../../db/schema-arrangement.js";
import type { Scope } from "../../../platform/actor.js";
import type { Db } from "../../../platform/context.js";
import { inScope } from "../scope.js";

function withNames(db: Db) {
  return db
    .selectFrom("arrangement_requests")
    .innerJoin("employees", "employees.id", "arrangement_requests.employee_id")
    .innerJoin("units", "units.id", "arrangement_requests.unit_id")
    .leftJoin("employees as decider", "decider.id", "arrangement_requests.decided_by")
    .selectAll("arrangement_requests")
    .select(["employees.name as employee_name", "units.name as unit_name", "units.path as unit_path", "decider.name as decider_name"]);
}

export type RequestRow = Awaited<ReturnType<typeof getRequest>> & object;

export function getRequest(db: Db, id: string) {
  return withNames(db).where("arrangement_requests.id", "=", id).executeTakeFirst();
}

export function listOwn(db: Db, employeeId: string, status?: RequestStatus) {
  let q = withNames(db).where("arrangement_requests.employee_id", "=", employeeId);
  if (status) q = q.where("arrangement_requests.status", "=", status);
  return q.orderBy("arrangement_requests.date", "desc").orderBy("arrangement_requests.created_at", "desc").limit(200).execute();
}

export interface RequestFilter {
  agencyId: string;
  scope: Scope;
  reports: string[];
  status?: RequestStatus;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** Requests a viewer may see: of the people they supervise, and inside their HR/leader scope. */
export async function listVisible(db: Db, f: RequestFilter) {
  let q = withNames(db)
    .where("arrangement_requests.agency_id", "=", f.agencyId)
    .where(inScope(f.agencyId, f.scope, { column: "arrangement_requests.employee_id", ids: f.reports }));
  if (f.status) q = q.where("arrangement_requests.status", "=", f.status);
  if (f.from) q = q.where("arrangement_requests.date", ">=", f.from);
  if (f.to) q = q.where("arrangement_requests.date", "<=", f.to);
  const [count, rows] = await Promise.all([
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
    q
      .orderBy("arrangement_requests.date")
      .orderBy("arrangement_requests.created_at")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
  ]);
  return { rows, total: Number(count.n) };
}

/** A pending or approved request of the person for the date, if any. */
export function openRequestOn(db: Db, employeeId: string, date: string) {
  return db
    .selectFrom("arrangement_requests")
    .select(["id", "status"])
    .where("employee_id", "=", employeeId)
    .where("date", "=", date)
    .where("status", "in", ["pending", "approved"])
    .executeTakeFirst();
}

export async function insertRequest(db: Db, row: Insertable<ArrangementRequestTable>): Promise<void> {
  await db.insertInto("arrangement_requests").values(row).execute();
}

/** Updates a request only while it is pending; false when someone else decided first. */
export async function updatePending(db: Db, id: string, patch: Updateable<ArrangementRequestTable>): Promise<boolean> {
  const r = await db.updateTable("arrangement_requests").set(patch).where("id", "=", id).where("status", "=", "pending").executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateRequest(db: Db, id: string, patch: Updateable<ArrangementRequestTable>): Promise<void> {
  await db.updateTable("arrangement_requests").set(patch).where("id", "=", id).execute();
}

export async function userOfEmployee(db: Db, employeeId: string): Promise<string | null> {
  const row = await db.selectFrom("users").select("id").where("employee_id", "=", employeeId).where("disabled", "=", 0).executeTakeFirst();
  return row?.id ?? null;
}
