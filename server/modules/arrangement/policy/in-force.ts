import type { Db } from "../../../platform/context.js";
import { rulesOf } from "./presenter.js";
import * as repo from "./repository.js";
import { Rules } from "./schema.js";

export interface VersionInForce {
  /** null: no version yet, the defaults apply. */
  id: string | null;
  rules: Rules;
}

const DEFAULTS: VersionInForce = { id: null, rules: Rules.parse({}) };

/** The version in force on each date: the latest one whose effective_from is on or before it. */
export async function versionsOn(db: Db, agencyId: string, dates: readonly string[]): Promise<Map<string, VersionInForce>> {
  const out = new Map<string, VersionInForce>();
  if (dates.length === 0) return out;
  const sorted = [...dates].sort();
  const rows = await repo.versionsBetween(db, agencyId, sorted[0], sorted[sorted.length - 1]);
  const parsed = rows.map((r) => ({ from: r.effective_from, version: { id: r.id, rules: rulesOf(r) } }));
  for (const date of dates) {
    const hit = parsed.findLast((p) => p.from <= date);
    out.set(date, hit?.version ?? DEFAULTS);
  }
  return out;
}

export async function rulesOn(db: Db, agencyId: string, date: string): Promise<Rules> {
  return (await versionsOn(db, agencyId, [date])).get(date)?.rules ?? DEFAULTS.rules;
}
