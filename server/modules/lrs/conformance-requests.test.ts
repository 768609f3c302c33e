import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { activityId, clientOf, FULL_ACTIVITY, mbox, person, q, sub, V2 } from "./conformance-support.js";
import { boundaryOf, parseMultipart } from "./multipart.js";
import { ACTIVITY, AGENT, createLrs, type Lrs, statement, VERB } from "./test-support.js";

describe.each(ENGINES)("xAPI requests of the conformance suite on %s", (engine) => {
  let l: Lrs;
  const { x2, post, getOne } = clientOf(() => l);
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  // HEAD
  it("answers HEAD on every resource as GET, with no body", async () => {
    const agent = person();
    const act = activityId();
    await post(statement({ actor: agent, object: { objectType: "Activity", id: act } }));
    const state = `/xapi/activities/state?${q({ activityId: act, agent, stateId: "s" })}`;
    const aprof = `/xapi/activities/profile?${q({ activityId: act, profileId: "p" })}`;
    const gprof = `/xapi/agents/profile?${q({ agent, profileId: "p" })}`;
    for (const url of [state, aprof, gprof]) expect((await x2("POST", url, { body: { a: 1 } })).statusCode).toBe(204);
    for (const url of [`/xapi/activities?${q({ activityId: act })}`, `/xapi/agents?${q({ agent })}`, state, aprof, gprof, "/xapi/statements"]) {
      const r = await x2("HEAD", url);
      expect({ url, status: r.statusCode, body: r.body }).toEqual({ url, status: 200, body: "" });
    }
  });

  // Alternate request syntax
  it("2.0 refuses every form of the alternate request syntax", async () => {
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const content = `statementId=${randomUUID()}&content=${encodeURIComponent(JSON.stringify(statement()))}`;
    for (const [method, url, opts] of [
      ["POST", "/xapi/statements?method=GET", {}],
      ["PUT", "/xapi/statements?method=POST", {}],
      ["POST", "/xapi/statements?method=PUT", {}],
      ["POST", "/xapi/statements?method=PUT", { raw: `${content}&X-Experience-API-Version=0.8`, headers: form }],
      ["POST", `/xapi/statements?method=PUT&statementId=${randomUUID()}`, { raw: content, headers: form }],
      ["POST", "/xapi/statements?method=PUT", { raw: `${content}&X-Experience-API-Version=2.0.0`, headers: form }],
      ["POST", "/xapi/statements?method=PUT", { raw: content, headers: { "content-type": "application/json" } }],
    ] as const) {
      const r = await x2(method, url, opts);
      expect({ url, status: r.statusCode >= 400 && r.statusCode < 500 }).toEqual({ url, status: true });
    }
  });

  // Statement resource
  it.each(["PUT", "POST"])("a second %s of a known id with other content leaves the stored statement as it was", async (method) => {
    const id = randomUUID();
    const body = statement({ id });
    const url = method === "PUT" ? `/xapi/statements?statementId=${id}` : "/xapi/statements";
    expect((await x2(method, url, { body })).statusCode).toBeLessThan(300);
    await x2(method, url, { body: { ...body, verb: { id: "https://abdi.go.id/xapi/verbs/other" } } });
    expect((await getOne(id)).verb.id).toBe(VERB.id);
  });

  it("answers every statement query with a StatementResult and an ISO 8601 X-Experience-API-Consistent-Through", async () => {
    const instructor = person();
    const category = activityId();
    const reg = randomUUID();
    await post(statement({ context: { registration: reg, instructor, contextActivities: { category: [{ id: category }] } } }));
    for (const params of [
      {},
      { agent: AGENT },
      { verb: VERB.id },
      { activity: ACTIVITY.id },
      { registration: reg },
      { activity: category, related_activities: "true" },
      { agent: instructor, related_agents: "true" },
      { related_activities: "true" },
      { related_agents: "true" },
      { since: "2012-06-01T19:09:13.245Z" },
      { until: "2012-06-01T19:09:13.245Z" },
      { limit: "1" },
      { ascending: "true" },
      { format: "ids" },
      { attachments: "false" },
      { verb: "http://adlnet.gov/expapi/non/existent" },
    ]) {
      const r = await x2("GET", `/xapi/statements?${q(params)}`);
      expect({ params, status: r.statusCode }).toEqual({ params, status: 200 });
      expect(r.headers["content-type"]).toMatch(/^application\/json/);
      expect(Array.isArray(r.json().statements)).toBe(true);
      const through = String(r.headers["x-experience-api-consistent-through"]);
      expect(through).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    }
    expect((await x2("GET", `/xapi/statements?${q({ verb: "http://adlnet.gov/expapi/non/existent" })}`)).json().statements).toEqual([]);
  });

  it("attachments=true on a statement list answers multipart whose first part is the StatementResult", async () => {
    const r = await x2("GET", "/xapi/statements?attachments=true");
    expect(r.statusCode).toBe(200);
    expect(r.headers["x-experience-api-consistent-through"]).toBeTruthy();
    const type = String(r.headers["content-type"]);
    expect(type).toMatch(/^multipart\/mixed/);
    const parts = parseMultipart(r.rawPayload, boundaryOf(type) as string);
    expect(Array.isArray(JSON.parse(parts[0].body.toString()).statements)).toBe(true);
  });

  it("returns both attachments of a statement, each hash in the statement and beside its part", async () => {
    const texts = [Buffer.from("here is a simple attachment\n"), Buffer.from("here is another simple attachment\n")];
    const shas = texts.map((t) => createHash("sha256").update(t).digest("hex"));
    const s = statement({
      attachments: texts.map((t, i) => ({
        usageType: "https://abdi.go.id/xapi/attachment-usage/test",
        display: { "en-US": `Part ${i}` },
        contentType: "text/plain",
        length: t.length,
        sha2: shas[i],
      })),
    });
    const boundary = "-------abdi-two-parts";
    const chunks = [Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(s)}\r\n`)];
    texts.forEach((t, i) => {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${shas[i]}\r\n\r\n`));
      chunks.push(t, Buffer.from("\r\n"));
    });
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    const r = await x2("POST", "/xapi/statements", { raw: Buffer.concat(chunks), headers: { "content-type": `multipart/mixed; boundary=${boundary}` } });
    expect(r.statusCode, r.body).toBe(200);
    const [id] = r.json();
    const got = await x2("GET", `/xapi/statements?statementId=${id}&attachments=true`);
    expect(got.headers["content-type"]).toContain("multipart/mixed");
    for (const sha of shas) expect(got.body.split(sha).length - 1).toBe(2);
    const plain = await x2("GET", `/xapi/statements?statementId=${id}&attachments=false`);
    expect(plain.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("format=canonical with Accept-Language keeps one language; without format every language stays", async () => {
    const verb = { id: "http://adlnet.gov/expapi/verbs/attended", display: { "en-US": "attended", "en-GB": "attended (GB)" } };
    const act = { ...FULL_ACTIVITY, id: activityId() };
    const agent = person();
    const [id] = (await post(statement({ actor: agent, verb, object: act }))).json();
    const canonical = await getOne(id, { "accept-language": "en-GB" }, "&format=canonical");
    expect(canonical.actor).toEqual(agent);
    expect(canonical.verb).toEqual({ id: verb.id, display: { "en-GB": "attended (GB)" } });
    expect(canonical.object).toEqual({
      ...act,
      definition: { ...act.definition, name: { "en-GB": act.definition.name["en-GB"] }, description: { "en-GB": act.definition.description["en-GB"] } },
    });
    const exact = await getOne(id, { "accept-language": "en-GB" });
    expect(exact.verb.display).toEqual(verb.display);
    expect(exact.object.definition.name).toEqual(act.definition.name);
  });

  it("format=exact gives agents, groups, verbs and activities as received; format=ids only their identifiers", async () => {
    const agent = person();
    const group = { objectType: "Group", name: "Tim", mbox: mbox(), member: [AGENT] };
    const verb2 = { id: "http://adlnet.gov/expapi/verbs/attempted", display: { "en-US": "attempted" } };
    const act = { ...FULL_ACTIVITY, id: activityId() };
    const [id] = (await post(statement({ actor: agent, object: sub({ actor: group, verb: verb2, object: act }) }))).json();
    const exact = (await x2("GET", `/xapi/statements?${q({ format: "exact", agent })}`)).json().statements[0];
    expect(exact.id).toBe(id);
    expect([exact.actor, exact.verb, exact.object.actor, exact.object.verb, exact.object.object]).toEqual([agent, VERB, group, verb2, act]);
    const ids = (await x2("GET", `/xapi/statements?${q({ format: "ids", agent })}`)).json().statements[0];
    expect(ids.actor.mbox).toBe(agent.mbox);
    expect(Object.keys(ids.actor).length).toBeLessThanOrEqual(2);
    expect(ids.object.actor).toEqual({ objectType: "Group", mbox: group.mbox });
    expect(ids.object.object).toEqual({ id: act.id });
    expect([ids.verb.id, ids.object.verb.id]).toEqual([VERB.id, verb2.id]);
  });

  it("statementId and voidedStatementId go only with format and attachments", async () => {
    const [id] = (await post(statement())).json();
    const [voided] = (await post(statement())).json();
    await post(statement({ verb: { id: "http://adlnet.gov/expapi/verbs/voided" }, object: { objectType: "StatementRef", id: voided } }));
    for (const extra of [
      { agent: AGENT },
      { verb: VERB.id },
      { activity: ACTIVITY.id },
      { registration: randomUUID() },
      { related_activities: "true" },
      { related_agents: "true" },
      { since: "2012-06-01T19:09:13.245Z" },
      { until: "2012-06-01T19:09:13.245Z" },
      { limit: "1" },
      { ascending: "true" },
    ]) {
      for (const key of [{ statementId: id }, { voidedStatementId: voided }]) {
        const params = { ...key, ...extra };
        expect({ params, status: (await x2("GET", `/xapi/statements?${q(params)}`)).statusCode }).toEqual({ params, status: 400 });
      }
    }
    for (const extra of [{ format: "ids" }, { attachments: "true" }]) {
      expect((await x2("GET", `/xapi/statements?${q({ statementId: id, ...extra })}`)).statusCode).toBe(200);
      expect((await x2("GET", `/xapi/statements?${q({ voidedStatementId: voided, ...extra })}`)).statusCode).toBe(200);
    }
  });

  it("since, until and limit return the statements targeting a voided statement but not the voided one", async () => {
    const verb = { id: `https://abdi.go.id/xapi/verbs/voided-target/${randomUUID()}` };
    const since = new Date(Date.now() - 4000).toISOString();
    const voided = randomUUID();
    const voiding = randomUUID();
    const ref = randomUUID();
    await post(statement({ id: voided, verb }));
    await post(statement({ id: voiding, verb: { id: "http://adlnet.gov/expapi/verbs/voided" }, object: { objectType: "StatementRef", id: voided } }));
    await post(statement({ id: ref, verb, object: { objectType: "StatementRef", id: voided } }));
    const until = new Date(Date.now() + 4000).toISOString();
    const ids = async (params: Record<string, unknown>) =>
      (await x2("GET", `/xapi/statements?${q({ verb: verb.id, ...params })}`)).json().statements.map((s: { id: string }) => s.id);
    for (const params of [{ since }, { until }]) {
      const found = await ids(params);
      expect(found).toContain(ref);
      expect(found).toContain(voiding);
      expect(found).not.toContain(voided);
    }
    expect(await ids({ limit: "1" })).toEqual([ref]);
    expect(await ids({})).toEqual([ref, voiding]);
  });

  it("related_activities and related_agents find what sits in a sub-statement's context", async () => {
    const category = activityId();
    const instructor = person();
    const [id] = (await post(statement({ object: sub({ context: { instructor, contextActivities: { category: [{ id: category }] } } }) }))).json();
    const byActivity = (await x2("GET", `/xapi/statements?${q({ activity: category, related_activities: "true" })}`)).json().statements;
    expect(byActivity.map((s: { id: string }) => s.id)).toEqual([id]);
    const byAgent = (await x2("GET", `/xapi/statements?${q({ agent: instructor, related_agents: "true" })}`)).json().statements;
    expect(byAgent.map((s: { id: string }) => s.id)).toEqual([id]);
  });

  it("does not change the actor, verb or object of a statement it stores", async () => {
    const body = statement({ actor: person(), object: { ...FULL_ACTIVITY, id: activityId() } });
    const [id] = (await post(body)).json();
    const s = await getOne(id);
    expect([s.actor, s.verb, s.object]).toEqual([body.actor, body.verb, body.object]);
  });

  // Documents
  it("a document merge overwrites top-level keys and replaces nested objects whole", async () => {
    const url = `/xapi/activities/state?${q({ activityId: activityId(), agent: person(), stateId: randomUUID() })}`;
    expect((await x2("POST", url, { body: { car: "MKX" } })).statusCode).toBe(204);
    expect((await x2("POST", url, { body: { car: "MKZ" } })).statusCode).toBe(204);
    expect((await x2("GET", url)).json()).toEqual({ car: "MKZ" });
    const deep = `/xapi/activities/state?${q({ activityId: activityId(), agent: person(), stateId: randomUUID() })}`;
    await x2("POST", deep, { body: { car: { make: "Ford", model: "Escape" }, driver: "Dale", series: { nascar: { series: "sprint" } } } });
    await x2("POST", deep, { body: { car: { make: "Dodge" }, series: { nascar: { series: "nextel" } } } });
    expect((await x2("GET", deep)).json()).toEqual({ car: { make: "Dodge" }, driver: "Dale", series: { nascar: { series: "nextel" } } });
  });

  // Agents
  it.each([
    ["mbox_sha1sum", { mbox_sha1sum: createHash("sha1").update("mailto:hash@example.go.id").digest("hex") }],
    ["openid", { openid: "https://openid.example.go.id/dewi" }],
    ["account", { account: { homePage: "https://abdi.go.id", name: "dewi" } }],
  ])("the agents resource answers a Person whose %s is an array", async (key, ifi) => {
    const actor = { objectType: "Agent", ...ifi };
    expect((await post(statement({ actor }))).statusCode).toBe(200);
    const r = await x2("GET", `/xapi/agents?${q({ agent: actor })}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().objectType).toBe("Person");
    expect(r.json()[key]).toEqual([(ifi as Record<string, unknown>)[key]]);
  });

  // Activities
  it("the activities resource answers the complete activity object, and 400 without activityId", async () => {
    const act = { ...FULL_ACTIVITY, id: activityId() };
    await post(statement({ object: act }));
    const r = await x2("GET", `/xapi/activities?${q({ activityId: act.id })}`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual(act);
    expect((await x2("GET", "/xapi/activities")).statusCode).toBe(400);
  });

  // Agent profile
  it("agent profile: writes, reads, lists and deletes with 2.0 preconditions", async () => {
    const agent = person();
    const profileId = randomUUID();
    const url = `/xapi/agents/profile?${q({ agent, profileId })}`;
    expect((await x2("PUT", url, { body: { a: 1 }, headers: { "if-none-match": "*" } })).statusCode).toBe(204);
    expect((await x2("GET", url)).json()).toEqual({ a: 1 });
    const other = `/xapi/agents/profile?${q({ agent, profileId: randomUUID() })}`;
    expect((await x2("POST", other, { body: { b: 1 } })).statusCode).toBe(204);
    expect((await x2("GET", other)).json()).toEqual({ b: 1 });
    expect((await x2("POST", other, { body: { c: 1 } })).statusCode).toBe(204);
    expect((await x2("GET", other)).json()).toEqual({ b: 1, c: 1 });
    const since = new Date(Date.now() - 60_000).toISOString();
    const listed = await x2("GET", `/xapi/agents/profile?${q({ agent, since })}`);
    expect(listed.json()).toContain(profileId);
    expect((await x2("DELETE", other)).statusCode).toBe(204);
    expect((await x2("GET", other)).statusCode).toBe(404);
  });

  it("agent profile: agent and profileId are required and checked for every method", async () => {
    const agent = person();
    const noAgent = `/xapi/agents/profile?${q({ profileId: "p" })}`;
    const badAgent = `/xapi/agents/profile?${q({ agent: true, profileId: "p" })}`;
    const noProfile = `/xapi/agents/profile?${q({ agent })}`;
    const ifNone = { "if-none-match": "*" };
    for (const [method, url, opts] of [
      ["PUT", noAgent, { body: { a: 1 }, headers: ifNone }],
      ["POST", noAgent, { body: { a: 1 } }],
      ["DELETE", noAgent, {}],
      ["GET", "/xapi/agents/profile", {}],
      ["PUT", badAgent, { body: { a: 1 }, headers: ifNone }],
      ["POST", badAgent, { body: { a: 1 } }],
      ["DELETE", badAgent, {}],
      ["GET", badAgent, {}],
      ["PUT", noProfile, { body: { a: 1 }, headers: ifNone }],
      ["POST", noProfile, { body: { a: 1 } }],
      ["DELETE", noProfile, {}],
      ["GET", `/xapi/agents/profile?${q({ agent, since: true })}`, {}],
    ] as const) {
      expect({ method, url, status: (await x2(method, url, opts)).statusCode }).toEqual({ method, url, status: 400 });
    }
    const broken = `/xapi/agents/profile?profileId=p&agent=${encodeURIComponent(JSON.stringify(agent)).replace("%3A", "%22")}`;
    expect((await x2("POST", broken, { body: { a: 1 } })).statusCode).toBe(400);
  });

  it("agent profile: a POST that cannot merge is refused and changes nothing", async () => {
    const url = () => `/xapi/agents/profile?${q({ agent: person(), profileId: randomUUID() })}`;
    const json = url();
    await x2("POST", json, { body: { a: 1 } });
    for (const [raw, type] of [
      ["abcdefg", "application/octet-stream"],
      ["abcdefg", "not/json"],
      ['{"b":1}{', "application/json"],
    ]) {
      expect((await x2("POST", json, { raw, headers: { "content-type": type } })).statusCode).toBe(400);
    }
    expect((await x2("GET", json)).json()).toEqual({ a: 1 });
    const octets = url();
    await x2("PUT", octets, { raw: "/ asdf / undefined", headers: { "content-type": "application/octet-stream", "if-none-match": "*" } });
    expect((await x2("POST", octets, { body: { a: 1 } })).statusCode).toBe(400);
    expect((await x2("GET", octets)).body).toBe("/ asdf / undefined");
  });

  // Concurrency
  it("2.0 concurrency: quoted SHA-1 ETags, If-Match and If-None-Match, 409 for a blind PUT over a document", async () => {
    const gp = `/xapi/agents/profile?${q({ agent: person(), profileId: randomUUID() })}`;
    const ap = `/xapi/activities/profile?${q({ activityId: activityId(), profileId: randomUUID() })}`;
    for (const url of [gp, ap]) {
      expect((await x2("PUT", url, { body: { v: 1 }, headers: { "if-none-match": "*" } })).statusCode).toBe(204);
      const got = await x2("GET", url);
      expect(got.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
      expect((await x2("PUT", url, { body: { v: 2 }, headers: { "if-none-match": "*" } })).statusCode).toBe(412);
      expect((await x2("PUT", url, { body: { v: 2 }, headers: { "if-match": `"${"1".repeat(40)}"` } })).statusCode).toBe(412);
      const blind = await x2("PUT", url, { body: { v: 2 } });
      expect(blind.statusCode).toBe(409);
      expect(blind.body.length).toBeGreaterThan(0);
      expect((await x2("GET", url)).json()).toEqual({ v: 1 });
      expect((await x2("PUT", url, { body: { v: 3 }, headers: { "if-match": String(got.headers.etag) } })).statusCode).toBe(204);
      expect((await x2("GET", url)).json()).toEqual({ v: 3 });
    }
  });

  it.each(["1.0.3", V2])("%s agent profile: a PUT with neither If-Match nor If-None-Match creates nothing (400)", async (version) => {
    const url = `/xapi/agents/profile?${q({ agent: person(), profileId: randomUUID() })}`;
    expect((await l.x("PUT", url, { version, body: { a: 1 } })).statusCode).toBe(400);
    expect((await l.x("GET", url, { version })).statusCode).toBe(404);
  });

  it("an activity profile or state PUT with neither header may create the document", async () => {
    const ap = `/xapi/activities/profile?${q({ activityId: activityId(), profileId: randomUUID() })}`;
    const st = `/xapi/activities/state?${q({ activityId: activityId(), agent: person(), stateId: randomUUID() })}`;
    for (const url of [ap, st]) {
      expect((await l.x("PUT", url, { body: { a: 1 } })).statusCode).toBe(204);
      expect((await l.x("GET", url)).json()).toEqual({ a: 1 });
    }
  });

  // Error codes
  it.each([
    ["StatementId", randomUUID()],
    ["VoidedStatementId", randomUUID()],
    ["Agent", AGENT],
    ["Verb", "http://adlnet.gov/expapi/verbs/attended"],
    ["Activity", ACTIVITY.id],
    ["Registration", randomUUID()],
    ["Related_Activities", "true"],
    ["Related_Agents", "true"],
    ["Since", "2012-06-01T19:09:13.245Z"],
    ["Until", "2012-06-01T19:09:13.245Z"],
    ["Limit", "10"],
    ["Format", "ids"],
    ["Attachments", "true"],
    ["Ascending", "true"],
  ])("refuses the parameter %s written in another case", async (name, value) => {
    expect((await x2("GET", `/xapi/statements?${q({ [name]: value })}`)).statusCode).toBe(400);
    if (name === "StatementId") expect((await x2("PUT", `/xapi/statements?${q({ [name]: value })}`, { body: statement() })).statusCode).toBe(400);
  });
});
