import type { Insertable, Selectable, Updateable } from "kysely";
import type { CalendarDayTable, CalendarPeriodTable } from "../../../db/schema-logbook.js";
import type { Db } from "../../../platform/context.js";

/** The dataset tag of rows created or edited by an operator: shipped data never overwrites them. */
export const OPERATOR_DATASET = "operator";

export type CalendarDayRow = Selectable<CalendarDayTable>;
export type CalendarPeriodRow = Selectable<CalendarPeriodTable>;

export function listDays(db: Db, from: string, to: string): Promise<CalendarDayRow[]> {
  return db.selectFrom("calendar_days").selectAll().where("date", ">=", from).where("date", "<=", to).orderBy("date").orderBy("kind").execute();
}

export function listPeriods(db: Db, from: string, to: string): Promise<CalendarPeriodRow[]> {
  return db.selectFrom("calendar_periods").selectAll().where("ends_on", ">=", from).where("starts_on", "<=", to).orderBy("starts_on").execute();
}

export function getDay(db: Db, id: string): Promise<CalendarDayRow | undefined> {
  return db.selectFrom("calendar_days").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findDay(db: Db, date: string, kind: CalendarDayRow["kind"]): Promise<CalendarDayRow | undefined> {
  return db.selectFrom("calendar_days").selectAll().where("date", "=", date).where("kind", "=", kind).executeTakeFirst();
}

export async function insertDay(db: Db, row: Insertable<CalendarDayTable>): Promise<void> {
  await db.insertInto("calendar_days").values(row).execute();
}

export async function updateDay(db: Db, id: string, set: Updateable<CalendarDayTable>): Promise<void> {
  await db.updateTable("calendar_days").set(set).where("id", "=", id).execute();
}

export async function deleteDay(db: Db, id: string): Promise<void> {
  await db.deleteFrom("calendar_days").where("id", "=", id).execute();
}

export function getPeriod(db: Db, id: string): Promise<CalendarPeriodRow | undefined> {
  return db.selectFrom("calendar_periods").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Periods of a kind that overlap [from, to], except one (the row being edited). */
export function overlappingPeriods(db: Db, kind: CalendarPeriodRow["kind"], from: string, to: string, exceptId?: string): Promise<CalendarPeriodRow[]> {
  let q = db.selectFrom("calendar_periods").selectAll().where("kind", "=", kind).where("ends_on", ">=", from).where("starts_on", "<=", to);
  if (exceptId) q = q.where("id", "!=", exceptId);
  return q.execute();
}

export async function insertPeriod(db: Db, row: Insertable<CalendarPeriodTable>): Promise<void> {
  await db.insertInto("calendar_periods").values(row).execute();
}

export async function updatePeriod(db: Db, id: string, set: Updateable<CalendarPeriodTable>): Promise<void> {
  await db.updateTable("calendar_periods").set(set).where("id", "=", id).execute();
}

export async function deletePeriod(db: Db, id: string): Promise<void> {
  await db.deleteFrom("calendar_periods").where("id", "=", id).execute();
}

/** Rows written by any version of a shipped dataset family (tag `${family}-v<n>`). */
export async function rowsOfFamily(db: Db, family: string): Promise<{ days: CalendarDayRow[]; periods: CalendarPeriodRow[] }> {
  // The tables hold a few dozen rows a year: filter the tag in code rather than with LIKE (no portable escape).
  const ofFamily = (tag: string) => tag.startsWith(`${family}-v`) && /^\d+$/.test(tag.slice(family.length + 2));
  const [days, periods] = await Promise.all([
    db.selectFrom("calendar_days").selectAll().where("dataset", "!=", OPERATOR_DATASET).execute(),
    db.selectFrom("calendar_periods").selectAll().where("dataset", "!=", OPERATOR_DATASET).execute(),
  ]);
  return { days: days.filter((d) => ofFamily(d.dataset)), periods: periods.filter((p) => ofFamily(p.dataset)) };
}
