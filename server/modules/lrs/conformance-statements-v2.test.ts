import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { closing, jsonPart, MIXED, sha, TEXT_A, TEXT_B, textAttachment, textPart } from "./conformance-support.js";
import { boundaryOf, parseMultipart } from "./multipart.js";
import { ACTIVITY, AGENT, createLrs, type Lrs, statement, VERB } from "./test-support.js";

const V = "2.0.0";
const enc = encodeURIComponent;
const q = (o: Record<string, unknown>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${enc(typeof v === "string" ? v : JSON.stringify(v))}`)
    .join("&");

const isIsoDateTime = (s: unknown) => typeof s === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s);

describe.each(ENGINES)("xAPI 2.0 statement resource queries on %s", (engine) => {
  let l: Lrs;
  const reg = randomUUID();
  const instructor = { objectType: "Agent", name: "Pak Joko", mbox: `mailto:joko-${randomUUID()}@example.go.id` };
  const category = {
    id: `https://abdi.go.id/xapi/activities/category/${randomUUID()}`,
    definition: { name: { "en-US": "Category", "en-GB": "Category (GB)" } },
  };
  const base = statement({
    actor: { objectType: "Agent", name: "Rina", mbox: `mailto:rina-${randomUUID()}@example.go.id` },
    verb: { id: `https://abdi.go.id/xapi/verbs/${randomUUID()}`, display: { "en-US": "attended", "en-GB": "attended (GB)" } },
    object: { objectType: "Activity", id: `https://abdi.go.id/xapi/activities/${randomUUID()}` },
    context: { registration: reg, instructor, contextActivities: { category: [category] } },
  });
  let storedId = "";
  beforeAll(async () => {
    l = await createLrs(engine);
    const r = await l.x("POST", "/xapi/statements", { version: V, body: base });
    expect(r.statusCode).toBe(200);
    storedId = r.json()[0];
  });
  afterAll(() => l.t.close());

  const FILTERS: [string, () => Record<string, unknown>, boolean][] = [
    ["no parameter", () => ({}), true],
    ["agent", () => ({ agent: base.actor }), true],
    ["verb", () => ({ verb: (base.verb as { id: string }).id }), true],
    ["activity", () => ({ activity: (base.object as { id: string }).id }), true],
    ["registration", () => ({ registration: reg }), true],
    ["related_activities", () => ({ activity: category.id, related_activities: "true" }), true],
    ["related_agents", () => ({ agent: instructor, related_agents: "true" }), true],
    ["since", () => ({ since: "2012-06-01T19:09:13.245Z" }), true],
    ["until", () => ({ until: "2012-06-01T19:09:13.245Z" }), false],
    ["limit", () => ({ limit: "1" }), true],
    ["ascending", () => ({ ascending: "true" }), true],
    ["format", () => ({ format: "ids" }), true],
    ["attachments=false", () => ({ attachments: "false" }), true],
    ["an unknown verb", () => ({ verb: "http://adlnet.gov/expapi/non/existent" }), false],
  ];

  it.each(FILTERS)(
    "GET with %s answers a StatementResult with a Content-Type and an ISO 8601 X-Experience-API-Consistent-Through",
    async (_name, params, found) => {
      const r = await l.x("GET", `/xapi/statements?${q(params())}`, { version: V });
      expect(r.statusCode).toBe(200);
      expect(r.headers["content-type"]).toMatch(/^application\/json/);
      expect(isIsoDateTime(r.headers["x-experience-api-consistent-through"])).toBe(true);
      const statements = r.json().statements as { id: string }[];
      expect(Array.isArray(statements)).toBe(true);
      expect(statements.some((s) => s.id === storedId)).toBe(found);
    },
  );

  it.each([
    ["agent", { agent: AGENT }],
    ["verb", { verb: VERB.id }],
    ["activity", { activity: ACTIVITY.id }],
    ["registration", { registration: randomUUID() }],
    ["related_activities", { related_activities: "true" }],
    ["related_agents", { related_agents: "true" }],
    ["since", { since: "2012-06-01T19:09:13.245Z" }],
    ["until", { until: "2012-06-01T19:09:13.245Z" }],
    ["limit", { limit: "1" }],
    ["ascending", { ascending: "true" }],
  ])("statementId and voidedStatementId cannot be combined with %s", async (_name, extra) => {
    expect((await l.x("GET", `/xapi/statements?${q({ statementId: storedId, ...extra })}`, { version: V })).statusCode).toBe(400);
    expect((await l.x("GET", `/xapi/statements?${q({ voidedStatementId: randomUUID(), ...extra })}`, { version: V })).statusCode).toBe(400);
  });

  it("statementId and voidedStatementId may be combined with format and attachments", async () => {
    const target = randomUUID();
    expect((await l.x("POST", "/xapi/statements", { version: V, body: statement({ id: target }) })).statusCode).toBe(200);
    const voiding = statement({ verb: { id: "http://adlnet.gov/expapi/verbs/voided" }, object: { objectType: "StatementRef", id: target } });
    expect((await l.x("POST", "/xapi/statements", { version: V, body: voiding })).statusCode).toBe(200);
    for (const extra of [{ format: "ids" }, { attachments: "true" }]) {
      const one = await l.x("GET", `/xapi/statements?${q({ statementId: storedId, ...extra })}`, { version: V });
      expect(one.statusCode).toBe(200);
      const voided = await l.x("GET", `/xapi/statements?${q({ voidedStatementId: target, ...extra })}`, { version: V });
      expect(voided.statusCode).toBe(200);
    }
    expect((await l.x("GET", `/xapi/statements?${q({ statementId: target })}`, { version: V })).statusCode).toBe(404);
  });

  it("canonical with Accept-Language keeps the one language asked for; without format every language stays", async () => {
    const canonical = await l.x("GET", `/xapi/statements?${q({ statementId: storedId, format: "canonical" })}`, {
      version: V,
      headers: { "accept-language": "en-GB" },
    });
    expect(canonical.statusCode).toBe(200);
    const c = canonical.json();
    expect(c.verb.display).toEqual({ "en-GB": "attended (GB)" });
    expect(c.context.contextActivities.category[0].definition.name).toEqual({ "en-GB": "Category (GB)" });
    const exact = (await l.x("GET", `/xapi/statements?${q({ statementId: storedId })}`, { version: V, headers: { "accept-language": "en-GB" } })).json();
    expect(Object.keys(exact.verb.display).sort()).toEqual(["en-GB", "en-US"]);
    expect(Object.keys(exact.context.contextActivities.category[0].definition.name).sort()).toEqual(["en-GB", "en-US"]);
  });

  it("format exact gives agents, groups, verbs and activities as received; canonical keeps one language of them", async () => {
    const agent = { objectType: "Agent", name: "Sari", mbox: `mailto:sari-${randomUUID()}@example.go.id` };
    const group = { objectType: "Group", name: "Tim Uji", mbox: `mailto:tim-${randomUUID()}@example.go.id` };
    const verb1 = { id: "https://abdi.go.id/xapi/verbs/shared", display: { "en-GB": "shared (GB)", "en-US": "shared", "ko-KR": "공유", "is-IS": "deildi" } };
    const verb2 = { id: "https://abdi.go.id/xapi/verbs/reviewed", display: { "en-US": "reviewed", "en-GB": "reviewed (GB)" } };
    const activity = {
      objectType: "Activity",
      id: `https://abdi.go.id/xapi/activities/unicode/${randomUUID()}`,
      definition: {
        name: { en: "Other", "en-GB": "Meeting (GB)", "en-US": "Meeting", "ja-JP": "会議", "ar-EG": "اجتماع" },
        description: { "en-US": "A meeting", "en-GB": "A meeting (GB)" },
        type: "http://adlnet.gov/expapi/activities/cmi.interaction",
        moreInfo: "https://abdi.go.id/meetings",
        interactionType: "other",
        correctResponsesPattern: ["(35.937432,-86.868896)"],
        extensions: { "https://abdi.go.id/xapi/extensions/reporter": { name: "Tomas", id: "https://abdi.go.id/people/342" } },
      },
    };
    const s = statement({ actor: agent, verb: verb1, object: { objectType: "SubStatement", actor: group, verb: verb2, object: activity } });
    const [id] = (await l.x("POST", "/xapi/statements", { version: V, body: s })).json();
    const find = async (format: string, headers: Record<string, string> = {}) => {
      const r = await l.x("GET", `/xapi/statements?${q({ format, verb: verb1.id })}`, { version: V, headers });
      expect(r.statusCode).toBe(200);
      const found = (r.json().statements as Record<string, unknown>[]).find((x) => x.id === id);
      expect(found).toBeDefined();
      return found as Record<string, unknown>;
    };
    const exact = await find("exact");
    expect(exact.actor).toEqual(agent);
    expect(exact.verb).toEqual(verb1);
    expect(exact.object).toEqual({ objectType: "SubStatement", actor: group, verb: verb2, object: activity });
    const canonical = await find("canonical", { "accept-language": "en-GB" });
    expect(canonical.actor).toEqual(agent);
    expect(canonical.verb).toEqual({ id: verb1.id, display: { "en-GB": "shared (GB)" } });
    expect(canonical.object).toEqual({
      objectType: "SubStatement",
      actor: group,
      verb: { id: verb2.id, display: { "en-GB": "reviewed (GB)" } },
      object: { ...activity, definition: { ...activity.definition, name: { "en-GB": "Meeting (GB)" }, description: { "en-GB": "A meeting (GB)" } } },
    });
  });

  it("attachments=true answers multipart/mixed: a StatementResult first, or the statement and its attachment parts", async () => {
    const s = statement({ attachments: [textAttachment(TEXT_A), textAttachment(TEXT_B)] });
    const post = await l.x("POST", "/xapi/statements", { version: V, raw: jsonPart(s) + textPart(TEXT_A) + textPart(TEXT_B) + closing, headers: MIXED });
    expect(post.statusCode, post.body).toBe(200);
    const [id] = post.json();
    const list = await l.x("GET", "/xapi/statements?attachments=true", { version: V });
    expect(list.statusCode).toBe(200);
    const listBoundary = boundaryOf(String(list.headers["content-type"]));
    expect(String(list.headers["content-type"])).toMatch(/^multipart\/mixed; boundary=[^;"\s]+$/);
    expect(listBoundary).toBeTruthy();
    const listParts = parseMultipart(list.rawPayload, String(listBoundary));
    expect(JSON.parse(listParts[0].body.toString("utf8"))).toHaveProperty("statements");
    const one = await l.x("GET", `/xapi/statements?${q({ statementId: id, attachments: "true" })}`, { version: V });
    expect(one.statusCode).toBe(200);
    expect(String(one.headers["content-type"])).toMatch(/^multipart\/mixed; boundary=[^;"\s]+$/);
    const parts = parseMultipart(one.rawPayload, String(boundaryOf(String(one.headers["content-type"]))));
    expect(JSON.parse(parts[0].body.toString("utf8")).id).toBe(id);
    for (const text of [TEXT_A, TEXT_B]) {
      expect(one.body.split(sha(text)).length - 1).toBe(2);
      expect(parts.some((p) => p.body.equals(text))).toBe(true);
    }
    const plain = await l.x("GET", `/xapi/statements?${q({ statementId: id, attachments: "false" })}`, { version: V });
    expect(plain.headers["content-type"]).toMatch(/^application\/json/);
    expect(plain.body).not.toContain("Materi pelatihan");
  });

  it("filters on a voided statement's verb answer what targets it, not the voided statement itself", async () => {
    const verb = { id: `https://abdi.go.id/xapi/verbs/voided-target/${randomUUID()}` };
    const since = new Date(Date.now() - 5000).toISOString();
    const voidedId = randomUUID();
    const voidingId = randomUUID();
    const refId = randomUUID();
    expect((await l.x("POST", "/xapi/statements", { version: V, body: statement({ id: voidedId, verb }) })).statusCode).toBe(200);
    const voiding = statement({ id: voidingId, verb: { id: "http://adlnet.gov/expapi/verbs/voided" }, object: { objectType: "StatementRef", id: voidedId } });
    expect((await l.x("POST", "/xapi/statements", { version: V, body: voiding })).statusCode).toBe(200);
    const ref = statement({ id: refId, verb, object: { objectType: "StatementRef", id: voidedId } });
    expect((await l.x("POST", "/xapi/statements", { version: V, body: ref })).statusCode).toBe(200);
    const until = new Date(Date.now() + 5000).toISOString();
    const ids = async (extra: Record<string, unknown>) => {
      const r = await l.x("GET", `/xapi/statements?${q({ verb: verb.id, ...extra })}`, { version: V });
      expect(r.statusCode).toBe(200);
      return (r.json().statements as { id: string }[]).map((s) => s.id);
    };
    expect(await ids({})).toEqual([refId, voidingId]);
    expect(await ids({ since })).toEqual([refId, voidingId]);
    expect(await ids({ until })).toEqual([refId, voidingId]);
    expect(await ids({ limit: "1" })).toEqual([refId]);
  });
});

describe.each(ENGINES)("xAPI 2.0 statement properties set or kept by the LRS on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());
  const get = async (id: string) => {
    const r = await l.x("GET", `/xapi/statements?statementId=${id}`, { version: V });
    expect(r.statusCode).toBe(200);
    return r.json();
  };

  it("a statement with another id, PUT or POSTed again with other content, is not changed", async () => {
    for (const method of ["PUT", "POST"]) {
      const id = randomUUID();
      const url = method === "PUT" ? `/xapi/statements?statementId=${id}` : "/xapi/statements";
      expect((await l.x(method, url, { version: V, body: statement({ id }) })).statusCode).toBeLessThan(300);
      await l.x(method, url, { version: V, body: statement({ id, verb: { id: "http://example.com/different/verb/iri" } }) });
      expect((await get(id)).verb.id).toBe(VERB.id);
    }
  });

  it("the LRS generates the id of a statement that has none, and returns it from POST", async () => {
    const r = await l.x("POST", "/xapi/statements", { version: V, body: statement() });
    expect(r.statusCode).toBe(200);
    const [id] = r.json();
    expect((await get(id)).id).toBe(id);
  });

  it("a stored property sent by the client is accepted and replaced by the LRS's own, to the millisecond", async () => {
    const sent = new Date("2011-07-15T00:00:00Z").toISOString();
    const post = await l.x("POST", "/xapi/statements", { version: V, body: statement({ stored: sent }) });
    expect(post.statusCode).toBe(200);
    const putId = randomUUID();
    expect((await l.x("PUT", `/xapi/statements?statementId=${putId}`, { version: V, body: statement({ stored: sent }) })).statusCode).toBe(204);
    for (const id of [post.json()[0], putId]) {
      const s = await get(id);
      expect(s.stored).not.toBe(sent);
      expect(s.stored).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
  });

  it("stored times keep milliseconds: among several statements some end in a digit other than zero", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await l.x("POST", "/xapi/statements", { version: V, body: statement() })).json()[0]);
    const stored = await Promise.all(ids.map(async (id) => String((await get(id)).stored)));
    for (const t of stored) expect(t).toMatch(/\.\d{3}Z$/);
    expect(stored.some((t) => !t.endsWith("0Z"))).toBe(true);
  });

  it("keeps the version 2.0.0 a statement was accepted with", async () => {
    const id = randomUUID();
    expect((await l.x("POST", "/xapi/statements", { version: V, body: statement({ id, version: "2.0.0" }) })).statusCode).toBe(200);
    expect((await get(id)).version).toBe("2.0.0");
  });

  it("accepts a timestamp a few minutes ahead of the LRS clock", async () => {
    const ahead = new Date(Date.now() + 5 * 60_000).toISOString();
    expect((await l.x("POST", "/xapi/statements", { version: V, body: statement({ timestamp: ahead }) })).statusCode).toBe(200);
  });

  it("refuses a statement with a property xAPI does not define", async () => {
    expect((await l.x("POST", "/xapi/statements", { version: V, body: statement({ dummy: "dummy" }) })).statusCode).toBe(400);
  });

  it.each([
    ["correctResponsesPattern", { correctResponsesPattern: ["true"] }],
    ["choices", { choices: [{ id: "a", description: { "en-US": "A" } }] }],
    ["scale", { scale: [{ id: "likert_0", description: { "en-US": "Bad" } }] }],
    ["source", { source: [{ id: "s1", description: { "en-US": "S" } }] }],
    ["target", { target: [{ id: "t1", description: { "en-US": "T" } }] }],
    ["steps", { steps: [{ id: "p1", description: { "en-US": "P" } }] }],
  ])("refuses an activity definition using %s without interactionType", async (_name, extra) => {
    const object = {
      objectType: "Activity",
      id: `https://abdi.go.id/xapi/activities/${randomUUID()}`,
      definition: { name: { "en-US": "Question" }, ...extra },
    };
    expect((await l.x("POST", "/xapi/statements", { version: V, body: statement({ object }) })).statusCode).toBe(400);
    const sub = { objectType: "SubStatement", actor: AGENT, verb: VERB, object };
    expect((await l.x("POST", "/xapi/statements", { version: V, body: statement({ object: sub }) })).statusCode).toBe(400);
  });

  it("refuses an Agent or Group as object without objectType, in a statement or a sub-statement", async () => {
    const agent = { name: "Budi", mbox: "mailto:budi@example.go.id" };
    const group = { name: "Tim", mbox: "mailto:tim@example.go.id", member: [AGENT] };
    for (const object of [agent, group]) {
      expect((await l.x("POST", "/xapi/statements", { version: V, body: statement({ object }) })).statusCode).toBe(400);
      const sub = { objectType: "SubStatement", actor: AGENT, verb: VERB, object };
      expect((await l.x("POST", "/xapi/statements", { version: V, body: statement({ object: sub }) })).statusCode).toBe(400);
    }
  });
});

describe.each(ENGINES)("xAPI 2.0 agents and activities resources on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  it.each([
    ["mbox", { objectType: "Agent", name: "Ayu", mbox: "mailto:ayu@example.go.id" }],
    ["mbox_sha1sum", { objectType: "Agent", mbox_sha1sum: createHash("sha1").update("mailto:hidden@example.go.id").digest("hex") }],
    ["openid", { objectType: "Agent", openid: "https://openid.abdi.go.id/ayu" }],
    ["account", { objectType: "Agent", account: { homePage: "https://abdi.go.id", name: "ayu.p" } }],
  ])("the Person for an agent known by %s has that identifier as an array", async (ifi, agent) => {
    expect((await l.x("POST", "/xapi/statements", { version: V, body: [statement({ actor: agent })] })).statusCode).toBe(200);
    const r = await l.x("GET", `/xapi/agents?${q({ agent })}`, { version: V });
    expect(r.statusCode).toBe(200);
    const person = r.json();
    expect(person.objectType).toBe("Person");
    expect(person[ifi]).toEqual([(agent as Record<string, unknown>)[ifi]]);
    if (ifi === "mbox") {
      expect(person.name).toEqual(["Ayu"]);
      for (const m of person.mbox) expect(m).toMatch(/^mailto:[^@]+@[^@]+$/);
    }
  });

  it("the activities resource answers the complete Activity Object a statement gave", async () => {
    const activity = {
      objectType: "Activity",
      id: `https://abdi.go.id/xapi/activities/complete/${randomUUID()}`,
      definition: {
        name: { "en-US": "example meeting" },
        description: { "en-US": "An example meeting that happened on a specific occasion." },
        type: "http://adlnet.gov/expapi/activities/meeting",
        moreInfo: "https://abdi.go.id/meetings/example",
        extensions: { "https://abdi.go.id/xapi/extensions/room": "Ruang 3" },
      },
    };
    expect((await l.x("POST", "/xapi/statements", { version: V, body: [statement({ object: activity })] })).statusCode).toBe(200);
    const r = await l.x("GET", `/xapi/activities?${q({ activityId: activity.id })}`, { version: V });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual(activity);
  });

  it("two statements of one batch naming an activity in different languages both show in the Activity Object", async () => {
    const id = `https://abdi.go.id/xapi/activities/batch-languages/${randomUUID()}`;
    const a = statement({ object: { objectType: "Activity", id, definition: { name: { "en-US": "example meeting" } } } });
    const b = statement({ object: { objectType: "Activity", id, definition: { name: { "fr-FR": "réunion" } } } });
    expect((await l.x("POST", "/xapi/statements", { version: V, body: [a, b] })).statusCode).toBe(200);
    const r = await l.x("GET", `/xapi/activities?${q({ activityId: id })}`, { version: V });
    expect(r.json().definition.name).toEqual({ "en-US": "example meeting", "fr-FR": "réunion" });
  });

  it("an activity id with a dot-segment is answered under the id as asked or as normalised", async () => {
    const slug = randomUUID();
    const plain = `https://abdi.go.id/path/${slug}`;
    const dotted = `https://abdi.go.id/path/../${slug}`;
    expect((await l.x("POST", "/xapi/statements", { version: V, body: statement({ object: { objectType: "Activity", id: dotted } }) })).statusCode).toBe(200);
    const a = (await l.x("GET", `/xapi/activities?${q({ activityId: plain })}`, { version: V })).json();
    const b = (await l.x("GET", `/xapi/activities?${q({ activityId: dotted })}`, { version: V })).json();
    expect(a.id === plain || b.id === dotted).toBe(true);
  });
});
