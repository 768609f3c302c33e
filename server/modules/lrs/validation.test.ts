import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { ACTIVITY, AGENT, createLrs, type Lrs, statement, VERB } from "./test-support.js";

const interaction = (def: Record<string, unknown>) => statement({ object: { id: "https://abdi.go.id/q/1", definition: def } });

/** [what, statement, version] — each must be refused with 400 and nothing stored. */
const INVALID: [string, Record<string, unknown>, string?][] = [
  ["unknown top-level property", statement({ foo: 1 })],
  ["missing actor", { verb: VERB, object: ACTIVITY }],
  ["missing verb", { actor: AGENT, object: ACTIVITY }],
  ["missing object", { actor: AGENT, verb: VERB }],
  ["null value", statement({ result: null })],
  ["id not a UUID", statement({ id: "123" })],
  ["id with a wrong variant", statement({ id: "6f2a4c1e-0b1d-4a8c-1f00-000000000000" })],
  ["agent without IFI", statement({ actor: { name: "Siti" } })],
  ["agent with two IFIs", statement({ actor: { mbox: "mailto:a@b.id", openid: "https://openid.example/a" } })],
  ["mbox without mailto", statement({ actor: { mbox: "siti@example.go.id" } })],
  ["bad mbox_sha1sum", statement({ actor: { mbox_sha1sum: "xyz" } })],
  ["account without name", statement({ actor: { account: { homePage: "https://a.id" } } })],
  ["account homePage not IRL", statement({ actor: { account: { homePage: "nope", name: "x" } } })],
  ["unknown agent property", statement({ actor: { ...AGENT, age: 3 } })],
  ["objectType lower case", statement({ actor: { ...AGENT, objectType: "agent" } })],
  ["anonymous group without members", statement({ actor: { objectType: "Group", name: "g" } })],
  ["group in a group", statement({ actor: { objectType: "Group", member: [{ objectType: "Group", mbox: "mailto:g@a.id" }] } })],
  ["group member without IFI", statement({ actor: { objectType: "Group", member: [{ name: "x" }] } })],
  ["verb id not an IRI", statement({ verb: { id: "completed" } })],
  ["verb display not a language map", statement({ verb: { id: VERB.id, display: "done" } })],
  ["invalid language tag", statement({ verb: { id: VERB.id, display: { "not a tag": "x" } } })],
  ["unknown verb property", statement({ verb: { ...VERB, extra: 1 } })],
  ["activity id not an IRI", statement({ object: { id: "course 1" } })],
  ["unknown objectType", statement({ object: { objectType: "Thing", id: "https://a.id" } })],
  ["activity definition type not IRI", interaction({ type: "course" })],
  ["extension key not an IRI", interaction({ extensions: { color: "red" } })],
  ["unknown interactionType", interaction({ interactionType: "essay" })],
  ["choices on a true-false", interaction({ interactionType: "true-false", choices: [{ id: "a" }] })],
  ["scale on a choice", interaction({ interactionType: "choice", scale: [{ id: "a" }] })],
  ["duplicate component ids", interaction({ interactionType: "choice", choices: [{ id: "a" }, { id: "a" }] })],
  ["correctResponsesPattern not strings", interaction({ interactionType: "choice", correctResponsesPattern: [1] })],
  ["components without interactionType", interaction({ choices: [{ id: "a" }] })],
  ["agent object without objectType", statement({ object: { mbox: "mailto:x@a.id" } })],
  ["StatementRef with a bad id", statement({ object: { objectType: "StatementRef", id: "x" } })],
  [
    "nested SubStatement",
    statement({
      object: { objectType: "SubStatement", actor: AGENT, verb: VERB, object: { objectType: "SubStatement", actor: AGENT, verb: VERB, object: ACTIVITY } },
    }),
  ],
  [
    "SubStatement with id",
    statement({ object: { objectType: "SubStatement", id: "6f2a4c1e-0b1d-4a8c-8f00-000000000000", actor: AGENT, verb: VERB, object: ACTIVITY } }),
  ],
  [
    "SubStatement with stored",
    statement({ object: { objectType: "SubStatement", stored: "2026-01-01T00:00:00Z", actor: AGENT, verb: VERB, object: ACTIVITY } }),
  ],
  ["scaled above 1", statement({ result: { score: { scaled: 1.5 } } })],
  ["raw below min", statement({ result: { score: { raw: 1, min: 2, max: 5 } } })],
  ["raw above max", statement({ result: { score: { raw: 9, min: 2, max: 5 } } })],
  ["min above max", statement({ result: { score: { min: 9, max: 5 } } })],
  ["success not boolean", statement({ result: { success: "yes" } })],
  ["bad duration", statement({ result: { duration: "1 hour" } })],
  ["empty duration", statement({ result: { duration: "PT" } })],
  ["registration not a UUID", statement({ context: { registration: "abc" } })],
  ["revision when object is an Agent", statement({ object: { objectType: "Agent", mbox: "mailto:x@a.id" }, context: { revision: "1" } })],
  [
    "platform when object is a StatementRef",
    statement({ object: { objectType: "StatementRef", id: "6f2a4c1e-0b1d-4a8c-8f00-000000000000" }, context: { platform: "x" } }),
  ],
  ["team that is an Agent", statement({ context: { team: AGENT } })],
  ["bad context language", statement({ context: { language: "english language" } })],
  ["contextActivities with unknown key", statement({ context: { contextActivities: { sibling: [ACTIVITY] } } })],
  ["timestamp not ISO 8601", statement({ timestamp: "01/02/2026 10:00" })],
  ["timestamp on 30 February", statement({ timestamp: "2026-02-30T10:00:00Z" })],
  ["timestamp with -00:00", statement({ timestamp: "2026-02-03T10:00:00-00:00" })],
  [
    "attachment without sha2",
    statement({ attachments: [{ usageType: "https://a.id/u", display: { en: "a" }, contentType: "text/plain", length: 1, fileUrl: "https://a.id/f" }] }),
  ],
  [
    "attachment without display",
    statement({ attachments: [{ usageType: "https://a.id/u", contentType: "text/plain", length: 1, sha2: "a".repeat(64), fileUrl: "https://a.id/f" }] }),
  ],
  ["voiding with an Activity object", statement({ verb: { id: "http://adlnet.gov/expapi/verbs/voided" } })],
  ["version 0.95", statement({ version: "0.95" })],
  ["contextAgents in 1.0.3", statement({ context: { contextAgents: [{ objectType: "contextAgent", agent: AGENT }] } })],
  ["timestamp without offset in 2.0", statement({ timestamp: "2026-02-03T10:00:00" }), "2.0.0"],
  [
    "contextAgent with a non-IRI relevantType",
    statement({ context: { contextAgents: [{ objectType: "contextAgent", agent: AGENT, relevantTypes: ["x"] }] } }),
    "2.0.0",
  ],
  ["contextGroup with an Agent", statement({ context: { contextGroups: [{ objectType: "contextGroup", group: AGENT }] } }), "2.0.0"],
  [
    "contextAgent with empty relevantTypes",
    statement({ context: { contextAgents: [{ objectType: "contextAgent", agent: AGENT, relevantTypes: [] }] } }),
    "2.0.0",
  ],
];

const VALID: [string, Record<string, unknown>, string?][] = [
  ["minimal", statement()],
  ["identified group with members", statement({ actor: { objectType: "Group", account: { homePage: "https://a.id", name: "g" }, member: [AGENT] } })],
  ["every interaction", interaction({ interactionType: "likert", scale: [{ id: "1", description: { en: "low" } }], correctResponsesPattern: ["1"] })],
  ["substatement", statement({ object: { objectType: "SubStatement", actor: AGENT, verb: VERB, object: ACTIVITY, context: { platform: "x" } } })],
  ["durations and scores", statement({ result: { duration: "PT1H30M2.5S", score: { scaled: -0.5, raw: 2, min: 0, max: 10 }, success: false } })],
  ["timestamp with +0700 offset", statement({ timestamp: "2026-02-03T10:00:00.123+07:00" })],
  ["timestamp without offset in 1.0.3", statement({ timestamp: "2026-02-03T10:00:00" })],
  [
    "contextAgents and contextGroups in 2.0",
    statement({
      context: {
        contextAgents: [{ objectType: "contextAgent", agent: AGENT, relevantTypes: ["https://a.id/t"] }],
        contextGroups: [{ objectType: "contextGroup", group: { objectType: "Group", member: [AGENT] } }],
      },
    }),
    "2.0.0",
  ],
];

describe.each(ENGINES)("xAPI statement validation on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  it.each(INVALID)("refuses %s", async (_what, body, version) => {
    const r = await l.x("POST", "/xapi/statements", { body, version: version ?? "1.0.3" });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().message).toBeTruthy();
  });

  it.each(VALID)("accepts %s", async (_what, body, version) => {
    const r = await l.x("POST", "/xapi/statements", { body, version: version ?? "1.0.3" });
    expect(r.statusCode, r.body).toBe(200);
  });

  it("stored nothing from the refused statements", async () => {
    const r = await l.x("GET", "/xapi/statements?limit=0");
    expect(r.json().statements).toHaveLength(VALID.length);
  });

  it("refuses a body that is not JSON", async () => {
    const r = await l.x("POST", "/xapi/statements", { raw: "{not json", headers: { "content-type": "application/json" } });
    expect(r.statusCode).toBe(400);
  });
});
