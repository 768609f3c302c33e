import { fromJson } from "../../db/dialect.js";
import type { Db } from "../../platform/context.js";

export interface AuditFilter {
  agencyId: string | null;
  action?: string;
  subjectId?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listAuditEvents(db: Db, f: AuditFilter) {
  let q = db.selectFrom("audit_events").leftJoin("users", "users.id", "audit_events.actor_user_id");
  if (f.agencyId) q = q.where("audit_events.agency_id", "=", f.agencyId);
  if (f.action) q = q.where("audit_events.action", "like", `${f.action.replace(/[\\%_]/g, "\\$&")}%`);
  if (f.subjectId) q = q.where("audit_events.subject_id", "=", f.subjectId);
  if (f.actorUserId) q = q.where("audit_events.actor_user_id", "=", f.actorUserId);
  if (f.from) q = q.where("audit_events.created_at", ">=", f.from);
  if (f.to) q = q.where("audit_events.created_at", "<", f.to);
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll("audit_events")
    .select("users.display_name as actor_name")
    .orderBy("audit_events.created_at", "desc")
    .orderBy("audit_events.id", "desc")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      at: r.created_at,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name ?? null,
      changes: fromJson<Record<string, unknown>>(r.changes),
      ip: r.ip,
      requestId: r.request_id,
    })),
  };
}

export interface AccessFilter {
  agencyId: string | null;
  subjectEmployeeId?: string;
  actorUserId?: string;
  category?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listAccess(db: Db, f: AccessFilter) {
  let q = db
    .selectFrom("access_log")
    .leftJoin("users", "users.id", "access_log.actor_user_id")
    .leftJoin("employees", "employees.id", "access_log.subject_employee_id");
  if (f.agencyId) q = q.where("access_log.agency_id", "=", f.agencyId);
  if (f.subjectEmployeeId) q = q.where("access_log.subject_employee_id", "=", f.subjectEmployeeId);
  if (f.actorUserId) q = q.where("access_log.actor_user_id", "=", f.actorUserId);
  if (f.category) q = q.where("access_log.category", "=", f.category);
  if (f.from) q = q.where("access_log.created_at", ">=", f.from);
  if (f.to) q = q.where("access_log.created_at", "<", f.to);
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll("access_log")
    .select(["users.display_name as actor_name", "employees.name as subject_name"])
    .orderBy("access_log.created_at", "desc")
    .orderBy("access_log.id", "desc")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      at: r.created_at,
      category: r.category,
      detail: r.detail,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name ?? null,
      subjectEmployeeId: r.subject_employee_id,
      subjectName: r.subject_name ?? null,
      ip: r.ip,
      requestId: r.request_id,
    })),
  };
}
