import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { AGENT, createLrs, type Lrs, statement } from "./test-support.js";

const contextAgents = { contextAgents: [{ objectType: "contextAgent", agent: AGENT, relevantTypes: ["https://abdi.go.id/xapi/roles/mentor"] }] };

describe.each(ENGINES)("xAPI 1.0.3 and 2.0.0 differences on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  it("answers in the version asked for; 1.0.x requests are served as 1.0.3", async () => {
    expect((await l.x("GET", "/xapi/statements", { version: "2.0.0" })).headers["x-experience-api-version"]).toBe("2.0.0");
    expect((await l.x("GET", "/xapi/statements", { version: "1.0.1" })).headers["x-experience-api-version"]).toBe("1.0.3");
  });

  it("sets version 2.0.0 or 1.0.0 on statements that carry none", async () => {
    const [a] = (await l.x("POST", "/xapi/statements", { body: statement(), version: "2.0.0" })).json();
    const [b] = (await l.x("POST", "/xapi/statements", { body: statement(), version: "1.0.3" })).json();
    expect((await l.x("GET", `/xapi/statements?statementId=${a}`)).json().version).toBe("2.0.0");
    expect((await l.x("GET", `/xapi/statements?statementId=${b}`)).json().version).toBe("1.0.0");
    expect((await l.x("POST", "/xapi/statements", { body: statement({ version: "2.0.0" }), version: "1.0.3" })).statusCode).toBe(400);
  });

  it("contextAgents and contextGroups exist only in 2.0, and count as related agents", async () => {
    expect((await l.x("POST", "/xapi/statements", { body: statement({ context: contextAgents }), version: "1.0.3" })).statusCode).toBe(400);
    const r = await l.x("POST", "/xapi/statements", {
      body: statement({ actor: { mbox: "mailto:other@example.go.id" }, context: contextAgents }),
      version: "2.0.0",
    });
    expect(r.statusCode).toBe(200);
    const related = await l.x("GET", `/xapi/statements?related_agents=true&agent=${encodeURIComponent(JSON.stringify(AGENT))}`, { version: "2.0.0" });
    expect(related.json().statements.map((s: { id: string }) => s.id)).toContain(r.json()[0]);
  });

  it("2.0 needs a time zone in timestamps; 1.0.3 accepts one without", async () => {
    const ts = statement({ timestamp: "2026-03-01T08:00:00" });
    expect((await l.x("POST", "/xapi/statements", { body: ts, version: "2.0.0" })).statusCode).toBe(400);
    expect((await l.x("POST", "/xapi/statements", { body: ts, version: "1.0.3" })).statusCode).toBe(200);
  });

  it("2.0 forbids the alternate request syntax", async () => {
    const r = await l.x("POST", "/xapi/statements?method=GET", { raw: "", headers: { "content-type": "application/x-www-form-urlencoded" }, version: "2.0.0" });
    expect(r.statusCode).toBe(400);
  });

  it("2.0 applies the document concurrency rules to state too; 1.0.3 lets state be overwritten", async () => {
    const url = (id: string) =>
      `/xapi/activities/state?activityId=${encodeURIComponent("https://abdi.go.id/a")}&agent=${encodeURIComponent(JSON.stringify(AGENT))}&stateId=${id}`;
    await l.x("PUT", url("v1"), { body: { a: 1 }, version: "1.0.3" });
    expect((await l.x("PUT", url("v1"), { body: { a: 2 }, version: "1.0.3" })).statusCode).toBe(204);
    await l.x("PUT", url("v2"), { body: { a: 1 }, version: "2.0.0" });
    expect((await l.x("PUT", url("v2"), { body: { a: 2 }, version: "2.0.0" })).statusCode).toBe(409);
  });
});
