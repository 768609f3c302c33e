import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { ACTIVITY, AGENT, createLrs, type Lrs, statement, VERB } from "./test-support.js";

const q = (o: Record<string, unknown>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === "string" ? v : JSON.stringify(v))}`)
    .join("&");

describe.each(ENGINES)("xAPI statement resource on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  it("PUT stores a statement under its id and sets stored, authority, version and timestamp", async () => {
    const id = randomUUID();
    const put = await l.x("PUT", `/xapi/statements?statementId=${id}`, { body: statement() });
    expect(put.statusCode, put.body).toBe(204);
    expect(put.headers["x-experience-api-version"]).toBe("1.0.3");
    const get = await l.x("GET", `/xapi/statements?statementId=${id}`);
    expect(get.statusCode).toBe(200);
    const s = get.json();
    expect(s.id).toBe(id);
    expect(s.version).toBe("1.0.0");
    expect(s.authority.account).toEqual({ homePage: "https://abdi.go.id", name: "test-key" });
    expect(Date.parse(s.stored)).toBeGreaterThan(0);
    expect(s.timestamp).toBe(s.stored);
    expect(get.headers["last-modified"]).toBe(new Date(s.stored).toUTCString());
    expect(get.headers["x-experience-api-consistent-through"]).toBeTruthy();
  });

  it("PUT without statementId or with another id in the body is refused", async () => {
    expect((await l.x("PUT", "/xapi/statements", { body: statement() })).statusCode).toBe(400);
    const r = await l.x("PUT", `/xapi/statements?statementId=${randomUUID()}`, { body: statement({ id: randomUUID() }) });
    expect(r.statusCode).toBe(400);
  });

  it("the same id with the same content is accepted again; different content is a 409", async () => {
    const id = randomUUID();
    const body = statement({ id, timestamp: "2026-01-02T03:04:05.678Z" });
    expect((await l.x("PUT", `/xapi/statements?statementId=${id}`, { body })).statusCode).toBe(204);
    expect((await l.x("PUT", `/xapi/statements?statementId=${id}`, { body })).statusCode).toBe(204);
    // A POST storing nothing new (every statement known with the same content) answers 204 No Content.
    expect((await l.x("POST", "/xapi/statements", { body })).statusCode).toBe(204);
    const other = await l.x("PUT", `/xapi/statements?statementId=${id}`, { body: { ...body, verb: { id: "http://adlnet.gov/expapi/verbs/failed" } } });
    expect(other.statusCode).toBe(409);
    const batch = await l.x("POST", "/xapi/statements", { body: [statement(), { ...body, result: { success: true } }] });
    expect(batch.statusCode).toBe(409);
  });

  it("POST stores one or many and answers their ids in order; a bad one fails the whole batch", async () => {
    const before = (await l.x("GET", "/xapi/statements?limit=0")).json().statements.length;
    const ids = [randomUUID(), randomUUID()];
    const r = await l.x("POST", "/xapi/statements", { body: [statement({ id: ids[0] }), statement({ id: ids[1] }), statement()] });
    expect(r.statusCode).toBe(200);
    expect(r.json().slice(0, 2)).toEqual(ids);
    expect(r.json()[2]).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await l.x("POST", "/xapi/statements", { body: [statement(), statement({ verb: { id: "not an iri" } })] });
    expect(bad.statusCode).toBe(400);
    expect((await l.x("GET", "/xapi/statements?limit=0")).json().statements.length).toBe(before + 3);
    // One id twice in a batch: the same statement is stored once; different content fails the batch.
    const twin = randomUUID();
    const same = await l.x("POST", "/xapi/statements", { body: [statement({ id: twin }), statement({ id: twin })] });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual([twin, twin]);
    const other = randomUUID();
    const clash = await l.x("POST", "/xapi/statements", { body: [statement({ id: other }), statement({ id: other, result: { completion: true } })] });
    expect(clash.statusCode).toBe(400);
    expect((await l.x("GET", `/xapi/statements?statementId=${other}`)).statusCode).toBe(404);
    expect((await l.x("GET", "/xapi/statements?limit=0")).json().statements.length).toBe(before + 4);
  });

  it("GET of an unknown statement is a 404; statementId cannot be combined with filters", async () => {
    expect((await l.x("GET", `/xapi/statements?statementId=${randomUUID()}`)).statusCode).toBe(404);
    expect((await l.x("GET", `/xapi/statements?statementId=${randomUUID()}&verb=${encodeURIComponent(VERB.id)}`)).statusCode).toBe(400);
    expect((await l.x("GET", "/xapi/statements?unknown=1")).statusCode).toBe(400);
  });

  it("filters by agent, verb, activity, registration, related agents and activities", async () => {
    const reg = randomUUID();
    const other = { mbox: "mailto:budi@example.go.id" };
    const verb = { id: "https://abdi.go.id/xapi/verbs/filtered" };
    const act = { id: "https://abdi.go.id/xapi/activities/filter-target" };
    const parent = { id: "https://abdi.go.id/xapi/activities/filter-parent" };
    await l.x("POST", "/xapi/statements", {
      body: [
        statement({ actor: other, verb, object: act, context: { registration: reg, instructor: AGENT, contextActivities: { parent: [parent] } } }),
        statement({ actor: other, verb, object: { objectType: "Agent", mbox: "mailto:citra@example.go.id" } }),
      ],
    });
    const get = async (o: Record<string, unknown>) => {
      const r = await l.x("GET", `/xapi/statements?${q(o)}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().statements as { id: string; verb: { id: string } }[];
    };
    expect(await get({ agent: other, verb: verb.id })).toHaveLength(2);
    expect(await get({ verb: verb.id })).toHaveLength(2);
    expect(await get({ agent: { mbox: "mailto:citra@example.go.id" } })).toHaveLength(1);
    expect(await get({ activity: act.id })).toHaveLength(1);
    expect(await get({ activity: parent.id })).toHaveLength(0);
    expect(await get({ activity: parent.id, related_activities: "true" })).toHaveLength(1);
    expect(await get({ registration: reg })).toHaveLength(1);
    expect((await get({ agent: AGENT, verb: verb.id })).length).toBe(0);
    expect(await get({ agent: AGENT, verb: verb.id, related_agents: "true" })).toHaveLength(1);
    expect((await l.x("GET", `/xapi/statements?${q({ agent: { name: "no ifi" } })}`)).statusCode).toBe(400);
    expect((await l.x("GET", `/xapi/statements?${q({ registration: "nope" })}`)).statusCode).toBe(400);
  });

  it("since, until, ascending, limit and more page through a consistent set", async () => {
    const verb = { id: "https://abdi.go.id/xapi/verbs/paged" };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await l.x("POST", "/xapi/statements", { body: statement({ verb }) });
      ids.push(r.json()[0]);
    }
    const all = (await l.x("GET", `/xapi/statements?${q({ verb: verb.id, ascending: "true" })}`)).json().statements as { id: string; stored: string }[];
    expect(all.map((s) => s.id)).toEqual(ids);
    const since = all[1].stored;
    const after = (await l.x("GET", `/xapi/statements?${q({ verb: verb.id, since })}`)).json().statements as { stored: string }[];
    expect(after.every((s) => s.stored > since)).toBe(true);
    const until = (await l.x("GET", `/xapi/statements?${q({ verb: verb.id, until: all[0].stored, ascending: "true" })}`)).json().statements as { id: string }[];
    expect(until[0].id).toBe(ids[0]);
    const seen: string[] = [];
    let url = `/xapi/statements?${q({ verb: verb.id, limit: "2" })}`;
    for (let page = 0; page < 5 && url; page++) {
      const r = await l.x("GET", url);
      expect(r.statusCode).toBe(200);
      const body = r.json();
      seen.push(...body.statements.map((s: { id: string }) => s.id));
      url = body.more;
    }
    expect(seen).toEqual([...ids].reverse());
    expect((await l.x("GET", "/xapi/statements?since=yesterday")).statusCode).toBe(400);
  });

  it("format=ids keeps identifiers only; canonical picks one language; HEAD has headers and no body", async () => {
    const id = randomUUID();
    await l.x("PUT", `/xapi/statements?statementId=${id}`, { body: statement() });
    const ids = (await l.x("GET", `/xapi/statements?statementId=${id}&format=ids`)).json();
    expect(ids.actor).toEqual({ objectType: "Agent", mbox: AGENT.mbox });
    expect(ids.verb).toEqual({ id: VERB.id });
    expect(ids.object).toEqual({ id: ACTIVITY.id });
    const canonical = (await l.x("GET", `/xapi/statements?statementId=${id}&format=canonical`, { headers: { "accept-language": "id, en;q=0.5" } })).json();
    expect(canonical.verb.display).toEqual({ id: "menyelesaikan" });
    expect((await l.x("GET", `/xapi/statements?statementId=${id}&format=full`)).statusCode).toBe(400);
    const head = await l.x("HEAD", `/xapi/statements?statementId=${id}`);
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe("");
    expect(head.headers["x-experience-api-version"]).toBeTruthy();
  });

  it("a statement that targets another (StatementRef) answers the target's filters", async () => {
    const verb = { id: "https://abdi.go.id/xapi/verbs/referenced" };
    const [target] = (await l.x("POST", "/xapi/statements", { body: statement({ verb }) })).json();
    const [ref] = (
      await l.x("POST", "/xapi/statements", {
        body: statement({ verb: { id: "https://abdi.go.id/xapi/verbs/ref" }, object: { objectType: "StatementRef", id: target } }),
      })
    ).json();
    const found = (await l.x("GET", `/xapi/statements?${q({ verb: verb.id })}`)).json().statements.map((s: { id: string }) => s.id);
    expect(found).toEqual([ref, target]);
  });
});

describe.each(ENGINES)("xAPI statement normalisation on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  it("returns a single context activity as an array of one, and still treats the resend as the same statement", async () => {
    const id = randomUUID();
    const body = statement({ id, timestamp: "2026-01-02T03:04:05.678Z", context: { contextActivities: { parent: { id: "https://abdi.go.id/p" } } } });
    expect((await l.x("PUT", `/xapi/statements?statementId=${id}`, { body })).statusCode).toBe(204);
    const s = (await l.x("GET", `/xapi/statements?statementId=${id}`)).json();
    expect(s.context.contextActivities.parent).toEqual([{ id: "https://abdi.go.id/p" }]);
    expect((await l.x("PUT", `/xapi/statements?statementId=${id}`, { body })).statusCode).toBe(204);
  });
});

describe.each(ENGINES)("xAPI concurrent statement writes on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  it("writes arriving together commit together, and a conflicting one fails alone", async () => {
    const id = randomUUID();
    await l.x("PUT", `/xapi/statements?statementId=${id}`, { body: statement({ id }) });
    const verb = { id: "https://abdi.go.id/xapi/verbs/concurrent" };
    const results = await Promise.all([
      ...Array.from({ length: 8 }, () => l.x("POST", "/xapi/statements", { body: statement({ verb }) })),
      l.x("POST", "/xapi/statements", { body: statement({ id, verb }) }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 409]);
    const stored = (await l.x("GET", `/xapi/statements?verb=${encodeURIComponent(verb.id)}`)).json().statements;
    expect(stored).toHaveLength(8);
  });
});
