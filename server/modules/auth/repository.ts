import type { Kysely } from "kysely";
import type { DB, User } from "../../db/schema.js";
import type { Grant } from "../../platform/actor.js";
import type { Db } from "../../platform/context.js";

export async function findUserByLogin(db: Db, login: string): Promise<User | undefined> {
  const value = login.trim();
  if (/^\d{18}$/.test(value)) {
    return db
      .selectFrom("users")
      .innerJoin("employees", "employees.id", "users.employee_id")
      .selectAll("users")
      .where("employees.nip", "=", value)
      .executeTakeFirst();
  }
  const email = value.toLowerCase();
  const own = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
  if (own) return own;
  return db
    .selectFrom("users")
    .innerJoin("employees", "employees.id", "users.employee_id")
    .selectAll("users")
    .where("employees.email", "=", email)
    .executeTakeFirst();
}

export function findUserById(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertSession(
  db: Db,
  row: { id: string; user_id: string; csrf_token: string; ip: string | null; user_agent: string | null; now: string; expires_at: string },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id: row.id,
      user_id: row.user_id,
      csrf_token: row.csrf_token,
      ip: row.ip,
      user_agent: row.user_agent,
      created_at: row.now,
      last_seen_at: row.now,
      expires_at: row.expires_at,
    })
    .execute();
}

export function findLiveSession(db: Db, id: string, now: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .leftJoin("employees", "employees.id", "users.employee_id")
    .leftJoin("units", "units.id", "employees.unit_id")
    .select([
      "sessions.id as session_id",
      "sessions.csrf_token",
      "sessions.last_seen_at",
      "sessions.expires_at",
      "users.id as user_id",
      "users.display_name",
      "users.employee_id",
      "users.is_operator",
      "users.is_demo",
      "users.disabled",
      "users.must_change_password",
      "users.locale",
      "employees.agency_id",
      "employees.unit_id",
      "employees.status as employee_status",
      "units.path as unit_path",
    ])
    .where("sessions.id", "=", id)
    .where("sessions.expires_at", ">", now)
    .executeTakeFirst();
}

export async function grantsOfUser(db: Db, userId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom("role_grants")
    .leftJoin("units", "units.id", "role_grants.unit_id")
    .select(["role_grants.role", "role_grants.agency_id", "role_grants.unit_id", "units.path"])
    .where("role_grants.user_id", "=", userId)
    .execute();
  return rows.map((r) => ({ role: r.role, agencyId: r.agency_id, unitId: r.unit_id, unitPath: r.path ?? null }));
}

export async function touchSession(db: Db, id: string, now: string, expiresAt: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: now, expires_at: expiresAt }).where("id", "=", id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

export async function deleteSessionOfUser(db: Db, userId: string, id: string): Promise<number> {
  const r = await db.deleteFrom("sessions").where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteOtherSessions(db: Db, userId: string, keepId: string | null): Promise<void> {
  let q = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepId) q = q.where("id", "!=", keepId);
  await q.execute();
}

export function listSessions(db: Db, userId: string, now: string) {
  return db
    .selectFrom("sessions")
    .select(["id", "ip", "user_agent", "created_at", "last_seen_at", "expires_at"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", now)
    .orderBy("last_seen_at", "desc")
    .execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: string): Promise<number> {
  const r = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function updatePassword(db: Db, userId: string, hash: string, mustChange: boolean, now: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: hash, must_change_password: mustChange ? 1 : 0, password_changed_at: now, updated_at: now })
    .where("id", "=", userId)
    .execute();
}

export async function updateLocale(db: Db, userId: string, locale: string, now: string): Promise<void> {
  await db.updateTable("users").set({ locale, updated_at: now }).where("id", "=", userId).execute();
}

// --- failed sign-in counters (shared by every instance: they live in the database) ---

export function getAttempt(db: Db, key: string) {
  return db.selectFrom("login_attempts").selectAll().where("key", "=", key).executeTakeFirst();
}

export async function saveAttempt(
  db: Db,
  row: { key: string; failures: number; first_failure_at: string; last_failure_at: string; locked_until: string | null },
): Promise<void> {
  await db
    .insertInto("login_attempts")
    .values(row)
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: row.failures,
        first_failure_at: row.first_failure_at,
        last_failure_at: row.last_failure_at,
        locked_until: row.locked_until,
      }),
    )
    .execute();
}

export async function clearAttempt(db: Db, key: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("key", "=", key).execute();
}
