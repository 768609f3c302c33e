import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { ACTORS } from "../../../test/org-world.js";
import { buildCourse, buildLearningWorld, L, type LearningWorld, ok, selfPacedRun } from "../test-support.js";

const ALL = [...ACTORS, "admin", "adminOtherAgency", "fac1", "fac2"] as const;
type Who = (typeof ALL)[number];

interface FacilitatedRun {
  id: string;
  courseId: string;
  courseTitle: string;
  courseCode: string;
  title: string;
  kind: string;
  seatsTaken: number;
  facilitators: { employeeId: string; name: string }[];
}

describe.each(ENGINES)("runs I facilitate on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  const runs: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
    const { admin, adminOtherAgency } = lw.c;
    const a = await buildCourse(admin, { code: "FAS-A", title: "Coaching ASN" }, ["text"]);
    const b = await buildCourse(admin, { code: "FAS-B", title: "Mentoring ASN", draft: true }, ["text"]);
    runs.first = await selfPacedRun(admin, a.id, { title: "Angkatan 1", facilitatorIds: [lw.w.fac1.id] });
    runs.second = await selfPacedRun(admin, b.id, { title: "Angkatan 2", facilitatorIds: [lw.w.fac1.id, lw.w.fac2.id] });
    runs.notMine = await selfPacedRun(admin, a.id, { title: "Angkatan 3" });
    // Named, but without the facilitator grant: the class stays closed to them, so the run is not theirs to list.
    runs.ungranted = await selfPacedRun(admin, a.id, { title: "Angkatan 4", facilitatorIds: [lw.w.eY.id] });
    const other = await buildCourse(adminOtherAgency, { code: "FAS-X", title: "Instansi lain" }, ["text"]);
    runs.otherAgency = await selfPacedRun(adminOtherAgency, other.id, { title: "Angkatan B" });
    await ok(lw.c.employee.post(`${L}/runs/${runs.first}/enrol`), 201);
  });
  afterAll(() => t.close());

  const mine = (who: Who) => lw.c[who].get(`${L}/runs?facilitating=me`);

  it("a facilitator sees the runs they are named on, newest first, with course, seats and co-facilitators; each class opens", async () => {
    const list = await ok<FacilitatedRun[]>(mine("fac1"));
    expect(list.map((r) => r.id)).toEqual([runs.second, runs.first]);
    expect(list[1]).toMatchObject({ courseTitle: "Coaching ASN", courseCode: "FAS-A", title: "Angkatan 1", kind: "self_paced", seatsTaken: 1 });
    expect(list[0].facilitators.map((f) => f.employeeId).sort()).toEqual([lw.w.fac1.id, lw.w.fac2.id].sort());
    for (const r of list) expect((await lw.c.fac1.get(`${L}/runs/${r.id}/class`)).statusCode).toBe(200);
    expect((await ok<FacilitatedRun[]>(mine("fac2"))).map((r) => r.id)).toEqual([runs.second]);
  });

  it("permission matrix: everyone signed in gets their own list (empty unless named); signed out 401", async () => {
    const got: Partial<Record<Who, number>> = {};
    const lists: Partial<Record<Who, string[]>> = {};
    for (const w of ALL) {
      const res = await mine(w);
      got[w] = res.statusCode;
      if (res.statusCode === 200) lists[w] = (res.json() as FacilitatedRun[]).map((r) => r.id);
    }
    expect(got).toEqual(Object.fromEntries(ALL.map((w) => [w, w === "outsider" ? 401 : 200])));
    expect(lists).toEqual(
      Object.fromEntries(ALL.filter((w) => w !== "outsider").map((w) => [w, w === "fac1" ? [runs.second, runs.first] : w === "fac2" ? [runs.second] : []])),
    );
    // The employee named without the facilitator grant is refused the class and does not get the run listed.
    const eY = await Client.signIn(t.app, lw.w.eY.nip);
    expect((await eY.get(`${L}/runs/${runs.ungranted}/class`)).statusCode).toBe(403);
    expect(await ok(eY.get(`${L}/runs?facilitating=me`))).toEqual([]);
  });

  it("refuses a missing or other filter with a problem", async () => {
    for (const url of [`${L}/runs`, `${L}/runs?facilitating=all`, `${L}/runs?facilitating=me&extra=1`]) {
      const res = await lw.c.fac1.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    }
  });
});
