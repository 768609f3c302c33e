import { RosterInputError } from "./errors.js";
import type { CapBase, DayRule, IsoDate, RosterUnit } from "./types.js";

/** Risk level → office cap in percent, as in the pandemic circulars (an editable table, not a rule). */
export const DEFAULT_RISK_LEVELS: Readonly<Record<number, number>> = { 1: 100, 2: 75, 3: 50, 4: 25 };

/** One row of the cap policy: a fixed percentage or a risk level, for a unit subtree (or the agency) and a day (or every day). */
export interface CapSetting {
  /** null: the whole agency. Otherwise the unit and, unless a closer setting exists, its descendants. */
  unitId: string | null;
  /** null or absent: every day. */
  date?: IsoDate | null;
  pct?: number;
  level?: number;
}

export interface ResolveCapsArgs {
  units: ReadonlyArray<{ id: string; parentId: string | null }>;
  dates: readonly IsoDate[];
  settings: readonly CapSetting[];
  riskLevels?: Readonly<Record<number, number>>;
  /** Cap when no setting applies (default 100). */
  fallbackPct?: number;
}

/**
 * Resolves the cap policy to percentages per unit and date. The closest setting
 * wins: the unit itself, then its ancestors upwards, then the agency; at each
 * of those, a setting for the date beats one for every day.
 */
export function resolveCapPercentages(args: ResolveCapsArgs): Record<string, Record<IsoDate, number>> {
  const levels = args.riskLevels ?? DEFAULT_RISK_LEVELS;
  const issues: string[] = [];
  const byKey = new Map<string, number>();
  for (const [i, s] of args.settings.entries()) {
    const hasPct = s.pct !== undefined;
    const hasLevel = s.level !== undefined;
    let pct: number | undefined;
    if (hasPct === hasLevel) issues.push(`settings[${i}]: give exactly one of pct or level`);
    else if (hasPct) pct = s.pct;
    else {
      pct = levels[s.level as number];
      if (pct === undefined) issues.push(`settings[${i}]: unknown risk level ${s.level}`);
    }
    if (pct !== undefined && !(Number.isFinite(pct) && pct >= 0 && pct <= 100)) issues.push(`settings[${i}]: cap must be 0..100 %`);
    const key = `${s.unitId ?? ""}|${s.date ?? ""}`;
    if (byKey.has(key)) issues.push(`settings[${i}]: duplicate setting for unit ${s.unitId ?? "(agency)"} and date ${s.date ?? "(every day)"}`);
    if (pct !== undefined) byKey.set(key, pct);
  }
  const parents = new Map(args.units.map((u) => [u.id, u.parentId]));
  const fallback = args.fallbackPct ?? 100;
  if (issues.length > 0) throw new RosterInputError(issues);

  const out: Record<string, Record<IsoDate, number>> = {};
  for (const unit of args.units) {
    const chain: string[] = [];
    let cursor: string | null = unit.id;
    while (cursor !== null && chain.length <= args.units.length) {
      chain.push(cursor);
      cursor = parents.get(cursor) ?? null;
    }
    chain.push("");
    const perDate: Record<IsoDate, number> = {};
    for (const date of args.dates) {
      let pct = fallback;
      for (const id of chain) {
        const dated = byKey.get(`${id}|${date}`);
        const undated = byKey.get(`${id}|`);
        if (dated !== undefined || undated !== undefined) {
          pct = dated ?? (undated as number);
          break;
        }
      }
      perDate[date] = pct;
    }
    out[unit.id] = perDate;
  }
  return out;
}

/** Units ready for the engine: each unit's resolved percentages as `capPctByDate`. */
export function withCapPercentages<U extends { id: string }>(
  units: readonly U[],
  resolved: Record<string, Record<IsoDate, number>>,
  fallbackPct = 100,
): Array<U & Pick<RosterUnit, "capPct" | "capPctByDate">> {
  return units.map((u) => ({ ...u, capPct: fallbackPct, capPctByDate: resolved[u.id] ?? {} }));
}

/** floor(pct × base), robust to binary fractions such as 57 % of 100. */
export function capPeople(pct: number, base: number): number {
  return Math.floor((pct * base) / 100 + 1e-9);
}

export interface DayCounts {
  headcount: number;
  available: number;
  pinnedAvailable: number;
}

export interface DayLimits {
  capPct: number;
  cap: number;
  minOnSite: number;
}

/**
 * The cap and minimum of a unit on a day. On a national-window day the cap is
 * the window's share, widened (never beyond the unit's normal cap) so that the
 * minimum staff and the pinned staff fit.
 */
export function dayLimits(rule: DayRule, counts: DayCounts, capBase: CapBase): DayLimits {
  const base = capBase === "headcount" ? counts.headcount : counts.available;
  const normalCap = capPeople(rule.unitCapPct, base);
  if (rule.window === null) return { capPct: rule.unitCapPct, cap: normalCap, minOnSite: rule.unitMinOnSite };
  const capPct = Math.min(rule.unitCapPct, rule.window.capPct);
  const minOnSite = rule.window.keepMinOnSite ? rule.unitMinOnSite : 0;
  const cap = Math.max(capPeople(capPct, base), Math.min(minOnSite, normalCap), Math.min(counts.pinnedAvailable, normalCap));
  return { capPct, cap, minOnSite };
}
