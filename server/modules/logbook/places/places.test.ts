import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromJson } from "../../../db/dialect.js";
import { ENGINES } from "../../../test/engines.js";
import { type Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { ACTORS, type ActorName, buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";
import { countRows, HOME_JKT, MONAS, newKey } from "../checkin/test-support.js";
import { placesThatApply } from "./applicable.js";

const circle = (p = MONAS, radiusM = 120) => ({ type: "circle", ...p, radiusM });
const home = (name = "Rumah") => ({ kind: "home", name, shape: circle(HOME_JKT, 60) });

describe.each(ENGINES)("places on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let c: Record<ActorName, Client>;
  type Expect = Record<ActorName, number>;
  const row = (o: Partial<Expect> & { default: number }): Expect => Object.fromEntries(ACTORS.map((a) => [a, o[a] ?? o.default])) as Expect;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    c = await signInAll(t, w);
  });
  afterAll(() => t.close());

  const auditOf = (id: string) =>
    t.database.db.selectFrom("audit_events").selectAll().where("subject_id", "=", id).orderBy("created_at").orderBy("id").execute();
  const locationReads = () =>
    t.database.db.selectFrom("access_log").selectAll().where("category", "=", "location").where("subject_employee_id", "=", w.e1.id).execute();

  it("creates offices only as HR in scope of the unit (agency-wide offices: agency-wide HR)", async () => {
    const forX1 = row({ default: 403, hr: 201, hrOtherAgency: 400, outsider: 401 });
    const agencyWide = row({ default: 403, hr: 201, hrOtherAgency: 201, outsider: 401 });
    for (const a of ACTORS) {
      const unit = await c[a].post("/api/v1/places", { name: `Gedung ${a}`, unitId: w.X1.id, shape: circle() });
      expect(unit.statusCode, a).toBe(forX1[a]);
      const wide = await c[a].post("/api/v1/places", { name: `Kantor ${a}`, unitId: null, shape: circle() });
      expect(wide.statusCode, a).toBe(agencyWide[a]);
    }
    // HR of unit Y manages Y's offices; agency B's HR created one in its own agency.
    expect((await c.hrScoped.post("/api/v1/places", { name: "Gedung Y", unitId: w.Y.id, shape: circle() })).statusCode).toBe(201);
    const mine = (await c.hrOtherAgency.get("/api/v1/places")).json() as { agencyId: string }[];
    expect(mine.every((p) => p.agencyId === w.B.id)).toBe(true);
  });

  it("audits office changes and lists offices by unit", async () => {
    const created = await c.hr.post("/api/v1/places", {
      name: "Gedung Polygon",
      unitId: w.X.id,
      shape: {
        type: "polygon",
        points: [
          [-6.176, 106.826],
          [-6.176, 106.828],
          [-6.174, 106.828],
          [-6.174, 106.826],
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ kind: "office", status: "approved", unitId: w.X.id, shape: { type: "polygon" }, coordinatesHidden: false });
    expect((await c.employee.get(`/api/v1/places?unitId=${w.X.id}`)).json().map((p: { id: string }) => p.id)).toContain(id);
    const moved = await c.hr.patch(`/api/v1/places/${id}`, { name: "Gedung Utama", shape: circle(MONAS, 300) });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ name: "Gedung Utama", shape: { type: "circle", radiusM: 300 } });
    expect((await c.hrScoped.patch(`/api/v1/places/${id}`, { name: "Diambil" })).statusCode).toBe(403);
    expect((await c.hrOtherAgency.patch(`/api/v1/places/${id}`, { name: "Diambil" })).statusCode).toBe(404);
    expect((await c.employee.del(`/api/v1/places/${id}`)).statusCode).toBe(403);
    expect((await c.hr.del(`/api/v1/places/${id}`)).statusCode).toBe(204);
    const actions = (await auditOf(id)).map((e) => e.action);
    expect(actions).toEqual(["place.office_created", "place.office_updated", "place.office_deleted"]);
    const update = fromJson<Record<string, unknown>>((await auditOf(id))[1].changes);
    expect(update).toMatchObject({ name: ["Gedung Polygon", "Gedung Utama"] });
  });

  it("refuses bad places with problem+json and writes nothing", async () => {
    const before = await countRows(t, "places");
    const cases: [string, Record<string, unknown>][] = [
      ["/api/v1/places", { name: "Kecil", unitId: null, shape: circle(MONAS, 5) }],
      ["/api/v1/places", { name: "Besar", unitId: null, shape: circle(MONAS, 5001) }],
      [
        "/api/v1/places",
        {
          name: "Garis",
          unitId: null,
          shape: {
            type: "polygon",
            points: [
              [-6.1, 106.8],
              [-6.2, 106.9],
            ],
          },
        },
      ],
      [
        "/api/v1/places",
        {
          name: "Luas",
          unitId: null,
          shape: {
            type: "polygon",
            points: [
              [-6.1, 106.8],
              [-6.5, 106.8],
              [-6.3, 107.1],
            ],
          },
        },
      ],
      ["/api/v1/places", { name: "Mustahil", unitId: null, shape: { type: "circle", lat: 95, lng: 106.8, radiusM: 100 } }],
      ["/api/v1/places", { name: "Unit asing", unitId: w.B.root.id, shape: circle() }],
      ["/api/v1/places", { name: "", unitId: null, shape: circle() }],
      ["/api/v1/me/places", { kind: "office", name: "Kantor sendiri", shape: circle() }],
    ];
    for (const [url, body] of cases) {
      const res = await c.hr.post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers["content-type"]).toMatch(/problem\+json/);
      expect(res.json().code).toBe("validation_failed");
    }
    expect(await countRows(t, "places")).toBe(before);
  });

  it("lets a person propose places; HR in scope decides, never on their own", async () => {
    const proposed = await c.employee.request("POST", "/api/v1/me/places", home("Rumah Bekasi"), { "idempotency-key": newKey() });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json()).toMatchObject({ kind: "home", status: "pending", employeeId: w.e1.id, shape: { type: "circle" } });
    const id = proposed.json().id;
    const decide = row({ default: 403, hr: 200, hrOtherAgency: 404, outsider: 401 });
    for (const a of ACTORS) {
      if (a === "hr") continue;
      const res = await c[a].post(`/api/v1/places/${id}/decision`, { decision: "approve" });
      expect(res.statusCode, a).toBe(decide[a]);
    }
    const approved = await c.hr.post(`/api/v1/places/${id}/decision`, { decision: "approve", comment: "Sesuai KTP" });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe("approved");
    expect((await c.hr.post(`/api/v1/places/${id}/decision`, { decision: "approve" })).statusCode).toBe(409);
    expect((await c.hr.post(`/api/v1/places/${id}/decision`, { decision: "maybe" })).statusCode).toBe(400);
    // Moving the place sends it back to HR.
    const moved = await c.employee.patch(`/api/v1/places/${id}`, { shape: circle({ lat: -6.24, lng: 106.99 }, 50) });
    expect(moved.json().status).toBe("pending");
    expect((await auditOf(id)).map((e) => e.action)).toEqual(["place.proposed", "place.approved", "place.updated"]);
    const trail = JSON.stringify((await auditOf(id)).map((e) => fromJson(e.changes)));
    expect(trail).not.toContain(String(HOME_JKT.lat));
    // HR's own home goes to another HR: the agency-wide admin cannot approve it.
    const hrHome = await c.hr.post("/api/v1/me/places", home("Rumah Admin"));
    expect(hrHome.json().status).toBe("pending");
    expect((await c.hr.post(`/api/v1/places/${hrHome.json().id}/decision`, { decision: "approve" })).statusCode).toBe(403);
  });

  it("registers a place for someone only as the person or HR in scope (HR's is approved at once)", async () => {
    const expected = row({ default: 403, employee: 201, hr: 201, hrOtherAgency: 404, outsider: 401 });
    for (const a of ACTORS) {
      const res = await c[a].post(`/api/v1/employees/${w.e1.id}/places`, { kind: "other", name: `Tempat ${a}`, shape: circle(HOME_JKT, 40) });
      expect(res.statusCode, a).toBe(expected[a]);
      if (res.statusCode === 201) expect(res.json().status, a).toBe(a === "hr" ? "approved" : "pending");
    }
  });

  it("shows where someone's places are only to them and HR in scope, logging HR's reads", async () => {
    const expected = row({ default: 403, employee: 200, supervisor: 200, leader: 200, health: 200, hr: 200, hrOtherAgency: 404, outsider: 401 });
    for (const a of ACTORS) {
      const before = (await locationReads()).length;
      const res = await c[a].get(`/api/v1/employees/${w.e1.id}/places`);
      expect(res.statusCode, a).toBe(expected[a]);
      const logged = (await locationReads()).length - before;
      if (res.statusCode !== 200) continue;
      const places = res.json() as { shape: unknown; coordinatesHidden: boolean }[];
      expect(places.length, a).toBeGreaterThan(0);
      const sees = a === "employee" || a === "hr";
      expect(
        places.every((p) => (p.shape !== null) === sees && p.coordinatesHidden === !sees),
        a,
      ).toBe(true);
      expect(logged, a).toBe(a === "hr" ? 1 : 0);
    }
  });

  it("gives HR a queue of proposals in scope, each person's read logged", async () => {
    const before = (await locationReads()).length;
    const queue = await c.hr.get("/api/v1/place-proposals");
    expect(queue.statusCode).toBe(200);
    const items = queue.json() as { employee: { id: string }; shape: unknown }[];
    expect(items.some((i) => i.employee.id === w.e1.id && i.shape !== null)).toBe(true);
    expect((await locationReads()).length).toBe(before + 1);
    expect(((await c.hrScoped.get("/api/v1/place-proposals")).json() as unknown[]).length).toBe(0);
    expect((await c.employee.get("/api/v1/place-proposals")).statusCode).toBe(403);
  });

  it("replays a proposal with the same key and refuses the key for another body", async () => {
    const key = newKey();
    const before = await countRows(t, "places");
    const first = await c.employee.request("POST", "/api/v1/me/places", home("Rumah Depok"), { "idempotency-key": key });
    const again = await c.employee.request("POST", "/api/v1/me/places", home("Rumah Depok"), { "idempotency-key": key });
    expect(again.json()).toEqual(first.json());
    expect(await countRows(t, "places")).toBe(before + 1);
    const other = await c.employee.request("POST", "/api/v1/me/places", home("Rumah Bogor"), { "idempotency-key": key });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe("idempotency_key_reused");
  });

  it("lets the person withdraw their place; nobody else below HR", async () => {
    const p = (await c.employee.post("/api/v1/me/places", home("Rumah Lama"))).json();
    expect((await c.supervisor.del(`/api/v1/places/${p.id}`)).statusCode).toBe(403);
    expect((await c.hrOtherAgency.del(`/api/v1/places/${p.id}`)).statusCode).toBe(404);
    expect((await c.employee.patch(`/api/v1/places/${p.id}`, { unitId: w.X.id })).statusCode).toBe(400);
    expect((await c.employee.del(`/api/v1/places/${p.id}`)).statusCode).toBe(204);
    expect((await auditOf(p.id)).map((e) => e.action)).toEqual(["place.proposed", "place.deleted"]);
    expect((await c.employee.del(`/api/v1/places/${p.id}`)).statusCode).toBe(404);
  });

  it("judges a check-in against the offices of the unit and those above it, agency-wide offices and own approved places only", async () => {
    const names = async () => (await placesThatApply(t.database.db, { agencyId: w.A.id, unitPath: w.X1.path, employeeId: w.e1.id })).map((p) => p.name);
    const before = await names();
    const add = async (client: Client, body: Record<string, unknown>) => expect((await client.post("/api/v1/places", body)).statusCode).toBe(201);
    await add(c.hr, { name: "Gedung X1 baru", unitId: w.X1.id, shape: circle() });
    await add(c.hr, { name: "Gedung X baru", unitId: w.X.id, shape: circle() });
    await add(c.hrScoped, { name: "Gedung Y baru", unitId: w.Y.id, shape: circle() });
    await add(c.hr, { name: "Kantor pusat baru", unitId: null, shape: circle() });
    await add(c.hrOtherAgency, { name: "Kantor B baru", unitId: null, shape: circle() });
    const pending = await c.employee.post("/api/v1/me/places", home("Rumah belum disetujui"));
    expect(pending.json().status).toBe("pending");
    const added = (await names()).filter((n) => !before.includes(n));
    expect(added.sort()).toEqual(["Gedung X baru", "Gedung X1 baru", "Kantor pusat baru"]);
    expect(before).toContain("Tempat hr");
    expect(before).not.toContain("Tempat employee");
  });
});
