import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { authenticate } from "./credentials.js";
import { mergeable, persistMerged } from "./statements-merge.js";
import { saveDefinitions } from "./statements-rows.js";
import { prepareStatements } from "./statements-store.js";
import { AGENT, createLrs, type Lrs, statement } from "./test-support.js";

const VOIDED = { id: "http://adlnet.gov/expapi/verbs/voided", display: { "en-US": "voided" } };

describe.each(ENGINES)("merged statement writes on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  const prepared = async (statements: unknown[]) => {
    const principal = await authenticate(l.t.database.db, l.auth);
    if (!principal) throw new Error("no principal");
    return prepareStatements({ principal, version: "1.0.3", statements, parts: new Map() });
  };
  const merged = async (requests: unknown[][]) => {
    const inputs = await Promise.all(requests.map(prepared));
    return l.t.database.db.transaction().execute((trx) => persistMerged(trx, inputs));
  };
  const get = (id: string) => l.x("GET", `/xapi/statements?statementId=${id}`);

  it("writes requests in order: a resend is no conflict, a different statement under a taken id fails its request alone", async () => {
    const [a1, a2, b2, c2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const verb = { id: `https://abdi.go.id/xapi/verbs/${randomUUID()}` };
    const first = statement({ id: a1, verb });
    const outcomes = await merged([
      [first, statement({ id: a2, verb })],
      [first, statement({ id: b2, verb })],
      [statement({ id: c2, verb }), statement({ id: a1, verb, result: { completion: true } })],
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false]);
    expect(outcomes[0]).toEqual({ ok: true, value: { ids: [a1, a2], fresh: 2 } });
    expect(outcomes[1]).toEqual({ ok: true, value: { ids: [a1, b2], fresh: 1 } });
    expect(outcomes[2].ok === false && outcomes[2].err).toMatchObject({ status: 409 });
    for (const id of [a1, a2, b2]) expect((await get(id)).statusCode).toBe(200);
    // The refused request wrote nothing, not even its statement with a fresh id.
    expect((await get(c2)).statusCode).toBe(404);
    const found = (await l.x("GET", `/xapi/statements?verb=${encodeURIComponent(verb.id)}`)).json().statements;
    expect(found.map((s: { id: string }) => s.id).sort()).toEqual([a1, a2, b2].sort());
  });

  it("compares with what is already stored: the same content is a resend, other content a 409", async () => {
    const id = randomUUID();
    expect((await l.x("PUT", `/xapi/statements?statementId=${id}`, { body: statement({ id }) })).statusCode).toBe(204);
    const outcomes = await merged([[statement({ id })], [statement({ id, result: { success: false } })]]);
    expect(outcomes[0]).toEqual({ ok: true, value: { ids: [id], fresh: 0 } });
    expect(outcomes[1].ok).toBe(false);
  });

  it("a statement whose voiding statement came first is stored voided", async () => {
    const target = randomUUID();
    const voiding = await l.x("POST", "/xapi/statements", { body: { actor: AGENT, verb: VOIDED, object: { objectType: "StatementRef", id: target } } });
    expect(voiding.statusCode).toBe(200);
    expect((await merged([[statement({ id: target })]]))[0].ok).toBe(true);
    expect((await get(target)).statusCode).toBe(404);
    expect((await l.x("GET", `/xapi/statements?voidedStatementId=${target}`)).statusCode).toBe(200);
  });

  it("merges activity definitions of the requests in order", async () => {
    const activityId = `https://abdi.go.id/xapi/activities/${randomUUID()}`;
    await merged([
      [statement({ object: { id: activityId, definition: { name: { "en-US": "Ethics" } } } })],
      [statement({ object: { id: activityId, definition: { name: { id: "Etika" }, description: { id: "Kode etik ASN" } } } })],
    ]);
    const activity = (await l.x("GET", `/xapi/activities?activityId=${encodeURIComponent(activityId)}`)).json();
    expect(activity.definition).toEqual({ name: { "en-US": "Ethics", id: "Etika" }, description: { id: "Kode etik ASN" } });
  });

  it("concurrent writers of one new activity's definition both keep their languages", async () => {
    const activityId = `https://abdi.go.id/xapi/activities/${randomUUID()}`;
    const at = new Date().toISOString();
    const write = (name: Record<string, string>) =>
      l.t.database.db.transaction().execute((trx) => saveDefinitions(trx, l.agencyId, new Map([[activityId, { name }]]), at));
    await Promise.all([write({ "en-US": "Ethics" }), write({ id: "Etika" }), write({ "en-GB": "Ethics (GB)" })]);
    const activity = (await l.x("GET", `/xapi/activities?activityId=${encodeURIComponent(activityId)}`)).json();
    expect(activity.definition.name).toEqual({ "en-US": "Ethics", id: "Etika", "en-GB": "Ethics (GB)" });
  });

  it("the same new statement sent by many requests at once is stored once; every request succeeds", async () => {
    const id = randomUUID();
    const results = await Promise.all(Array.from({ length: 12 }, () => l.x("POST", "/xapi/statements", { body: statement({ id }) })));
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 204)).toBe(true);
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    const rows = await l.t.database.db.selectFrom("lrs_statements").select("seq").where("statement_id", "=", id).execute();
    expect(rows).toHaveLength(1);
  });

  it("takes only plain writes: voiding, statement references and attachments are written one request at a time", async () => {
    expect(mergeable(await prepared([statement()]))).toBe(true);
    expect(mergeable(await prepared([{ actor: AGENT, verb: VOIDED, object: { objectType: "StatementRef", id: randomUUID() } }]))).toBe(false);
    expect(mergeable(await prepared([statement({ object: { objectType: "StatementRef", id: randomUUID() } })]))).toBe(false);
  });

  it("over HTTP, concurrent requests with a conflict in the middle: each answered as if written alone", async () => {
    const id = randomUUID();
    await l.x("PUT", `/xapi/statements?statementId=${id}`, { body: statement({ id }) });
    const results = await Promise.all([
      l.x("POST", "/xapi/statements", { body: [statement(), statement()] }),
      l.x("POST", "/xapi/statements", { body: statement({ id, result: { score: { scaled: 0.5 } } }) }),
      l.x("POST", "/xapi/statements", { body: statement({ id }) }),
      l.x("POST", "/xapi/statements", { body: statement() }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 409, 204, 200]);
    expect(results[1].json()).toMatchObject({ code: 409 });
    for (const id of [...results[0].json(), ...results[3].json()]) expect((await get(id)).statusCode).toBe(200);
  });
});
