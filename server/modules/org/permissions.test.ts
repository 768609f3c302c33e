import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import type { Client, TestApp } from "../../test/harness.js";
import { createTestApp } from "../../test/harness.js";
import { ACTORS, type ActorName, buildOrgWorld, type OrgWorld, signInAll } from "../../test/org-world.js";

/**
 * Actor × action × target. Each row gives the expected status for every actor;
 * a 200 also checks what is visible (masked or full NIP).
 */
describe.each(ENGINES)("org permissions on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let c: Record<ActorName, Client>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    c = await signInAll(t, w);
  });
  afterAll(() => t.close());

  type Expect = Record<ActorName, number>;
  const row = (o: Partial<Expect> & { default: number }): Expect => Object.fromEntries(ACTORS.map((a) => [a, o[a] ?? o.default])) as Expect;

  it("reads one employee (e1 in X1) — and only self and HR see the full NIP", async () => {
    const expected = row({ default: 403, employee: 200, supervisor: 200, leader: 200, health: 200, hr: 200, hrOtherAgency: 404, outsider: 401 });
    for (const a of ACTORS) {
      const res = await c[a].get(`/api/v1/employees/${w.e1.id}`);
      expect(res.statusCode, a).toBe(expected[a]);
      if (res.statusCode === 200) {
        const full = a === "employee" || a === "hr";
        expect(res.json().nip, a).toEqual(full ? w.e1.nip : expect.stringMatching(/^\d{4}\*{11}\d{3}$/));
        expect(res.json().birthDate === undefined, a).toBe(!full);
      } else {
        expect(res.headers["content-type"], a).toMatch(/problem\+json/);
      }
    }
  });

  it("logs HR's read of someone's full NIP, but not a person reading their own", async () => {
    const before = await t.database.db.selectFrom("access_log").select("id").where("subject_employee_id", "=", w.e1.id).execute();
    await c.hr.get(`/api/v1/employees/${w.e1.id}`);
    await c.employee.get(`/api/v1/employees/${w.e1.id}`);
    const after = await t.database.db.selectFrom("access_log").selectAll().where("subject_employee_id", "=", w.e1.id).execute();
    expect(after.length - before.length).toBe(1);
    expect(after.at(-1)).toMatchObject({ category: "nip_detail", actor_user_id: w.hrA.userId });
  });

  it("filters the employee list by scope", async () => {
    const names = async (a: ActorName) => {
      const res = await c[a].get("/api/v1/employees?pageSize=200");
      expect(res.statusCode, a).toBe(200);
      return (res.json().items as { name: string }[]).map((i) => i.name).sort();
    };
    expect(await names("employee")).toEqual(["Staf X1"]);
    expect(await names("supervisor")).toEqual(["Kepala X1", "Staf X1"]);
    expect(await names("otherSupervisor")).toEqual(["HR Y", "Kepala Y", "Staf Y"]);
    const leader = await names("leader");
    expect(leader).toContain("Staf X1");
    expect(leader).toContain("Kepala X");
    expect(leader).not.toContain("Staf Y");
    expect(await names("hr")).toHaveLength(10);
    expect(await names("hrScoped")).toEqual(["HR Y", "Kepala Y", "Staf Y"]);
    expect(await names("hrOtherAgency")).toEqual(["HR B", "Staf B"]);
    expect((await c.outsider.get("/api/v1/employees")).statusCode).toBe(401);
    // Asking for another agency explicitly is refused, not silently emptied.
    expect((await c.hrOtherAgency.get(`/api/v1/employees?agencyId=${w.A.id}`)).statusCode).toBe(403);
  });

  it("updates an employee only as HR in scope", async () => {
    const expected = row({ default: 403, hr: 200, hrOtherAgency: 404, outsider: 401 });
    for (const a of ACTORS) {
      const res = await c[a].patch(`/api/v1/employees/${w.e1.id}`, { phone: "+62 811 1111 1111" });
      expect(res.statusCode, a).toBe(expected[a]);
    }
    // HR of Y cannot move an X employee into Y, nor Y staff out of their scope.
    expect((await c.hrScoped.patch(`/api/v1/employees/${w.eY.id}`, { unitId: w.X.id })).statusCode).toBe(403);
    expect((await c.hrScoped.patch(`/api/v1/employees/${w.eY.id}`, { phone: "+62 822 2222 2222" })).statusCode).toBe(200);
  });

  it("creates employees and units only within HR scope", async () => {
    for (const a of ACTORS) {
      const res = await c[a].post("/api/v1/units", { parentId: w.X.id, code: `X-${a}`, name: `Sub ${a}`, timezone: "Asia/Jakarta" });
      const want = a === "hr" ? 201 : a === "outsider" ? 401 : a === "hrOtherAgency" ? 400 : 403;
      expect(res.statusCode, a).toBe(want);
    }
    const ok = await c.hrScoped.post("/api/v1/units", { parentId: w.Y.id, code: "Y-sub", name: "Sub Y", timezone: "Asia/Makassar" });
    expect(ok.statusCode).toBe(201);
  });

  it("resets passwords only as HR in scope", async () => {
    const expected = row({ default: 403, hr: 200, hrOtherAgency: 404, outsider: 401 });
    for (const a of ACTORS) {
      const res = await c[a].post(`/api/v1/employees/${w.eY.id}/reset-password`);
      expect(res.statusCode, a).toBe(a === "hrScoped" ? 200 : expected[a]);
    }
  });

  it("refuses direct-id access to another agency's objects", async () => {
    const b = c.hrOtherAgency;
    expect((await b.get(`/api/v1/employees/${w.e1.id}`)).statusCode).toBe(404);
    expect((await b.patch(`/api/v1/units/${w.X.id}`, { name: "Diambil alih" })).statusCode).toBe(404);
    expect((await b.get(`/api/v1/units?agencyId=${w.A.id}`)).statusCode).toBe(403);
    expect((await b.get(`/api/v1/audit/events?agencyId=${w.A.id}`)).statusCode).toBe(403);
    expect((await b.post("/api/v1/grants", { employeeId: w.e1.id, role: "hr_admin", unitId: null })).statusCode).toBe(400);
    const unit = await t.database.db.selectFrom("units").select("name").where("id", "=", w.X.id).executeTakeFirstOrThrow();
    expect(unit.name).toBe("Unit X");
  });

  it("lets only agency-wide HR read the audit trail", async () => {
    const expected = row({ default: 403, hr: 200, hrOtherAgency: 200, outsider: 401 });
    for (const a of ACTORS) {
      const res = await c[a].get("/api/v1/audit/events");
      expect(res.statusCode, a).toBe(expected[a]);
    }
    const own = (await c.hrOtherAgency.get("/api/v1/audit/events")).json().items as { subjectId: string }[];
    expect(own.some((e) => e.subjectId === w.e1.id)).toBe(false);
  });

  it("grants roles only inside the granter's HR scope", async () => {
    expect((await c.hrScoped.post("/api/v1/grants", { employeeId: w.e1.id, role: "leader", unitId: w.X.id })).statusCode).toBe(403);
    expect((await c.hrScoped.post("/api/v1/grants", { employeeId: w.eY.id, role: "leader", unitId: null })).statusCode).toBe(403);
    expect((await c.hrScoped.post("/api/v1/grants", { employeeId: w.eY.id, role: "leader", unitId: w.Y.id })).statusCode).toBe(201);
    expect((await c.leader.post("/api/v1/grants", { employeeId: w.e1.id, role: "leader", unitId: w.X1.id })).statusCode).toBe(403);
    expect((await c.employee.get("/api/v1/grants")).statusCode).toBe(403);
    const dup = await c.hr.post("/api/v1/grants", { employeeId: w.eY.id, role: "leader", unitId: w.Y.id });
    expect(dup.statusCode).toBe(409);
  });

  it("shows the unit tree to members of the agency only", async () => {
    for (const a of ACTORS) {
      const res = await c[a].get("/api/v1/units");
      expect(res.statusCode, a).toBe(a === "outsider" ? 401 : 200);
      if (a === "hrOtherAgency") expect((res.json() as { id: string }[]).some((u) => u.id === w.X.id)).toBe(false);
    }
  });
});
