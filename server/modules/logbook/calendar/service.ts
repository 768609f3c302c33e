import { newId } from "../../../db/ids.js";
import { audit, diff } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, invalid, notFound } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { localDate } from "../checkin/worktime.js";
import { isUniqueViolation } from "./db-errors.js";
import { calendarPolicy } from "./policies.js";
import { presentDay, presentPeriod } from "./presenter.js";
import * as repo from "./repository.js";
import type { DayCreate, DayUpdate, PeriodCreate, PeriodUpdate } from "./schema.js";

/** A Ramadan period never runs longer than this. */
const MAX_PERIOD_DAYS = 31;

export async function getCalendar(ctx: Ctx, year?: number) {
  authorize(calendarPolicy.view(ctx.actor));
  const y = year ?? Number(localDate(ctx.now(), "Asia/Jakarta").slice(0, 4));
  const [days, periods] = await Promise.all([repo.listDays(ctx.db, `${y}-01-01`, `${y}-12-31`), repo.listPeriods(ctx.db, `${y}-01-01`, `${y}-12-31`)]);
  return { year: y, days: days.map(presentDay), periods: periods.map(presentPeriod) };
}

function dayTaken(date: string, kind: string) {
  return conflict(`There is already a ${kind} on ${date}`);
}

export async function createDay(ctx: Ctx, input: DayCreate) {
  authorize(calendarPolicy.manage(ctx.actor));
  if (await repo.findDay(ctx.db, input.date, input.kind)) throw dayTaken(input.date, input.kind);
  const at = ctx.now().toISOString();
  const row = {
    id: newId(),
    date: input.date,
    kind: input.kind,
    name_id: input.nameId,
    name_en: input.nameEn,
    legal_basis: input.legalBasis,
    dataset: repo.OPERATOR_DATASET,
    created_at: at,
    updated_at: at,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertDay(trx, row);
      await audit(trx, ctx, { action: "calendar.day_created", subjectType: "calendar_day", subjectId: row.id, agencyId: null, changes: input });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw dayTaken(input.date, input.kind);
    throw err;
  }
  return presentDay(row);
}

export async function updateDay(ctx: Ctx, id: string, patch: DayUpdate) {
  authorize(calendarPolicy.manage(ctx.actor));
  const before = await repo.getDay(ctx.db, id);
  if (!before) throw notFound("Calendar day");
  const next = {
    date: patch.date ?? before.date,
    kind: patch.kind ?? before.kind,
    name_id: patch.nameId ?? before.name_id,
    name_en: patch.nameEn ?? before.name_en,
    legal_basis: patch.legalBasis ?? before.legal_basis,
  };
  const clash = await repo.findDay(ctx.db, next.date, next.kind);
  if (clash && clash.id !== id) throw dayTaken(next.date, next.kind);
  const set = { ...next, dataset: repo.OPERATOR_DATASET, updated_at: ctx.now().toISOString() };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updateDay(trx, id, set);
      await audit(trx, ctx, { action: "calendar.day_updated", subjectType: "calendar_day", subjectId: id, agencyId: null, changes: diff(before, set) });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw dayTaken(next.date, next.kind);
    throw err;
  }
  return presentDay({ ...before, ...set });
}

export async function deleteDay(ctx: Ctx, id: string): Promise<void> {
  authorize(calendarPolicy.manage(ctx.actor));
  const before = await repo.getDay(ctx.db, id);
  if (!before) throw notFound("Calendar day");
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteDay(trx, id);
    await audit(trx, ctx, { action: "calendar.day_deleted", subjectType: "calendar_day", subjectId: id, agencyId: null, changes: presentDay(before) });
  });
}

function checkSpan(startsOn: string, endsOn: string): void {
  const days = (Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000 + 1;
  if (days < 1) throw invalid([{ path: "endsOn", message: "must not be before startsOn" }]);
  if (days > MAX_PERIOD_DAYS) throw invalid([{ path: "endsOn", message: `a period lasts at most ${MAX_PERIOD_DAYS} days` }]);
}

async function checkNoOverlap(ctx: Ctx, kind: "ramadan", startsOn: string, endsOn: string, exceptId?: string): Promise<void> {
  const other = await repo.overlappingPeriods(ctx.db, kind, startsOn, endsOn, exceptId);
  if (other.length) throw conflict(`Overlaps ${other[0].name_en} (${other[0].starts_on}..${other[0].ends_on})`, { existing: presentPeriod(other[0]) });
}

export async function createPeriod(ctx: Ctx, input: PeriodCreate) {
  authorize(calendarPolicy.manage(ctx.actor));
  checkSpan(input.startsOn, input.endsOn);
  await checkNoOverlap(ctx, input.kind, input.startsOn, input.endsOn);
  const at = ctx.now().toISOString();
  const row = {
    id: newId(),
    kind: input.kind,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    name_id: input.nameId,
    name_en: input.nameEn,
    legal_basis: input.legalBasis,
    dataset: repo.OPERATOR_DATASET,
    created_at: at,
    updated_at: at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPeriod(trx, row);
    await audit(trx, ctx, { action: "calendar.period_created", subjectType: "calendar_period", subjectId: row.id, agencyId: null, changes: input });
  });
  return presentPeriod(row);
}

export async function updatePeriod(ctx: Ctx, id: string, patch: PeriodUpdate) {
  authorize(calendarPolicy.manage(ctx.actor));
  const before = await repo.getPeriod(ctx.db, id);
  if (!before) throw notFound("Calendar period");
  const next = {
    kind: patch.kind ?? before.kind,
    starts_on: patch.startsOn ?? before.starts_on,
    ends_on: patch.endsOn ?? before.ends_on,
    name_id: patch.nameId ?? before.name_id,
    name_en: patch.nameEn ?? before.name_en,
    legal_basis: patch.legalBasis ?? before.legal_basis,
  };
  checkSpan(next.starts_on, next.ends_on);
  await checkNoOverlap(ctx, next.kind, next.starts_on, next.ends_on, id);
  const set = { ...next, dataset: repo.OPERATOR_DATASET, updated_at: ctx.now().toISOString() };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updatePeriod(trx, id, set);
    await audit(trx, ctx, { action: "calendar.period_updated", subjectType: "calendar_period", subjectId: id, agencyId: null, changes: diff(before, set) });
  });
  return presentPeriod({ ...before, ...set });
}

export async function deletePeriod(ctx: Ctx, id: string): Promise<void> {
  authorize(calendarPolicy.manage(ctx.actor));
  const before = await repo.getPeriod(ctx.db, id);
  if (!before) throw notFound("Calendar period");
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deletePeriod(trx, id);
    await audit(trx, ctx, { action: "calendar.period_deleted", subjectType: "calendar_period", subjectId: id, agencyId: null, changes: presentPeriod(before) });
  });
}
