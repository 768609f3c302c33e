import { toJson } from "../db/dialect.js";
import { newId } from "../db/ids.js";
import type { Ctx, Db, SystemCtx } from "./context.js";

export interface AuditInput {
  action: string;
  subjectType: string;
  subjectId: string | null;
  agencyId: string | null;
  /** What changed: { field: [before, after] }, or a payload for creations and deletions. */
  changes: Record<string, unknown>;
}

/** Writes an audit event. Call it with the transaction that makes the change. */
export async function audit(trx: Db, ctx: Ctx | SystemCtx, input: AuditInput): Promise<void> {
  await trx
    .insertInto("audit_events")
    .values({
      id: newId(),
      agency_id: input.agencyId,
      actor_user_id: ctx.actor?.userId ?? null,
      action: input.action,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      changes: toJson(redactSecrets(input.changes)),
      ip: ctx.ip,
      request_id: ctx.requestId,
      created_at: ctx.now().toISOString(),
    })
    .execute();
}

const SECRET_KEYS = /password|secret|token|hash/i;

function redactSecrets(changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(changes)) out[k] = SECRET_KEYS.test(k) ? "[redacted]" : v;
  return out;
}

/** Field-by-field difference of two versions of a row: { field: [before, after] }. */
export function diff<T extends object>(before: T, after: Partial<T>, ignore: string[] = ["updated_at"]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    if (ignore.includes(k) || v === undefined) continue;
    const old = (before as Record<string, unknown>)[k];
    if (old !== v) out[k] = [old ?? null, v ?? null];
  }
  return out;
}
