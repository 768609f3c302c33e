import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromJson } from "../../db/dialect.js";
import { ENGINES } from "../../test/engines.js";
import { buildNip } from "../../test/factories.js";
import { Client, createTestApp, type TestApp } from "../../test/harness.js";
import { derivedSupervisor, directReportIds, loadSnapshot } from "./hierarchy.js";

describe.each(ENGINES)("organisation on %s", (engine) => {
  let t: TestApp;
  let hr: Client;
  let agency: Awaited<ReturnType<TestApp["factory"]["agency"]>>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    agency = await t.factory.agency();
    const admin = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id, roles: [{ role: "hr_admin" }] });
    hr = await Client.signIn(t.app, admin.nip);
  });
  afterAll(() => t.close());

  async function countEmployees() {
    const r = await t.database.db
      .selectFrom("employees")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  it("creates an employee with a decoded NIP, an account and an audit event", async () => {
    const unit = (await hr.post("/api/v1/units", { parentId: agency.root.id, code: "BIRO-SDM", name: "Biro SDM", timezone: "Asia/Jakarta" })).json();
    const pos = (await hr.post("/api/v1/positions", { unitId: unit.id, name: "Analis SDM Aparatur", kind: "functional" })).json();
    const res = await hr.post("/api/v1/employees", {
      nip: "199112302019032015",
      name: "Rina Kartika",
      email: "Rina.Kartika@example.go.id",
      unitId: unit.id,
      positionId: pos.id,
      employmentType: "PNS",
    });
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      nip: "199112302019032015",
      birthDate: "1991-12-30",
      gender: "F",
      appointedOn: "2019-03",
      email: "rina.kartika@example.go.id",
      hasAccount: false,
    });
    const user = await t.database.db.selectFrom("users").selectAll().where("employee_id", "=", e.id).executeTakeFirst();
    expect(user?.must_change_password).toBe(1);
    const ev = await t.database.db.selectFrom("audit_events").selectAll().where("subject_id", "=", e.id).executeTakeFirstOrThrow();
    expect(ev.action).toBe("employee.created");
    expect(JSON.stringify(fromJson(ev.changes))).not.toContain("199112302019032015");
  });

  it("answers bad input with field errors and writes nothing", async () => {
    const before = await countEmployees();
    const cases: [Record<string, unknown>, string][] = [
      [{ nip: "199112302019032016", name: "", unitId: agency.root.id, employmentType: "PNS" }, "name"],
      [{ nip: "199113302019032016", name: "A", unitId: agency.root.id, employmentType: "PNS" }, "nip"],
      [{ nip: "199112302019032016", name: "A", unitId: agency.root.id, employmentType: "CPNS" }, "employmentType"],
      [{ nip: "199112302019032016", name: "A", unitId: "not-a-uuid", employmentType: "PNS" }, "unitId"],
      [{ nip: "199112302019032016", name: "A", unitId: agency.root.id, employmentType: "PNS", email: "bukan email" }, "email"],
      [{ nip: "199112302019032015", name: "Duplikat", unitId: agency.root.id, employmentType: "PNS" }, "nip"],
      [{ nip: "199112302019032016", name: "A", unitId: agency.root.id, employmentType: "PNS", email: "rina.kartika@example.go.id" }, "email"],
    ];
    for (const [body, field] of cases) {
      const res = await hr.post("/api/v1/employees", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      const p = res.json();
      expect(p.code).toBe("validation_failed");
      expect(p.errors.map((x: { path: string }) => x.path.replace(/^body\./, ""))).toContain(field);
    }
    const notJson = await hr.request("POST", "/api/v1/employees", "{broken", { "content-type": "application/json" });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().code).toBe("bad_request");
    expect(await countEmployees()).toBe(before);
  });

  it("records what changed on update", async () => {
    const e = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id, name: "Budi Santoso" });
    const res = await hr.patch(`/api/v1/employees/${e.id}`, { name: "Budi Santoso, S.Kom.", status: "inactive" });
    expect(res.statusCode).toBe(200);
    const ev = await t.database.db
      .selectFrom("audit_events")
      .selectAll()
      .where("subject_id", "=", e.id)
      .where("action", "=", "employee.updated")
      .executeTakeFirstOrThrow();
    expect(fromJson(ev.changes)).toEqual({ name: ["Budi Santoso", "Budi Santoso, S.Kom."], status: ["active", "inactive"] });
    await expect(Client.signIn(t.app, e.nip)).rejects.toThrow(/403/);
  });

  it("moves a unit with its whole subtree", async () => {
    const a = (await hr.post("/api/v1/units", { parentId: agency.root.id, code: "A", name: "A", timezone: "Asia/Jakarta" })).json();
    const a1 = (await hr.post("/api/v1/units", { parentId: a.id, code: "A1", name: "A1", timezone: "Asia/Jakarta" })).json();
    const a11 = (await hr.post("/api/v1/units", { parentId: a1.id, code: "A11", name: "A11", timezone: "Asia/Jakarta" })).json();
    const b = (await hr.post("/api/v1/units", { parentId: agency.root.id, code: "B", name: "B", timezone: "Asia/Jayapura" })).json();
    expect((await hr.patch(`/api/v1/units/${a.id}`, { parentId: a11.id })).json().code).toBe("validation_failed");
    expect((await hr.patch(`/api/v1/units/${a1.id}`, { parentId: b.id })).statusCode).toBe(200);
    const rows = await t.database.db.selectFrom("units").select(["id", "path", "depth"]).where("id", "in", [a1.id, a11.id, b.id]).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a1.id)?.path).toBe(`${byId.get(b.id)?.path}${a1.id}/`);
    expect(byId.get(a11.id)?.path).toBe(`${byId.get(b.id)?.path}${a1.id}/${a11.id}/`);
    expect(byId.get(a11.id)?.depth).toBe(3);
    const top = await hr.patch(`/api/v1/units/${agency.root.id}`, { parentId: b.id });
    expect(top.statusCode).toBe(400);
  });

  it("derives supervisors from unit heads, skips vacancies and honours acting officials", async () => {
    const f = t.factory;
    const dir = await f.unit({ agencyId: agency.id, parent: agency.root, name: "Direktorat" });
    const sub = await f.unit({ agencyId: agency.id, parent: dir, name: "Subdirektorat (kosong)" });
    const director = await f.employee({ agencyId: agency.id, unitId: dir.id, head: true });
    const staff = await f.employee({ agencyId: agency.id, unitId: sub.id });
    const explicit = await f.employee({ agencyId: agency.id, unitId: sub.id, supervisorId: staff.id });
    const today = new Date().toISOString().slice(0, 10);
    let s = await loadSnapshot(t.database.db, agency.id, today);
    const staffRow = { id: staff.id, unit_id: sub.id, supervisor_id: null };
    // The subdirectorate has no head: its staff report to the director.
    expect(derivedSupervisor(s, staffRow)).toBe(director.id);
    expect(derivedSupervisor(s, { id: explicit.id, unit_id: sub.id, supervisor_id: staff.id })).toBe(staff.id);
    expect(await directReportIds(t.database.db, s, director.id)).toContain(staff.id);
    // An acting head (Plt) of the subdirectorate takes over for the period.
    const plt = await f.employee({ agencyId: agency.id, unitId: dir.id });
    const res = await hr.post("/api/v1/acting", { unitId: sub.id, employeeId: plt.id, kind: "plt", startsOn: today, endsOn: "2099-12-31" });
    expect(res.statusCode).toBe(201);
    const overlap = await hr.post("/api/v1/acting", { unitId: sub.id, employeeId: director.id, kind: "plh", startsOn: today, endsOn: today });
    expect(overlap.statusCode).toBe(409);
    s = await loadSnapshot(t.database.db, agency.id, today);
    expect(derivedSupervisor(s, staffRow)).toBe(plt.id);
    // Before the appointment starts, the director is the supervisor again.
    s = await loadSnapshot(t.database.db, agency.id, "2000-01-01");
    expect(derivedSupervisor(s, staffRow)).toBe(director.id);
    const api = (await hr.get(`/api/v1/employees/${staff.id}`)).json();
    expect(api.supervisorId).toBe(plt.id);
    const pltName = await t.database.db.selectFrom("employees").select("name").where("id", "=", plt.id).executeTakeFirstOrThrow();
    expect(api.supervisor).toEqual({ id: plt.id, name: pltName.name });
    expect(api.supervisorExplicit).toBe(false);
  });

  it("searches, filters and pages the employee list", async () => {
    const unit = await t.factory.unit({ agencyId: agency.id, parent: agency.root, name: "Pusat Data" });
    for (let i = 0; i < 7; i++) await t.factory.employee({ agencyId: agency.id, unitId: unit.id, name: `Wayan Pusdatin ${i}` });
    const page1 = (await hr.get(`/api/v1/employees?unitId=${unit.id}&pageSize=5&page=1`)).json();
    const page2 = (await hr.get(`/api/v1/employees?unitId=${unit.id}&pageSize=5&page=2`)).json();
    expect(page1.total).toBe(7);
    expect(page1.items).toHaveLength(5);
    expect(page2.items).toHaveLength(2);
    expect(new Set([...page1.items, ...page2.items].map((e: { id: string }) => e.id)).size).toBe(7);
    const q = (await hr.get("/api/v1/employees?q=wayan%20pusdatin%203")).json();
    expect(q.items.map((e: { name: string }) => e.name)).toEqual(["Wayan Pusdatin 3"]);
    const nip = buildNip();
    expect((await hr.get(`/api/v1/employees?q=${nip.slice(0, 8)}`)).statusCode).toBe(200);
    const wild = (await hr.get("/api/v1/employees?q=%25")).json();
    expect(wild.total).toBe(0);
    const bad = await hr.get("/api/v1/employees?pageSize=1000");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain("pageSize");
  });
});
