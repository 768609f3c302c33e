import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { AGENT, createLrs, type Lrs } from "./test-support.js";

const ACT = "https://abdi.go.id/xapi/activities/course/doc";
const enc = encodeURIComponent;
const stateUrl = (o: { stateId?: string; registration?: string; agent?: unknown } = {}) =>
  `/xapi/activities/state?activityId=${enc(ACT)}&agent=${enc(JSON.stringify(o.agent ?? AGENT))}${o.registration ? `&registration=${o.registration}` : ""}${o.stateId ? `&stateId=${enc(o.stateId)}` : ""}`;

describe.each(ENGINES)("xAPI document resources on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  it("state: PUT, GET with ETag, list ids with since, DELETE one and all", async () => {
    const reg = randomUUID();
    const put = await l.x("PUT", stateUrl({ stateId: "bookmark", registration: reg }), { raw: "page-3", headers: { "content-type": "text/plain" } });
    expect(put.statusCode).toBe(204);
    const get = await l.x("GET", stateUrl({ stateId: "bookmark", registration: reg }));
    expect(get.statusCode).toBe(200);
    expect(get.body).toBe("page-3");
    expect(get.headers["content-type"]).toContain("text/plain");
    expect(get.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(get.headers["last-modified"]).toBeTruthy();
    expect((await l.x("GET", stateUrl({ stateId: "bookmark" }))).statusCode).toBe(404);
    await l.x("PUT", stateUrl({ stateId: "progress", registration: reg }), { body: { p: 1 } });
    const ids = await l.x("GET", stateUrl({ registration: reg }));
    expect(ids.json().sort()).toEqual(["bookmark", "progress"]);
    const future = await l.x("GET", `${stateUrl({ registration: reg })}&since=${enc(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.json()).toEqual([]);
    expect((await l.x("DELETE", stateUrl({ stateId: "bookmark", registration: reg }))).statusCode).toBe(204);
    expect((await l.x("GET", stateUrl({ stateId: "bookmark", registration: reg }))).statusCode).toBe(404);
    expect((await l.x("DELETE", stateUrl({ registration: reg }))).statusCode).toBe(204);
    expect((await l.x("GET", stateUrl({ registration: reg }))).json()).toEqual([]);
  });

  it("state: missing or invalid parameters are 400", async () => {
    expect((await l.x("GET", `/xapi/activities/state?activityId=${enc(ACT)}`)).statusCode).toBe(400);
    expect((await l.x("GET", stateUrl({ agent: { name: "x" } }))).statusCode).toBe(400);
    expect((await l.x("GET", `/xapi/activities/state?activityId=nope&agent=${enc(JSON.stringify(AGENT))}`)).statusCode).toBe(400);
    expect((await l.x("GET", stateUrl({ registration: "abc" }))).statusCode).toBe(400);
    expect((await l.x("PUT", stateUrl(), { body: { a: 1 } })).statusCode).toBe(400);
  });

  it("POST merges JSON objects and refuses anything else", async () => {
    const url = stateUrl({ stateId: "merge" });
    expect((await l.x("POST", url, { body: { a: 1, b: 1 } })).statusCode).toBe(204);
    expect((await l.x("POST", url, { body: { b: 2, c: 3 } })).statusCode).toBe(204);
    expect((await l.x("GET", url)).json()).toEqual({ a: 1, b: 2, c: 3 });
    expect((await l.x("POST", url, { body: [1, 2] })).statusCode).toBe(400);
    expect((await l.x("POST", url, { raw: "text", headers: { "content-type": "text/plain" } })).statusCode).toBe(400);
    const textUrl = stateUrl({ stateId: "text" });
    await l.x("PUT", textUrl, { raw: "plain", headers: { "content-type": "text/plain" } });
    expect((await l.x("POST", textUrl, { body: { a: 1 } })).statusCode).toBe(400);
    expect((await l.x("GET", url)).json()).toEqual({ a: 1, b: 2, c: 3 });
  });

  it("activity profile: If-Match / If-None-Match give 412, a PUT over an existing one without them 409", async () => {
    const url = `/xapi/activities/profile?activityId=${enc(ACT)}&profileId=p1`;
    expect((await l.x("PUT", url, { body: { v: 1 }, headers: { "if-match": '"0000"' } })).statusCode).toBe(412);
    expect((await l.x("PUT", url, { body: { v: 1 }, headers: { "if-none-match": "*" } })).statusCode).toBe(204);
    const etag = String((await l.x("GET", url)).headers.etag);
    expect((await l.x("PUT", url, { body: { v: 2 }, headers: { "if-none-match": "*" } })).statusCode).toBe(412);
    expect((await l.x("PUT", url, { body: { v: 2 } })).statusCode).toBe(409);
    expect((await l.x("PUT", url, { body: { v: 2 }, headers: { "if-match": '"deadbeef"' } })).statusCode).toBe(412);
    expect((await l.x("PUT", url, { body: { v: 2 }, headers: { "if-match": etag } })).statusCode).toBe(204);
    expect((await l.x("GET", url)).json()).toEqual({ v: 2 });
    expect((await l.x("DELETE", url, { headers: { "if-match": etag } })).statusCode).toBe(412);
    expect((await l.x("GET", `/xapi/activities/profile?activityId=${enc(ACT)}`)).json()).toEqual(["p1"]);
    expect((await l.x("DELETE", `/xapi/activities/profile?activityId=${enc(ACT)}`)).statusCode).toBe(400);
    expect((await l.x("DELETE", url)).statusCode).toBe(204);
    expect((await l.x("GET", url)).statusCode).toBe(404);
  });

  it("agent profile: same rules, keyed by the agent's IFI", async () => {
    const url = `/xapi/agents/profile?agent=${enc(JSON.stringify(AGENT))}&profileId=prefs`;
    // A profile PUT carries a precondition: with neither header it creates nothing (400) and replaces nothing (409).
    const bare = await l.x("PUT", url, { body: { lang: "id" } });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().message).toMatch(/If-None-Match/);
    expect((await l.x("GET", url)).statusCode).toBe(404);
    expect((await l.x("PUT", url, { body: { lang: "id" }, headers: { "if-none-match": "*" } })).statusCode).toBe(204);
    const conflict = await l.x("PUT", url, { body: { lang: "en" } });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().message).toMatch(/If-Match set to its ETag/);
    const other = `/xapi/agents/profile?agent=${enc(JSON.stringify({ mbox: "mailto:other@example.go.id" }))}&profileId=prefs`;
    expect((await l.x("GET", other)).statusCode).toBe(404);
    expect((await l.x("GET", url)).json()).toEqual({ lang: "id" });
  });

  it("agent profile and state refuse a Group as the agent, and store nothing", async () => {
    const group = { objectType: "Group", name: "Tim", mbox: "mailto:tim@example.go.id" };
    const profile = `/xapi/agents/profile?agent=${enc(JSON.stringify(group))}&profileId=prefs`;
    const put = await l.x("PUT", profile, { body: { lang: "id" } });
    expect(put.statusCode).toBe(400);
    expect(put.json().message).toMatch(/Agent, not a Group/);
    expect((await l.x("PUT", stateUrl({ stateId: "s", agent: group }), { body: { a: 1 } })).statusCode).toBe(400);
    // The Group's identifier inside an Agent is the way to keep a group's data.
    const asAgent = `/xapi/agents/profile?agent=${enc(JSON.stringify({ objectType: "Agent", mbox: group.mbox }))}&profileId=prefs`;
    expect((await l.x("GET", asAgent)).statusCode).toBe(404);
    expect((await l.x("PUT", asAgent, { body: { lang: "id" }, headers: { "if-none-match": "*" } })).statusCode).toBe(204);
  });

  it("concurrent writers with the same If-Match: exactly one wins, the others get 412", async () => {
    const url = `/xapi/activities/profile?activityId=${enc(ACT)}&profileId=race`;
    await l.x("PUT", url, { body: { n: 0 }, headers: { "if-none-match": "*" } });
    const etag = String((await l.x("GET", url)).headers.etag);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => l.x("PUT", url, { body: { n: i + 1 }, headers: { "if-match": etag } })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 204)).toHaveLength(1);
    expect(codes.filter((c) => c === 412)).toHaveLength(7);
    const creators = await Promise.all(Array.from({ length: 6 }, (_, i) => l.x("PUT", `${url}-new`, { body: { n: i }, headers: { "if-none-match": "*" } })));
    expect(creators.filter((r) => r.statusCode === 204)).toHaveLength(1);
  });

  it("the activities and agents resources describe what the LRS knows", async () => {
    await l.x("POST", "/xapi/statements", {
      body: { actor: AGENT, verb: { id: "http://adlnet.gov/expapi/verbs/experienced" }, object: { id: ACT, definition: { name: { "en-US": "Doc course" } } } },
    });
    await l.x("POST", "/xapi/statements", {
      body: { actor: AGENT, verb: { id: "http://adlnet.gov/expapi/verbs/experienced" }, object: { id: ACT, definition: { name: { id: "Kursus dokumen" } } } },
    });
    const act = await l.x("GET", `/xapi/activities?activityId=${enc(ACT)}`);
    expect(act.statusCode).toBe(200);
    expect(act.json()).toEqual({ objectType: "Activity", id: ACT, definition: { name: { "en-US": "Doc course", id: "Kursus dokumen" } } });
    const unknown = await l.x("GET", `/xapi/activities?activityId=${enc("https://abdi.go.id/unknown")}`);
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toEqual({ objectType: "Activity", id: "https://abdi.go.id/unknown" });
    const person = await l.x("GET", `/xapi/agents?agent=${enc(JSON.stringify(AGENT))}`);
    expect(person.json()).toEqual({ objectType: "Person", name: [AGENT.name], mbox: [AGENT.mbox] });
    expect((await l.x("GET", "/xapi/agents")).statusCode).toBe(400);
  });
});
