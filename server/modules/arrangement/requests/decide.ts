import type { z } from "zod";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, notFound } from "../../../platform/errors.js";
import { notify } from "../../../platform/notifications.js";
import { loadSubject, usersWithRoleOver } from "../../logbook/subject.js";
import { authorize, orgPolicy } from "../../org/policies.js";
import type { Conflict } from "../engine/index.js";
import { arrangementPolicy } from "../policies.js";
import { type ApplyResult, applyToRoster, publishedRosterOf } from "../roster/apply-request.js";
import { langOf } from "../roster/load.js";
import { presentConflictText } from "../roster/presenter.js";
import * as rosterRepo from "../roster/repository.js";
import { mondayOf } from "../week.js";
import { presentRequest } from "./presenter.js";
import * as repo from "./repository.js";
import type { Decision, DecisionOut } from "./schema.js";

/**
 * The supervisor of the day (an acting official included) approves or
 * declines. An approved request changes the published roster of its week when
 * the caps, minimum on site and pinned rule allow; otherwise it stays as open
 * conflicts for HR, who are told. Without a published roster yet it waits for
 * the week's roster (generation and publication take it in).
 */
export async function decideRequest(ctx: Ctx, id: string, body: z.infer<typeof Decision>): Promise<z.infer<typeof DecisionOut>> {
  const r = await repo.getRequest(ctx.db, id);
  if (!r || !orgPolicy.viewStructure(ctx.actor, r.agency_id)) throw notFound("Request");
  const s = await loadSubject(ctx, r.employee_id);
  authorize(arrangementPolicy.decideRequest(ctx.actor, s.target), "Only the employee's supervisor decides the request");
  if (r.status !== "pending") throw conflict(`The request is already ${r.status}`);
  if (body.decision === "approve" && r.date < s.today) throw conflict("The day has passed; decline the request instead");
  const at = ctx.now().toISOString();
  const approve = body.decision === "approve";
  const employeeUser = await repo.userOfEmployee(ctx.db, r.employee_id);
  const result = await ctx.db.transaction().execute(async (trx): Promise<ApplyResult> => {
    const decided = await repo.updatePending(trx, id, {
      status: approve ? "approved" : "declined",
      decided_by: ctx.actor.employeeId,
      decided_at: at,
      comment: body.comment,
      updated_at: at,
    });
    if (!decided) throw conflict("The request was decided meanwhile");
    let applied: ApplyResult = { outcome: "awaiting_roster", rosterId: null, conflicts: [] };
    if (approve) {
      const inForce = await publishedRosterOf(trx, r.employee_id, mondayOf(r.date));
      const meta = inForce ? await rosterRepo.lockRoster(trx, ctx.engine, inForce.id) : undefined;
      if (meta?.status === "published") applied = await applyToRoster(trx, ctx.engine, meta, r, at);
      await repo.updateRequest(trx, id, { outcome: applied.outcome, roster_id: applied.rosterId });
    }
    await audit(trx, ctx, {
      action: approve ? "arrangement.request_approved" : "arrangement.request_declined",
      subjectType: "arrangement_request",
      subjectId: id,
      agencyId: r.agency_id,
      changes: {
        status: ["pending", approve ? "approved" : "declined"],
        comment: body.comment,
        ...(approve ? { outcome: applied.outcome, rosterId: applied.rosterId } : {}),
      },
    });
    await notify(trx, {
      userIds: employeeUser ? [employeeUser] : [],
      agencyId: r.agency_id,
      kind: "arrangement.request_decided",
      params: { requestId: id, date: r.date, mode: r.mode, decision: body.decision, outcome: approve ? applied.outcome : null, comment: body.comment },
      link: "/arrangement/my-requests",
      now: at,
    });
    if (applied.outcome === "conflict") {
      const hr = await usersWithRoleOver(trx, "hr_admin", r.agency_id, r.unit_path);
      await notify(trx, {
        userIds: hr.filter((u) => u !== ctx.actor.userId),
        agencyId: r.agency_id,
        kind: "arrangement.request_conflict",
        params: { requestId: id, employeeName: r.employee_name, date: r.date, mode: r.mode, rules: applied.conflicts.map((c) => c.rule) },
        link: "/arrangement/conflicts",
        now: at,
      });
    }
    return applied;
  });
  const after = await repo.getRequest(ctx.db, id);
  if (!after) throw notFound("Request");
  const lang = langOf(ctx);
  return {
    ...presentRequest(after, { canDecide: false }),
    conflicts: result.conflicts.map((c: Conflict) =>
      presentConflictText(c, { unit: after.unit_name, employee: c.employeeId === after.employee_id ? after.employee_name : null }, lang),
    ),
  };
}
