import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { ACTORS, type ActorName, buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";
import { settleExports } from "../exports/service.js";

type Expect = Partial<Record<ActorName, number>> & { default: number };
const row = (e: Expect): Record<ActorName, number> => Object.fromEntries(ACTORS.map((a) => [a, e[a] ?? e.default])) as Record<ActorName, number>;

const READS = [
  (u: string) => `/api/v1/monitoring/trends?unitId=${u}&from=2026-11-02&to=2026-11-27&granularity=week`,
  (u: string) => `/api/v1/monitoring/trends/rhk?unitId=${u}&from=2026-11-02&to=2026-11-27`,
  (u: string) => `/api/v1/monitoring/trends.csv?unitId=${u}`,
  (u: string) => `/api/v1/monitoring/trends.xlsx?unitId=${u}&granularity=month`,
  (u: string) => `/api/v1/monitoring/weekly-report?unitId=${u}&week=2026-W47&format=pdf`,
  (u: string) => `/api/v1/monitoring/weekly-report?unitId=${u}&week=2026-W47&format=xlsx`,
];
const EXPORTS = [
  (u: string) => ({ kind: "trends", format: "xlsx", params: { unitId: u } }),
  (u: string) => ({ kind: "weekly", format: "pdf", params: { unitId: u, week: "2026-W47" } }),
  (u: string) => ({ kind: "people", format: "csv", params: { unitId: u, bucket: "not_checked_in" } }),
];

describe.each(ENGINES)("monitoring trends, reports and exports permissions on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let c: Record<ActorName, Client>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    c = await signInAll(t, w);
  });
  afterAll(async () => {
    await settleExports();
    await t.close();
  });

  async function check(unitId: string, expected: Record<ActorName, number>) {
    for (const actor of ACTORS) {
      for (const url of READS) {
        const res = await c[actor].get(url(unitId));
        expect(res.statusCode, `${actor} ${url(unitId)}`).toBe(expected[actor]);
        if (expected[actor] !== 200) expect(res.headers["content-type"]).toContain("application/problem+json");
      }
      for (const body of EXPORTS) {
        const res = await c[actor].post("/api/v1/monitoring/exports", body(unitId));
        const want = expected[actor] === 200 ? 202 : expected[actor];
        expect(res.statusCode, `${actor} export ${body(unitId).kind}`).toBe(want);
      }
    }
  }

  it("unit X: its leader, health officer and HR; not the sibling's head or HR, not staff; another agency's HR gets 404", async () => {
    await check(w.X.id, row({ default: 403, leader: 200, health: 200, hr: 200, hrOtherAgency: 404, outsider: 401 }));
  });

  it("unit X1: also its head", async () => {
    await check(w.X1.id, row({ default: 403, supervisor: 200, leader: 200, health: 200, hr: 200, hrOtherAgency: 404, outsider: 401 }));
  });

  it("unit Y (X's sibling): nothing of it for X's leader or health officer", async () => {
    await check(w.Y.id, row({ default: 403, otherSupervisor: 200, hr: 200, hrScoped: 200, hrOtherAgency: 404, outsider: 401 }));
  });

  it("another agency's unit is not found for A's viewers", async () => {
    await check(w.B.root.id, row({ default: 404, employee: 404, hrOtherAgency: 200, outsider: 401 }));
  });

  it("the calendar of e1 (in X1): self, supervisor, X's leader, health officer, HR; not Y's head or HR", async () => {
    const expected = row({ default: 403, employee: 200, supervisor: 200, leader: 200, health: 200, hr: 200, hrOtherAgency: 404, outsider: 401 });
    for (const actor of ACTORS) {
      const res = await c[actor].get(`/api/v1/monitoring/employees/${w.e1.id}/calendar?from=2026-11-01&to=2026-11-30`);
      expect(res.statusCode, actor).toBe(expected[actor]);
    }
    // X's head is not e1's supervisor but heads the subtree e1 works in.
    const hX = await Client.signIn(t.app, w.hX.nip);
    expect((await hX.get(`/api/v1/monitoring/employees/${w.e1.id}/calendar`)).statusCode).toBe(200);
    expect((await hX.get(`/api/v1/monitoring/employees/${w.eY.id}/calendar`)).statusCode).toBe(403);
  });
});
