import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { activityId, clientOf, fileAttachment, q, sub, V2 } from "./conformance-support.js";
import { ACTIVITY, AGENT, basic, createLrs, type Lrs, statement, VERB } from "./test-support.js";

describe.each(ENGINES)("xAPI data cases of the conformance suite (formatting, lifecycle, context, version, timestamps) on %s", (engine) => {
  let l: Lrs;
  const { x2, post, put, getOne } = clientOf(() => l);
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  // Formatting
  it("keeps score numbers with their full precision", async () => {
    const score = { min: 0.12123434, raw: 12.125, max: 45.45, scaled: 0.12123434 };
    const [id] = (await post(statement({ result: { score } }))).json();
    expect((await getOne(id)).result.score).toEqual(score);
  });

  it.each([
    ["statementId", "wrong"],
    ["voidedStatementId", "wrong"],
    ["agent", "wrong"],
    ["verb", "not.a.valid.iri.com/verb"],
    ["activity", "not.a.valid.iri.com/activity"],
    ["registration", "wrong"],
  ])("refuses a statement query whose %s is not of its type", async (name, value) => {
    expect((await x2("GET", `/xapi/statements?${q({ [name]: value })}`)).statusCode).toBe(400);
  });

  it.each(["1.0.3", V2])("refuses an objectType that is a piece of JSON text (%s)", async (version) => {
    expect((await post(statement({ actor: { ...AGENT, objectType: '"objectType": "Agent"' } }), version)).statusCode).toBe(400);
  });

  it.each([
    ["a verb id", statement({ verb: { id: "adlnet.gov/expapi/verbs/attended" } })],
    ["an openid", statement({ actor: { objectType: "Agent", openid: "open.id.com/testUser" } })],
    ["an account homePage", statement({ actor: { objectType: "Agent", account: { homePage: "homePage.com/testUser", name: "123456" } } })],
    ["an activity id", statement({ object: { objectType: "Activity", id: "www.example.com/meetings/1" } })],
    ["an activity type", statement({ object: { id: activityId(), definition: { type: "adlnet.gov/expapi/activities/meeting" } } })],
    ["an activity moreInfo", statement({ object: { id: activityId(), definition: { moreInfo: "virtualmeeting.example.com/345256" } } })],
    ["an attachment usageType", statement({ attachments: [fileAttachment({ usageType: "example.com/attachment-usage/test" })] })],
    ["an attachment fileUrl", statement({ attachments: [fileAttachment({ fileUrl: "over.there.com/file.txt" })] })],
    ["an activity extension key", statement({ object: { id: activityId(), definition: { extensions: { "not.valid.com/extension": 1 } } } })],
    ["a context extension key", statement({ context: { extensions: { "example.com/extension/wrong": 1 } } })],
    ["a result extension key", statement({ result: { extensions: { "example.com/extension/wrong": 1 } } })],
  ])("refuses %s without a scheme", async (_what, body) => {
    expect((await put(body)).statusCode).toBe(400);
  });

  it.each([
    ["an agent name of null", statement({ actor: { ...AGENT, name: null } })],
    ["a verb display value of null", statement({ verb: { id: VERB.id, display: { "en-US": null } } })],
    ["a context registration of null", statement({ context: { registration: null } })],
    ["an activity moreInfo of null", statement({ object: { id: activityId(), definition: { moreInfo: null } } })],
  ])("refuses %s", async (_what, body) => {
    expect((await post(body)).statusCode).toBe(400);
  });

  it.each([
    ["score max", { score: { max: "one hundred" } }],
    ["score max holding a number", { score: { max: "100" } }],
    ["success", { success: "We regret to inform you" }],
    ["completion holding a boolean", { completion: "false" }],
  ])("refuses a string as %s", async (_what, result) => {
    expect((await post(statement({ result }))).statusCode).toBe(400);
  });

  it.each([
    ["a numeric statement id", statement({ id: 12345 })],
    ["an object as statement id", statement({ id: { key: "x" } })],
    ["a statement id with too many digits", statement({ id: "AA97B177-9383-4934-8543-0F91A7A028368" })],
    ["a statement id with a letter past F", statement({ id: "MA97B177-9383-4934-8543-0F91A7A02836" })],
  ])("refuses %s", async (_what, body) => {
    expect((await post(body)).statusCode).toBe(400);
  });

  it("refuses an account name that is not a string wherever an agent or group may stand", async () => {
    const account = { homePage: "https://abdi.go.id", name: { key: "x" } };
    const agent = { objectType: "Agent", account };
    const group = { objectType: "Group", account, member: [AGENT] };
    for (const who of [agent, group]) {
      for (const body of [
        statement({ actor: who }),
        statement({ authority: who }),
        statement({ context: { instructor: who } }),
        statement({ object: who }),
        statement({ object: sub({ actor: who }) }),
        statement({ object: sub({ context: { instructor: who } }) }),
      ]) {
        expect({ body, status: (await post(body)).statusCode }).toEqual({ body, status: 400 });
      }
    }
    expect((await post(statement({ context: { team: group } }))).statusCode).toBe(400);
  });

  it.each([
    ["iD", randomUUID()],
    ["Actor", AGENT],
    ["veRb", VERB],
    ["oBject", ACTIVITY],
    ["RESULT", { success: true }],
    ["conText", { registration: randomUUID() }],
    ["timeStamp", "2026-01-02T03:04:05.000Z"],
    ["STOred", "2026-01-02T03:04:05.000Z"],
    ["auTHORity", AGENT],
    ["Version", "2.0.0"],
    ["attachmentS", [fileAttachment()]],
  ])("refuses a statement with the key %s in the wrong case", async (key, value) => {
    expect((await post(statement({ [key]: value }))).statusCode).toBe(400);
  });

  it.each(["true-faLse", "choiCe", "fill-iN", "long-fiLl-in", "matchIng", "perfOrmance", "seqUencing", "liKert", "nUmeric", "Other"])(
    "refuses the interactionType %s",
    async (interactionType) => {
      expect((await post(statement({ object: { id: activityId(), definition: { interactionType } } }))).statusCode).toBe(400);
    },
  );

  it("takes language tags of every RFC 5646 shape and refuses malformed ones", async () => {
    const good = [
      statement({ verb: { id: VERB.id, display: { de: "besucht" } } }),
      statement({ object: { id: activityId(), definition: { name: { "de-DE": "Treffen" }, description: { "zh-Hant": "會議" } } } }),
      statement({
        object: {
          id: activityId(),
          definition: { interactionType: "likert", scale: [{ id: "1", description: { "sr-Latn-RS": "nisko" } }], correctResponsesPattern: ["1"] },
        },
      }),
      statement({ context: { language: "cmn" } }),
      statement({ attachments: [fileAttachment({ display: { "en-US": "Report", es: "Informe" }, description: { "es-MX": "Informe mensual" } })] }),
      statement({ object: sub({ verb: { id: VERB.id, display: { "sr-Cyrl": "завршио" } } }) }),
      statement({ object: sub({ object: { id: activityId(), definition: { name: { "zh-Hans-CN": "会议" }, description: { ase: "sign" } } } }) }),
      statement({ object: sub({ context: { language: "fr-CA" } }) }),
      statement({ context: { language: "sl-rozaj-biske-1994" } }),
      statement({ verb: { id: VERB.id, display: { "en-a-bbb-x-a-ccc": "x", "zh-z-aaa-c-ccc": "y" } } }),
    ];
    for (const body of good) expect({ body, status: (await post(body)).statusCode }).toEqual({ body, status: 200 });
    const bad = [
      statement({ verb: { id: VERB.id, display: { something: "besucht" } } }),
      statement({ context: { language: "something" } }),
      statement({ attachments: [fileAttachment({ display: { "en-US": "Report", something: "x" } })] }),
      statement({ object: sub({ verb: { id: VERB.id, display: { something: "x" } } }) }),
      statement({ object: sub({ context: { language: "something" } }) }),
      // valid tags repeat no extension singleton and no variant (RFC 5646 2.2.9)
      statement({ object: sub({ object: { id: activityId(), definition: { name: { "zh-z-aaa-z-bbb-c-ccc": "x" } } } }) }),
      statement({ verb: { id: VERB.id, display: { "de-DE-1901-1901": "x" } } }),
      statement({ context: { language: "sl-rozaj-rozaj" } }),
    ];
    for (const body of bad) expect({ body, status: (await post(body)).statusCode }).toEqual({ body, status: 400 });
  });

  it("attachments must be an array of well-typed attachment objects", async () => {
    expect((await post(statement({ attachments: [fileAttachment()] }))).statusCode).toBe(200);
    for (const attachments of [
      fileAttachment(),
      [12345],
      ["should fail"],
      [fileAttachment({ usageType: "should fail" })],
      [fileAttachment({ contentType: 999 })],
      [fileAttachment({ length: "should fail" })],
      [fileAttachment({ sha2: 12345 })],
      [fileAttachment({ fileUrl: "should fail" })],
      [fileAttachment({ display: 12345 })],
      [fileAttachment({ display: "should fail" })],
      [fileAttachment({ description: 12345 })],
      [fileAttachment({ description: "should fail" })],
    ]) {
      const body = statement({ attachments });
      expect({ body, status: (await post(body)).statusCode }).toEqual({ body, status: 400 });
    }
  });

  it("extension values may be null, an empty string or an empty object, and extensions may be empty, in statements and sub-statements (PUT)", async () => {
    const values: Record<string, unknown>[] = [
      {},
      { "https://abdi.go.id/xapi/extensions/x": null },
      { "https://abdi.go.id/xapi/extensions/x": "" },
      { "https://abdi.go.id/xapi/extensions/x": {} },
    ];
    for (const extensions of values) {
      for (const part of [{ object: { id: activityId(), definition: { extensions } } }, { result: { extensions } }, { context: { extensions } }]) {
        for (const body of [statement(part), statement({ object: sub(part) })]) {
          const r = await put(body);
          expect({ body, status: r.statusCode, answer: r.body }).toEqual({ body, status: 204, answer: "" });
        }
      }
    }
  });

  // Statement lifecycle
  it("a statement already voided stays voided when another voiding statement names it", async () => {
    const [target] = (await post(statement())).json();
    const voiding = () => statement({ verb: { id: "http://adlnet.gov/expapi/verbs/voided" }, object: { objectType: "StatementRef", id: target } });
    expect((await post(voiding())).statusCode).toBe(200);
    await post(voiding());
    expect((await x2("GET", `/xapi/statements?voidedStatementId=${target}`)).statusCode).toBe(200);
    expect((await x2("GET", `/xapi/statements?statementId=${target}`)).statusCode).toBe(404);
  });

  // Context
  it("returns each single context activity as an array, in statements and sub-statements", async () => {
    for (const kind of ["parent", "grouping", "category", "other"]) {
      const context = { contextActivities: { [kind]: { objectType: "Activity", id: activityId() } } };
      const [a] = (await post(statement({ context }))).json();
      const [b] = (await post(statement({ object: sub({ context }) }))).json();
      expect(Array.isArray((await getOne(a)).context.contextActivities[kind])).toBe(true);
      expect(Array.isArray((await getOne(b)).object.context.contextActivities[kind])).toBe(true);
    }
  });

  // Version
  it("keeps the version a statement was sent with", async () => {
    const [id] = (await post(statement({ version: V2 }))).json();
    expect((await getOne(id)).version).toBe(V2);
  });

  // Timestamps
  it("keeps timestamps to at least the millisecond, and stored carries milliseconds", async () => {
    const [id] = (await post(statement({ timestamp: "2026-01-02T03:04:05.123456Z" }))).json();
    const s = await getOne(id);
    expect(s.timestamp).toMatch(/^2026-01-02T03:04:05\.123\d*(Z|\+00:00)$/);
    expect(s.stored).toMatch(/T\d\d:\d\d:\d\d\.\d{3}/);
  });

  // Versioning
  it("a statement request without X-Experience-API-Version is a 400 that names version 2.0.0", async () => {
    const id = randomUUID();
    for (const [method, url, body] of [
      ["GET", `/xapi/statements?statementId=${id}`, undefined],
      ["POST", "/xapi/statements", statement()],
      ["PUT", `/xapi/statements?statementId=${id}`, statement()],
    ] as const) {
      const r = await l.x(method, url, { version: null, body });
      expect({ method, status: r.statusCode, version: r.headers["x-experience-api-version"] }).toEqual({ method, status: 400, version: V2 });
    }
  });

  it("a document or activity request without X-Experience-API-Version is a 400 naming a version", async () => {
    for (const url of ["/xapi/activities", "/xapi/activities/profile", "/xapi/activities/state", "/xapi/agents", "/xapi/agents/profile"]) {
      const r = await l.x("GET", url, { version: null });
      expect(r.statusCode).toBe(400);
      expect(String(r.headers["x-experience-api-version"])).toMatch(/^2\.0\.\d+$|^1\.0\.\d+$/);
    }
  });

  it("about for a 2.0 client: version is an array of known version strings holding 2.0.0", async () => {
    const r = await x2("GET", "/xapi/about", { auth: null });
    expect(r.statusCode).toBe(200);
    const versions = r.json().version as unknown[];
    expect(versions).toContain(V2);
    for (const v of versions) expect(["0.9", "0.95", "1.0.0", "1.0.1", "1.0.2", "1.0.3", "2.0.0"]).toContain(v);
  });

  // 1.0.3: authentication and encoding
  it("1.0.3: unknown credentials and a malformed Authorization header are 401; Basic credentials store a statement", async () => {
    const id = randomUUID();
    const url = `/xapi/statements?statementId=${id}`;
    expect((await l.x("PUT", url, { body: statement(), auth: basic("someone-unknown", "not-a-secret") })).statusCode).toBe(401);
    const malformed = `Basic:${Buffer.from("someone-unknown:not-a-secret").toString("base64")}`;
    expect((await l.x("PUT", url, { body: statement(), auth: malformed })).statusCode).toBe(401);
    expect((await l.x("PUT", url, { body: statement() })).statusCode).toBe(204);
  });

  it("1.0.3: strings are read and returned as UTF-8", async () => {
    const display = {
      "en-US": "attended",
      "ja-JP": "出席した",
      "ko-KR": "참석",
      "ar-EG": "حضر",
      "ru-RU": "посетил",
      "hi-IN": "उपस्थित",
      "id-ID": "menghadiri",
    };
    const verb = { id: `https://abdi.go.id/xapi/verbs/unicode/${randomUUID()}`, display };
    expect((await l.x("POST", "/xapi/statements", { body: statement({ verb }) })).statusCode).toBe(200);
    const got = (await l.x("GET", `/xapi/statements?${q({ verb: verb.id })}`)).json().statements[0];
    expect(got.verb.display).toEqual(display);
  });
});
