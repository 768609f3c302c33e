import { expect } from "vitest";
import type { Client, TestApp } from "../../test/harness.js";
import { todayIn } from "../org/hierarchy.js";
import { addDays, mondayOf } from "./week.js";

/** Shared by the arrangement tests. */

/** Monday of the week after this one (Asia/Jakarta): rosters and requests in tests lie there, never in the past. */
export function nextMonday(weeksAhead = 1): string {
  return addDays(mondayOf(todayIn("Asia/Jakarta")), 7 * weeksAhead);
}

export interface Cell {
  date: string;
  mode: string;
  source: string;
  reasonCode: string;
  reason: string;
}
export interface Row {
  employeeId: string;
  name: string;
  unitId: string;
  factors: string[];
  cells: Cell[];
}

/** Generates a roster and expects it ready (201). */
export async function generate(c: Client, week: string, unitId: string | null) {
  const res = await c.post("/api/v1/arrangement/rosters", { week, unitId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; inputHash: string; dates: string[]; conflictCount: number };
}

export async function grid(c: Client, rosterId: string, query = "") {
  const res = await c.get(`/api/v1/arrangement/rosters/${rosterId}/grid?pageSize=500${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    rows: Row[];
    units: { unitId: string; unitName: string; days: { date: string; office: number; cap: number; capPct: number; headcount: number }[] }[];
    conflicts: { id: string; rule: string; source: string; requestId: string | null; text: string; employeeId: string | null }[];
    total: number;
  };
}

export function rowOf(rows: Row[], employeeId: string): Row {
  const row = rows.find((r) => r.employeeId === employeeId);
  if (!row) throw new Error(`no row for ${employeeId}`);
  return row;
}

/** A policy version body with every default and some overrides. */
export function policyBody(effectiveFrom: string, rules: Record<string, unknown> = {}) {
  return { effectiveFrom, legalBasis: "SE MenPANRB 67/2020", rules };
}

export async function countRows(t: TestApp, table: "audit_events" | "access_log" | "notifications" | "roster_rows" | "rosters"): Promise<number> {
  const r = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
