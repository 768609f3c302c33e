import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../db/ids.js";
import { ENGINES } from "../../../test/engines.js";
import { type Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { type Agency, buildAgency, DAY, type DayData, MONAS, seedDay, signIn } from "../board/test-support.js";
import { CELLS_PER_DEGREE } from "./repository.js";

describe.each(ENGINES)("monitoring map on %s", (engine) => {
  let t: TestApp;
  let ag: Agency;
  let day: DayData;
  let hr: Client;
  let leader: Client;

  const accessRows = () => t.database.db.selectFrom("access_log").selectAll().where("category", "=", "location").execute();
  const activeIds = () => new Set(ag.staff.filter((p) => p.active).map((p) => p.id));
  const insUnder = (path: string) => {
    const ids = new Set(ag.staff.filter((p) => p.active && p.unit.path.startsWith(path)).map((p) => p.id));
    return day.checkins.filter((c) => c.kind === "in" && ids.has(c.employee_id));
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    ag = await buildAgency(t);
    day = await seedDay(t, ag);
    const now = new Date().toISOString();
    const place = (name: string, status: "approved" | "pending", polygon: string | null) => ({
      id: newId(),
      agency_id: ag.agencyId,
      unit_id: null,
      employee_id: null,
      kind: "office" as const,
      name,
      lat: MONAS.lat,
      lng: MONAS.lng,
      radius_m: polygon ? null : 150,
      polygon,
      status,
      decided_by: null,
      decided_at: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    });
    await t.database.db
      .insertInto("places")
      .values([
        place("Kantor Pusat", "approved", null),
        place(
          "Gedung B",
          "approved",
          JSON.stringify([
            [-6.17, 106.82],
            [-6.17, 106.83],
            [-6.18, 106.83],
          ]),
        ),
        place("Usulan", "pending", null),
      ])
      .execute();
    hr = await signIn(t, ag.hr.nip);
    leader = await signIn(t, ag.leaderA.nip);
  });
  afterAll(async () => t.close());

  it("shows a leader grid clusters with counts by geofence, never a position", async () => {
    const before = (await accessRows()).length;
    const res = await leader.get(`/api/v1/monitoring/map?date=${DAY}`);
    expect(res.statusCode).toBe(200);
    const map = res.json();
    expect(map.exact).toBe(false);
    expect(map.points).toBeUndefined();
    const ins = insUnder(ag.A.path);
    const withFix = ins.filter((c) => c.lat !== null);
    expect(map.clusters.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(withFix.length);
    const byFence: Record<string, number> = {};
    for (const c of ins) byFence[c.geofence] = (byFence[c.geofence] ?? 0) + 1;
    expect(map.totals.byGeofence).toEqual(byFence);
    for (const cluster of map.clusters) {
      // The centre of a cell, not anyone's position.
      const cy = (cluster.lat + 90) * CELLS_PER_DEGREE;
      expect(Math.abs(cy - Math.floor(cy) - 0.5)).toBeLessThan(0.01);
      expect(withFix.some((c) => c.lat === cluster.lat && c.lng === cluster.lng)).toBe(false);
      expect(Object.values(cluster.byGeofence as Record<string, number>).reduce((s, n) => s + n, 0)).toBe(cluster.count);
    }
    const body = JSON.stringify(map);
    for (const c of withFix) expect(body).not.toContain(String(c.lat));
    expect((await accessRows()).length).toBe(before);
  });

  it("shows HR in scope the exact points and logs each read in the access log", async () => {
    const before = (await accessRows()).length;
    const map = (await hr.get(`/api/v1/monitoring/map?unitId=${ag.root.id}&date=${DAY}`)).json();
    expect(map.exact).toBe(true);
    const withFix = insUnder(ag.root.path).filter((c) => c.lat !== null);
    expect(map.points).toHaveLength(withFix.length);
    for (const c of withFix) {
      const p = map.points.find((x: { employeeId: string }) => x.employeeId === c.employee_id);
      expect(p).toMatchObject({ lat: c.lat, lng: c.lng, geofence: c.geofence, mode: c.mode });
      expect(new Date(p.at).toISOString()).toBe(c.server_time);
    }
    const logged = (await accessRows()).slice(before);
    const subjects = withFix.map((c) => c.employee_id).filter((id) => id !== ag.hr.id);
    expect(logged.map((r) => r.subject_employee_id).sort()).toEqual([...subjects].sort());
    expect(new Set(logged.map((r) => r.request_id)).size).toBe(1);
    expect(logged.every((r) => r.agency_id === ag.agencyId)).toBe(true);
    // A second read is logged again.
    await hr.get(`/api/v1/monitoring/map?unitId=${ag.A1.id}&date=${DAY}`);
    expect((await accessRows()).length).toBeGreaterThan(before + logged.length);
    expect(activeIds().size).toBeGreaterThan(0);
  });

  it("outlines the agency's approved offices for every viewer", async () => {
    const map = (await leader.get(`/api/v1/monitoring/map?date=${DAY}`)).json();
    expect(map.places.map((p: { name: string }) => p.name)).toEqual(["Gedung B", "Kantor Pusat"]);
    expect(map.places[1]).toMatchObject({ kind: "office", lat: MONAS.lat, lng: MONAS.lng, radiusM: 150, polygon: null });
    expect(map.places[0].polygon).toHaveLength(3);
  });

  it("has no clusters on a day without check-ins", async () => {
    const map = (await hr.get(`/api/v1/monitoring/map?unitId=${ag.root.id}&date=2026-01-05`)).json();
    expect(map).toMatchObject({ exact: true, points: [], clusters: [], totals: { byGeofence: {} } });
  });
});
