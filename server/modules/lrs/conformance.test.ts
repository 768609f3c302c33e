import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { AGENT, createLrs, type Lrs, statement, VERB } from "./test-support.js";

const q = (o: Record<string, unknown>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === "string" ? v : JSON.stringify(v))}`)
    .join("&");

const VERSIONS = ["1.0.3", "2.0.0"] as const;

describe.each(ENGINES)("xAPI requirements of the conformance suites on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  it.each(VERSIONS)("a refused statement GET still carries X-Experience-API-Consistent-Through (%s)", async (version) => {
    for (const url of ["/xapi/statements?LIMIT=1", `/xapi/statements?statementId=${randomUUID()}&verb=x`, `/xapi/statements?statementId=${randomUUID()}`]) {
      const r = await l.x("GET", url, { version });
      expect(r.statusCode).toBeGreaterThanOrEqual(400);
      expect(Number.isNaN(Date.parse(String(r.headers["x-experience-api-consistent-through"])))).toBe(false);
    }
  });

  it.each(VERSIONS)("format=ids gives an activity as its id alone, a verb as its id, an identified group as type and IFI (%s)", async (version) => {
    const group = { objectType: "Group", name: "Tim", mbox: `mailto:g-${randomUUID()}@example.go.id`, member: [AGENT] };
    const activity = { objectType: "Activity", id: `https://abdi.go.id/xapi/activities/${randomUUID()}`, definition: { name: { "en-US": "A" } } };
    const sub = { objectType: "SubStatement", actor: group, verb: { id: "http://adlnet.gov/expapi/verbs/attempted", display: { en: "x" } }, object: activity };
    const [id] = (await l.x("POST", "/xapi/statements", { version, body: statement({ object: sub }) })).json();
    for (const url of [
      `/xapi/statements?statementId=${id}&format=ids`,
      `/xapi/statements?format=ids&related_activities=true&activity=${encodeURIComponent(activity.id)}`,
    ]) {
      const r = await l.x("GET", url, { version });
      expect(r.statusCode).toBe(200);
      const body = r.json();
      const s = body.statements ? body.statements.find((x: { id: string }) => x.id === id) : body;
      expect(s.object.object).toEqual({ id: activity.id });
      expect(s.object.actor).toEqual({ objectType: "Group", mbox: group.mbox });
      expect(s.verb).toEqual({ id: VERB.id });
      expect(Object.keys(s.actor).length).toBeLessThanOrEqual(2);
    }
  });

  it("2.0 refuses a batch naming one id twice; 1.0.3 stores the repeat once", async () => {
    const id = randomUUID();
    const twice = [statement({ id }), statement({ id })];
    expect((await l.x("POST", "/xapi/statements", { version: "2.0.0", body: twice })).statusCode).toBe(400);
    expect((await l.x("GET", `/xapi/statements?statementId=${id}`, { version: "2.0.0" })).statusCode).toBe(404);
    expect((await l.x("POST", "/xapi/statements", { version: "1.0.3", body: twice })).statusCode).toBe(200);
  });

  it("2.0 accepts an RFC 3339 timestamp with a space between date and time", async () => {
    const r = await l.x("POST", "/xapi/statements", { version: "2.0.0", body: statement({ timestamp: "2008-09-15 15:53:00.601+00:00" }) });
    expect(r.statusCode).toBe(200);
    for (const bad of ["2008-09-15T15:53:00.601-00", "2008-09-15T15:53:00.601-0000", "2008-09-15T15:53:00.601-00:00", "01/011/2015", "2008-09-15  15:53:00Z"]) {
      expect((await l.x("POST", "/xapi/statements", { version: "2.0.0", body: statement({ timestamp: bad }) })).statusCode).toBe(400);
    }
  });

  it("2.0 takes a null timestamp as none given: the timestamp becomes the stored time", async () => {
    const id = randomUUID();
    expect((await l.x("POST", "/xapi/statements", { version: "2.0.0", body: statement({ id, timestamp: null }) })).statusCode).toBe(200);
    const s = (await l.x("GET", `/xapi/statements?statementId=${id}`, { version: "2.0.0" })).json();
    expect(s.timestamp).toBe(s.stored);
    // Other nulls stay refused.
    expect((await l.x("POST", "/xapi/statements", { version: "2.0.0", body: statement({ context: { registration: null } }) })).statusCode).toBe(400);
  });

  it.each(VERSIONS)("a single statement GET has Last-Modified equal to its stored time (%s)", async (version) => {
    const [id] = (await l.x("POST", "/xapi/statements", { version, body: statement() })).json();
    const r = await l.x("GET", `/xapi/statements?statementId=${id.toUpperCase()}`, { version });
    expect(r.statusCode).toBe(200);
    const stored = Date.parse(r.json().stored);
    expect(Date.parse(String(r.headers["last-modified"]))).toBe(stored - (stored % 1000));
    expect(r.headers["content-type"]).toMatch(/^application\/json/);
  });

  it.each(VERSIONS)("documents: quoted SHA-1 ETag, 412 on a wrong If-Match for PUT, POST and DELETE (%s)", async (version) => {
    const agent = JSON.stringify({ objectType: "Agent", mbox: `mailto:${randomUUID()}@example.go.id` });
    const resources = [
      `/xapi/activities/state?${q({ activityId: "http://example.com/a", agent, stateId: randomUUID() })}`,
      `/xapi/activities/profile?${q({ activityId: "http://example.com/a", profileId: randomUUID() })}`,
      `/xapi/agents/profile?${q({ agent, profileId: randomUUID() })}`,
    ];
    for (const url of resources) {
      expect((await l.x("POST", url, { version, body: { a: 1 } })).statusCode).toBe(204);
      const got = await l.x("GET", url, { version });
      expect(got.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
      const etag = String(got.headers.etag);
      for (const method of ["PUT", "POST", "DELETE"]) {
        const r = await l.x(method, url, { version, body: method === "DELETE" ? undefined : { b: 2 }, headers: { "if-match": "1234" } });
        expect(r.statusCode).toBe(412);
      }
      expect((await l.x("POST", url, { version, body: { b: 2 }, headers: { "if-match": etag } })).statusCode).toBe(204);
      expect((await l.x("GET", url, { version })).json()).toEqual({ a: 1, b: 2 });
      const now = String((await l.x("GET", url, { version })).headers.etag);
      expect((await l.x("DELETE", url, { version, headers: { "if-match": now } })).statusCode).toBe(204);
      expect((await l.x("GET", url, { version })).statusCode).toBe(404);
    }
  });

  it("state: DELETE without stateId removes all of an activity and agent, or only a registration's", async () => {
    const agent = JSON.stringify({ objectType: "Agent", mbox: `mailto:${randomUUID()}@example.go.id` });
    const reg = randomUUID();
    const base = { activityId: "http://example.com/b", agent };
    for (const extra of [{ stateId: "x" }, { stateId: "y" }, { stateId: "x", registration: reg }]) {
      expect((await l.x("PUT", `/xapi/activities/state?${q({ ...base, ...extra })}`, { raw: "t", headers: { "content-type": "text/plain" } })).statusCode).toBe(
        204,
      );
    }
    expect((await l.x("DELETE", `/xapi/activities/state?${q({ ...base, registration: reg })}`)).statusCode).toBe(204);
    expect((await l.x("GET", `/xapi/activities/state?${q({ ...base, registration: reg })}`)).json()).toEqual([]);
    expect((await l.x("GET", `/xapi/activities/state?${q(base)}`)).json().sort()).toEqual(["x", "y"]);
    expect((await l.x("DELETE", `/xapi/activities/state?${q(base)}`)).statusCode).toBe(204);
    expect((await l.x("GET", `/xapi/activities/state?${q(base)}`)).json()).toEqual([]);
  });

  it.each(VERSIONS)("documents: a JSON body with a charset merges; POST over a non-JSON document is a 400 (%s)", async (version) => {
    const url = `/xapi/activities/profile?${q({ activityId: "http://example.com/c", profileId: randomUUID() })}`;
    const ct = { "content-type": "application/json; charset=utf-8" };
    expect((await l.x("POST", url, { version, raw: '{"a":1}', headers: ct })).statusCode).toBe(204);
    expect((await l.x("POST", url, { version, raw: '{"b":1}', headers: ct })).statusCode).toBe(204);
    expect((await l.x("GET", url, { version })).json()).toEqual({ a: 1, b: 1 });
    const other = `/xapi/activities/profile?${q({ activityId: "http://example.com/c", profileId: randomUUID() })}`;
    expect((await l.x("PUT", other, { version, raw: "plain", headers: { "content-type": "text/plain" } })).statusCode).toBe(204);
    expect((await l.x("POST", other, { version, raw: '{"b":1}', headers: ct })).statusCode).toBe(400);
  });

  it.each(VERSIONS)("the agents resource answers a Person with arrays, and 400 for an agent without an IFI (%s)", async (version) => {
    const r = await l.x("GET", `/xapi/agents?${q({ agent: AGENT })}`, { version });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ objectType: "Person", name: [AGENT.name], mbox: [AGENT.mbox] });
    expect((await l.x("GET", `/xapi/agents?${q({ agent: { objectType: "Agent", name: "x" } })}`, { version })).statusCode).toBe(400);
    expect((await l.x("GET", "/xapi/agents", { version })).statusCode).toBe(400);
  });

  it.each(VERSIONS)("the activities resource answers an Activity Object also for an activity it holds no definition of (%s)", async (version) => {
    const id = `http://www.example.com/never-seen/${randomUUID()}`;
    const r = await l.x("GET", `/xapi/activities?activityId=${encodeURIComponent(id)}`, { version });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ objectType: "Activity", id });
    expect((await l.x("GET", "/xapi/activities", { version })).statusCode).toBe(400);
    expect((await l.x("GET", "/xapi/activities?activityId=true", { version })).statusCode).toBe(400);
  });

  it("a method a resource does not have is a 405 even without credentials", async () => {
    const agent = encodeURIComponent(JSON.stringify(AGENT));
    for (const [method, url] of [
      ["DELETE", `/xapi/statements?statementId=${randomUUID()}`],
      ["DELETE", "/xapi/activities?activityId=http://www.example.com/a"],
      ["POST", "/xapi/activities?activityId=http://www.example.com/a"],
      ["PUT", "/xapi/activities?activityId=http://www.example.com/a"],
      ["DELETE", `/xapi/agents?agent=${agent}`],
      ["POST", `/xapi/agents?agent=${agent}`],
    ]) {
      const r = await l.x(method, url, { version: "1.0.1", auth: null });
      expect(r.statusCode).toBe(405);
      expect(r.headers["x-experience-api-version"]).toBe("1.0.3");
      expect((await l.x(method, url, { version: "2.0.0" })).statusCode).toBe(405);
    }
    expect((await l.x("GET", "/xapi/statements", { auth: null })).statusCode).toBe(401);
  });

  it("about: a 1.0.x client is told only of 1.0.x versions; a 2.0 client or one without the header also of 2.0.0", async () => {
    const v1 = (await l.x("GET", "/xapi/about", { version: "1.0.3", auth: null })).json().version as string[];
    expect(v1).toContain("1.0.1");
    expect(v1.every((v) => ["0.9", "0.95", "1.0.0", "1.0.1", "1.0.2", "1.0.3"].includes(v))).toBe(true);
    expect((await l.x("GET", "/xapi/about", { version: "2.0.0", auth: null })).json().version).toContain("2.0.0");
    expect((await l.x("GET", "/xapi/about", { version: null, auth: null })).json().version).toEqual(expect.arrayContaining(["1.0.3", "2.0.0"]));
    const head = await l.x("HEAD", "/xapi/about", { version: "1.0.3" });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe("");
  });

  it.each(VERSIONS)("a GET or DELETE carrying a JSON body is answered as without one (%s)", async (version) => {
    const agent = JSON.stringify({ objectType: "Agent", account: { homePage: "http://www.example.com/agentId/1", name: "Rick James" } });
    const url = `/xapi/activities/state?${q({ activityId: "http://www.example.com/activityId/hashset", agent, stateId: randomUUID() })}`;
    expect((await l.x("POST", url, { version, body: { a: 1 } })).statusCode).toBe(204);
    const got = await l.x("GET", url, { version, body: { b: 2 } });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual({ a: 1 });
    expect((await l.x("HEAD", url, { version, body: { b: 2 } })).statusCode).toBe(200);
    expect((await l.x("GET", "/xapi/statements?limit=1", { version, body: { b: 2 } })).statusCode).toBe(200);
    expect((await l.x("DELETE", url, { version, body: { b: 2 } })).statusCode).toBe(204);
    expect((await l.x("GET", url, { version })).statusCode).toBe(404);
  });

  it.each(VERSIONS)("documents: since beside a document id is checked but does not hide the document (%s)", async (version) => {
    const agent = JSON.stringify(AGENT);
    const urls = [
      `/xapi/activities/state?${q({ activityId: "http://example.com/s", agent, stateId: randomUUID() })}`,
      `/xapi/activities/profile?${q({ activityId: "http://example.com/s", profileId: randomUUID() })}`,
      `/xapi/agents/profile?${q({ agent, profileId: randomUUID() })}`,
    ];
    for (const url of urls) {
      expect((await l.x("POST", url, { version, body: { a: 1 } })).statusCode).toBe(204);
      const since = new Date(Date.now() + 60_000).toISOString();
      const got = await l.x("GET", `${url}&since=${since}`, { version });
      expect(got.statusCode).toBe(200);
      expect(got.json()).toEqual({ a: 1 });
      expect((await l.x("GET", `${url}&since=not%20a%20timestamp`, { version })).statusCode).toBe(400);
    }
  });

  it.each(VERSIONS)(
    "a POST of a statement already stored with the same content changes nothing and answers 204; a new one beside it 200 (%s)",
    async (version) => {
      const id = randomUUID();
      const body = statement({ id });
      expect((await l.x("PUT", `/xapi/statements?statementId=${id}`, { version, body })).statusCode).toBe(204);
      expect((await l.x("POST", "/xapi/statements", { version, body })).statusCode).toBe(204);
      const both = await l.x("POST", "/xapi/statements", { version, body: [body, statement()] });
      expect(both.statusCode).toBe(200);
      expect(both.json()[0]).toBe(id);
      expect((await l.x("POST", "/xapi/statements", { version, body: { ...body, verb: { id: "http://example.com/other" } } })).statusCode).toBe(409);
    },
  );

  it.each(VERSIONS)("statement GETs without attachments answer exactly application/json (%s)", async (version) => {
    const [id] = (await l.x("POST", "/xapi/statements", { version, body: statement() })).json();
    for (const url of [
      `/xapi/statements?statementId=${id}`,
      `/xapi/statements?statementId=${id}&attachments=false`,
      "/xapi/statements?limit=1",
      "/xapi/statements?format=ids&limit=1",
    ]) {
      expect((await l.x("GET", url, { version })).headers["content-type"]).toBe("application/json");
    }
  });

  it("1.0.3 alternate syntax: headers the request carries win over form fields of the same name", async () => {
    const id = randomUUID();
    const form = `statementId=${id}&X-Experience-API-Version=0.8&content=${encodeURIComponent(JSON.stringify(statement()))}`;
    const put = await l.x("POST", "/xapi/statements?method=PUT", { raw: form, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(put.statusCode, put.body).toBe(204);
    expect((await l.x("GET", `/xapi/statements?statementId=${id}`)).statusCode).toBe(200);
    const alone = await l.x("POST", "/xapi/statements?method=GET", {
      raw: "limit=1&X-Experience-API-Version=1.0.3",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      version: null,
    });
    expect(alone.statusCode).toBe(200);
    expect(alone.json()).toHaveProperty("more");
    expect((await l.x("POST", "/xapi/statements?method=PUT", { raw: "", headers: { "content-type": "application/x-www-form-urlencoded" } })).statusCode).toBe(
      400,
    );
    const lower = `X-Experience-API-Version=1.0.2&content=${encodeURIComponent(JSON.stringify(statement()))}`;
    expect(
      (await l.x("POST", "/xapi/statements?method=post", { raw: lower, headers: { "content-type": "application/x-www-form-urlencoded" } })).statusCode,
    ).toBe(200);
    const withAttachments = `statementId=${randomUUID()}&content=${encodeURIComponent(JSON.stringify(statement({ attachments: [] })))}`;
    const viaForm = await l.x("POST", "/xapi/statements?method=PUT", {
      raw: withAttachments,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(viaForm.statusCode).toBe(400);
    expect(
      (await l.x("GET", "/xapi/statements?method=POST", { raw: "content=x", headers: { "content-type": "application/x-www-form-urlencoded" } })).statusCode,
    ).toBe(400);
  });

  it.each(VERSIONS)("authority is an Agent or an anonymous Group of exactly two Agents (%s)", async (version) => {
    const a = { objectType: "Agent", account: { homePage: "http://example.com/xAPI/OAuth/Token", name: "oauth_consumer_x75db" } };
    const b = { objectType: "Agent", mbox: "mailto:bob@example.com" };
    const c = { mbox: "mailto:james@example.com" };
    const post = (authority: unknown) => l.x("POST", "/xapi/statements", { version, body: statement({ authority }) });
    expect((await post(b)).statusCode).toBe(200);
    expect((await post({ objectType: "Group", member: [a, b] })).statusCode).toBe(200);
    for (const bad of [
      { objectType: "Group", member: [a, b], mbox: "mailto:g@example.com" },
      { objectType: "Group", member: [a, b], openid: "http://openid.example.org/12345" },
      { objectType: "Group", openid: "http://openid.example.org/12345" },
      { objectType: "Group", member: [b] },
      { objectType: "Group", member: [a, b, c] },
    ]) {
      expect((await post(bad)).statusCode).toBe(400);
    }
  });

  it.each(VERSIONS)("documents: POST with nothing stored stores any content as PUT would; an empty or broken JSON body is a 400 (%s)", async (version) => {
    const agent = JSON.stringify(AGENT);
    const bases = [
      `/xapi/activities/state?${q({ activityId: "http://example.com/p", agent })}`,
      `/xapi/activities/profile?${q({ activityId: "http://example.com/p" })}`,
      `/xapi/agents/profile?${q({ agent })}`,
    ];
    for (const base of bases) {
      const id = base.includes("state") ? "stateId" : "profileId";
      const form = { "content-type": "application/x-www-form-urlencoded" };
      for (const raw of ["1", "true"]) {
        const url = `${base}&${id}=${randomUUID()}`;
        expect((await l.x("POST", url, { version, raw, headers: form })).statusCode).toBe(204);
        const got = await l.x("GET", url, { version });
        expect(got.body).toBe(raw);
        // Stored content that is not JSON cannot take a merge.
        expect((await l.x("POST", url, { version, body: { a: 1 } })).statusCode).toBe(400);
      }
      expect((await l.x("POST", `${base}&${id}=${randomUUID()}`, { version, body: {} })).statusCode).toBe(204);
      expect((await l.x("POST", `${base}&${id}=${randomUUID()}`, { version, raw: "" })).statusCode).toBe(400);
      expect(
        (await l.x("POST", `${base}&${id}=${randomUUID()}`, { version, raw: '{"a":1}{', headers: { "content-type": "application/json" } })).statusCode,
      ).toBe(400);
    }
  });
});
