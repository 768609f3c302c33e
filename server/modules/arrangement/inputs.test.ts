import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toJson } from "../../db/dialect.js";
import { newId } from "../../db/ids.js";
import { ENGINES } from "../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../test/harness.js";
import { generate, grid, nextMonday, policyBody, rowOf } from "./test-support.js";
import { addDays } from "./week.js";

/** What a roster is made of: versions in force per day, risk levels, holidays, absences, pinned staff, factors, health. */
describe.each(ENGINES)("roster inputs on %s", (engine) => {
  let t: TestApp;
  let hr: Client;
  let region: { id: string };
  let office: { id: string };
  const people: { id: string; nip: string; positionId: string }[] = [];
  const week = nextMonday(3);
  const now = new Date().toISOString();

  beforeAll(async () => {
    t = await createTestApp(engine);
    const f = t.factory;
    const agency = await f.agency({ name: "Kementerian Masukan" });
    const regional = await f.unit({ agencyId: agency.id, parent: agency.root, name: "Kanwil Timur" });
    const sub = await f.unit({ agencyId: agency.id, parent: regional, name: "Kantor Pelayanan" });
    region = regional;
    office = sub;
    const admin = await f.employee({ agencyId: agency.id, unitId: agency.root.id, name: "Admin", roles: [{ role: "hr_admin" }] });
    hr = await Client.signIn(t.app, admin.nip);
    for (let i = 0; i < 8; i++) people.push(await f.employee({ agencyId: agency.id, unitId: sub.id, name: `Petugas ${i}` }));
  });
  afterAll(() => t.close());

  const write = (rows: { employee_id: string; work_date: string; cleared?: number; mode?: "CUTI" | "DL" | "SAKIT" }[], kind: "checkins" | "health_checks") =>
    Promise.all(
      rows.map(async (r) => {
        const unit = office.id;
        const agency = (await t.database.db.selectFrom("units").select("agency_id").where("id", "=", unit).executeTakeFirstOrThrow()).agency_id;
        if (kind === "checkins") {
          await t.database.db
            .insertInto("checkins")
            .values({
              id: newId(),
              agency_id: agency,
              unit_id: unit,
              employee_id: r.employee_id,
              work_date: r.work_date,
              kind: "in",
              mode: r.mode ?? "CUTI",
              expected_mode: null,
              server_time: now,
              device_time: now,
              lat: null,
              lng: null,
              accuracy_m: null,
              position_error: "unavailable",
              geofence: "unavailable",
              place_id: null,
              place_name: null,
              distance_m: null,
              minutes_off: null,
              coords_purged_at: null,
              note: null,
              created_at: now,
            })
            .execute();
          return;
        }
        const form = newId();
        await t.database.db
          .insertInto("health_forms")
          .values({
            id: form,
            agency_id: agency,
            version: 100 + Math.floor(Math.random() * 1e6),
            questions: toJson([]),
            rule: toJson({}),
            created_by: null,
            created_at: now,
          })
          .execute();
        await t.database.db
          .insertInto("health_checks")
          .values({
            id: newId(),
            agency_id: agency,
            unit_id: unit,
            employee_id: r.employee_id,
            work_date: r.work_date,
            form_id: form,
            answers: null,
            cleared: r.cleared ?? 0,
            reasons: toJson([]),
            answers_purged_at: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }),
    );

  it("takes caps from the version in force each day, risk levels by region, a cap of the unit itself first", async () => {
    const v1 = policyBody("2020-01-01", {
      ageThreshold: 100,
      riskAreas: [{ unitId: region.id, level: 2, startsOn: "2020-01-01", endsOn: null }],
    });
    const v2 = policyBody(addDays(week, 2), {
      ageThreshold: 100,
      riskAreas: [{ unitId: region.id, level: 4, startsOn: addDays(week, 2), endsOn: addDays(week, 3) }],
      caps: [{ unitId: office.id, date: addDays(week, 4), pct: 60 }],
      pinned: [{ employeeId: people[0].id, essential: true }],
      minOnSite: [{ unitId: office.id, count: 3 }],
    });
    for (const body of [v1, v2]) expect((await hr.post("/api/v1/arrangement/policies", body)).statusCode).toBe(201);
    const roster = await generate(hr, week, region.id);
    const g = await grid(hr, roster.id, `&unitId=${office.id}&includeSubunits=false`);
    const days = g.units[0].days;
    expect(days.map((d) => d.capPct)).toEqual([75, 75, 25, 25, 60]);
    expect(days.map((d) => d.cap)).toEqual([6, 6, 2, 2, 4]);
    // Level 4 leaves 2 places while 3 must be on site: reported, never silently broken.
    expect(g.conflicts.filter((c) => c.rule === "cap_below_min_on_site")).toHaveLength(2);
    // The pinned rule comes from the version in force on the week's first day: none yet.
    expect(rowOf(g.rows, people[0].id).cells[0].reasonCode).not.toBe("pinned");
  });

  it("pins essential staff, leaves holidays out, and keeps recorded leave", async () => {
    const v3 = policyBody(addDays(week, 7), { ageThreshold: 100, pinned: [{ positionId: people[1].positionId, essential: true }] });
    expect((await hr.post("/api/v1/arrangement/policies", v3)).statusCode).toBe(201);
    const next = addDays(week, 7);
    await t.database.db
      .insertInto("calendar_days")
      .values({
        id: newId(),
        date: addDays(next, 2),
        kind: "holiday",
        name_id: "Hari Libur Uji",
        name_en: "Test Holiday",
        legal_basis: "SKB",
        dataset: "test",
        created_at: now,
        updated_at: now,
      })
      .execute();
    await write([{ employee_id: people[2].id, work_date: addDays(next, 1), mode: "DL" }], "checkins");
    const roster = await generate(hr, next, office.id);
    expect(roster.dates).toEqual([next, addDays(next, 1), addDays(next, 3), addDays(next, 4)]);
    const g = await grid(hr, roster.id);
    const pinned = rowOf(g.rows, people[1].id);
    expect(pinned.cells.every((c) => c.mode === "WFO" && c.reason === "WFO: tugas esensial, wajib di kantor")).toBe(true);
    expect(rowOf(g.rows, people[2].id).cells[1]).toMatchObject({ mode: "DL", reason: "DL: dinas luar tercatat" });
    await hr.post(`/api/v1/arrangement/rosters/${roster.id}/publish`);
    const sign = await Client.signIn(t.app, people[2].nip);
    const mine = (await sign.get(`/api/v1/me/roster?week=${next}`)).json();
    expect(mine.days[2]).toMatchObject({ workday: false, dayOff: { nameId: "Hari Libur Uji", nameEn: "Test Holiday" }, cell: null });
  });

  it("counts a commute once HR verified it, and a recent not-cleared health check", async () => {
    const later = addDays(week, 14);
    const worker = await Client.signIn(t.app, people[3].nip);
    const declared = await worker.request("PUT", "/api/v1/me/arrangement-factors", { commute: "KRL", comorbidity: false, pregnancy: false, caregiving: false });
    expect(declared.json()).toMatchObject({ commute: { mode: "KRL", verified: false } });
    const v4 = policyBody(later, { ageThreshold: 100, healthLookbackDays: 30, caps: [{ unitId: office.id, pct: 75 }] });
    expect((await hr.post("/api/v1/arrangement/policies", v4)).statusCode).toBe(201);
    // "Recently" is counted back from the week's Monday up to today: a check today counts.
    await write([{ employee_id: people[4].id, work_date: new Date().toISOString().slice(0, 10), cleared: 0 }], "health_checks");
    const before = rowOf((await grid(hr, (await generate(hr, later, office.id)).id)).rows, people[3].id);
    expect(before.factors).toEqual([]);
    const pending = (await hr.get("/api/v1/arrangement/factors")).json();
    expect(pending.items.map((i: { employeeId: string }) => i.employeeId)).toEqual([people[3].id]);
    expect((await hr.post(`/api/v1/arrangement/factors/${people[3].id}/commute-verification`, { verified: true })).statusCode).toBe(200);
    const g = await grid(hr, (await generate(hr, later, office.id)).id);
    expect(rowOf(g.rows, people[3].id).factors).toEqual(["krl"]);
    expect(rowOf(g.rows, people[4].id).factors).toEqual(["healthNotCleared"]);
    const reason = rowOf(g.rows, people[3].id).cells.find((c) => c.mode === "WFH")?.reason;
    expect(reason).toMatch(/^WFH: pengguna KRL, prioritas 2; kuota kantor Kantor Pelayanan \w+ 75 % sudah terpenuhi$/);
    // Declaring another commute waits for HR again.
    const changed = await worker.request("PUT", "/api/v1/me/arrangement-factors", { commute: "MRT", comorbidity: false, pregnancy: false, caregiving: true });
    expect(changed.json()).toMatchObject({ commute: { mode: "MRT", verified: false }, caregiving: true });
  });
});
