import type { LightMyRequestResponse } from "fastify";
import type { Client } from "../../../test/harness.js";
import { todayIn } from "../../org/hierarchy.js";
import { shiftDate } from "./dates.js";

/** Today in Jakarta, the zone of the test units. */
export const today = () => todayIn("Asia/Jakarta", new Date());
export const daysAgo = (n: number) => shiftDate(today(), -n);

export const HEALTHY = { temperature: 36.6, symptoms: [], close_contact: { value: false }, test_result: { value: "none" } };
export const FEVER = { ...HEALTHY, temperature: 38.4, symptoms: ["fever", "cough"], note: "sejak semalam" };

let serial = 0;
export const newKey = () => `test-key-${Date.now()}-${++serial}`;

/** POST /me/health with an Idempotency-Key (a fresh one unless given). */
export function submitHealth(c: Client, answers: Record<string, unknown>, opts: { version?: number; key?: string } = {}): Promise<LightMyRequestResponse> {
  return c.request("POST", "/api/v1/me/health", { formVersion: opts.version ?? 1, answers }, { "idempotency-key": opts.key ?? newKey() });
}
