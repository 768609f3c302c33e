import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import { fromJson, toJson } from "../db/dialect.js";
import type { DB } from "../db/schema.js";
import type { Ctx } from "./context.js";
import { AppError } from "./errors.js";

export interface IdempotentResult<T> {
  status: number;
  body: T;
  /** True when the answer is the stored one of an earlier request with the same key. */
  replayed: boolean;
}

const KEY_RE = /^[A-Za-z0-9_.:-]{8,100}$/;

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function bodyHash(body: unknown): string {
  return createHash("sha256").update(stableStringify(body)).digest("hex");
}

/**
 * Runs a state-changing request at most once per (user, Idempotency-Key).
 * The work and the stored answer commit in one transaction, so a retry or an
 * offline replay gets the first answer back; the same key with another body
 * (or for another route) is refused. Without a key the work simply runs.
 */
/** Runs work in a transaction; the default opens one per call, group commit shares one among many. */
export type TransactionRunner = <R>(work: (trx: Transaction<DB>) => Promise<R>) => Promise<R>;

export async function idempotent<T>(
  ctx: Ctx,
  req: { key: string | undefined; method: string; path: string; body: unknown },
  work: (trx: Transaction<DB>) => Promise<{ status: number; body: T }>,
  runInTransaction: TransactionRunner = (w) => ctx.db.transaction().execute(w),
): Promise<IdempotentResult<T>> {
  if (req.key === undefined) {
    const r = await runInTransaction(work);
    return { ...r, replayed: false };
  }
  if (!KEY_RE.test(req.key)) {
    throw new AppError("validation_failed", "Idempotency-Key must be 8-100 characters of letters, digits, _ . : -", {
      errors: [{ path: "headers.idempotency-key", message: "invalid key" }],
    });
  }
  const key = req.key;
  const hash = bodyHash(req.body);
  const stored = async () => {
    const row = await ctx.db.selectFrom("idempotency_keys").selectAll().where("user_id", "=", ctx.actor.userId).where("key", "=", key).executeTakeFirst();
    if (!row) return null;
    if (row.body_hash !== hash || row.path !== req.path || row.method !== req.method) {
      throw new AppError("idempotency_key_reused");
    }
    return { status: row.status_code, body: fromJson<T>(row.response), replayed: true };
  };
  const earlier = await stored();
  if (earlier) return earlier;
  try {
    const r = await runInTransaction(async (trx) => {
      const result = await work(trx);
      await trx
        .insertInto("idempotency_keys")
        .values({
          user_id: ctx.actor.userId,
          key,
          method: req.method,
          path: req.path,
          body_hash: hash,
          status_code: result.status,
          response: toJson(result.body),
          created_at: ctx.now().toISOString(),
        })
        .execute();
      return result;
    });
    return { ...r, replayed: false };
  } catch (err) {
    // A concurrent request with the same key won the race: answer with its result.
    const winner = await stored();
    if (winner) return winner;
    throw err;
  }
}

/** Keys older than this are forgotten by the retention job. */
export const IDEMPOTENCY_KEEP_DAYS = 30;

export async function purgeIdempotencyKeys(ctx: { db: Ctx["db"]; now: () => Date }): Promise<number> {
  const before = new Date(ctx.now().getTime() - IDEMPOTENCY_KEEP_DAYS * 86_400_000).toISOString();
  const r = await ctx.db.deleteFrom("idempotency_keys").where("created_at", "<", before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
