import type { Transaction } from "kysely";
import type { DB } from "../../../db/schema.js";
import type { RosterRecord } from "../../../db/schema-arrangement.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, notFound } from "../../../platform/errors.js";
import { notify } from "../../../platform/notifications.js";
import { arrangementPolicy } from "../policies.js";
import { applyToRoster, datesOf, requestStateIn } from "./apply-request.js";
import { loadRoster } from "./load.js";
import { presentRoster } from "./presenter.js";
import * as repo from "./repository.js";

/** Users notified per INSERT. */
const NOTIFY_BATCH = 1000;

/**
 * Publishes a draft: its cells are frozen (only approved requests and HR's
 * conflict decisions change them afterwards), it supersedes the published
 * rosters of the same week inside its scope, the week's approved requests are
 * settled against it, and its employees are told ("roster.published").
 */
export async function publishRoster(ctx: Ctx, rosterId: string) {
  const { unit } = await loadRoster(ctx, rosterId, arrangementPolicy.manageRoster);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const meta = await repo.lockRoster(trx, ctx.engine, rosterId);
    if (!meta) throw notFound("Roster");
    if (meta.status !== "draft") throw conflict(`A ${meta.status} roster cannot be published`);
    const superseded = await supersede(trx, meta, unit?.path ?? null);
    await repo.updateRoster(trx, rosterId, { status: "published", published_at: at, published_by: ctx.actor.userId, updated_at: at }, ["draft"]);
    const settled = await settleRequests(trx, ctx, { ...meta, status: "published", published_at: at, published_by: ctx.actor.userId }, at);
    await repo.updateRoster(trx, rosterId, { conflict_count: await repo.countOpenConflicts(trx, rosterId) });
    const users = await repo.userIdsOfRoster(trx, rosterId);
    for (let i = 0; i < users.length; i += NOTIFY_BATCH) {
      await notify(trx, {
        userIds: users.slice(i, i + NOTIFY_BATCH),
        agencyId: meta.agency_id,
        kind: "roster.published",
        params: { week: meta.week_start, rosterId, dates: datesOf(meta) },
        link: `/arrangement/my-week?week=${meta.week_start}`,
        now: at,
      });
    }
    await audit(trx, ctx, {
      action: "arrangement.roster_published",
      subjectType: "roster",
      subjectId: rosterId,
      agencyId: meta.agency_id,
      changes: { week: meta.week_start, unitId: meta.unit_id, employees: meta.total_count, superseded, requests: settled, notified: users.length },
    });
  });
  const after = await repo.getRoster(ctx.db, rosterId);
  if (!after) throw notFound("Roster");
  return presentRoster(after, unit ? { id: unit.id, name: unit.name } : null);
}

/** Earlier published rosters of the week whose whole scope lies inside this one are superseded. */
async function supersede(trx: Transaction<DB>, meta: RosterRecord, path: string | null): Promise<string[]> {
  const published = await repo.otherPublished(trx, meta.agency_id, meta.week_start, meta.id);
  const inside = published.filter((p) => path === null || p.path?.startsWith(path)).map((p) => p.id);
  await repo.markSuperseded(trx, inside);
  return inside;
}

/** Approved requests of the week for this roster's employees: applied, in conflict, or applied now. */
async function settleRequests(trx: Transaction<DB>, ctx: Ctx, meta: RosterRecord, at: string): Promise<number> {
  const requests = await repo.approvedRequestsInRoster(trx, meta.id, datesOf(meta));
  let current = meta;
  for (const r of requests) {
    const state = await requestStateIn(trx, current, r);
    const outcome = state ?? (await applyToRoster(trx, ctx.engine, current, r, at)).outcome;
    // A change rewrites the roster row (collisions, count): the next request starts from the stored state.
    if (state === null) current = (await repo.getRoster(trx, meta.id)) ?? current;
    await repo.setRequestOutcome(trx, r.id, outcome, outcome === "awaiting_roster" ? null : meta.id, at);
  }
  return requests.length;
}
