import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import type { Client, TestApp } from "../../../test/harness.js";
import { createTestApp } from "../../../test/harness.js";
import { valuesOf } from "../../../test/json.js";
import { ACTORS, type ActorName, buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";
import { FEVER, HEALTHY, submitHealth } from "./test-support.js";

/** Actor × health route, on the world of test/org-world.ts (e1 in X1, health officer over X). */
describe.each(ENGINES)("health permissions on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let c: Record<ActorName, Client>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    c = await signInAll(t, w);
    expect((await submitHealth(c.employee, FEVER)).statusCode).toBe(201);
    expect((await submitHealth(c.otherSupervisor, HEALTHY)).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  type Expect = Record<ActorName, number>;
  const row = (o: Partial<Expect> & { default: number }): Expect => Object.fromEntries(ACTORS.map((a) => [a, o[a] ?? o.default])) as Expect;
  const healthReads = () =>
    t.database.db
      .selectFrom("access_log")
      .selectAll()
      .where("subject_employee_id", "=", w.e1.id)
      .where("category", "=", "health")
      .orderBy("created_at")
      .execute();

  it("reads e1's health: answers for e1 and the health officer, date + cleared for supervisor, leader and HR", async () => {
    const expected = row({ default: 403, employee: 200, supervisor: 200, leader: 200, health: 200, hr: 200, hrOtherAgency: 404, outsider: 401 });
    const withAnswers: ActorName[] = ["employee", "health"];
    for (const a of ACTORS) {
      const res = await c[a].get(`/api/v1/employees/${w.e1.id}/health`);
      expect(res.statusCode, a).toBe(expected[a]);
      if (res.statusCode !== 200) {
        expect(res.headers["content-type"], a).toMatch(/problem\+json/);
        continue;
      }
      const body = res.json();
      expect(body.answersVisible, a).toBe(withAnswers.includes(a));
      expect(body.items, a).toHaveLength(1);
      if (withAnswers.includes(a)) {
        expect(body.items[0], a).toMatchObject({ cleared: false, reasons: ["temperature", "symptoms"], formVersion: 1, answers: { temperature: 38.4 } });
      } else {
        expect(Object.keys(body.items[0]).sort(), a).toEqual(["cleared", "submittedAt", "workDate"]);
        expect(valuesOf(body), a).not.toContain(38.4);
      }
    }
  });

  it("logs the health officer's read of e1's answers, but neither e1's own read nor a cleared-only read", async () => {
    const before = (await healthReads()).length;
    await c.employee.get(`/api/v1/employees/${w.e1.id}/health`);
    await c.supervisor.get(`/api/v1/employees/${w.e1.id}/health`);
    await c.hr.get(`/api/v1/employees/${w.e1.id}/health`);
    expect(await healthReads()).toHaveLength(before);
    await c.health.get(`/api/v1/employees/${w.e1.id}/health`);
    const after = await healthReads();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ actor_user_id: w.healthX.userId, category: "health", agency_id: w.A.id });
  });

  it("shows the day's picture by role: cases to the health officer, counts to HR and leaders, direct reports to supervisors", async () => {
    const expected = row({ default: 200, employee: 403, outsider: 401 });
    for (const a of ACTORS) expect((await c[a].get("/api/v1/health/cases")).statusCode, a).toBe(expected[a]);

    const before = (await healthReads()).length;
    const health = (await c.health.get("/api/v1/health/cases")).json();
    expect(health.counts).toEqual({ employees: 5, submitted: 1, cleared: 0, notCleared: 1, notSubmitted: 4 });
    expect(health.cases).toHaveLength(1);
    expect(health.cases[0]).toMatchObject({ employee: { id: w.e1.id, name: "Staf X1" }, reasons: ["temperature", "symptoms"], answers: { temperature: 38.4 } });
    expect(await healthReads()).toHaveLength(before + 1);

    const leader = (await c.leader.get("/api/v1/health/cases")).json();
    expect(leader).toMatchObject({ counts: { employees: 5, notCleared: 1 }, cases: null, directReports: [] });
    const hr = (await c.hr.get("/api/v1/health/cases")).json();
    expect(hr).toMatchObject({ counts: { employees: 10, submitted: 2, cleared: 1, notCleared: 1 }, cases: null });
    expect((await c.hrScoped.get("/api/v1/health/cases")).json().counts).toMatchObject({ employees: 3, submitted: 1, cleared: 1 });
    expect((await c.hrOtherAgency.get("/api/v1/health/cases")).json().counts).toMatchObject({ employees: 2, submitted: 0 });

    const sup = (await c.supervisor.get("/api/v1/health/cases")).json();
    expect(sup).toMatchObject({ counts: null, cases: null, directReports: [{ employee: { id: w.e1.id }, status: "not_cleared" }] });
    expect(JSON.stringify(sup)).not.toContain("temperature");
    const other = (await c.otherSupervisor.get("/api/v1/health/cases")).json();
    expect(other.directReports.map((r: { employee: { name: string }; status: string }) => [r.employee.name, r.status])).toEqual([
      ["HR Y", "missing"],
      ["Staf Y", "missing"],
    ]);
  });

  it("narrows to a unit, and refuses units outside the viewer's scope", async () => {
    const x1 = (await c.leader.get(`/api/v1/health/cases?unitId=${w.X1.id}`)).json();
    expect(x1.counts).toMatchObject({ employees: 2, notCleared: 1 });
    expect((await c.hrScoped.get(`/api/v1/health/cases?unitId=${w.X1.id}`)).statusCode).toBe(403);
    expect((await c.otherSupervisor.get(`/api/v1/health/cases?unitId=${w.X1.id}`)).statusCode).toBe(403);
    expect((await c.hrOtherAgency.get(`/api/v1/health/cases?unitId=${w.X1.id}`)).statusCode).toBe(404);
    expect((await c.hrOtherAgency.get(`/api/v1/health/cases?agencyId=${w.A.id}`)).statusCode).toBe(403);
    expect((await c.health.get(`/api/v1/health/cases?unitId=${w.Y.id}`)).statusCode).toBe(403);
    const yesterday = (await c.health.get("/api/v1/health/cases?date=2020-01-01")).json();
    expect(yesterday).toMatchObject({ date: "2020-01-01", cases: [], counts: { submitted: 0 } });
    expect((await c.health.get("/api/v1/health/cases?date=kemarin")).statusCode).toBe(400);
  });

  it("lets only the person submit their own check and read their own today", async () => {
    expect((await c.outsider.post("/api/v1/me/health", { formVersion: 1, answers: HEALTHY })).statusCode).toBe(401);
    expect((await c.outsider.get("/api/v1/me/health/today")).statusCode).toBe(401);
    expect((await c.outsider.get("/api/v1/me/health/form")).statusCode).toBe(401);
    const today = (await c.supervisor.get("/api/v1/me/health/today")).json();
    expect(today.check).toBeNull();
  });

  it("shows form versions to the agency's members and lets no scoped role publish", async () => {
    const expected = row({ default: 200, outsider: 401, hrOtherAgency: 403 });
    for (const a of ACTORS) expect((await c[a].get(`/api/v1/health/forms?agencyId=${w.A.id}`)).statusCode, a).toBe(expected[a]);
    const publish = row({ default: 403, hr: 201, outsider: 401 });
    const form = (await c.hr.get("/api/v1/health/forms/1")).json();
    for (const a of ACTORS) {
      const res = await c[a].request("POST", `/api/v1/health/forms?agencyId=${w.A.id}`, { questions: form.questions, rule: form.rule });
      expect(res.statusCode, a).toBe(publish[a]);
    }
  });
});
