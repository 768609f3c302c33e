import type { Db } from "../../../platform/context.js";

/**
 * Every statement of the personal data export: all rows about one person,
 * read directly from the tables of each module (the export must not depend
 * on what each module chooses to show).
 */

export function profileOf(db: Db, employeeId: string) {
  return db
    .selectFrom("employees")
    .innerJoin("units", "units.id", "employees.unit_id")
    .innerJoin("agencies", "agencies.id", "employees.agency_id")
    .leftJoin("positions", "positions.id", "employees.position_id")
    .selectAll("employees")
    .select(["units.name as unit_name", "units.timezone as unit_timezone", "agencies.name as agency_name", "positions.name as position_name"])
    .where("employees.id", "=", employeeId)
    .executeTakeFirst();
}

export function accountOf(db: Db, userId: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "display_name", "locale", "created_at", "password_changed_at", "must_change_password"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

export function grantsOf(db: Db, userId: string) {
  return db
    .selectFrom("role_grants")
    .innerJoin("agencies", "agencies.id", "role_grants.agency_id")
    .leftJoin("units", "units.id", "role_grants.unit_id")
    .select(["role_grants.role", "role_grants.created_at", "agencies.name as agency_name", "units.name as unit_name"])
    .where("role_grants.user_id", "=", userId)
    .orderBy("role_grants.created_at")
    .execute();
}

/** Sessions without their secrets (token hash, CSRF token). */
export function sessionsOf(db: Db, userId: string) {
  return db
    .selectFrom("sessions")
    .select(["id", "ip", "user_agent", "created_at", "last_seen_at", "expires_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .execute();
}

export function checkinsOf(db: Db, employeeId: string) {
  return db.selectFrom("checkins").selectAll().where("employee_id", "=", employeeId).orderBy("work_date", "desc").orderBy("server_time", "desc").execute();
}

export function healthChecksOf(db: Db, employeeId: string) {
  return db
    .selectFrom("health_checks")
    .innerJoin("health_forms", "health_forms.id", "health_checks.form_id")
    .selectAll("health_checks")
    .select("health_forms.version as form_version")
    .where("health_checks.employee_id", "=", employeeId)
    .orderBy("health_checks.work_date", "desc")
    .execute();
}

export function reportsOf(db: Db, employeeId: string) {
  return db.selectFrom("daily_reports").selectAll().where("employee_id", "=", employeeId).orderBy("work_date", "desc").execute();
}

export function activitiesOf(db: Db, reportIds: string[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("report_activities")
    .leftJoin("skp_targets", "skp_targets.id", "report_activities.rhk_id")
    .selectAll("report_activities")
    .select("skp_targets.title as rhk_title")
    .where("report_activities.report_id", "in", reportIds)
    .orderBy("report_activities.ordinal")
    .execute();
}

export function reportEventsOf(db: Db, reportIds: string[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("report_events")
    .leftJoin("users", "users.id", "report_events.actor_user_id")
    .select(["report_events.report_id", "report_events.action", "report_events.comment", "report_events.created_at", "users.display_name as actor_name"])
    .where("report_events.report_id", "in", reportIds)
    .orderBy("report_events.created_at")
    .execute();
}

export function skpTargetsOf(db: Db, employeeId: string) {
  return db.selectFrom("skp_targets").selectAll().where("employee_id", "=", employeeId).orderBy("period", "desc").orderBy("code").execute();
}

export function placesOf(db: Db, employeeId: string) {
  return db.selectFrom("places").selectAll().where("employee_id", "=", employeeId).orderBy("created_at").execute();
}

export function notificationsOf(db: Db, userId: string) {
  return db.selectFrom("notifications").selectAll().where("user_id", "=", userId).orderBy("created_at", "desc").execute();
}

/** Uploaded files: what they are, not their bytes. */
export function filesOf(db: Db, userId: string) {
  return db
    .selectFrom("files")
    .select(["id", "purpose", "filename", "mime", "size", "sha256", "created_at"])
    .where("owner_user_id", "=", userId)
    .orderBy("created_at")
    .execute();
}

/** Who read this person's sensitive data, and when. */
export function accessTrailOf(db: Db, employeeId: string) {
  return db
    .selectFrom("access_log")
    .leftJoin("users", "users.id", "access_log.actor_user_id")
    .select(["access_log.created_at", "access_log.category", "access_log.detail", "users.display_name as actor_name"])
    .where("access_log.subject_employee_id", "=", employeeId)
    .orderBy("access_log.created_at", "desc")
    .orderBy("access_log.id", "desc")
    .execute();
}

const CHUNK = 500;

/** Audit events whose subject is one of these ids (the person, their account, their rows). */
export async function auditAbout(db: Db, subjectIds: string[]) {
  const out = [];
  for (let i = 0; i < subjectIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom("audit_events")
      .leftJoin("users", "users.id", "audit_events.actor_user_id")
      .select([
        "audit_events.id",
        "audit_events.created_at",
        "audit_events.action",
        "audit_events.subject_type",
        "audit_events.subject_id",
        "audit_events.changes",
        "users.display_name as actor_name",
      ])
      .where("audit_events.subject_id", "in", subjectIds.slice(i, i + CHUNK))
      .execute();
    out.push(...rows);
  }
  return out.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? 1 : -1));
}
