import type { Kysely } from "kysely";
import { newId } from "../../../db/ids.js";
import type { DB } from "../../../db/schema.js";
import type { Db } from "../../../platform/context.js";
import { getSetting, putSetting } from "../../../platform/settings.js";
import { SHIPPED_CALENDARS } from "./data/index.js";
import { type CalendarDataset, datasetTag, type ShippedDay, type ShippedPeriod } from "./data/types.js";
import * as repo from "./repository.js";

/** What was loaded of one dataset family: its version and the keys of its rows then. */
interface Ledger {
  version: number;
  days: string[];
  periods: string[];
}

const LEDGER_KEY = (family: string) => `calendar.dataset.${family}`;
const LOCK_KEY = "calendar.dataset.lock";
const dayKey = (d: { date: string; kind: string }) => `${d.date}|${d.kind}`;
const periodKey = (p: { kind: string; startsOn: string }) => `${p.kind}|${p.startsOn.slice(0, 4)}`;

export interface EnsureResult {
  /** Tags of the datasets loaded by this call (empty when everything was already loaded). */
  applied: string[];
}

/**
 * Loads the shipped calendar datasets into calendar_days / calendar_periods.
 * Idempotent: a dataset version is applied once (a ledger in settings records
 * it). A later version of a family adds new rows and updates or removes only
 * rows still carrying an older tag of that family; rows an operator created,
 * edited ("operator") or deleted stay as the operator left them. Safe when
 * several instances start together: the whole load is one transaction that
 * first takes a row lock.
 */
export async function ensureCalendarData(db: Kysely<DB>, datasets: readonly CalendarDataset[] = SHIPPED_CALENDARS, now = new Date()): Promise<EnsureResult> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await putSetting(trx, LOCK_KEY, { at }, at);
    const applied: string[] = [];
    for (const dataset of datasets) {
      const ledger = await getSetting<Ledger>(trx, LEDGER_KEY(dataset.family));
      if (ledger && ledger.version >= dataset.version) continue;
      await applyDataset(trx, dataset, ledger ?? null, at);
      const next: Ledger = { version: dataset.version, days: dataset.days.map(dayKey), periods: dataset.periods.map(periodKey) };
      await putSetting(trx, LEDGER_KEY(dataset.family), next, at);
      applied.push(datasetTag(dataset));
    }
    return { applied };
  });
}

async function applyDataset(db: Db, dataset: CalendarDataset, ledger: Ledger | null, at: string): Promise<void> {
  const tag = datasetTag(dataset);
  const shipped = await repo.rowsOfFamily(db, dataset.family);
  const knownDays = new Set(ledger?.days ?? []);
  const wantedDays = new Set(dataset.days.map(dayKey));
  for (const day of dataset.days) {
    const existing = await repo.findDay(db, day.date, day.kind);
    if (!existing) {
      // A key the previous version shipped but that is gone now was deleted by an operator: respect that.
      if (!knownDays.has(dayKey(day))) await repo.insertDay(db, { id: newId(), ...dayColumns(day), dataset: tag, created_at: at, updated_at: at });
    } else if (shipped.days.some((d) => d.id === existing.id)) {
      await repo.updateDay(db, existing.id, { ...dayColumns(day), dataset: tag, updated_at: at });
    }
  }
  for (const stale of shipped.days) if (!wantedDays.has(dayKey(stale))) await repo.deleteDay(db, stale.id);

  const knownPeriods = new Set(ledger?.periods ?? []);
  const wantedPeriods = new Set(dataset.periods.map(periodKey));
  for (const period of dataset.periods) {
    const existing = shipped.periods.find((p) => periodKey({ kind: p.kind, startsOn: p.starts_on }) === periodKey(period));
    if (existing) await repo.updatePeriod(db, existing.id, { ...periodColumns(period), dataset: tag, updated_at: at });
    else if (!knownPeriods.has(periodKey(period)) && (await repo.overlappingPeriods(db, period.kind, period.startsOn, period.endsOn)).length === 0) {
      await repo.insertPeriod(db, { id: newId(), ...periodColumns(period), dataset: tag, created_at: at, updated_at: at });
    }
  }
  for (const stale of shipped.periods) {
    if (!wantedPeriods.has(periodKey({ kind: stale.kind, startsOn: stale.starts_on }))) await repo.deletePeriod(db, stale.id);
  }
}

function dayColumns(d: ShippedDay) {
  return { date: d.date, kind: d.kind, name_id: d.nameId, name_en: d.nameEn, legal_basis: d.legalBasis };
}

function periodColumns(p: ShippedPeriod) {
  return { kind: p.kind, starts_on: p.startsOn, ends_on: p.endsOn, name_id: p.nameId, name_en: p.nameEn, legal_basis: p.legalBasis };
}
