import { type Insertable, type SqlBool, sql, type Updateable } from "kysely";
import type { Engine } from "../../../config.js";
import { ilike, likeEscape } from "../../../db/dialect.js";
import type { CertificateTable, JpClaimTable, JpLedgerTable } from "../../../db/schema-learning-assessment.js";
import type { Scope } from "../../../platform/actor.js";
import type { Db } from "../../../platform/context.js";

const FALSE = sql<SqlBool>`1 = 0`;
const TRUE = sql<SqlBool>`1 = 1`;

/** An enrolment with what crediting it needs: course, learner, their unit's time zone. */
export function enrolmentForCredit(db: Db, enrolmentId: string) {
  return db
    .selectFrom("enrolments")
    .innerJoin("courses", "courses.id", "enrolments.course_id")
    .innerJoin("employees", "employees.id", "enrolments.employee_id")
    .innerJoin("units", "units.id", "employees.unit_id")
    .select([
      "enrolments.id",
      "enrolments.agency_id",
      "enrolments.employee_id",
      "enrolments.course_id",
      "enrolments.completed_at",
      "courses.title as course_title",
      "courses.jp",
      "employees.name as employee_name",
      "units.timezone",
    ])
    .where("enrolments.id", "=", enrolmentId)
    .executeTakeFirst();
}

export const ledgerEntry = (db: Db, source: JpLedgerTable["source"], refId: string) =>
  db.selectFrom("jp_ledger").selectAll().where("source", "=", source).where("ref_id", "=", refId).executeTakeFirst();
export const insertLedger = (db: Db, row: Insertable<JpLedgerTable>) => db.insertInto("jp_ledger").values(row).execute();

export const ledgerOf = (db: Db, employeeId: string, year: number) =>
  db.selectFrom("jp_ledger").selectAll().where("employee_id", "=", employeeId).where("year", "=", year).orderBy("earned_on").orderBy("id").execute();

export const certificateOfEnrolment = (db: Db, enrolmentId: string) =>
  db.selectFrom("certificates").selectAll().where("enrolment_id", "=", enrolmentId).executeTakeFirst();
export const getCertificate = (db: Db, id: string) => db.selectFrom("certificates").selectAll().where("id", "=", id).executeTakeFirst();
export const certificateByNumber = (db: Db, number: string) => db.selectFrom("certificates").selectAll().where("number", "=", number).executeTakeFirst();
export const certificatesOf = (db: Db, employeeId: string) =>
  db.selectFrom("certificates").selectAll().where("employee_id", "=", employeeId).orderBy("issued_on", "desc").orderBy("number", "desc").execute();
export const insertCertificate = (db: Db, row: Insertable<CertificateTable>) => db.insertInto("certificates").values(row).execute();
export const updateCertificate = (db: Db, id: string, patch: Updateable<CertificateTable>) =>
  db.updateTable("certificates").set(patch).where("id", "=", id).execute();

/**
 * Serialises certificate numbering on PostgreSQL (a transaction-scoped
 * advisory lock), so two completions at once never compute the same serial.
 * SQLite has one writer at a time already.
 */
export async function lockSerials(db: Db, engine: Engine): Promise<void> {
  if (engine === "postgres") await sql`select pg_advisory_xact_lock(hashtext('abdi.certificate_serial'))`.execute(db);
}

export async function lastSerial(db: Db, year: number): Promise<number> {
  const r = await db
    .selectFrom("certificates")
    .select((eb) => eb.fn.max<number>("serial").as("m"))
    .where("year", "=", year)
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}

/** The employee behind a certificate or claim, with what policies need. */
export function employeeWithUnit(db: Db, employeeId: string) {
  return db
    .selectFrom("employees")
    .innerJoin("units", "units.id", "employees.unit_id")
    .select(["employees.id", "employees.agency_id", "employees.name", "employees.nip", "employees.unit_id", "units.path as unit_path", "units.timezone"])
    .where("employees.id", "=", employeeId)
    .executeTakeFirst();
}

const CLAIM_META = [
  "jp_claims.id",
  "jp_claims.agency_id",
  "jp_claims.employee_id",
  "jp_claims.title",
  "jp_claims.provider",
  "jp_claims.jp",
  "jp_claims.started_on",
  "jp_claims.ended_on",
  "jp_claims.evidence_name",
  "jp_claims.evidence_mime",
  "jp_claims.evidence_size",
  "jp_claims.status",
  "jp_claims.note",
  "jp_claims.decided_by",
  "jp_claims.decided_at",
  "jp_claims.created_at",
] as const;

export const insertClaim = (db: Db, row: Insertable<JpClaimTable>) => db.insertInto("jp_claims").values(row).execute();
export const updateClaim = (db: Db, id: string, patch: Updateable<JpClaimTable>) => db.updateTable("jp_claims").set(patch).where("id", "=", id).execute();

export function getClaim(db: Db, id: string) {
  return db
    .selectFrom("jp_claims")
    .innerJoin("employees", "employees.id", "jp_claims.employee_id")
    .innerJoin("units", "units.id", "employees.unit_id")
    .select([...CLAIM_META, "employees.name as employee_name", "units.path as unit_path"])
    .where("jp_claims.id", "=", id)
    .executeTakeFirst();
}
export type ClaimRow = NonNullable<Awaited<ReturnType<typeof getClaim>>>;

export const claimEvidence = (db: Db, id: string) =>
  db.selectFrom("jp_claims").select(["evidence_name", "evidence_mime", "evidence_data"]).where("id", "=", id).executeTakeFirst();

/** Claims of one person, or of everyone inside a scope (filtered in SQL). */
export function listClaims(db: Db, f: { employeeId?: string; scope?: Scope; status?: JpClaimTable["status"] }) {
  let q = db
    .selectFrom("jp_claims")
    .innerJoin("employees", "employees.id", "jp_claims.employee_id")
    .innerJoin("units", "units.id", "employees.unit_id")
    .select([...CLAIM_META, "employees.name as employee_name", "units.path as unit_path"]);
  if (f.employeeId) q = q.where("jp_claims.employee_id", "=", f.employeeId);
  const scope = f.scope;
  if (scope) {
    q = q.where((eb) =>
      eb.or([
        ...(scope.agencyIds.length ? [eb("jp_claims.agency_id", "in", scope.agencyIds)] : []),
        ...scope.unitPaths.map((u) => eb.and([eb("jp_claims.agency_id", "=", u.agencyId), eb("units.path", "like", `${u.path}%`)])),
        FALSE,
      ]),
    );
  }
  if (f.status) q = q.where("jp_claims.status", "=", f.status);
  return q.orderBy("jp_claims.created_at", "desc").limit(500).execute();
}

/**
 * Active employees inside a scope (HR grants) or in a list of ids (direct
 * reports), optionally narrowed to a unit subtree, with their JP of the year.
 */
export function jpOfPeople(db: Db, f: { scope: Scope; extraIds: string[]; unitPath?: string; agencyId: string; year: number }) {
  let q = db
    .selectFrom("employees")
    .innerJoin("units", "units.id", "employees.unit_id")
    .leftJoin("jp_ledger", (j) => j.onRef("jp_ledger.employee_id", "=", "employees.id").on("jp_ledger.year", "=", f.year))
    .select((eb) => [
      "employees.id",
      "employees.name",
      "employees.nip",
      "employees.unit_id",
      "units.name as unit_name",
      "units.path as unit_path",
      eb.fn.coalesce(eb.fn.sum<number>("jp_ledger.jp"), eb.val(0)).as("jp"),
    ])
    .where("employees.status", "=", "active")
    .where("employees.agency_id", "=", f.agencyId)
    .where((eb) =>
      eb.or([
        ...(f.scope.agencyIds.includes(f.agencyId) ? [TRUE] : []),
        ...f.scope.unitPaths.filter((u) => u.agencyId === f.agencyId).map((u) => eb("units.path", "like", `${u.path}%`)),
        ...(f.extraIds.length ? [eb("employees.id", "in", f.extraIds)] : []),
        FALSE,
      ]),
    );
  if (f.unitPath) q = q.where("units.path", "like", `${f.unitPath}%`);
  return q
    .groupBy(["employees.id", "employees.name", "employees.nip", "employees.unit_id", "units.name", "units.path"])
    .orderBy("units.path")
    .orderBy("employees.name")
    .execute();
}

/**
 * Certificates of the people inside a scope (HR grants), newest first: found
 * by their number, the holder's exact NIP or part of the holder's name.
 */
export function certificatesInScope(db: Db, engine: Engine, f: { scope: Scope; number?: string; text?: string; status?: "valid" | "revoked" }) {
  const scope = f.scope;
  let q = db
    .selectFrom("certificates")
    .innerJoin("employees", "employees.id", "certificates.employee_id")
    .innerJoin("units", "units.id", "employees.unit_id")
    .selectAll("certificates")
    .select("units.name as unit_name")
    .where((eb) =>
      eb.or([
        ...(scope.agencyIds.length ? [eb("certificates.agency_id", "in", scope.agencyIds)] : []),
        ...scope.unitPaths.map((u) => eb.and([eb("certificates.agency_id", "=", u.agencyId), eb("units.path", "like", `${likeEscape(u.path)}%`)])),
        FALSE,
      ]),
    );
  const number = f.number;
  const text = f.text;
  if (number) q = q.where("certificates.number", "=", number);
  else if (text)
    q = q.where((eb) =>
      eb.or([
        eb("certificates.employee_name", ilike(engine), `%${likeEscape(text)}%`),
        eb("employees.nip", "=", text),
        eb("certificates.number", ilike(engine), `%${likeEscape(text)}%`),
      ]),
    );
  if (f.status === "valid") q = q.where("certificates.revoked_at", "is", null);
  if (f.status === "revoked") q = q.where("certificates.revoked_at", "is not", null);
  return q.orderBy("certificates.issued_on", "desc").orderBy("certificates.number", "desc").limit(100).execute();
}
