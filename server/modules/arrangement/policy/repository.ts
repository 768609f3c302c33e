import type { Insertable, Updateable } from "kysely";
import { fromJson } from "../../../db/dialect.js";
import type { ArrangementPolicy, ArrangementPolicyTable } from "../../../db/schema-arrangement.js";
import type { Db } from "../../../platform/context.js";

/** Every version of an agency's policy, oldest first. */
export function listVersions(db: Db, agencyId: string): Promise<ArrangementPolicy[]> {
  return db.selectFrom("arrangement_policies").selectAll().where("agency_id", "=", agencyId).orderBy("effective_from").execute();
}

/** The versions that may be in force between two dates: the last one starting on or before `from`, and every later one up to `to`. */
export async function versionsBetween(db: Db, agencyId: string, from: string, to: string): Promise<ArrangementPolicy[]> {
  const [before, within] = await Promise.all([
    db
      .selectFrom("arrangement_policies")
      .selectAll()
      .where("agency_id", "=", agencyId)
      .where("effective_from", "<=", from)
      .orderBy("effective_from", "desc")
      .limit(1)
      .execute(),
    db
      .selectFrom("arrangement_policies")
      .selectAll()
      .where("agency_id", "=", agencyId)
      .where("effective_from", ">", from)
      .where("effective_from", "<=", to)
      .orderBy("effective_from")
      .execute(),
  ]);
  return [...before, ...within];
}

export function getVersion(db: Db, id: string): Promise<ArrangementPolicy | undefined> {
  return db.selectFrom("arrangement_policies").selectAll().where("id", "=", id).executeTakeFirst();
}

export function versionFrom(db: Db, agencyId: string, effectiveFrom: string): Promise<ArrangementPolicy | undefined> {
  return db.selectFrom("arrangement_policies").selectAll().where("agency_id", "=", agencyId).where("effective_from", "=", effectiveFrom).executeTakeFirst();
}

export async function insertVersion(db: Db, row: Insertable<ArrangementPolicyTable>): Promise<void> {
  await db.insertInto("arrangement_policies").values(row).execute();
}

export async function updateVersion(db: Db, id: string, patch: Updateable<ArrangementPolicyTable>): Promise<void> {
  await db.updateTable("arrangement_policies").set(patch).where("id", "=", id).execute();
}

export async function deleteVersion(db: Db, id: string): Promise<void> {
  await db.deleteFrom("arrangement_policies").where("id", "=", id).execute();
}

/** Whether a roster was generated with this version (such a version is kept for the record). */
export async function versionUsed(db: Db, agencyId: string, id: string): Promise<boolean> {
  const rows = await db.selectFrom("rosters").select("policy_ids").where("agency_id", "=", agencyId).where("status", "!=", "failed").execute();
  return rows.some((r) => fromJson<string[]>(r.policy_ids).includes(id));
}

/** Which of these ids are units, positions, employees of the agency (to check references in a rule set). */
export async function knownIds(db: Db, agencyId: string, ids: { units: string[]; positions: string[]; employees: string[] }) {
  const q = async (table: "units" | "positions" | "employees", list: string[]) => {
    if (list.length === 0) return new Set<string>();
    const rows = await db.selectFrom(table).select("id").where("agency_id", "=", agencyId).where("id", "in", list).execute();
    return new Set(rows.map((r) => r.id));
  };
  const [units, positions, employees] = await Promise.all([q("units", ids.units), q("positions", ids.positions), q("employees", ids.employees)]);
  return { units, positions, employees };
}
