import type { z } from "zod";
import { newId } from "../../../db/ids.js";
import type { RequestStatus } from "../../../db/schema-arrangement.js";
import { scopeOf } from "../../../platform/actor.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, invalid, notFound } from "../../../platform/errors.js";
import { notify } from "../../../platform/notifications.js";
import { loadCalendar } from "../../logbook/calendar/workdays.js";
import { loadSelf, loadSubject } from "../../logbook/subject.js";
import { directReportIds, loadSnapshot, todayIn } from "../../org/hierarchy.js";
import { agencyOf, authorize, orgPolicy } from "../../org/policies.js";
import { getAgency } from "../../org/repository.js";
import { arrangementPolicy, ROSTER_READERS } from "../policies.js";
import { addDays } from "../week.js";
import { presentRequest } from "./presenter.js";
import * as repo from "./repository.js";
import type { RequestCreate, RequestListQuery } from "./schema.js";

/** How far ahead a request may be made. */
export const REQUEST_HORIZON_DAYS = 180;

/**
 * The signed-in person asks to work from home or at the office on a workday
 * from today on. Their supervisor of the day (an acting official included) is
 * notified; one open request per day.
 */
export async function createOwnRequest(ctx: Ctx, input: RequestCreate) {
  const s = await loadSelf(ctx);
  authorize(arrangementPolicy.request(ctx.actor, s.target));
  if (input.date < s.today) throw invalid([{ path: "body.date", message: "the date has passed" }]);
  if (input.date > addDays(s.today, REQUEST_HORIZON_DAYS)) throw invalid([{ path: "body.date", message: `at most ${REQUEST_HORIZON_DAYS} days ahead` }]);
  const calendar = await loadCalendar(ctx.db, input.date, input.date);
  if (!calendar.isWorkday(input.date)) throw invalid([{ path: "body.date", message: "not a workday" }]);
  if (await repo.openRequestOn(ctx.db, s.employee.id, input.date)) throw conflict("You already have an open request for that day");
  const supervisorId = s.target.supervisorId;
  if (!supervisorId) throw conflict("You have no supervisor to decide a request");
  const supervisorUser = await repo.userOfEmployee(ctx.db, supervisorId);
  const now = ctx.now().toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertRequest(trx, {
      id,
      agency_id: s.employee.agency_id,
      unit_id: s.employee.unit_id,
      employee_id: s.employee.id,
      date: input.date,
      mode: input.mode,
      reason: input.reason,
      status: "pending",
      outcome: null,
      roster_id: null,
      decided_by: null,
      decided_at: null,
      comment: null,
      created_at: now,
      updated_at: now,
    });
    await audit(trx, ctx, {
      action: "arrangement.request_created",
      subjectType: "arrangement_request",
      subjectId: id,
      agencyId: s.employee.agency_id,
      changes: { employeeId: s.employee.id, date: input.date, mode: input.mode, reason: input.reason },
    });
    await notify(trx, {
      userIds: supervisorUser ? [supervisorUser] : [],
      agencyId: s.employee.agency_id,
      kind: "arrangement.request_submitted",
      params: { requestId: id, employeeName: s.employee.name, date: input.date, mode: input.mode },
      link: "/arrangement/requests",
      now,
    });
  });
  const row = await repo.getRequest(ctx.db, id);
  if (!row) throw notFound("Request");
  return presentRequest(row, { canDecide: false });
}

export async function listOwnRequests(ctx: Ctx, status?: RequestStatus) {
  const s = await loadSelf(ctx);
  return { items: (await repo.listOwn(ctx.db, s.employee.id, status)).map((r) => presentRequest(r, { canDecide: false })) };
}

/** Withdraws one's own pending request. */
export async function cancelOwnRequest(ctx: Ctx, id: string) {
  const r = await repo.getRequest(ctx.db, id);
  if (!r || r.employee_id !== ctx.actor.employeeId) throw notFound("Request");
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updatePending(trx, id, { status: "cancelled", updated_at: now }))) throw conflict("Only a pending request is withdrawn");
    await audit(trx, ctx, { action: "arrangement.request_cancelled", subjectType: "arrangement_request", subjectId: id, agencyId: r.agency_id, changes: {} });
  });
  const after = await repo.getRequest(ctx.db, id);
  if (!after) throw notFound("Request");
  return presentRequest(after, { canDecide: false });
}

/** The people a viewer supervises today (acting officials included). */
export async function reportsOf(ctx: Ctx, agencyId: string): Promise<string[]> {
  if (!ctx.actor.employeeId || ctx.actor.agencyId !== agencyId) return [];
  const agency = await getAgency(ctx.db, agencyId);
  const today = todayIn(agency?.timezone ?? "Asia/Jakarta", ctx.now());
  return directReportIds(ctx.db, await loadSnapshot(ctx.db, agencyId, today), ctx.actor.employeeId);
}

/** Requests the viewer may see: their reports' (which they decide) and, for HR admins and leaders, their scope's. */
export async function listRequests(ctx: Ctx, q: z.infer<typeof RequestListQuery>) {
  const agencyId = agencyOf(ctx.actor, q.agencyId);
  const reports = await reportsOf(ctx, agencyId);
  const scope = scopeOf(ctx.actor, ROSTER_READERS);
  const overseer = scope.agencyIds.includes(agencyId) || scope.unitPaths.some((u) => u.agencyId === agencyId);
  authorize(overseer || reports.length > 0, "Only supervisors, leaders and HR admins see others' requests");
  const { rows, total } = await repo.listVisible(ctx.db, { agencyId, scope, reports, ...q });
  const mine = new Set(reports);
  return { items: rows.map((r) => presentRequest(r, { canDecide: mine.has(r.employee_id) })), total, page: q.page, pageSize: q.pageSize };
}

export async function getRequest(ctx: Ctx, id: string) {
  const r = await repo.getRequest(ctx.db, id);
  if (!r || !orgPolicy.viewStructure(ctx.actor, r.agency_id)) throw notFound("Request");
  const s = await loadSubject(ctx, r.employee_id);
  authorize(arrangementPolicy.viewRequest(ctx.actor, s.target));
  return presentRequest(r, { canDecide: arrangementPolicy.decideRequest(ctx.actor, s.target) });
}
