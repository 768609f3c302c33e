import { z } from "zod";

/** The optional Idempotency-Key header of a submission (the offline outbox always sends one). */
export const IdempotencyHeaders = z.object({ "idempotency-key": z.string().optional() });

/** The Idempotency-Key of a submission and the path its answer is stored under. */
export function idempotencyOf(req: { headers: { "idempotency-key"?: string }; url: string }) {
  return { key: req.headers["idempotency-key"], path: req.url.split("?")[0] };
}
