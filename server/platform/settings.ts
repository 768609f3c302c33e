import { fromJson, toJson } from "../db/dialect.js";
import type { Db } from "./context.js";

export async function getSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
  return row ? fromJson<T>(row.value) : undefined;
}

export async function putSetting(db: Db, key: string, value: unknown, now: string): Promise<void> {
  await db
    .insertInto("settings")
    .values({ key, value: toJson(value), updated_at: now })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: toJson(value), updated_at: now }))
    .execute();
}

/**
 * Demo accounts sign in only on a demo installation: one started with --demo,
 * or one whose data was loaded as demo data from the first-run page.
 */
export async function demoAllowed(db: Db, startedWithDemo: boolean): Promise<boolean> {
  if (startedWithDemo) return true;
  return (await getSetting<boolean>(db, "demo.installation")) === true;
}
