import { setTimeout as sleep, setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Insertable, Kysely } from "kysely";
import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { DB } from "../../../db/schema.js";
import type { RosterConflictTable, RosterRecord } from "../../../db/schema-arrangement.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { AppError, conflict, invalid, notFound } from "../../../platform/errors.js";
import { loadCalendar } from "../../logbook/calendar/workdays.js";
import { todayIn } from "../../org/hierarchy.js";
import { agencyOf, authorize } from "../../org/policies.js";
import { getAgency, getUnit } from "../../org/repository.js";
import { applyRequest, generateRoster, type Roster } from "../engine/index.js";
import { arrangementPolicy } from "../policies.js";
import { isMonday, workweek } from "../week.js";
import { loadRosterInput } from "./inputs.js";
import { presentRoster } from "./presenter.js";
import { conflictRecord, rowRecord, unitRecord } from "./records.js";
import * as repo from "./repository.js";
import type { GenerateBody } from "./schema.js";

/** Rows stored per transaction: short write transactions, so check-ins are never held up for long. */
export const STORE_CHUNK = 2000;
/**
 * How long the request waits for the generation before it answers 202 and the
 * client polls. Measured: the demo agency (355 people) takes 0.05–0.3 s, a
 * 100,000-employee agency 4–6 s (most of it storing the rows).
 */
const timing = { syncWaitMs: 3000 };

/** Changes the wait (tests use 0 to take the polling path). */
export function configureGeneration(opts: { syncWaitMs: number }): void {
  timing.syncWaitMs = opts.syncWaitMs;
}

/** Generations running in this process: awaited on shutdown, and never failed by the recovery job. */
const running = new Map<string, Promise<void>>();

export function waitForGenerations(): Promise<unknown> {
  return Promise.allSettled([...running.values()]);
}

/**
 * Starts generating a week's roster for a unit subtree (or the agency) and
 * waits a few seconds for it: a finished roster answers 201, a large one
 * still running answers 202, and the client polls GET /arrangement/rosters/{id}
 * (status, processedCount of totalCount).
 */
export async function startGeneration(ctx: Ctx, body: GenerateBody, requestedAgency?: string) {
  const agencyId = agencyOf(ctx.actor, requestedAgency);
  const unit = body.unitId ? await getUnit(ctx.db, body.unitId) : null;
  if (body.unitId && (!unit || unit.agency_id !== agencyId)) throw notFound("Unit");
  authorize(arrangementPolicy.manageRoster(ctx.actor, { agencyId, unitPath: unit?.path ?? null }), "Only HR admins whose scope covers the roster generate it");
  if (!isMonday(body.week)) throw invalid([{ path: "body.week", message: "the week is given by its Monday" }]);
  const week = workweek(body.week);
  const calendar = await loadCalendar(ctx.db, week[0], week[4]);
  const dates = week.filter((d) => calendar.isWorkday(d));
  if (dates.length === 0) throw conflict("This week has no workdays");
  if ((await repo.rostersOfScope(ctx.db, agencyId, body.unitId, body.week, ["generating"])).length > 0) {
    throw conflict("A roster for this week and scope is being generated; wait for it");
  }
  const agency = await getAgency(ctx.db, agencyId);
  const now = ctx.now().toISOString();
  const record = {
    id: newId(),
    agency_id: agencyId,
    unit_id: body.unitId,
    week_start: body.week,
    dates: toJson(dates),
    status: "generating" as const,
    total_count: 0,
    processed_count: 0,
    conflict_count: 0,
    settings: null,
    collisions: toJson([]),
    policy_ids: toJson([]),
    input_hash: null,
    message: null,
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
    generated_at: null,
    published_by: null,
    published_at: null,
  };
  await repo.insertRoster(ctx.db, record);
  const today = todayIn(agency?.timezone ?? "Asia/Jakarta", ctx.now());
  const task = runGeneration(ctx, record, { scopePath: unit?.path ?? null, dates, today })
    .catch((err: unknown) => recordFailure(ctx.db, record.id, err))
    // When even that fails (the database went away), the recovery job fails the roster later.
    .catch(() => undefined);
  running.set(record.id, task);
  void task.finally(() => running.delete(record.id));
  const waiting = new AbortController();
  await Promise.race([task, sleep(timing.syncWaitMs, undefined, { signal: waiting.signal }).catch(() => undefined)]);
  waiting.abort();
  const after = await repo.getRoster(ctx.db, record.id);
  if (!after) throw notFound("Roster");
  if (after.status === "failed") throw new AppError("unprocessable", after.message ?? "The roster could not be generated");
  const status: 201 | 202 = after.status === "generating" ? 202 : 201;
  return { status, body: presentRoster(after, unit ? { id: unit.id, name: unit.name } : null) };
}

async function runGeneration(ctx: Ctx, record: RosterRecord, s: { scopePath: string | null; dates: string[]; today: string }): Promise<void> {
  const loaded = await loadRosterInput(ctx.db, { agencyId: record.agency_id, monday: record.week_start, ...s });
  await repo.updateRoster(ctx.db, record.id, { total_count: loaded.input.employees.length, updated_at: new Date().toISOString() }, ["generating"]);
  let roster: Roster = generateRoster(loaded.input);
  const at = ctx.now().toISOString();
  // Approved requests of the week go in as they would on the published roster; those that do not fit are conflicts for HR.
  const requestConflicts: Insertable<RosterConflictTable>[] = [];
  for (const r of loaded.requests) {
    const result = applyRequest(roster, { employeeId: r.employee_id, date: r.date, mode: r.mode, note: r.reason, requestId: r.id });
    if (result.applied) roster = result.roster;
    else for (const c of result.conflicts) requestConflicts.push(conflictRecord(record, c, at, { requestId: r.id, employeeId: r.employee_id }));
  }
  const unitNames = new Map(roster.units.map((u) => [u.unitId, u.unitName]));
  const pack = { ageThreshold: roster.settings.ageThreshold, unitName: (id: string) => unitNames.get(id) ?? "" };
  for (let i = 0; i < roster.rows.length; i += STORE_CHUNK) {
    const chunk = roster.rows.slice(i, i + STORE_CHUNK).map((row) => rowRecord(record.id, record.week_start, row, pack));
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertRows(trx, chunk);
      const stillRunning = await repo.updateRoster(trx, record.id, { processed_count: i + chunk.length, updated_at: new Date().toISOString() }, ["generating"]);
      if (!stillRunning) throw new Error("the generation was stopped");
    });
    await yieldToEventLoop();
  }
  const conflicts = [...roster.conflicts.map((c) => conflictRecord(record, c, at)), ...requestConflicts];
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertUnits(
      trx,
      roster.units.map((u) => unitRecord(record.id, u)),
    );
    await repo.insertConflicts(trx, conflicts);
    // The new draft replaces earlier drafts (and failed attempts) of the same scope and week.
    for (const old of await repo.rostersOfScope(trx, record.agency_id, record.unit_id, record.week_start, ["draft", "failed"])) {
      await repo.deleteRoster(trx, old.id);
    }
    const done = await repo.updateRoster(
      trx,
      record.id,
      {
        status: "draft",
        processed_count: roster.rows.length,
        conflict_count: conflicts.length,
        settings: toJson(roster.settings),
        collisions: toJson(roster.collisions),
        policy_ids: toJson(loaded.policyIds),
        input_hash: loaded.hash,
        generated_at: ctx.now().toISOString(),
        updated_at: ctx.now().toISOString(),
      },
      ["generating"],
    );
    if (!done) throw new Error("the generation was stopped");
    await audit(trx, ctx, {
      action: "arrangement.roster_generated",
      subjectType: "roster",
      subjectId: record.id,
      agencyId: record.agency_id,
      changes: {
        week: record.week_start,
        unitId: record.unit_id,
        dates: s.dates,
        employees: roster.rows.length,
        conflicts: conflicts.length,
        inputHash: loaded.hash,
        policyIds: loaded.policyIds,
      },
    });
  });
}

/** A generation that failed leaves no rows behind: the roster is marked failed with the reason. */
async function recordFailure(db: Kysely<DB>, id: string, err: unknown): Promise<void> {
  const message = err instanceof Error ? err.message : String(err);
  await db.transaction().execute(async (trx) => {
    await repo.deleteContent(trx, id);
    await repo.updateRoster(trx, id, { status: "failed", message: message.slice(0, 1000), updated_at: new Date().toISOString() }, ["generating"]);
  });
}

/** Generations left by an instance that stopped (no progress for `idleForMs`) are marked failed. */
export async function recoverStaleGenerations(db: Kysely<DB>, opts: { idleForMs: number; now?: Date }): Promise<{ failed: number }> {
  const before = new Date((opts.now ?? new Date()).getTime() - opts.idleForMs).toISOString();
  let failed = 0;
  for (const r of await repo.staleGenerations(db, before)) {
    if (running.has(r.id)) continue;
    await recordFailure(db, r.id, new Error("The generation was interrupted; generate the roster again"));
    failed++;
  }
  return { failed };
}
