import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../test/harness.js";
import { checkinBody, clockAt, HOME_JKT, MONAS, postCheckin, realClock } from "../logbook/checkin/test-support.js";
import { generate, nextMonday } from "./test-support.js";

/** The logbook expects the published roster's mode; a rostered office day checked in at home is a mismatch the supervisor sees. */
describe.each(ENGINES)("expected mode from the published roster on %s", (engine) => {
  let t: TestApp;
  let hr: Client;
  let head: Client;
  let worker: { id: string; client: Client };
  let colleague: { id: string; client: Client };
  let elsewhere: { id: string; client: Client };
  const week = nextMonday();

  beforeAll(async () => {
    t = await createTestApp(engine);
    const f = t.factory;
    const agency = await f.agency({ name: "Kementerian Uji" });
    const unit = await f.unit({ agencyId: agency.id, parent: agency.root, name: "Biro Umum" });
    const other = await f.unit({ agencyId: agency.id, parent: agency.root, name: "Biro Lain" });
    const hrRow = await f.employee({ agencyId: agency.id, unitId: agency.root.id, name: "Admin SDM", roles: [{ role: "hr_admin" }] });
    const headRow = await f.employee({ agencyId: agency.id, unitId: unit.id, head: true, name: "Kepala Biro" });
    const sign = async (nip: string) => Client.signIn(t.app, nip);
    hr = await sign(hrRow.nip);
    head = await sign(headRow.nip);
    const a = await f.employee({ agencyId: agency.id, unitId: unit.id, name: "Pegawai Rumah" });
    const b = await f.employee({ agencyId: agency.id, unitId: unit.id, name: "Pegawai Kantor" });
    const c = await f.employee({ agencyId: agency.id, unitId: other.id, name: "Pegawai Lain" });
    worker = { id: a.id, client: await sign(a.nip) };
    colleague = { id: b.id, client: await sign(b.nip) };
    elsewhere = { id: c.id, client: await sign(c.nip) };
    expect((await hr.post("/api/v1/places", { name: "Kantor Pusat", unitId: null, shape: { type: "circle", ...MONAS, radiusM: 150 } })).statusCode).toBe(201);
    const home = await worker.client.post("/api/v1/me/places", { kind: "home", name: "Rumah", shape: { type: "circle", ...HOME_JKT, radiusM: 80 } });
    expect((await hr.post(`/api/v1/places/${home.json().id}/decision`, { decision: "approve" })).statusCode).toBe(200);
    // No cap: everyone of the unit is rostered in the office.
    const roster = await generate(hr, week, unit.id);
    expect((await hr.post(`/api/v1/arrangement/rosters/${roster.id}/publish`)).statusCode).toBe(200);
  });
  afterEach(() => realClock());
  afterAll(() => t.close());

  it("stores the rostered mode on the check-in and flags a rostered office day checked in at home", async () => {
    clockAt(week, "07:25");
    const today = await worker.client.get("/api/v1/me/today");
    expect(today.json().expectedMode).toBe("WFO");
    const res = await postCheckin(worker.client, checkinBody({ mode: "WFH", position: { ...HOME_JKT, accuracy: 15 } }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ mode: "WFH", expectedMode: "WFO", geofence: "home", mismatch: true });
    const atOffice = await postCheckin(colleague.client, checkinBody({ mode: "WFO", position: { ...MONAS, accuracy: 15 } }));
    expect(atOffice.json()).toMatchObject({ expectedMode: "WFO", geofence: "office", mismatch: false });
  });

  it("shows the mismatch to the supervisor", async () => {
    const res = await head.get(`/api/v1/employees/${worker.id}/checkins?from=${week}&to=${week}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toMatchObject([{ kind: "in", mode: "WFH", expectedMode: "WFO", mismatch: true, geofence: "home" }]);
  });

  it("expects nothing without a published roster", async () => {
    clockAt(week, "07:40");
    const res = await postCheckin(elsewhere.client, checkinBody({ mode: "WFH", position: null, positionError: "timeout" }));
    expect(res.json()).toMatchObject({ expectedMode: null, mismatch: false });
  });
});
