import { vi } from "vitest";
import { Client, type TestApp } from "../../../test/harness.js";
import { zonedInstant } from "../calendar/workdays.js";

/** Shared by the check-in, places and calendar tests. */

export const MONAS = { lat: -6.1754, lng: 106.8272 };
export const HOME_JKT = { lat: -6.2615, lng: 106.8106 };

/** Sets the clock (Date only, timers stay real) to a wall-clock time in a zone. */
export function clockAt(date: string, hhmm: string, timezone = "Asia/Jakarta"): Date {
  const instant = zonedInstant(date, hhmm, timezone);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(instant);
  return instant;
}

export function realClock(): void {
  vi.useRealTimers();
}

/** A point `metres` north of `p` (good enough for tests: 1° of latitude ≈ 111.2 km). */
export function north(p: { lat: number; lng: number }, metres: number) {
  return { lat: p.lat + metres / 111_195, lng: p.lng };
}

export function checkinBody(over: Record<string, unknown> = {}) {
  return {
    kind: "in",
    mode: "WFO",
    position: { ...MONAS, accuracy: 15 },
    deviceTime: new Date().toISOString(),
    ...over,
  };
}

let keySerial = 0;
export function newKey(): string {
  keySerial += 1;
  return `test-key-${Date.now().toString(36)}-${keySerial}`;
}

export function postCheckin(c: Client, body: unknown, key?: string) {
  return c.request("POST", "/api/v1/me/checkins", body, key ? { "idempotency-key": key } : {});
}

/** An employee of a unit, signed in. */
export async function staffOf(t: TestApp, agencyId: string, unitId: string, name?: string) {
  const e = await t.factory.employee({ agencyId, unitId, name });
  return { ...e, client: await Client.signIn(t.app, e.nip) };
}

export async function countRows(t: TestApp, table: "checkins" | "places" | "idempotency_keys" | "calendar_days" | "calendar_periods"): Promise<number> {
  const r = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
