import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { type Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { ACTORS, type ActorName, buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";

type Expect = Partial<Record<ActorName, number>> & { default: number };
const row = (e: Expect): Record<ActorName, number> => Object.fromEntries(ACTORS.map((a) => [a, e[a] ?? e.default])) as Record<ActorName, number>;

/** Every read of the board, drill-down, downloads, map and live feed answers the same for a unit. */
const ENDPOINTS = [
  (u: string) => `/api/v1/monitoring/board?unitId=${u}`,
  (u: string) => `/api/v1/monitoring/board.csv?unitId=${u}`,
  (u: string) => `/api/v1/monitoring/board.xlsx?unitId=${u}`,
  (u: string) => `/api/v1/monitoring/board/people?unitId=${u}&bucket=not_checked_in`,
  (u: string) => `/api/v1/monitoring/board/people.csv?unitId=${u}`,
  (u: string) => `/api/v1/monitoring/board/people.xlsx?unitId=${u}&bucket=report:none`,
  (u: string) => `/api/v1/monitoring/map?unitId=${u}`,
];
/** The live feed: only refusals can be checked without a real connection (live.test.ts checks the rest). */
const live = (u: string) => `/api/v1/monitoring/live?unitId=${u}`;

describe.each(ENGINES)("monitoring permissions on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let c: Record<ActorName, Client>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    c = await signInAll(t, w);
  });
  afterAll(async () => t.close());

  async function check(unitId: string, expected: Record<ActorName, number>) {
    for (const actor of ACTORS) {
      for (const url of ENDPOINTS) {
        const res = await c[actor].get(url(unitId));
        expect(res.statusCode, `${actor} ${url(unitId)}`).toBe(expected[actor]);
        if (expected[actor] !== 200) expect(res.headers["content-type"]).toContain("application/problem+json");
      }
      if (expected[actor] !== 200) expect((await c[actor].get(live(unitId))).statusCode, `${actor} live`).toBe(expected[actor]);
    }
  }

  it("unit X: its leader, health officer and HR; not the sibling's head or HR, not staff; another agency's HR gets 404", async () => {
    await check(w.X.id, row({ default: 403, leader: 200, health: 200, hr: 200, hrOtherAgency: 404, outsider: 401 }));
  });

  it("unit X1: also its head", async () => {
    await check(w.X1.id, row({ default: 403, supervisor: 200, leader: 200, health: 200, hr: 200, hrOtherAgency: 404, outsider: 401 }));
  });

  it("unit Y: its head and its HR; nothing of it for X's leader or health officer", async () => {
    await check(w.Y.id, row({ default: 403, otherSupervisor: 200, hr: 200, hrScoped: 200, hrOtherAgency: 404, outsider: 401 }));
  });

  it("the agency root: only agency-wide HR", async () => {
    await check(w.A.root.id, row({ default: 403, hr: 200, hrOtherAgency: 404, outsider: 401 }));
  });

  it("another agency's unit: 404 for agency A's viewers, 200 for its own HR", async () => {
    await check(w.B.root.id, row({ default: 404, hrOtherAgency: 200, outsider: 401 }));
  });

  it("without a unit: each viewer's own widest unit, and nothing for plain staff", async () => {
    const expectedRoot: Partial<Record<ActorName, string>> = {
      supervisor: w.X1.id,
      otherSupervisor: w.Y.id,
      leader: w.X.id,
      health: w.X.id,
      hr: w.A.root.id,
      hrScoped: w.Y.id,
      hrOtherAgency: w.B.root.id,
    };
    for (const actor of ACTORS) {
      const board = await c[actor].get("/api/v1/monitoring/board");
      const scope = await c[actor].get("/api/v1/monitoring/scope");
      const root = expectedRoot[actor];
      if (root) {
        expect(board.statusCode, actor).toBe(200);
        expect(board.json().unit.id, actor).toBe(root);
        expect(scope.json().root, actor).toBe(root);
      } else {
        const status = actor === "outsider" ? 401 : 403;
        expect(board.statusCode, actor).toBe(status);
        expect(scope.statusCode, actor).toBe(status);
      }
    }
    const leaderScope = (await c.leader.get("/api/v1/monitoring/scope")).json();
    expect(leaderScope.units.map((u: { id: string }) => u.id).sort()).toEqual([w.X.id, w.X1.id].sort());
    const leaderBoard = (await c.leader.get("/api/v1/monitoring/board")).json();
    expect(leaderBoard.units.map((u: { id: string }) => u.id)).toEqual([w.X.id, w.X1.id]);
  });

  it("the not-cleared list only for the health officer in scope", async () => {
    const url = `/api/v1/monitoring/board/people?unitId=${w.X.id}&bucket=health:not_cleared`;
    expect((await c.health.get(url)).statusCode).toBe(200);
    for (const actor of ["leader", "hr"] as const) expect((await c[actor].get(url)).statusCode, actor).toBe(403);
    expect((await c.hr.get(`/api/v1/monitoring/board/people.csv?unitId=${w.X.id}&bucket=health:not_cleared`)).statusCode).toBe(403);
    expect((await c.health.get(`/api/v1/monitoring/board/people?unitId=${w.Y.id}&bucket=health:not_cleared`)).statusCode).toBe(403);
  });
});
