import type { RequestRow } from "./repository.js";
import type { RequestOut } from "./schema.js";

export function presentRequest(r: RequestRow, opts: { canDecide: boolean }): RequestOut {
  return {
    id: r.id,
    employee: { id: r.employee_id, name: r.employee_name },
    unit: { id: r.unit_id, name: r.unit_name },
    date: r.date,
    mode: r.mode,
    reason: r.reason,
    status: r.status,
    outcome: r.outcome,
    rosterId: r.roster_id,
    decidedBy: r.decided_by ? { id: r.decided_by, name: r.decider_name ?? "" } : null,
    decidedAt: r.decided_at,
    comment: r.comment,
    createdAt: r.created_at,
    canDecide: opts.canDecide && r.status === "pending",
  };
}
