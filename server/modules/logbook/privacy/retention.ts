import { type Kysely, PostgresAdapter } from "kysely";
import type { DB } from "../../../db/schema.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx, SystemCtx } from "../../../platform/context.js";
import { purgeIdempotencyKeys } from "../../../platform/idempotency.js";
import { todayIn } from "../../org/hierarchy.js";
import { shiftDate } from "../health/dates.js";
import { getLogbookSettings } from "../settings.js";
import * as repo from "./retention-repository.js";

export const RETENTION_BATCH = 5000;

export interface AgencyRetention {
  agencyId: string;
  /** Rows with a work_date before these dates were purged. */
  coordinatesBefore: string;
  healthAnswersBefore: string;
  coordinatesPurged: number;
  healthAnswersPurged: number;
}

export interface RetentionResult {
  ranAt: string;
  agencies: AgencyRetention[];
  idempotencyKeysPurged: number;
}

async function drain(step: () => Promise<number>, batch: number): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await step();
    total += n;
    if (n < batch) return total;
  }
}

function systemCtx(db: Kysely<DB>, now: Date): SystemCtx {
  const engine = db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
  return { db, engine, actor: null, requestId: null, ip: null, now: () => now };
}

/**
 * Purges what has outlived its retention (UU 27/2022), per agency and its
 * LogbookSettings.retention: exact coordinates of check-ins older than
 * `coordinatesDays` and health answers older than `healthAnswersDays`
 * (by work_date, counted in the agency's zone). The derived results stay:
 * geofence, place, distance; cleared and reasons. Old idempotency keys go too.
 *
 * Safe to run at any time and on several instances at once: every statement
 * only touches rows not purged yet. An agency where something was purged gets
 * one "retention.purged" audit event with the counts; a run started by an
 * operator (`by`) records one for every agency, zero counts included.
 */
export async function runRetention(db: Kysely<DB>, now: Date, opts: { batchSize?: number; by?: Ctx } = {}): Promise<RetentionResult> {
  const batch = opts.batchSize ?? RETENTION_BATCH;
  const nowIso = now.toISOString();
  const who = opts.by ?? systemCtx(db, now);
  const result: RetentionResult = { ranAt: nowIso, agencies: [], idempotencyKeysPurged: 0 };
  for (const agency of await repo.agencies(db)) {
    const { retention } = await getLogbookSettings(db, agency.id);
    const today = todayIn(agency.timezone, now);
    const done: AgencyRetention = {
      agencyId: agency.id,
      coordinatesBefore: shiftDate(today, -retention.coordinatesDays),
      healthAnswersBefore: shiftDate(today, -retention.healthAnswersDays),
      coordinatesPurged: 0,
      healthAnswersPurged: 0,
    };
    done.coordinatesPurged = await drain(
      () => repo.purgeCoordinatesBatch(db, { agencyId: agency.id, before: done.coordinatesBefore, now: nowIso, batch }),
      batch,
    );
    done.healthAnswersPurged = await drain(
      () => repo.purgeHealthAnswersBatch(db, { agencyId: agency.id, before: done.healthAnswersBefore, now: nowIso, batch }),
      batch,
    );
    if (opts.by || done.coordinatesPurged + done.healthAnswersPurged > 0) {
      await audit(db, who, {
        action: "retention.purged",
        subjectType: "agency",
        subjectId: agency.id,
        agencyId: agency.id,
        changes: { ...done, retention },
      });
    }
    result.agencies.push(done);
  }
  result.idempotencyKeysPurged = await purgeIdempotencyKeys({ db, now: () => now });
  return result;
}
