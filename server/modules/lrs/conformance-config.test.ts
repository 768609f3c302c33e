import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { ACTIVITY, AGENT, createLrs, type Lrs, statement, VERB } from "./test-support.js";

const VERSIONS = ["1.0.3", "2.0.0"] as const;
const NOT_AN_IRI = "no=scheme://abdi.go.id";

/** The same part placed in a statement and in a sub-statement it carries. */
function both(part: Record<string, unknown>): Record<string, unknown>[] {
  return [statement(part), statement({ object: { objectType: "SubStatement", actor: AGENT, verb: VERB, object: ACTIVITY, ...part } })];
}

const fileAttachment = (over: Record<string, unknown>) => ({
  usageType: "https://abdi.go.id/xapi/attachment-usage/certificate",
  display: { "en-US": "Certificate" },
  contentType: "text/plain",
  length: 12,
  sha2: "a".repeat(64),
  fileUrl: "https://files.abdi.go.id/certificate.txt",
  ...over,
});

const activityWith = (definition: Record<string, unknown>) => ({
  object: { objectType: "Activity", id: `https://abdi.go.id/xapi/activities/${randomUUID()}`, definition },
});

const CASES: [string, number, Record<string, unknown>[]][] = [
  // verbs
  ["a verb with id and display", 200, both({ verb: VERB })],
  ["a verb without id", 400, both({ verb: { display: { "en-US": "completed" } } })],
  ["a verb whose id is not an IRI", 400, both({ verb: { id: NOT_AN_IRI, display: { "en-US": "completed" } } })],
  ["a verb whose display is not a language map", 400, both({ verb: { id: VERB.id, display: { a12345: "completed" } } })],
  [
    "a voiding statement with a StatementRef object",
    200,
    [statement({ verb: { id: "http://adlnet.gov/expapi/verbs/voided" }, object: { objectType: "StatementRef", id: randomUUID() } })],
  ],
  ["a voiding statement whose object is an activity", 400, [statement({ verb: { id: "http://adlnet.gov/expapi/verbs/voided" } })]],
  // languages
  ["a verb without display", 200, both({ verb: { id: VERB.id } })],
  ["an activity definition without language maps", 200, both(activityWith({ type: "http://adlnet.gov/expapi/activities/course" }))],
  [
    "an attachment given by fileUrl with display and description",
    200,
    [statement({ attachments: [fileAttachment({ description: { "en-US": "Issued on completion" } })] })],
  ],
  ["a verb display with no entry", 400, both({ verb: { id: VERB.id, display: {} } })],
  ["a verb display that is a string", 400, both({ verb: { id: VERB.id, display: "completed" } })],
  ["an activity name with no entry", 400, both(activityWith({ name: {} }))],
  ["an activity name that is a string", 400, both(activityWith({ name: "Course" }))],
  ["an activity description with no entry", 400, both(activityWith({ description: {} }))],
  ["an activity description that is a string", 400, both(activityWith({ description: "Course" }))],
  ["an activity name under a tag that is not RFC 5646", 400, both(activityWith({ name: { a12345: "Course" } }))],
  ["an activity description under a tag that is not RFC 5646", 400, both(activityWith({ description: { a12345: "Course" } }))],
  ["an attachment display with no entry", 400, [statement({ attachments: [fileAttachment({ display: {} })] })]],
  ["an attachment display that is a string", 400, [statement({ attachments: [fileAttachment({ display: "Certificate" })] })]],
  ["an attachment display under a tag that is not RFC 5646", 400, [statement({ attachments: [fileAttachment({ display: { a12345: "Certificate" } })] })]],
  ["an attachment description with no entry", 400, [statement({ attachments: [fileAttachment({ description: {} })] })]],
  ["an attachment description that is a string", 400, [statement({ attachments: [fileAttachment({ description: "Certificate" })] })]],
  [
    "an attachment description under a tag that is not RFC 5646",
    400,
    [statement({ attachments: [fileAttachment({ description: { a12345: "Certificate" } })] })],
  ],
  // durations
  ...["PT1H0M0.1S", "PT4H35M59.14S", "PT16559.14S", "P3Y1M29DT4H35M59.14S", "P3Y", "P4W"].map((d): [string, number, Record<string, unknown>[]] => [
    `a result duration of ${d}`,
    200,
    both({ result: { duration: d } }),
  ]),
  ...(["lama sekali", 12345, { key: "x" }, "PA1H0M0S"] as unknown[]).map((d): [string, number, Record<string, unknown>[]] => [
    `a result duration of ${JSON.stringify(d)}`,
    400,
    both({ result: { duration: d } }),
  ]),
  // results
  [
    "a result with score, success, completion, response and duration",
    200,
    both({ result: { score: { scaled: 0.5, raw: 5, min: 0, max: 10 }, success: true, completion: false, response: "benar", duration: "PT2M" } }),
  ],
  ...([12345, "tinggi"] as unknown[]).map((score): [string, number, Record<string, unknown>[]] => [
    `a score of ${JSON.stringify(score)}`,
    400,
    both({ result: { score } }),
  ]),
  ...[0.6767676, 1.0, -1.0].map((scaled): [string, number, Record<string, unknown>[]] => [
    `a scaled score of ${scaled}`,
    200,
    both({ result: { score: { scaled } } }),
  ]),
  ...[1.01, -1.00001].map((scaled): [string, number, Record<string, unknown>[]] => [
    `a scaled score of ${scaled}`,
    400,
    both({ result: { score: { scaled } } }),
  ]),
  ["a raw score with no bounds", 200, both({ result: { score: { raw: 0.6767676 } } })],
  ["a min alone and a max alone", 200, [...both({ result: { score: { min: 0.6767676 } } }), ...both({ result: { score: { max: 100.6767676 } } })]],
  ["a raw score above max", 400, both({ result: { score: { raw: 0.68, max: 0.66 } } })],
  ["a raw score below min", 400, both({ result: { score: { raw: 0.68, min: 1.4 } } })],
  ["a min above max (raw between them)", 400, both({ result: { score: { min: 0.7, max: 0.6, raw: 0.65 } } })],
  ...(["success", "completion"] as const).flatMap((k) =>
    ["true", "false"].map((b): [string, number, Record<string, unknown>[]] => [`a ${k} of the string "${b}"`, 400, both({ result: { [k]: b } })]),
  ),
  ...([12345, { key: "x" }] as unknown[]).map((response): [string, number, Record<string, unknown>[]] => [
    `a response of ${JSON.stringify(response)}`,
    400,
    both({ result: { response } }),
  ]),
  ...([12345, "lain", ["https://abdi.go.id/x"]] as unknown[]).map((extensions): [string, number, Record<string, unknown>[]] => [
    `result extensions of ${JSON.stringify(extensions)}`,
    400,
    both({ result: { extensions } }),
  ]),
  // extensions
  ...([true, 12345, { key: "x" }, "nilai", {}] as unknown[]).flatMap((value): [string, number, Record<string, unknown>[]][] => {
    const ext = value !== null && typeof value === "object" && Object.keys(value).length === 0 ? {} : { "https://abdi.go.id/xapi/extensions/x": value };
    return [
      [
        `activity, result and context extensions ${JSON.stringify(ext)}`,
        200,
        [...both(activityWith({ extensions: ext })), ...both({ result: { extensions: ext } }), ...both({ context: { extensions: ext } })],
      ],
    ];
  }),
  [
    "extension keys that are not IRIs",
    400,
    [
      ...both(activityWith({ extensions: { "tidak iri": true } })),
      ...both({ result: { extensions: { "tidak iri": true } } }),
      ...both({ context: { extensions: { "tidak iri": true } } }),
    ],
  ],
  // contexts and context activities
  [
    "a context with registration, instructor, team and all four context activity kinds",
    200,
    both({
      context: {
        registration: randomUUID(),
        instructor: AGENT,
        team: { objectType: "Group", member: [AGENT] },
        contextActivities: { parent: [ACTIVITY], grouping: [ACTIVITY], category: [ACTIVITY], other: [ACTIVITY] },
      },
    }),
  ],
  ...(["parent", "grouping", "category", "other"] as const).map((kind): [string, number, Record<string, unknown>[]] => [
    `context activities under ${kind} alone`,
    200,
    both({ context: { contextActivities: { [kind]: [{ objectType: "Activity", id: "https://abdi.go.id/xapi/activities/meeting/34534" }] } } }),
  ]),
  ...([{ key: "x" }, "abc"] as unknown[]).map((registration): [string, number, Record<string, unknown>[]] => [
    `a registration of ${JSON.stringify(registration)}`,
    400,
    both({ context: { registration } }),
  ]),
  ...([{ key: "x" }, "Siti"] as unknown[]).map((instructor): [string, number, Record<string, unknown>[]] => [
    `an instructor of ${JSON.stringify(instructor)}`,
    400,
    both({ context: { instructor } }),
  ]),
  ...([AGENT, { key: "x" }, "Tim"] as unknown[]).map((team): [string, number, Record<string, unknown>[]] => [
    `a team of ${JSON.stringify(team)}`,
    400,
    both({ context: { team } }),
  ]),
  ["context activities that are a string", 400, both({ context: { contextActivities: "parent" } })],
  ["context activities with no entry", 400, both({ context: { contextActivities: {} } })],
  ["context activities under a key other than the four", 400, both({ context: { contextActivities: { induk: [ACTIVITY] } } })],
  [
    "context activities holding something that is not an activity",
    400,
    [
      ...both({ context: { contextActivities: { other: [ACTIVITY, { key: "x" }] } } }),
      ...both({ context: { contextActivities: { other: [{ key: "x" }, ACTIVITY] } } }),
    ],
  ],
  // statement references
  ["a StatementRef object", 200, both({ object: { objectType: "StatementRef", id: randomUUID() } })],
  ["a StatementRef whose objectType is misspelt", 400, both({ object: { objectType: "statementref", id: randomUUID() } })],
  ["a StatementRef without id", 400, both({ object: { objectType: "StatementRef" } })],
  ["a StatementRef whose id is not a UUID", 400, both({ object: { objectType: "StatementRef", id: "bukan uuid" } })],
  [
    "a single activity (not an array) under each context activity kind",
    200,
    both({ context: { contextActivities: { parent: ACTIVITY, grouping: ACTIVITY, category: ACTIVITY, other: ACTIVITY } } }),
  ],
  ...(["revision", "platform"] as const).flatMap((k) =>
    ([12345, { key: "x" }] as unknown[]).map((value): [string, number, Record<string, unknown>[]] => [
      `a context ${k} of ${JSON.stringify(value)}`,
      400,
      both({ context: { [k]: value } }),
    ]),
  ),
  ...(["revision", "platform"] as const).map((k): [string, number, Record<string, unknown>[]] => [
    `a context ${k} when the object is not an activity`,
    400,
    [
      ...both({ object: { objectType: "Agent", mbox: "mailto:budi@example.go.id" }, context: { [k]: "1" } }),
      ...both({ object: { objectType: "Group", member: [AGENT] }, context: { [k]: "1" } }),
      ...both({ object: { objectType: "StatementRef", id: randomUUID() }, context: { [k]: "1" } }),
      statement({ object: { objectType: "SubStatement", actor: AGENT, verb: VERB, object: ACTIVITY }, context: { [k]: "1" } }),
    ],
  ]),
  [
    "a context with language and a statement reference",
    200,
    both({ context: { language: "id-ID", statement: { objectType: "StatementRef", id: randomUUID() } } }),
  ],
  ...([12345, { key: "x" }, "a12345"] as unknown[]).map((language): [string, number, Record<string, unknown>[]] => [
    `a context language of ${JSON.stringify(language)}`,
    400,
    both({ context: { language } }),
  ]),
  ["a context statement whose objectType is misspelt", 400, both({ context: { statement: { objectType: "statementref", id: randomUUID() } } })],
  ["a context statement whose id is not a UUID", 400, both({ context: { statement: { objectType: "StatementRef", id: "bukan uuid" } } })],
  // sub-statements
  [
    "sub-statements about an agent, a group and a statement reference",
    200,
    [
      statement({ object: { objectType: "SubStatement", actor: AGENT, verb: VERB, object: { objectType: "Agent", mbox: "mailto:budi@example.go.id" } } }),
      statement({ object: { objectType: "SubStatement", actor: AGENT, verb: VERB, object: { objectType: "Group", member: [AGENT] } } }),
    ],
  ],
  ["a sub-statement whose objectType is misspelt", 400, [statement({ object: { objectType: "substatement", actor: AGENT, verb: VERB, object: ACTIVITY } })]],
  ...(["actor", "verb", "object"] as const).map((k): [string, number, Record<string, unknown>[]] => {
    const sub: Record<string, unknown> = { objectType: "SubStatement", actor: AGENT, verb: VERB, object: ACTIVITY };
    delete sub[k];
    return [`a sub-statement without ${k}`, 400, [statement({ object: sub })]];
  }),
  [
    "a sub-statement inside a sub-statement",
    400,
    [
      statement({
        object: { objectType: "SubStatement", actor: AGENT, verb: VERB, object: { objectType: "SubStatement", actor: AGENT, verb: VERB, object: ACTIVITY } },
      }),
    ],
  ],
  ...(
    [
      ["id", randomUUID()],
      ["stored", "2013-05-18T05:32:34.804Z"],
      ["version", "1.0.0"],
      ["authority", AGENT],
    ] as const
  ).map(([k, value]): [string, number, Record<string, unknown>[]] => [
    `a sub-statement carrying ${k}`,
    400,
    [statement({ object: { objectType: "SubStatement", actor: AGENT, verb: VERB, object: ACTIVITY, [k]: value } })],
  ]),
  // object types
  ["an activity whose objectType is lower case", 400, both({ object: { ...ACTIVITY, objectType: "activity" } })],
  ["an agent object whose objectType is lower case", 400, both({ object: { objectType: "agent", mbox: "mailto:budi@example.go.id" } })],
  ["a group object whose objectType is lower case", 400, both({ object: { objectType: "group", member: [AGENT] } })],
];

describe.each(ENGINES)("xAPI statement cases of the conformance suite configs on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  describe.each(VERSIONS)("%s", (version) => {
    it.each(CASES)("%s answers %i", async (_name, status, bodies) => {
      for (const body of bodies) {
        const r = await l.x("POST", "/xapi/statements", { version, body });
        expect({ body, status: r.statusCode, answer: r.statusCode === status ? "" : r.body }).toEqual({ body, status, answer: "" });
      }
    });
  });
});

const BUDI = { objectType: "Agent", mbox: "mailto:budi@example.go.id" };
const contextAgent = (over: Record<string, unknown>) => ({ context: { contextAgents: [{ objectType: "contextAgent", agent: BUDI, ...over }] } });

const contextGroup = (over: Record<string, unknown>) => ({
  context: { contextGroups: [{ objectType: "contextGroup", group: { objectType: "Group", mbox: "mailto:tim-1@example.go.id" }, ...over }] },
});

const CASES_2_0: [string, number, Record<string, unknown>[]][] = [
  [
    "context agents with and without relevant types",
    200,
    [...both(contextAgent({})), ...both(contextAgent({ relevantTypes: ["https://abdi.go.id/xapi/activity-types/mentor"] }))],
  ],
  ["a context agent whose objectType is not contextAgent", 400, both(contextAgent({ objectType: "Pengajar" }))],
  ["a context agent whose agent is not an agent", 400, both(contextAgent({ agent: { key: "x" } }))],
  ["a context agent with empty relevant types", 400, both(contextAgent({ relevantTypes: [] }))],
  ["a context agent with a relevant type that is not an IRI", 400, both(contextAgent({ relevantTypes: ["abc"] }))],
  [
    "context groups with and without relevant types",
    200,
    [...both(contextGroup({})), ...both(contextGroup({ relevantTypes: ["https://abdi.go.id/xapi/activity-types/team"] }))],
  ],
  ["a context group whose objectType is not contextGroup", 400, both(contextGroup({ objectType: "Tim" }))],
  ["a context group whose group is not a group", 400, both(contextGroup({ group: { key: "x" } }))],
  ["a context group with empty relevant types", 400, both(contextGroup({ relevantTypes: [] }))],
  ["a context group with a relevant type that is not an IRI", 400, both(contextGroup({ relevantTypes: ["abc"] }))],
];

describe.each(ENGINES)("xAPI 2.0 statement cases of the conformance suite configs on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  it.each(CASES_2_0)("%s answers %i", async (_name, status, bodies) => {
    for (const body of bodies) {
      const r = await l.x("POST", "/xapi/statements", { version: "2.0.0", body });
      expect({ body, status: r.statusCode, answer: r.statusCode === status ? "" : r.body }).toEqual({ body, status, answer: "" });
    }
  });
});
