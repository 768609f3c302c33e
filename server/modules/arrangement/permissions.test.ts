import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import type { Client, TestApp } from "../../test/harness.js";
import { createTestApp } from "../../test/harness.js";
import { ACTORS, type ActorName, buildOrgWorld, type OrgWorld, signInAll } from "../../test/org-world.js";
import { grid, nextMonday, policyBody, rowOf } from "./test-support.js";
import { addDays } from "./week.js";

/** Actor × action on rosters, factors and requests; each row gives the expected status for every actor. */
describe.each(ENGINES)("arrangement permissions on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let c: Record<ActorName, Client>;
  const week = nextMonday();
  let rosterId = "";
  type Expect = Record<ActorName, number>;
  const row = (o: Partial<Expect> & { default: number }): Expect => Object.fromEntries(ACTORS.map((a) => [a, o[a] ?? o.default])) as Expect;
  const sensitiveReads = () =>
    t.database.db.selectFrom("access_log").selectAll().where("category", "=", "sensitive_profile").where("subject_employee_id", "=", w.e1.id).execute();

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    c = await signInAll(t, w);
    const declared = await c.employee.request("PUT", "/api/v1/me/arrangement-factors", {
      commute: "KRL",
      comorbidity: true,
      pregnancy: false,
      caregiving: true,
    });
    expect(declared.statusCode, declared.body).toBe(200);
    expect((await c.hr.post(`/api/v1/arrangement/factors/${w.e1.id}/commute-verification`, { verified: true })).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it("lets agency-wide HR edit the policy, and HR admins and leaders read it", async () => {
    const read = row({ default: 403, leader: 200, hr: 200, hrScoped: 200, hrOtherAgency: 200, outsider: 401 });
    const write = row({ default: 403, hr: 201, hrOtherAgency: 201, outsider: 401 });
    for (const [i, a] of ACTORS.entries()) {
      expect((await c[a].get("/api/v1/arrangement/policies")).statusCode, a).toBe(read[a]);
      expect((await c[a].post("/api/v1/arrangement/policies", policyBody(addDays("2030-01-07", i)))).statusCode, a).toBe(write[a]);
    }
  });

  it("generates rosters only as HR whose scope covers them", async () => {
    const forX = row({ default: 403, hr: 201, hrOtherAgency: 404, outsider: 401 });
    for (const a of ACTORS) {
      const res = await c[a].post("/api/v1/arrangement/rosters", { week, unitId: w.X.id });
      expect(res.statusCode, `${a} ${res.body}`).toBe(forX[a]);
      if (res.statusCode === 201) rosterId = res.json().id;
    }
    const agencyWide = row({ default: 403, hr: 201, hrOtherAgency: 201, outsider: 401 });
    for (const a of ACTORS) expect((await c[a].post("/api/v1/arrangement/rosters", { week, unitId: null })).statusCode, a).toBe(agencyWide[a]);
    expect((await c.hrScoped.post("/api/v1/arrangement/rosters", { week, unitId: w.Y.id })).statusCode).toBe(201);
  });

  it("shows the grid to HR and leaders whose scope meets the roster; sensitive factors only to HR, and logged", async () => {
    const expected = row({ default: 403, leader: 200, hr: 200, hrOtherAgency: 404, outsider: 401 });
    for (const a of ACTORS) expect((await c[a].get(`/api/v1/arrangement/rosters/${rosterId}/grid`)).statusCode, a).toBe(expected[a]);
    const before = (await sensitiveReads()).length;
    const forHr = rowOf((await grid(c.hr, rosterId)).rows, w.e1.id);
    expect(forHr.factors).toEqual(expect.arrayContaining(["krl", "comorbidity", "caregiving"]));
    expect((await sensitiveReads()).length).toBe(before + 1);
    const forLeader = rowOf((await grid(c.leader, rosterId)).rows, w.e1.id);
    expect(forLeader.factors).toEqual(expect.arrayContaining(["krl", "caregiving"]));
    expect(forLeader.factors).not.toContain("comorbidity");
    for (const cell of forLeader.cells) expect(cell.reason).not.toContain("komorbid");
    expect((await sensitiveReads()).length).toBe(before + 1);
    // The agency-wide roster: the leader over X sees X's rows only.
    const list = (await c.leader.get(`/api/v1/arrangement/rosters?week=${week}`)).json().items as { id: string; unit: { id: string } | null }[];
    const wide = list.find((r) => r.unit === null);
    if (!wide) throw new Error("no agency-wide roster");
    const leaderRows = (await grid(c.leader, wide.id)).rows.map((r) => r.name);
    expect(leaderRows).toContain("Staf X1");
    expect(leaderRows).not.toContain("Staf Y");
  });

  it("lets only HR in scope override and publish", async () => {
    const override = row({ default: 403, hr: 200, hrOtherAgency: 404, outsider: 401 });
    for (const a of ACTORS) {
      const res = await c[a].patch(`/api/v1/arrangement/rosters/${rosterId}/cells/${w.e1.id}/${week}`, { mode: "WFO", note: a });
      expect(res.statusCode, a).toBe(override[a]);
    }
    for (const a of ACTORS) expect((await c[a].post(`/api/v1/arrangement/rosters/${rosterId}/publish`)).statusCode, a).toBe(override[a]);
  });

  it("shows someone's published week to the person, their supervisor, leaders and HR in scope", async () => {
    const expected = row({ default: 403, employee: 200, supervisor: 200, leader: 200, hr: 200, hrOtherAgency: 404, outsider: 401 });
    for (const a of ACTORS) {
      const res = await c[a].get(`/api/v1/arrangement/employees/${w.e1.id}/roster?week=${week}`);
      expect(res.statusCode, a).toBe(expected[a]);
      if (res.statusCode === 200) expect(res.json().rosterId, a).toBe(rosterId);
    }
  });

  it("shows comorbidity and pregnancy only to the person, HR and health officers in scope, logging every read by someone else", async () => {
    const expected = row({ default: 403, employee: 200, supervisor: 200, leader: 200, health: 200, hr: 200, hrOtherAgency: 404, outsider: 401 });
    const sensitive = new Set<ActorName>(["employee", "health", "hr"]);
    const before = await sensitiveReads();
    for (const a of ACTORS) {
      const res = await c[a].get(`/api/v1/arrangement/factors/${w.e1.id}`);
      expect(res.statusCode, a).toBe(expected[a]);
      if (res.statusCode !== 200) continue;
      expect(res.json().commute, a).toMatchObject({ mode: "KRL", verified: true });
      if (sensitive.has(a)) expect(res.json().sensitive, a).toEqual({ comorbidity: true, pregnancy: false, healthNotCleared: false });
      else expect(res.json().sensitive, a).toBeUndefined();
    }
    const after = await sensitiveReads();
    const readers = after.slice(before.length).map((r) => r.actor_user_id);
    expect(readers.sort()).toEqual([w.healthX.userId, w.hrA.userId].sort());
    const own = await c.employee.get("/api/v1/me/arrangement-factors");
    expect(own.json()).toMatchObject({ sensitive: { comorbidity: true }, age: expect.any(Number) });
    expect((await sensitiveReads()).length).toBe(after.length);
  });

  it("lets only the supervisor decide a request", async () => {
    const asked = await c.employee.post("/api/v1/me/requests", { date: addDays(week, 1), mode: "WFH", reason: "kontrol dokter" });
    expect(asked.statusCode, asked.body).toBe(201);
    const expected = row({ default: 403, supervisor: 200, hrOtherAgency: 404, outsider: 401 });
    for (const a of ACTORS.filter((x) => x !== "supervisor")) {
      const res = await c[a].post(`/api/v1/arrangement/requests/${asked.json().id}/decision`, { decision: "decline", comment: a });
      expect(res.statusCode, a).toBe(expected[a]);
    }
    const res = await c.supervisor.post(`/api/v1/arrangement/requests/${asked.json().id}/decision`, { decision: "approve" });
    expect(res.statusCode, res.body).toBe(200);
    // Listing: supervisors (their reports), leaders and HR (their scope); nobody else.
    const list = row({ default: 403, supervisor: 200, otherSupervisor: 200, leader: 200, hr: 200, hrScoped: 200, hrOtherAgency: 200, outsider: 401 });
    for (const a of ACTORS) {
      const listed = await c[a].get("/api/v1/arrangement/requests");
      expect(listed.statusCode, a).toBe(list[a]);
      if (listed.statusCode !== 200) continue;
      const sees = ["supervisor", "leader", "hr"].includes(a);
      expect(
        (listed.json().items as { id: string }[]).some((r) => r.id === asked.json().id),
        a,
      ).toBe(sees);
    }
  });

  it("lets only HR verify a commute and HR and leaders list the conflicts", async () => {
    const verify = row({ default: 403, hr: 200, hrOtherAgency: 404, outsider: 401 });
    for (const a of ACTORS) {
      const res = await c[a].post(`/api/v1/arrangement/factors/${w.e1.id}/commute-verification`, { verified: true });
      expect(res.statusCode, a).toBe(verify[a]);
    }
    const conflicts = row({ default: 403, leader: 200, hr: 200, hrScoped: 200, hrOtherAgency: 200, outsider: 401 });
    for (const a of ACTORS) expect((await c[a].get("/api/v1/arrangement/conflicts")).statusCode, a).toBe(conflicts[a]);
  });
});
