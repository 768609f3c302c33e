import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { AGENT, createLrs, type Lrs, statement } from "./test-support.js";

const VOIDED = { id: "http://adlnet.gov/expapi/verbs/voided", display: { "en-US": "voided" } };
const voiding = (target: string, over: Record<string, unknown> = {}) => ({
  actor: AGENT,
  verb: VOIDED,
  object: { objectType: "StatementRef", id: target },
  ...over,
});

describe.each(ENGINES)("xAPI voiding on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  it("a voided statement is found only by voidedStatementId and no longer answers filters", async () => {
    const verb = { id: "https://abdi.go.id/xapi/verbs/to-void" };
    const [target] = (await l.x("POST", "/xapi/statements", { body: statement({ verb }) })).json();
    const v = await l.x("POST", "/xapi/statements", { body: voiding(target) });
    expect(v.statusCode).toBe(200);
    const [voidingId] = v.json();
    expect((await l.x("GET", `/xapi/statements?statementId=${target}`)).statusCode).toBe(404);
    const byVoided = await l.x("GET", `/xapi/statements?voidedStatementId=${target}`);
    expect(byVoided.statusCode).toBe(200);
    expect(byVoided.json().id).toBe(target);
    expect((await l.x("GET", `/xapi/statements?voidedStatementId=${voidingId}`)).statusCode).toBe(404);
    const list = (await l.x("GET", `/xapi/statements?verb=${encodeURIComponent(verb.id)}`)).json().statements.map((s: { id: string }) => s.id);
    expect(list).toEqual([voidingId]);
    const all = (await l.x("GET", "/xapi/statements?limit=0")).json().statements.map((s: { id: string }) => s.id);
    expect(all).not.toContain(target);
    expect(all).toContain(voidingId);
  });

  it("a voiding statement cannot be voided, alone or in the same batch", async () => {
    const [target] = (await l.x("POST", "/xapi/statements", { body: statement() })).json();
    const [voidingId] = (await l.x("POST", "/xapi/statements", { body: voiding(target) })).json();
    expect((await l.x("POST", "/xapi/statements", { body: voiding(voidingId) })).statusCode).toBe(400);
    const a = randomUUID();
    const batch = await l.x("POST", "/xapi/statements", { body: [voiding(randomUUID(), { id: a }), voiding(a)] });
    expect(batch.statusCode).toBe(400);
    expect((await l.x("GET", `/xapi/statements?statementId=${a}`)).statusCode).toBe(404);
  });

  it("voiding a statement the LRS has not seen is accepted, and voids it when it arrives", async () => {
    const later = randomUUID();
    expect((await l.x("POST", "/xapi/statements", { body: voiding(later) })).statusCode).toBe(200);
    expect((await l.x("PUT", `/xapi/statements?statementId=${later}`, { body: statement() })).statusCode).toBe(204);
    expect((await l.x("GET", `/xapi/statements?statementId=${later}`)).statusCode).toBe(404);
    expect((await l.x("GET", `/xapi/statements?voidedStatementId=${later}`)).statusCode).toBe(200);
  });

  it("the voiding statement must reference by StatementRef", async () => {
    const r = await l.x("POST", "/xapi/statements", { body: { actor: AGENT, verb: VOIDED, object: { id: "https://abdi.go.id/a" } } });
    expect(r.statusCode).toBe(400);
  });
});
