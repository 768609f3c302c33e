import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import type { Client, TestApp } from "../../../test/harness.js";
import { createTestApp } from "../../../test/harness.js";
import { ACTORS, type ActorName, buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";
import { addTarget, daysAgo, submitted } from "./test-support.js";

/** Actor × action on e1 (staff of X1, supervised by hX1): the expected status for every actor. */
describe.each(ENGINES)("report and target permissions on %s", (engine) => {
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
  const check = async (expected: Expect, call: (client: Client, actor: ActorName) => Promise<{ statusCode: number }>) => {
    for (const a of ACTORS) expect((await call(c[a], a)).statusCode, a).toBe(expected[a]);
  };

  const viewDay = row({ default: 403, employee: 200, supervisor: 200, leader: 200, health: 200, hr: 200, hrOtherAgency: 404, outsider: 401 });

  it("reads e1's reports: self, supervisor, leader, health officer and HR in scope", async () => {
    const report = await submitted(c.employee, daysAgo(2));
    await check(viewDay, (client) => client.get(`/api/v1/employees/${w.e1.id}/reports`));
    await check(viewDay, (client) => client.get(`/api/v1/reports/${report.id}`));
  });

  it("approves and returns e1's report only as the supervisor hX1", async () => {
    const expected = row({ default: 403, supervisor: 200, hrOtherAgency: 404, outsider: 401 });
    const approveIds: string[] = [];
    for (let i = 0; i < ACTORS.length; i++) approveIds.push((await submitted(c.employee, daysAgo(10 + i))).id);
    await check(expected, (client, a) => client.post(`/api/v1/reports/${approveIds[ACTORS.indexOf(a)]}/approve`));
    const returnId = (await submitted(c.employee, daysAgo(25))).id;
    const forReturn = row({ default: 403, hrOtherAgency: 404, outsider: 401 });
    for (const a of ACTORS.filter((x) => x !== "supervisor")) {
      expect((await c[a].post(`/api/v1/reports/${returnId}/return`, { comment: "Perbaiki" })).statusCode, a).toBe(forReturn[a]);
    }
    expect((await c.supervisor.post(`/api/v1/reports/${returnId}/return`, { comment: "Perbaiki" })).statusCode).toBe(200);
    // Bulk approval refuses what is not one's own to review.
    expect((await c.hr.post("/api/v1/reviews/approve", { ids: [returnId] })).statusCode).toBe(403);
  });

  it("reads e1's targets: self, supervisor, leader and HR in scope (not the health officer)", async () => {
    await addTarget(t, { agencyId: w.A.id, employeeId: w.e1.id });
    const expected = row({ default: 403, employee: 200, supervisor: 200, leader: 200, hr: 200, hrOtherAgency: 404, outsider: 401 });
    await check(expected, (client) => client.get(`/api/v1/employees/${w.e1.id}/targets`));
  });

  it("edits e1's targets only as e1 or HR in scope", async () => {
    const expected = row({ default: 403, employee: 201, hr: 201, hrOtherAgency: 404, outsider: 401 });
    await check(expected, (client, a) =>
      client.post(`/api/v1/employees/${w.e1.id}/targets`, {
        period: "2026",
        code: `K-${a}`,
        title: `Target oleh ${a}`,
        indicators: [{ name: "Dokumen", target: 4, unit: "dokumen" }],
      }),
    );
    const target = await addTarget(t, { agencyId: w.A.id, employeeId: w.e1.id, code: "EDIT" });
    const edit = row({ default: 403, employee: 200, hr: 200, hrOtherAgency: 404, outsider: 401 });
    await check(edit, (client) => client.patch(`/api/v1/targets/${target}`, { title: "Judul baru" }));
    await check(edit, (client) => client.del(`/api/v1/targets/${target}`));
  });

  it("exports e1's rows to self, the supervisor, the leader and HR in scope only", async () => {
    const date = daysAgo(30);
    await submitted(c.employee, date);
    const names = async (client: Client) => {
      const res = await client.get(`/api/v1/reports/export.xlsx?from=${date}&to=${date}`);
      if (res.statusCode !== 200) return res.statusCode;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const out: string[] = [];
      wb.worksheets[0].eachRow((r, n) => {
        if (n > 1) out.push(String(r.getCell(2).value));
      });
      return out.includes("Staf X1") ? "sees" : "empty";
    };
    const expected: Record<ActorName, number | string> = {
      employee: "sees",
      supervisor: "sees",
      otherSupervisor: "empty",
      leader: "sees",
      health: "empty",
      hr: "sees",
      hrScoped: "empty",
      hrOtherAgency: "empty",
      outsider: 401,
    };
    for (const a of ACTORS) expect(await names(c[a]), a).toBe(expected[a]);
  });
});
