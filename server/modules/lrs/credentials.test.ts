import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import type { TestApp } from "../../test/harness.js";
import { Client } from "../../test/harness.js";
import { buildOrgWorld, type OrgWorld } from "../../test/org-world.js";
import { employeeAgent } from "./agents.js";
import { insertClient } from "./clients-repo.js";
import { issueLaunchCredentials } from "./credentials.js";
import { basic, createLrsTestApp, statement } from "./test-support.js";

describe.each(ENGINES)("LRS credentials, scopes and client administration on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  const x = (method: string, url: string, auth: string, body?: unknown, version = "2.0.0") =>
    t.app.inject({
      method: method as "GET",
      url,
      headers: { authorization: auth, "x-experience-api-version": version, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  const client = async (scopes: string[], agencyId = w.A.id) => {
    const c = await insertClient(t.database.db, { agencyId, name: scopes.join(","), scopes, createdBy: null });
    return basic(c.key, c.secret);
  };

  beforeAll(async () => {
    t = await createLrsTestApp(engine);
    w = await buildOrgWorld(t);
  });
  afterAll(() => t.close());

  it("scopes decide who writes, who reads all and who reads only its own statements", async () => {
    const writer = await client(["statements/write", "statements/read/mine"]);
    const reader = await client(["statements/read"]);
    const other = await client(["statements/write", "statements/read/mine"]);
    const [mine] = (await x("POST", "/xapi/statements", writer, statement())).json();
    const [theirs] = (await x("POST", "/xapi/statements", other, statement())).json();
    expect((await x("POST", "/xapi/statements", reader, statement())).statusCode).toBe(403);
    const own = (await x("GET", "/xapi/statements", writer)).json().statements.map((s: { id: string }) => s.id);
    expect(own).toEqual([mine]);
    expect((await x("GET", `/xapi/statements?statementId=${theirs}`, writer)).statusCode).toBe(404);
    const all = (await x("GET", "/xapi/statements", reader)).json().statements.map((s: { id: string }) => s.id);
    expect(all).toEqual(expect.arrayContaining([mine, theirs]));
    const stateUrl = `/xapi/activities/state?activityId=${encodeURIComponent("https://abdi.go.id/a")}&agent=${encodeURIComponent(JSON.stringify({ mbox: "mailto:a@b.id" }))}&stateId=s`;
    expect((await x("PUT", stateUrl, reader, { a: 1 })).statusCode).toBe(403);
  });

  it("another agency's client does not see this agency's statements", async () => {
    const a = await client(["all"]);
    const b = await client(["all"], w.B.id);
    const [id] = (await x("POST", "/xapi/statements", a, statement())).json();
    expect((await x("GET", `/xapi/statements?statementId=${id}`, b)).statusCode).toBe(404);
    expect((await x("PUT", `/xapi/statements?statementId=${id}`, b, statement({ result: { success: true } }))).statusCode).toBe(204);
  });

  it("launch credentials write and read only the learner's statements and state, and expire", async () => {
    const registration = randomUUID();
    const creds = await issueLaunchCredentials(t.database.db, {
      agencyId: w.A.id,
      employeeId: w.e1.id,
      registration,
      activityId: "https://abdi.go.id/au/1",
      ttlSeconds: 600,
    });
    const learner = employeeAgent(w.e1.id);
    const r = await x("POST", "/xapi/statements", creds.authHeader, statement({ actor: learner }));
    expect(r.statusCode, r.body).toBe(200);
    const stored = (await x("GET", `/xapi/statements?statementId=${r.json()[0]}`, creds.authHeader)).json();
    expect(stored.authority.objectType).toBe("Group");
    expect(stored.authority.member).toHaveLength(2);
    expect((await x("POST", "/xapi/statements", creds.authHeader, statement())).statusCode).toBe(403);
    const state = (agent: unknown) =>
      `/xapi/activities/state?activityId=${encodeURIComponent("https://abdi.go.id/au/1")}&agent=${encodeURIComponent(JSON.stringify(agent))}&stateId=s`;
    expect((await x("PUT", state(learner), creds.authHeader, { a: 1 })).statusCode).toBe(204);
    expect((await x("GET", state({ mbox: "mailto:x@y.id" }), creds.authHeader)).statusCode).toBe(403);
    const prefs = `/xapi/agents/profile?agent=${encodeURIComponent(JSON.stringify(learner))}&profileId=cmi5LearnerPreferences`;
    expect((await x("GET", prefs, creds.authHeader)).statusCode).toBe(404);
    expect((await x("PUT", prefs, creds.authHeader, { languagePreference: "id" })).statusCode).toBe(403);
    const expired = await issueLaunchCredentials(t.database.db, {
      agencyId: w.A.id,
      employeeId: w.e1.id,
      registration,
      activityId: "https://abdi.go.id/au/1",
      ttlSeconds: -1,
    });
    expect((await x("GET", "/xapi/statements", expired.authHeader)).statusCode).toBe(401);
  });

  it("learning and HR admins manage clients; the secret is shown once; a disabled client is refused", async () => {
    const hr = await Client.signIn(t.app, w.hrA.nip);
    const created = await hr.post("/api/v1/lrs/clients", { name: "Aplikasi konten", scopes: ["statements/write", "statements/read"] });
    expect(created.statusCode, created.body).toBe(201);
    const { id, key, secret } = created.json();
    expect(secret).toBeTruthy();
    const list = await hr.get("/api/v1/lrs/clients");
    const listed = list.json().items.find((c: { id: string }) => c.id === id);
    expect(listed.key).toBe(key);
    expect(listed.secret).toBeUndefined();
    const auth = basic(key, secret);
    expect((await x("GET", "/xapi/statements", auth)).statusCode).toBe(200);
    expect((await hr.patch(`/api/v1/lrs/clients/${id}`, { enabled: false })).json().enabled).toBe(false);
    expect((await x("GET", "/xapi/statements", auth)).statusCode).toBe(401);
    expect((await hr.patch(`/api/v1/lrs/clients/${id}`, { scopes: ["nope"] })).statusCode).toBe(400);
    const audit = await t.database.db.selectFrom("audit_events").select("action").where("subject_id", "=", id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["lrs_client.create", "lrs_client.update"]);
    expect((await hr.del(`/api/v1/lrs/clients/${id}`)).statusCode).toBe(204);
    expect((await hr.get("/api/v1/lrs/clients")).json().items.some((c: { id: string }) => c.id === id)).toBe(false);
  });

  it("others may not manage clients; another agency's client is not found", async () => {
    const employee = await Client.signIn(t.app, w.e1.nip);
    expect((await employee.get("/api/v1/lrs/clients")).statusCode).toBe(403);
    expect((await employee.post("/api/v1/lrs/clients", { name: "x", scopes: ["all"] })).statusCode).toBe(403);
    const hrScoped = await Client.signIn(t.app, w.hrY.nip);
    expect((await hrScoped.get("/api/v1/lrs/clients")).statusCode).toBe(403);
    const hrB = await Client.signIn(t.app, w.hrB.nip);
    const c = await insertClient(t.database.db, { agencyId: w.A.id, name: "A's", scopes: ["all"], createdBy: null });
    expect((await hrB.patch(`/api/v1/lrs/clients/${c.id}`, { enabled: false })).statusCode).toBe(404);
    expect((await Client.signIn(t.app, w.hrA.nip).then((h) => h.post("/api/v1/lrs/clients", { name: "", scopes: [] }))).statusCode).toBe(400);
  });
});
