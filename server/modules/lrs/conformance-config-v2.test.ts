import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { ACTIVITY, AGENT, createLrs, type Lrs, statement, VERB } from "./test-support.js";

/**
 * More statement validation cases of the xAPI conformance suite configs, beyond
 * those of conformance-config.test.ts: timestamp forms, formatting rules, groups
 * and authorities, attachments, verbs, extensions, contexts and sub-statements.
 */

type Body = Record<string, unknown>;
type Case = [string, number, Body[]];

const VERSIONS = ["1.0.3", "2.0.0"] as const;

/** The same part placed in a statement and in a sub-statement it carries. */
function both(part: Body): Body[] {
  return [statement(part), statement({ object: { objectType: "SubStatement", actor: AGENT, verb: VERB, object: ACTIVITY, ...part } })];
}

const activityWith = (definition: Body) => ({
  object: { objectType: "Activity", id: `https://abdi.go.id/xapi/activities/${randomUUID()}`, definition },
});

const BUDI = { objectType: "Agent", name: "Budi", mbox: "mailto:budi@example.go.id" };

/** Every place an Agent or Group can stand: actor, instructor, team, object, and the same inside a sub-statement. */
function actorPlaces(who: Body, opts: { team?: boolean; authority?: boolean } = {}): Body[] {
  const bodies = [...both({ actor: who }), ...both({ context: { instructor: who } }), statement({ object: who })];
  if (opts.team) bodies.push(...both({ context: { team: who } }));
  if (opts.authority) bodies.push(statement({ authority: who }));
  return bodies;
}

const IFIS: Record<string, Body> = {
  mbox: { mbox: "mailto:tim-pelatihan@example.go.id" },
  mbox_sha1sum: { mbox_sha1sum: "3a7bd3e2360a3d29eea436fcfb7e44c735d117c4" },
  openid: { openid: "https://openid.abdi.go.id/tim/42" },
  account: { account: { homePage: "https://sso.abdi.go.id", name: "tim-42" } },
};

const identifiedGroup = (ifi: string, withMembers: boolean): Body => ({
  objectType: "Group",
  name: "Tim Pelatihan",
  ...IFIS[ifi],
  ...(withMembers ? { member: [BUDI] } : {}),
});

const attachment = (over: Body) => ({
  usageType: "https://abdi.go.id/xapi/attachment-usage/report",
  display: { "en-US": "Report" },
  contentType: "application/pdf",
  length: 2048,
  sha2: "b".repeat(64),
  fileUrl: "https://files.abdi.go.id/report.pdf",
  ...over,
});

const withoutKey = (obj: Body, key: string): Body => Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));

const OAUTH_PAIR = [{ account: { homePage: "https://abdi.go.id/oauth/token", name: "consumer-7" } }, { mbox: "mailto:operator@example.go.id" }];

const BAD_ACCOUNT = { homePage: "https://sso.abdi.go.id", name: { nip: "198701012010011001" } };

const INTERACTION_TYPES = ["true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric", "other"];

const likert = (scaleDescription: Body) =>
  activityWith({
    interactionType: "likert",
    scale: [
      { id: "setuju", description: { "en-US": "Agree", ...scaleDescription } },
      { id: "tidak_setuju", description: { "en-US": "Disagree" } },
    ],
  });

const CASES: Case[] = [
  // timestamps
  ...(["semalam", "07/03/2019", 20190307] as unknown[]).map((timestamp): Case => [`a timestamp of ${JSON.stringify(timestamp)}`, 400, both({ timestamp })]),
  [
    "timestamps with Z and with a +07:00 offset",
    200,
    [...both({ timestamp: "2019-03-07T08:15:30.250Z" }), ...both({ timestamp: "2019-03-07T15:15:30.250+07:00" })],
  ],
  // formatting: the three required properties
  ...(["actor", "verb", "object"] as const).map((k): Case => [`a statement without ${k}`, 400, [withoutKey(statement(), k)]]),
  // formatting: null outside extensions
  ["an actor name that is null", 400, both({ actor: { ...AGENT, name: null } })],
  ["a verb display entry that is null", 400, both({ verb: { id: VERB.id, display: { "en-US": null } } })],
  ["a context registration that is null", 400, both({ context: { registration: null } })],
  ["an activity moreInfo that is null", 400, both(activityWith({ moreInfo: null }))],
  // formatting and extensions: empty values inside extensions
  ...([null, "", {}] as unknown[]).map((value): Case => {
    const ext = { "https://abdi.go.id/xapi/extensions/catatan": value };
    return [
      `activity, result and context extension values of ${JSON.stringify(value)}`,
      200,
      [...both(activityWith({ extensions: ext })), ...both({ result: { extensions: ext } }), ...both({ context: { extensions: ext } })],
    ];
  }),
  // formatting: wrong data types
  ...(["seratus", "100"] as const).map((max): Case => [`a score max of the string "${max}"`, 400, both({ result: { score: { max } } })]),
  ["a success that is a sentence", 400, both({ result: { success: "Sayang sekali, belum lulus." } })],
  // formatting: values that must follow a format
  ...([12345, { key: "x" }, `${randomUUID()}0`, `g${randomUUID().slice(1)}`] as unknown[]).map(
    (id): Case => [`a statement id of ${JSON.stringify(id)}`, 400, [statement({ id })]],
  ),
  ["an agent account whose name is not a string", 400, actorPlaces({ objectType: "Agent", name: "Siti", account: BAD_ACCOUNT }, { authority: true })],
  ["a group account whose name is not a string", 400, actorPlaces({ objectType: "Group", name: "Tim", account: BAD_ACCOUNT }, { team: true, authority: true })],
  // formatting: keys whose case differs from the specification
  ...(
    [
      ["iD", randomUUID()],
      ["Actor", AGENT],
      ["veRb", VERB],
      ["oBject", ACTIVITY],
      ["RESULT", { success: true }],
      ["conText", { registration: randomUUID() }],
      ["timeStamp", "2019-03-07T08:15:30.250Z"],
      ["STOred", "2019-03-07T08:15:30.250Z"],
      ["auTHORity", AGENT],
      ["Version", "1.0.0"],
      ["attachmentS", [attachment({})]],
    ] as const
  ).map(([k, value]): Case => [`a statement with the key "${k}"`, 400, [statement({ [k]: value })]]),
  // formatting: enumerated values whose case differs
  ...INTERACTION_TYPES.map((type): Case => {
    const odd = `${type.slice(0, -1)}${type.slice(-1).toUpperCase()}`;
    return [`an interactionType of "${odd}"`, 400, both(activityWith({ interactionType: odd }))];
  }),
  // formatting: RFC 5646 language tags
  [
    "language tags of the language, language-region, language-script and language-script-region shapes",
    200,
    [
      ...both({ verb: { id: VERB.id, display: { de: "abgeschlossen", "sr-Cyrl": "завршио" } } }),
      ...both(activityWith({ name: { "de-DE": "Kurs", "zh-Hans-CN": "课程" }, description: { "zh-Hant": "課程", ase: "course" } })),
      ...both(likert({ "sr-Latn-RS": "Slažem se", ja: "同意する" })),
      ...both({ context: { language: "cmn" } }),
      ...both({ context: { language: "fr-CA" } }),
      statement({ attachments: [attachment({ display: { "en-US": "Report", es: "Informe" }, description: { "es-419": "Informe del curso" } })] }),
    ],
  ],
  [
    "language tags with a subtag longer than eight letters",
    400,
    [
      ...both({ verb: { id: VERB.id, display: { bahasaindo: "selesai" } } }),
      ...both(activityWith({ name: { "en-US": "Course", bahasaindo: "Kursus" } })),
      ...both(activityWith({ description: { "en-US": "Course", "id-bahasaindo-ID": "Kursus" } })),
      ...both(likert({ bahasaindo: "Setuju" })),
      ...both({ context: { language: "bahasaindo" } }),
      statement({ attachments: [attachment({ display: { "en-US": "Report", bahasaindo: "Laporan" } })] }),
      statement({ attachments: [attachment({ description: { "es-419": "Informe", bahasaindo: "Laporan" } })] }),
    ],
  ],
  ["a language tag that repeats an extension singleton", 400, both(activityWith({ name: { "jv-b-abc-b-def": "Kursus" } }))],
  ["a language tag that repeats a variant", 400, both({ context: { language: "de-1901-1901" } })],
  // scores
  ["a raw score equal to both min and max", 200, both({ result: { score: { raw: 7.5, min: 7.5, max: 7.5 } } })],
  // groups
  ["an anonymous group without member", 400, actorPlaces({ objectType: "Group", name: "Tim tanpa anggota" }, { team: true, authority: true })],
  [
    "a group whose member is a single agent rather than an array",
    400,
    actorPlaces({ objectType: "Group", name: "Tim", mbox: "mailto:tim@example.go.id", member: BUDI }, { team: true, authority: true }),
  ],
  ...Object.keys(IFIS).flatMap((ifi): Case[] => [
    [`an identified group by ${ifi} with members`, 200, actorPlaces(identifiedGroup(ifi, true), { team: true })],
    [`an identified group by ${ifi} without members`, 200, actorPlaces(identifiedGroup(ifi, false), { team: true })],
  ]),
  ...Object.keys(IFIS).flatMap((a, i) =>
    Object.keys(IFIS)
      .slice(i + 1)
      .map((b): Case => [`a group with both ${a} and ${b}`, 400, actorPlaces({ ...identifiedGroup(a, true), ...IFIS[b] }, { team: true, authority: true })]),
  ),
  // authorities
  ["an agent as authority", 200, [statement({ authority: BUDI })]],
  ["an anonymous group of two agents as authority", 200, [statement({ authority: { objectType: "Group", member: OAUTH_PAIR } })]],
  ...Object.keys(IFIS).map(
    (ifi): Case => [
      `a two-agent authority group that also has ${ifi}`,
      400,
      [statement({ authority: { objectType: "Group", member: OAUTH_PAIR, ...IFIS[ifi] } })],
    ],
  ),
  [
    "an authority group of one agent, of three agents, or of none",
    400,
    [
      statement({ authority: { objectType: "Group", member: [OAUTH_PAIR[1]] } }),
      statement({ authority: { objectType: "Group", member: [...OAUTH_PAIR, { mbox: "mailto:auditor@example.go.id" }] } }),
      statement({ authority: { objectType: "Group", name: "Tanpa anggota" } }),
    ],
  ],
  ["an identified group as authority", 400, [statement({ authority: identifiedGroup("openid", false) })]],
  // attachments
  ["an attachment whose contentType has parameters", 200, [statement({ attachments: [attachment({ contentType: "text/plain; charset=utf-8" })] })]],
  ["attachments that are a single object, not an array", 400, [statement({ attachments: attachment({}) })]],
  ["attachments holding a number or a string", 400, [statement({ attachments: [12345] }), statement({ attachments: ["lampiran"] })]],
  ...(
    [
      ["usageType", "bukan iri"],
      ["contentType", 999],
      ["length", "dua ribu"],
      ["sha2", 12345],
      ["fileUrl", "bukan url"],
      ["display", 12345],
      ["description", 12345],
    ] as const
  ).map(([k, value]): Case => [`an attachment ${k} of ${JSON.stringify(value)}`, 400, [statement({ attachments: [attachment({ [k]: value })] })]]),
  ...(["usageType", "contentType", "length", "sha2"] as const).map(
    (k): Case => [`an attachment without ${k}`, 400, [statement({ attachments: [withoutKey(attachment({}), k)] })]],
  ),
  // durations
  ["a duration that mixes weeks and days", 400, both({ result: { duration: "P2W3D" } })],
  // verbs
  ["a verb display that is a number", 400, both({ verb: { id: VERB.id, display: 12345 } })],
  ["a sub-statement verb that is a string", 400, [statement({ object: { objectType: "SubStatement", actor: AGENT, verb: VERB.id, object: ACTIVITY } })]],
  // contexts
  [
    "a context revision and platform when the object is an activity without objectType",
    200,
    both({ object: { id: "https://abdi.go.id/xapi/activities/course/2" }, context: { revision: "r2", platform: "Abdi Web" } }),
  ],
  [
    "a full context: registration, revision, platform, language, statement and extensions",
    200,
    both({
      context: {
        registration: randomUUID(),
        revision: "2024.1",
        platform: "Abdi Mobile",
        language: "id-ID",
        statement: { objectType: "StatementRef", id: randomUUID() },
        extensions: { "https://abdi.go.id/xapi/extensions/ruang": "Aula 3" },
      },
    }),
  ],
  // context activities
  [
    "context activities of two activities under each kind",
    200,
    both({
      context: {
        contextActivities: Object.fromEntries(
          ["parent", "grouping", "category", "other"].map((k) => [k, [ACTIVITY, { objectType: "Activity", id: `https://abdi.go.id/xapi/activities/${k}/2` }]]),
        ),
      },
    }),
  ],
  // sub-statements
  [
    "a sub-statement about a statement reference, with a result",
    200,
    [
      statement({ object: { objectType: "SubStatement", actor: AGENT, verb: VERB, object: { objectType: "StatementRef", id: randomUUID() } } }),
      statement({ object: { objectType: "SubStatement", actor: AGENT, verb: VERB, object: ACTIVITY, result: { score: { scaled: 0.8 }, success: true } } }),
    ],
  ],
];

/** Rules of xAPI 2.0 only: the time zone forms a timestamp may take. */
const CASES_2_0: Case[] = [
  ...["2019-03-07T08:15:30.250-00", "2019-03-07T08:15:30.250-0000", "2019-03-07T08:15:30.250-00:00"].map(
    (timestamp): Case => [`a timestamp of ${timestamp}`, 400, both({ timestamp })],
  ),
  ["an RFC 3339 timestamp with a space for the T", 200, both({ timestamp: "2019-03-07 08:15:30.250+00:00" })],
];

describe.each(ENGINES)("xAPI statement cases of the conformance suite configs (second table) on %s", (engine) => {
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

  it.each(CASES_2_0)("2.0: %s answers %i", async (_name, status, bodies) => {
    for (const body of bodies) {
      const r = await l.x("POST", "/xapi/statements", { version: "2.0.0", body });
      expect({ body, status: r.statusCode, answer: r.statusCode === status ? "" : r.body }).toEqual({ body, status, answer: "" });
    }
  });

  it("2.0: a stored statement gives back the instant of its timestamps, to the millisecond, in its own and its sub-statement's", async () => {
    const id = randomUUID();
    const sub = { objectType: "SubStatement", actor: AGENT, verb: VERB, object: ACTIVITY, timestamp: "2019-03-07T15:15:30.250+07:00" };
    const body = statement({ id, timestamp: "2019-03-07 08:15:30.251+00:00", object: sub });
    expect((await l.x("POST", "/xapi/statements", { version: "2.0.0", body })).statusCode).toBe(200);
    const r = await l.x("GET", `/xapi/statements?statementId=${id}`, { version: "2.0.0" });
    expect(r.statusCode).toBe(200);
    const s = r.json();
    expect(new Date(s.timestamp).toISOString()).toBe("2019-03-07T08:15:30.251Z");
    expect(new Date(s.object.timestamp).toISOString()).toBe("2019-03-07T08:15:30.250Z");
  });
});
