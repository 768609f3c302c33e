import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { Checkin, DailyReport, Geofence, HealthCheck, WorkMode } from "../../../db/schema-logbook.js";
import { Client, type TestApp } from "../../../test/harness.js";

/** Shared by the board, export, map and live tests: a small agency with one day of logbook data. */

export const DAY = "2026-12-03";
export const MONAS = { lat: -6.1754, lng: 106.8272 };

type Unit = { id: string; path: string; depth: number; name: string };
export interface Person {
  id: string;
  nip: string;
  name: string;
  unit: Unit;
  active: boolean;
}

/**
 *   root ── A ── A1
 *        └── B
 * with staff in every unit (one inactive in A), an HR admin and a health
 * officer over the agency and a leader over A.
 */
export async function buildAgency(t: TestApp) {
  const f = t.factory;
  const ag = await f.agency({ name: "Instansi Papan" });
  const root = { ...ag.root };
  const A = await f.unit({ agencyId: ag.id, parent: root, name: "Bidang A" });
  const A1 = await f.unit({ agencyId: ag.id, parent: A, name: "Subbidang A1" });
  const B = await f.unit({ agencyId: ag.id, parent: root, name: "Bidang B" });
  const staff: Person[] = [];
  const add = async (unit: Unit, n: number, status: "active" | "inactive" = "active") => {
    for (let i = 0; i < n; i++) {
      const name = `${unit.name} Pegawai ${staff.length + 1}`;
      const e = await f.employee({ agencyId: ag.id, unitId: unit.id, name, status });
      staff.push({ id: e.id, nip: e.nip, name, unit, active: status === "active" });
    }
  };
  await add(root, 3);
  await add(A, 4);
  await add(A, 1, "inactive");
  await add(A1, 5);
  await add(B, 4);
  const hr = await f.employee({ agencyId: ag.id, unitId: root.id, name: "HR Papan", roles: [{ role: "hr_admin" }] });
  const health = await f.employee({ agencyId: ag.id, unitId: root.id, name: "Kesehatan Papan", roles: [{ role: "health_officer" }] });
  const leaderA = await f.employee({ agencyId: ag.id, unitId: A.id, name: "Pimpinan A", roles: [{ role: "leader", unitId: A.id }] });
  for (const [e, unit, name] of [
    [hr, root, "HR Papan"],
    [health, root, "Kesehatan Papan"],
    [leaderA, A, "Pimpinan A"],
  ] as const) {
    staff.push({ id: e.id, nip: e.nip, name, unit, active: true });
  }
  return { agencyId: ag.id, root, A, A1, B, staff, hr, health, leaderA };
}

export type Agency = Awaited<ReturnType<typeof buildAgency>>;

export async function signIn(t: TestApp, nip: string): Promise<Client> {
  return Client.signIn(t.app, nip);
}

/** A tiny deterministic generator, so a failure can be reproduced. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const MODES: WorkMode[] = ["WFO", "WFH", "DL", "CUTI", "SAKIT"];
const FENCES: Geofence[] = ["office", "home", "other_place", "outside", "unavailable"];
const STATES: DailyReport["status"][] = ["draft", "submitted", "returned", "approved"];

export interface DayData {
  checkins: Checkin[];
  health: HealthCheck[];
  reports: DailyReport[];
}

/** Check-ins (some late, some out again, some off the roster), health checks and reports of a day, for most of the staff. */
export async function seedDay(t: TestApp, ag: Agency, date = DAY, seed = 7): Promise<DayData> {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const now = new Date().toISOString();
  const formId = newId();
  await t.database.db
    .insertInto("health_forms")
    .values({ id: formId, agency_id: ag.agencyId, version: seed, questions: toJson([]), rule: toJson({}), created_by: null, created_at: now })
    .execute();
  const out: DayData = { checkins: [], health: [], reports: [] };
  for (const [i, p] of ag.staff.entries()) {
    const base = { agency_id: ag.agencyId, unit_id: p.unit.id, employee_id: p.id, work_date: date };
    if (next() < 0.75) {
      const mode = pick(MODES);
      const fence = mode === "WFO" ? pick(["office", "office", "outside"] as const) : pick(FENCES);
      const hasFix = fence !== "unavailable";
      const row: Checkin = {
        ...base,
        id: newId(),
        kind: "in",
        mode,
        expected_mode: next() < 0.25 ? null : next() < 0.6 ? mode : pick(MODES),
        server_time: `${date}T0${1 + (i % 3)}:${String(10 + i).padStart(2, "0")}:00.000Z`,
        device_time: null,
        lat: hasFix ? MONAS.lat + (next() - 0.5) * 0.05 : null,
        lng: hasFix ? MONAS.lng + (next() - 0.5) * 0.05 : null,
        accuracy_m: hasFix ? 20 : null,
        position_error: hasFix ? null : "denied",
        geofence: fence,
        place_id: null,
        place_name: null,
        distance_m: null,
        minutes_off: next() < 0.3 ? Math.ceil(next() * 60) : 0,
        coords_purged_at: null,
        note: null,
        created_at: now,
      };
      out.checkins.push(row);
      if (next() < 0.4) {
        out.checkins.push({ ...row, id: newId(), kind: "out", server_time: `${date}T10:00:00.000Z`, minutes_off: 0 });
      }
    }
    if (next() < 0.7) {
      out.health.push({
        ...base,
        id: newId(),
        form_id: formId,
        answers: toJson({}),
        cleared: next() < 0.7 ? 1 : 0,
        reasons: toJson([]),
        answers_purged_at: null,
        created_at: now,
        updated_at: now,
      });
    }
    if (next() < 0.8) {
      out.reports.push({
        ...base,
        id: newId(),
        status: pick(STATES),
        deadline_at: `${date}T16:00:00.000Z`,
        submitted_at: null,
        reviewed_at: null,
        reviewer_employee_id: null,
        review_comment: null,
        revision: 0,
        created_at: now,
        updated_at: now,
      });
    }
  }
  const db = t.database.db;
  if (out.checkins.length) await db.insertInto("checkins").values(out.checkins).execute();
  if (out.health.length) {
    await db
      .insertInto("health_checks")
      .values(out.health.map((h) => ({ ...h, answers: toJson({}), reasons: toJson([]) })))
      .execute();
  }
  if (out.reports.length) await db.insertInto("daily_reports").values(out.reports).execute();
  return out;
}
