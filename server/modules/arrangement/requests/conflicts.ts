import type { z } from "zod";
import { scopeOf } from "../../../platform/actor.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, notFound } from "../../../platform/errors.js";
import { notify } from "../../../platform/notifications.js";
import { agencyOf, authorize, orgPolicy } from "../../org/policies.js";
import { applyOverride } from "../engine/index.js";
import { arrangementPolicy, ROSTER_READERS } from "../policies.js";
import { langOf } from "../roster/load.js";
import { presentConflict } from "../roster/presenter.js";
import * as rosterRepo from "../roster/repository.js";
import { loadSlice, saveSlice } from "../roster/slice.js";
import * as view from "../roster/view-repository.js";
import * as repo from "./repository.js";
import type { ConflictListQuery, ConflictResolve } from "./schema.js";

/** Conflicts for HR: of drafts and published rosters in the viewer's scope (open ones by default). */
export async function listConflicts(ctx: Ctx, q: z.infer<typeof ConflictListQuery>) {
  const agencyId = agencyOf(ctx.actor, q.agencyId);
  authorize(arrangementPolicy.viewConflicts(ctx.actor, agencyId));
  const { rows, total } = await view.listConflicts(ctx.db, { agencyId, scope: scopeOf(ctx.actor, ROSTER_READERS), ...q });
  const lang = langOf(ctx, q.lang);
  return {
    items: rows.map((c) => presentConflict(c, { week_start: c.week_start, status: c.roster_status }, { unit: c.unit_name, employee: c.employee_name }, lang)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * HR settles a request that did not fit: dismiss it (the roster stays), or
 * override the cell with the requested mode anyway, also on a published
 * roster (the one sanctioned change to a frozen cell, audited). Conflicts
 * read from the cells are settled by changing cells, not here.
 */
export async function resolveConflict(ctx: Ctx, id: string, body: z.infer<typeof ConflictResolve>) {
  const c = await view.getConflict(ctx.db, id);
  if (!c || !orgPolicy.viewStructure(ctx.actor, c.agency_id)) throw notFound("Conflict");
  authorize(arrangementPolicy.resolveConflict(ctx.actor, { agencyId: c.agency_id, unitPath: c.unit_path }));
  if (c.source !== "request" || !c.request_id) throw conflict("A roster's own conflicts are settled by changing its cells");
  if (c.status !== "open") throw conflict("The conflict is already resolved");
  const request = await repo.getRequest(ctx.db, c.request_id);
  if (!request) throw notFound("Request");
  const at = ctx.now().toISOString();
  const resolution = body.note ? `${body.action}: ${body.note}` : body.action;
  await ctx.db.transaction().execute(async (trx) => {
    const meta = await rosterRepo.lockRoster(trx, ctx.engine, c.roster_id);
    if (!meta || (meta.status !== "draft" && meta.status !== "published")) throw conflict("The roster is no longer in force");
    if (body.action === "override") {
      const slice = await loadSlice(trx, ctx.engine, meta, request.employee_id);
      if (!slice) throw conflict("The employee is no longer in this roster");
      const result = applyOverride(slice.roster, {
        employeeId: request.employee_id,
        date: request.date,
        mode: request.mode,
        note: body.note ?? request.reason,
        by: ctx.actor.displayName,
      });
      await saveSlice(trx, meta, slice, result.roster, request.date, at);
      await repo.updateRequest(trx, request.id, { outcome: "applied", roster_id: meta.id, updated_at: at });
    }
    await view.resolveRequestConflicts(trx, meta.id, request.id, { by: ctx.actor.userId, at, resolution });
    await rosterRepo.updateRoster(trx, meta.id, { conflict_count: await rosterRepo.countOpenConflicts(trx, meta.id), updated_at: at });
    await audit(trx, ctx, {
      action: "arrangement.conflict_resolved",
      subjectType: "arrangement_request",
      subjectId: request.id,
      agencyId: c.agency_id,
      changes: { conflictId: id, rosterId: meta.id, action: body.action, note: body.note, date: request.date, mode: request.mode },
    });
    const employeeUser = await repo.userOfEmployee(trx, request.employee_id);
    await notify(trx, {
      userIds: employeeUser ? [employeeUser] : [],
      agencyId: c.agency_id,
      kind: "arrangement.request_settled",
      params: { requestId: request.id, date: request.date, mode: request.mode, applied: body.action === "override" },
      link: `/arrangement/my-week?week=${meta.week_start}`,
      now: at,
    });
  });
  const after = await view.getConflict(ctx.db, id);
  if (!after) throw notFound("Conflict");
  return presentConflict(
    after,
    { week_start: after.week_start, status: after.roster_status },
    { unit: after.unit_name, employee: after.employee_name },
    langOf(ctx),
  );
}
