import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../../test/engines.js";
import { contentFixture } from "../../../../test/fixtures.js";
import { type Client, createTestApp, type TestApp } from "../../../../test/harness.js";
import { buildLearningWorld, L, type LearningWorld, ok, packageCourse } from "../../test-support.js";
import { EXT, VERB } from "./rules.js";
import { auStatement, type Launch, parseLaunch } from "./test-support.js";

describe.each(ENGINES)("cmi5 launch and rules on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  let lessonId = "";
  let runId = "";

  const au = (auth: string, method: "GET" | "POST" | "PUT" | "DELETE", url: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url,
      headers: {
        authorization: `Basic ${auth}`,
        "x-experience-api-version": "1.0.3",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  const path = (absolute: string) => {
    const u = new URL(absolute);
    return `${u.pathname}${u.search}`;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
    const admin = lw.c.admin;
    ({ lessonId, runId } = await packageCourse(admin, {
      zip: contentFixture("single_au_basic_responsive-novideo.zip"),
      filename: "geo.zip",
      kind: "cmi5",
      code: "CMI5-1",
      title: "Geologi",
    }));
  });
  afterAll(async () => {
    await t.close();
  });

  async function launch(learner: Client, enrolmentId: string): Promise<{ url: string; p: Launch; token: string }> {
    const res = await ok<{ url: string }>(learner.request("POST", `${L}/enrolments/${enrolmentId}/lessons/${lessonId}/content-launch`, {}));
    const p = parseLaunch(res.url);
    const fetched = await t.app.inject({ method: "POST", url: path(p.fetch) });
    expect(fetched.statusCode).toBe(200);
    const token = fetched.json()["auth-token"];
    expect(typeof token).toBe("string");
    return { url: res.url, p, token };
  }

  const GEOLOGY = "https://w3id.org/xapi/cmi5/catapult/lts/course/geology-intro-single-au-basic-responsive/1";
  const statement = (p: Launch, sessionId: string, verb: string, result?: Record<string, unknown>) =>
    auStatement(p, { publisherId: GEOLOGY, sessionId, verb, result });

  it("launches as cmi5 requires and completes the lesson when moveOn is met", async () => {
    const learner = lw.c.employee;
    const enrolment = await ok<{ id: string }>(learner.request("POST", `${L}/runs/${runId}/enrol`), 201);
    const { url, p, token } = await launch(learner, enrolment.id);
    expect(new URL(url).pathname).toMatch(/^\/content\/p\/.+\/index\.html$/);
    expect(p.endpoint).toMatch(/\/xapi\/$/);
    expect(p.activityId).not.toBe("https://w3id.org/xapi/cmi5/catapult/lts/course/geology-intro-single-au-basic-responsive/1");
    expect(p.actor).toHaveProperty("account");

    // The fetch URL answers once.
    const again = await t.app.inject({ method: "POST", url: path(p.fetch) });
    expect(again.statusCode).toBe(200);
    expect(again.json()["error-code"]).toBe("1");
    expect((await t.app.inject({ method: "POST", url: "/cmi5/fetch/not-a-real-token-at-all-0000" })).json()["error-code"]).toBe("2");

    // LMS.LaunchData was written before launch.
    const q = new URLSearchParams({ activityId: p.activityId, agent: JSON.stringify(p.actor), registration: p.registration, stateId: "LMS.LaunchData" });
    const ld = await au(token, "GET", `/xapi/activities/state?${q}`);
    expect(ld.statusCode, ld.body).toBe(200);
    const launchData = ld.json();
    expect(launchData).toMatchObject({ launchMode: "Normal", moveOn: "CompletedOrPassed" });
    const sessionId = launchData.contextTemplate.extensions[EXT.sessionId];
    expect(typeof sessionId).toBe("string");
    // The AU may not change it.
    expect((await au(token, "PUT", `/xapi/activities/state?${q}`, { launchMode: "Review" })).statusCode).toBe(403);

    // The launched statement is in the LRS.
    const launched = await au(token, "GET", `/xapi/statements?${new URLSearchParams({ registration: p.registration, verb: VERB.launched })}`);
    expect(launched.statusCode, launched.body).toBe(200);

    // Rules: nothing before initialized.
    const early = await au(token, "POST", "/xapi/statements", statement(p, sessionId, VERB.completed, { completion: true, duration: "PT1M" }));
    expect(early.statusCode).toBe(403);
    expect((await au(token, "POST", "/xapi/statements", statement(p, sessionId, VERB.initialized))).statusCode).toBe(200);
    // A score on completed is refused, nothing stored.
    expect(
      (await au(token, "POST", "/xapi/statements", statement(p, sessionId, VERB.completed, { completion: true, duration: "PT1M", score: { scaled: 1 } })))
        .statusCode,
    ).toBe(403);
    expect((await au(token, "POST", "/xapi/statements", statement(p, sessionId, VERB.completed, { completion: true, duration: "PT2M" }))).statusCode).toBe(200);
    expect((await au(token, "POST", "/xapi/statements", statement(p, sessionId, VERB.terminated, { duration: "PT3M" }))).statusCode).toBe(200);
    expect((await au(token, "POST", "/xapi/statements", statement(p, sessionId, "http://adlnet.gov/expapi/verbs/experienced"))).statusCode).toBe(403);

    const satisfied = await au(token, "GET", `/xapi/statements?${new URLSearchParams({ registration: p.registration, verb: VERB.satisfied })}`);
    expect(satisfied.json().statements.length).toBeGreaterThanOrEqual(1);
    const progress = await t.database.db.selectFrom("lesson_progress").selectAll().where("enrolment_id", "=", enrolment.id).executeTakeFirstOrThrow();
    expect(progress.status).toBe("completed");
    const e = await t.database.db.selectFrom("enrolments").select("status").where("id", "=", enrolment.id).executeTakeFirstOrThrow();
    expect(e.status).toBe("completed");
  });

  it("a relaunch abandons the open session and its statements are refused", async () => {
    const learner = lw.c.supervisor;
    const enrolment = await ok<{ id: string }>(learner.request("POST", `${L}/runs/${runId}/enrol`), 201);
    const first = await launch(learner, enrolment.id);
    const q = new URLSearchParams({
      activityId: first.p.activityId,
      agent: JSON.stringify(first.p.actor),
      registration: first.p.registration,
      stateId: "LMS.LaunchData",
    });
    const s1 = (await au(first.token, "GET", `/xapi/activities/state?${q}`)).json().contextTemplate.extensions[EXT.sessionId];
    expect((await au(first.token, "POST", "/xapi/statements", statement(first.p, s1, VERB.initialized))).statusCode).toBe(200);
    const second = await launch(learner, enrolment.id);
    expect(second.p.registration).toBe(first.p.registration);
    const abandoned = await au(second.token, "GET", `/xapi/statements?${new URLSearchParams({ registration: first.p.registration, verb: VERB.abandoned })}`);
    expect(abandoned.json().statements).toHaveLength(1);
    expect(abandoned.json().statements[0].result.duration).toMatch(/^PT\d+S$/);
    expect((await au(first.token, "POST", "/xapi/statements", statement(first.p, s1, VERB.terminated, { duration: "PT1M" }))).statusCode).toBe(403);
    const progress = await t.database.db.selectFrom("lesson_progress").selectAll().where("enrolment_id", "=", enrolment.id).executeTakeFirst();
    expect(progress?.status ?? "not_started").not.toBe("completed");
  });
});
