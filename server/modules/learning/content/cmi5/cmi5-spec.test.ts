import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../../test/engines.js";
import { type Client, createTestApp, type TestApp } from "../../../../test/harness.js";
import { CMI5_NS } from "../../packages/cmi5.js";
import { buildLearningWorld, L, type LearningWorld, ok, packageCourse } from "../../test-support.js";
import { cmi5LaunchUrl } from "./launch.js";
import { CMI5_CATEGORY, cmi5Problem, EXT, MOVEON_CATEGORY, type SessionFacts, VERB } from "./rules.js";
import { waiveAu } from "./satisfaction.js";
import { auStatement, type Launch, parseLaunch, storedZip } from "./test-support.js";

const COURSE = "https://kursus.example.go.id/etika";
const AU1 = `${COURSE}/au/kuis`;
const AU2 = `${COURSE}/au/bacaan`;
const AU3 = `${COURSE}/au/lampiran`;

const langs = (id: string, en: string) => `<langstring lang="en-US">${en}</langstring><langstring lang="id-ID">${id}</langstring>`;
const CMI5_XML = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<cs:courseStructure xmlns:cs="${CMI5_NS}" xmlns:v="https://vendor.example.com/ext">
  <cs:course id="${COURSE}"><cs:title>${langs("Etika", "Ethics")}</cs:title><cs:description>${langs("D", "D")}</cs:description></cs:course>
  <cs:block id="${COURSE}/blok/1">
    <cs:title>${langs("Blok inti", "Core")}</cs:title><cs:description>${langs("D", "D")}</cs:description>
    <cs:au id="${AU1}" moveOn="Passed" masteryScore="0.8" launchMethod="OwnWindow">
      <cs:title>${langs("Kuis", "Quiz")}</cs:title><cs:description>${langs("D", "D")}</cs:description>
      <cs:url>quiz/index.html?lang=id&amp;mode=exam</cs:url>
      <cs:launchParameters>{"attempts":2}</cs:launchParameters>
      <cs:entitlementKey>ABDI-2026-0001</cs:entitlementKey>
      <v:note>ignored</v:note>
    </cs:au>
    <cs:au id="${AU2}"><cs:title>${langs("Bacaan", "Reading")}</cs:title><cs:description>${langs("D", "D")}</cs:description><cs:url>read/index.html#top</cs:url></cs:au>
  </cs:block>
  <cs:block id="${COURSE}/blok/2">
    <cs:title>${langs("Lampiran", "Appendix")}</cs:title><cs:description>${langs("D", "D")}</cs:description>
    <cs:au id="${AU3}" moveOn="NotApplicable"><cs:title>${langs("Lampiran", "Appendix")}</cs:title><cs:description>${langs("D", "D")}</cs:description><cs:url>appendix.html</cs:url></cs:au>
  </cs:block>
</cs:courseStructure>`;

describe("the cmi5 launch URL", () => {
  const params = { endpoint: "https://lms.example/xapi/", actor: '{"objectType":"Agent","account":{"homePage":"https://lms.example","name":"a b+c"}}' };
  it("appends the parameters with ? or &, before a fragment, each value percent-encoded", () => {
    expect(cmi5LaunchUrl("https://c.example/a/index.html", { a: "1" })).toBe("https://c.example/a/index.html?a=1");
    expect(cmi5LaunchUrl("https://c.example/a/index.html?x=1", { a: "1" })).toBe("https://c.example/a/index.html?x=1&a=1");
    expect(cmi5LaunchUrl("https://c.example/a/index.html?", { a: "1" })).toBe("https://c.example/a/index.html?a=1");
    expect(cmi5LaunchUrl("https://c.example/a/index.html?x=1#/p/2", { a: "1" })).toBe("https://c.example/a/index.html?x=1&a=1#/p/2");
    const url = cmi5LaunchUrl("https://c.example/a/index.html?x=1", params);
    expect(url.split("?")).toHaveLength(2);
    expect(url).not.toMatch(/[{}"+ ]/);
    const q = new URL(url).searchParams;
    expect(q.get("x")).toBe("1");
    expect(q.get("endpoint")).toBe(params.endpoint);
    expect(JSON.parse(decodeURIComponent(url.split("actor=")[1]))).toEqual(JSON.parse(params.actor));
  });
});

describe("cmi5 statement rules beyond the basics", () => {
  const session = (over: Partial<SessionFacts> = {}): SessionFacts => ({
    sessionId: "s",
    registration: "6f1c2a3b-0000-4000-8000-000000000009",
    auActivityId: "https://abdi.example/au/1",
    publisherId: AU1,
    launchMode: "Normal",
    masteryScore: null,
    status: "initialized",
    verbsInSession: [VERB.initialized],
    ...over,
  });
  const st = (verb: string, result?: Record<string, unknown>) => ({
    verb: { id: verb },
    object: { id: "https://abdi.example/au/1" },
    ...(result ? { result } : {}),
    context: {
      registration: session().registration,
      contextActivities: {
        grouping: [{ id: AU1 }],
        category: [{ id: CMI5_CATEGORY }, ...(result && ("completion" in result || "success" in result) ? [{ id: MOVEON_CATEGORY }] : [])],
      },
      extensions: { [EXT.sessionId]: "s" },
    },
  });
  const reg = { completed: false, passed: false };
  it("Review mode allows initialized and terminated only", () => {
    const review = session({ launchMode: "Review" });
    expect(cmi5Problem(st(VERB.terminated, { duration: "PT1M" }), review, reg)).toBeNull();
    expect(cmi5Problem(st(VERB.passed, { success: true, duration: "PT1M" }), review, reg)).toMatch(/Review mode/);
    expect(cmi5Problem(st(VERB.failed, { success: false, duration: "PT1M" }), review, reg)).toMatch(/Review mode/);
  });
  it("progress is an integer 0..100; in completed it is discouraged, not refused", () => {
    const progress = (p: unknown) => ({ completion: true, duration: "PT1M", extensions: { [EXT.progress]: p } });
    expect(cmi5Problem(st(VERB.completed, progress(100)), session(), reg)).toBeNull();
    expect(cmi5Problem(st(VERB.completed, progress(101)), session(), reg)).toMatch(/progress/);
    expect(cmi5Problem(st(VERB.completed, progress(50.5)), session(), reg)).toMatch(/progress/);
  });
  it("an LMS-only verb from the AU is refused, waived included", () => {
    expect(cmi5Problem(st(VERB.waived, { success: true, completion: true }), session(), reg)).toMatch(/Only the LMS/);
    expect(cmi5Problem(st(VERB.abandoned, { duration: "PT1M" }), session(), reg)).toMatch(/Only the LMS/);
  });
});

describe.each(ENGINES)("cmi5 launch, fetch URL, LMS.LaunchData and statement rules on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  let lessonId = "";
  let runId = "";
  let packageId = "";

  const xapi = (auth: string, method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: {
        authorization: `Basic ${auth}`,
        "x-experience-api-version": "1.0.3",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  const local = (absolute: string) => {
    const u = new URL(absolute);
    return `${u.pathname}${u.search}`;
  };
  const fetchToken = async (p: Launch): Promise<string> => {
    const res = await t.app.inject({ method: "POST", url: local(p.fetch) });
    expect(res.statusCode).toBe(200);
    return res.json()["auth-token"];
  };
  const statements = async (token: string, p: Launch, verb: string) =>
    (await xapi(token, "GET", `/xapi/statements?${new URLSearchParams({ registration: p.registration, verb })}`)).json().statements as Record<
      string,
      // biome-ignore lint/suspicious/noExplicitAny: statements read back as JSON
      any
    >[];
  const launchData = async (token: string, p: Launch) =>
    (
      await xapi(
        token,
        "GET",
        `/xapi/activities/state?${new URLSearchParams({ activityId: p.activityId, agent: JSON.stringify(p.actor), registration: p.registration, stateId: "LMS.LaunchData" })}`,
      )
    ).json();
  const statement = (p: Launch, sessionId: string, verb: string, result?: Record<string, unknown>, ext: Record<string, unknown> = {}) =>
    auStatement(p, { publisherId: AU1, sessionId, verb, result, extensions: ext });

  beforeAll(async () => {
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
    const admin = lw.c.admin;
    const zip = storedZip([
      { name: "cmi5.xml", data: CMI5_XML },
      { name: "quiz/index.html", data: "<!doctype html><title>Kuis</title>" },
      { name: "read/index.html", data: "<!doctype html><title>Bacaan</title>" },
      { name: "appendix.html", data: "<!doctype html><title>Lampiran</title>" },
    ]);
    ({ packageId, lessonId, runId } = await packageCourse(admin, { zip, filename: "etika.zip", kind: "cmi5", code: "CMI5-SPEC", title: "Etika" }));
  });
  afterAll(async () => {
    await t.close();
  });

  async function launch(learner: Client, enrolmentId: string, itemId = AU1): Promise<Launch> {
    const res = await ok<{ url: string }>(learner.request("POST", `${L}/enrolments/${enrolmentId}/lessons/${lessonId}/content-launch`, { itemId }));
    return parseLaunch(res.url);
  }

  it("builds the launch URL, answers the fetch URL once, and writes LMS.LaunchData and launched as the spec asks", async () => {
    const learner = lw.c.employee;
    const enrolment = await ok<{ id: string }>(learner.request("POST", `${L}/runs/${runId}/enrol`), 201);
    const p = await launch(learner, enrolment.id);

    // The AU's own query string stays, the launch parameters follow it after "&".
    expect(p.url.pathname).toMatch(/^\/content\/p\/[^/]+\/quiz\/index\.html$/);
    expect(p.url.search).toMatch(/^\?lang=id&mode=exam&endpoint=/);
    expect(p.url.href.split("?")).toHaveLength(2);
    expect(p.url.href).not.toMatch(/[{}" ]/);
    expect(p.endpoint).toMatch(/^https?:\/\/.+\/xapi\/$/);
    expect(p.actor).toEqual({ objectType: "Agent", account: { homePage: expect.any(String), name: expect.any(String) } });
    expect(p.registration).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(p.activityId).toMatch(/^https?:\/\//);
    expect(p.activityId).not.toBe(AU1);

    // A GET is not allowed and leaves the token unused; then one POST (any body) answers, a second gets error 1.
    const get = await t.app.inject({ method: "GET", url: local(p.fetch) });
    expect(get.statusCode).toBe(405);
    expect(get.headers.allow).toMatch(/POST/);
    expect(get.json()["error-code"]).toBe("2");
    const first = await t.app.inject({
      method: "POST",
      url: local(p.fetch),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "ignored=1",
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toMatch(/^application\/json/);
    const token = first.json()["auth-token"];
    expect(Object.keys(first.json())).toEqual(["auth-token"]);
    const second = await t.app.inject({ method: "POST", url: local(p.fetch), headers: { "content-type": "application/json" }, payload: "{}" });
    expect(second.statusCode).toBe(200);
    expect(second.headers["content-type"]).toMatch(/^application\/json/);
    expect(second.json()).toMatchObject({ "error-code": "1", "error-text": expect.any(String) });
    const preflight = await t.app.inject({
      method: "OPTIONS",
      url: local(p.fetch),
      headers: {
        origin: "https://content.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, x-requested-with",
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-headers"]).toMatch(/x-requested-with/);

    const ld = await launchData(token, p);
    const sessionId = ld.contextTemplate.extensions[EXT.sessionId];
    expect(typeof sessionId).toBe("string");
    expect(ld.contextTemplate.contextActivities.grouping).toEqual([{ objectType: "Activity", id: AU1 }]);
    expect(ld).toMatchObject({
      launchMode: "Normal",
      moveOn: "Passed",
      masteryScore: 0.8,
      launchParameters: '{"attempts":2}',
      entitlementKey: { courseStructure: "ABDI-2026-0001" },
      returnURL: expect.stringMatching(/^https?:\/\//),
    });

    const [launched] = await statements(token, p, VERB.launched);
    expect(launched.object.id).toBe(p.activityId);
    expect(launched.context.registration).toBe(p.registration);
    expect(launched.context.contextActivities.grouping[0].id).toBe(AU1);
    expect(launched.context.contextActivities.category.map((c: { id: string }) => c.id)).toEqual([CMI5_CATEGORY]);
    expect(launched.context.extensions).toMatchObject({
      [EXT.sessionId]: sessionId,
      [EXT.launchMode]: "Normal",
      [EXT.moveOn]: "Passed",
      [EXT.masteryScore]: 0.8,
      [EXT.launchParameters]: '{"attempts":2}',
    });
    const launchUrl = new URL(launched.context.extensions[EXT.launchUrl]);
    expect(launchUrl.pathname).toBe(p.url.pathname);
    expect(launchUrl.search).toBe("?lang=id&mode=exam");

    // moveOn is evaluated at registration: the block of NotApplicable AUs is satisfied at once, outside the launch session.
    const early = await statements(token, p, VERB.satisfied);
    expect(early).toHaveLength(1);
    expect(early[0].object.definition.type).toBe("https://w3id.org/xapi/cmi5/activitytype/block");
    expect(early[0].context.contextActivities.grouping[0].id).toBe(`${COURSE}/blok/2`);
    expect(early[0].context.extensions[EXT.sessionId]).not.toBe(sessionId);

    // The mastery score rules.
    const post = (s: unknown) => xapi(token, "POST", "/xapi/statements", s);
    expect((await post(statement(p, sessionId, VERB.initialized))).statusCode).toBe(200);
    const pass = (scaled: number, ext: Record<string, unknown> = { [EXT.masteryScore]: 0.8 }) =>
      statement(p, sessionId, VERB.passed, { success: true, duration: "PT5M", score: { scaled } }, ext);
    expect((await post(pass(0.7))).statusCode).toBe(403);
    expect((await post(pass(0.9, {}))).statusCode).toBe(403);
    expect(
      (await post(statement(p, sessionId, VERB.failed, { success: false, duration: "PT5M", score: { scaled: 0.85 } }, { [EXT.masteryScore]: 0.8 }))).statusCode,
    ).toBe(403);
    expect((await post(pass(0.9))).statusCode).toBe(200);
    expect((await post(pass(0.95))).statusCode).toBe(403);
    expect((await post(statement(p, sessionId, VERB.terminated, { duration: "PT6M" }))).statusCode).toBe(200);
    expect((await post(statement(p, sessionId, VERB.completed, { completion: true, duration: "PT6M" }))).statusCode).toBe(403);

    // AU1 passed, AU2 and AU3 NotApplicable: the first block and the course are satisfied, once each, and the lesson is complete.
    const satisfied = await statements(token, p, VERB.satisfied);
    expect(satisfied.map((s) => s.object.definition.type).sort()).toEqual([
      "https://w3id.org/xapi/cmi5/activitytype/block",
      "https://w3id.org/xapi/cmi5/activitytype/block",
      "https://w3id.org/xapi/cmi5/activitytype/course",
    ]);
    const courseSatisfied = satisfied.find((s) => s.object.definition.type.endsWith("/course"));
    expect(courseSatisfied?.context.contextActivities.grouping[0].id).toBe(COURSE);
    expect(courseSatisfied?.context.extensions[EXT.sessionId]).toBe(sessionId);
    const progress = await t.database.db.selectFrom("lesson_progress").selectAll().where("enrolment_id", "=", enrolment.id).executeTakeFirstOrThrow();
    expect(progress.status).toBe("completed");
  });

  it("launches a relative url with a fragment: the parameters go before the fragment", async () => {
    const learner = lw.c.supervisor;
    const enrolment = await ok<{ id: string }>(learner.request("POST", `${L}/runs/${runId}/enrol`), 201);
    const p = await launch(learner, enrolment.id, AU2);
    expect(p.url.pathname).toMatch(/\/read\/index\.html$/);
    expect(p.url.hash).toBe("#top");
    expect(p.registration).not.toBe("");
  });

  it("an author's preview is Browse mode: only initialized and terminated are stored", async () => {
    const res = await ok<{ playerUrl: string }>(lw.c.admin.request("POST", `${L}/content/packages/${packageId}/preview`, { itemId: AU1 }));
    const p = parseLaunch(res.playerUrl);
    const token = await fetchToken(p);
    const ld = await launchData(token, p);
    expect(ld.launchMode).toBe("Browse");
    const sessionId = ld.contextTemplate.extensions[EXT.sessionId];
    const post = (s: unknown) => xapi(token, "POST", "/xapi/statements", s);
    expect((await post(statement(p, sessionId, VERB.initialized))).statusCode).toBe(200);
    expect((await post(statement(p, sessionId, VERB.completed, { completion: true, duration: "PT1M" }))).statusCode).toBe(403);
    expect((await post(statement(p, sessionId, VERB.terminated, { duration: "PT1M" }))).statusCode).toBe(200);
  });

  it("the platform waives an AU once: success, completion and the reason, a session id of its own, then satisfied", async () => {
    const learner = lw.c.leader;
    const enrolment = await ok<{ id: string }>(learner.request("POST", `${L}/runs/${runId}/enrol`), 201);
    const p = await launch(learner, enrolment.id);
    const token = await fetchToken(p);
    const launchSession = (await launchData(token, p)).contextTemplate.extensions[EXT.sessionId];
    const { sessionId } = await t.database.db
      .transaction()
      .execute((trx) => waiveAu(trx, { registrationId: p.registration, auId: AU1, reason: "Tested Out", now: new Date() }));
    expect(sessionId).not.toBe(launchSession);
    const [waived, ...more] = await statements(token, p, VERB.waived);
    expect(more).toHaveLength(0);
    expect(waived.object.id).toBe(p.activityId);
    expect(waived.result).toMatchObject({ success: true, completion: true, extensions: { [EXT.reason]: "Tested Out" } });
    expect(waived.context.contextActivities.category.map((c: { id: string }) => c.id).sort()).toEqual([CMI5_CATEGORY, MOVEON_CATEGORY].sort());
    expect(waived.context.extensions[EXT.sessionId]).toBe(sessionId);
    await expect(
      t.database.db.transaction().execute((trx) => waiveAu(trx, { registrationId: p.registration, auId: AU1, reason: "Administrative", now: new Date() })),
    ).rejects.toThrow(/already waived/);
    const course = (await statements(token, p, VERB.satisfied)).find((s) => s.object.definition.type.endsWith("/course"));
    expect(course?.context.extensions[EXT.sessionId]).toBe(sessionId);
    const progress = await t.database.db.selectFrom("lesson_progress").selectAll().where("enrolment_id", "=", enrolment.id).executeTakeFirstOrThrow();
    expect(progress.status).toBe("completed");
  });
});
