import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { ACTORS } from "../../test/org-world.js";
import { type BuiltCourse, buildCourse, buildLearningWorld, L, type LearningWorld, ok, selfPacedRun } from "./test-support.js";

const ALL = [...ACTORS, "admin", "adminOtherAgency", "fac1", "fac2"] as const;
type Who = (typeof ALL)[number];

/** Expected status per actor; anyone not listed gets `rest`. */
function expectStatuses(got: Record<Who, number>, expected: Partial<Record<Who, number>>, rest: number): void {
  const want = Object.fromEntries(ALL.map((w) => [w, expected[w] ?? rest]));
  expect(got).toEqual(want);
}

describe.each(ENGINES)("learning permission matrix on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  let published: BuiltCourse;
  let draft: BuiltCourse;
  let runId: string;
  let enrolmentId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
    published = await buildCourse(lw.c.admin, { code: "M-1", title: "Matriks" }, ["text", "live"]);
    draft = await buildCourse(lw.c.admin, { code: "M-2", title: "Matriks draf", draft: true }, ["text"]);
    runId = await selfPacedRun(lw.c.admin, published.id, { facilitatorIds: [lw.w.fac1.id] });
    enrolmentId = (await ok<{ id: string }>(lw.c.employee.post(`${L}/runs/${runId}/enrol`), 201)).id;
  });
  afterAll(() => t.close());

  const statuses = async (call: (who: Who) => Promise<{ statusCode: number }>) => {
    const out = {} as Record<Who, number>;
    for (const who of ALL) out[who] = (await call(who)).statusCode;
    return out;
  };

  it("published course page: everyone of agency A; another agency 404; signed out 401", async () => {
    const got = await statuses((w) => lw.c[w].get(`${L}/courses/${published.id}`));
    expectStatuses(got, { hrOtherAgency: 404, adminOtherAgency: 404, outsider: 401 }, 200);
  });

  it("draft course page: only the agency's learning admins", async () => {
    const got = await statuses((w) => lw.c[w].get(`${L}/courses/${draft.id}`));
    expectStatuses(got, { admin: 200, outsider: 401 }, 404);
  });

  it("editing a course: learning admins; others of the agency 403; another agency 404", async () => {
    const got = await statuses((w) => lw.c[w].patch(`${L}/courses/${published.id}`, { summary: `oleh ${w}` }));
    expectStatuses(got, { admin: 200, hrOtherAgency: 404, adminOtherAgency: 404, outsider: 401 }, 403);
  });

  it("class list: the run's facilitator and learning admins; another run's facilitator 403", async () => {
    const got = await statuses((w) => lw.c[w].get(`${L}/runs/${runId}/class`));
    expectStatuses(got, { admin: 200, fac1: 200, hrOtherAgency: 404, adminOtherAgency: 404, outsider: 401 }, 403);
  });

  it("an enrolment: the learner, HR admins in scope, the agency's learning admin, the run's facilitator", async () => {
    const got = await statuses((w) => lw.c[w].get(`${L}/enrolments/${enrolmentId}`));
    // e1 works in X1: HR over A covers them, HR over Y does not.
    expectStatuses(got, { employee: 200, hr: 200, admin: 200, fac1: 200, hrOtherAgency: 404, adminOtherAgency: 404, outsider: 401 }, 403);
  });

  it("recording live attendance: the run's facilitator and learning admins", async () => {
    const body = { entries: [{ employeeId: lw.w.e1.id, present: false }] };
    const got = await statuses((w) => lw.c[w].request("PUT", `${L}/runs/${runId}/live/${published.lessons.live}/attendance`, body));
    expectStatuses(got, { admin: 200, fac1: 200, hrOtherAgency: 404, adminOtherAgency: 404, outsider: 401 }, 403);
  });
});
