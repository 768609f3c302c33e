import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { createLrs, type Lrs, statement } from "./test-support.js";

describe.each(ENGINES)("xAPI about, headers, CORS and alternate syntax on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  it("about lists the versions and needs neither credentials nor a version header", async () => {
    const r = await l.x("GET", "/xapi/about", { version: null, auth: null });
    expect(r.statusCode).toBe(200);
    expect(r.json().version).toEqual(expect.arrayContaining(["1.0.3", "2.0.0"]));
    expect(r.headers["x-experience-api-version"]).toBeTruthy();
  });

  it("a missing or unsupported version header is a 400; missing or wrong credentials a 401", async () => {
    expect((await l.x("GET", "/xapi/statements", { version: null })).statusCode).toBe(400);
    expect((await l.x("GET", "/xapi/statements", { version: "0.95" })).statusCode).toBe(400);
    expect((await l.x("GET", "/xapi/statements", { version: "3.0.0" })).statusCode).toBe(400);
    const none = await l.x("GET", "/xapi/statements", { auth: null });
    expect(none.statusCode).toBe(401);
    expect(none.headers["www-authenticate"]).toContain("Basic");
    expect((await l.x("GET", "/xapi/statements", { auth: `Basic ${Buffer.from("test-key:wrong").toString("base64")}` })).statusCode).toBe(401);
    expect((await l.x("GET", "/xapi/nothing-here")).statusCode).toBe(404);
    expect((await l.x("DELETE", "/xapi/statements")).statusCode).toBe(405);
  });

  it("an endpoint joined with a doubled slash names the same resource", async () => {
    const s = statement();
    const put = await l.x("POST", "/xapi//statements", { body: s });
    expect(put.statusCode).toBe(200);
    const [id] = put.json();
    const got = await l.x("GET", `/xapi//statements?statementId=${id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json().id).toBe(id);
    expect((await l.x("GET", "/xapi//activities/state")).statusCode).toBe(400);
  });

  it("every answer, errors included, carries X-Experience-API-Version and CORS headers", async () => {
    for (const r of [
      await l.x("GET", "/xapi/statements"),
      await l.x("POST", "/xapi/statements", { body: { bad: 1 } }),
      await l.x("GET", "/xapi/statements", { auth: null }),
    ]) {
      expect(r.headers["x-experience-api-version"]).toBe("1.0.3");
      expect(r.headers["access-control-allow-origin"]).toBeTruthy();
    }
  });

  it("answers a CORS preflight from another origin", async () => {
    const r = await l.t.app.inject({
      method: "OPTIONS",
      url: "/xapi/statements",
      headers: {
        origin: "https://content.example.org",
        "access-control-request-method": "PUT",
        "access-control-request-headers": "authorization,x-experience-api-version,content-type",
      },
    });
    expect(r.statusCode).toBe(204);
    expect(r.headers["access-control-allow-origin"]).toBe("https://content.example.org");
    const allowed = String(r.headers["access-control-allow-headers"]).toLowerCase();
    for (const h of ["authorization", "x-experience-api-version", "content-type", "if-match", "if-none-match"]) expect(allowed).toContain(h);
    const exposed = String(r.headers["access-control-expose-headers"]).toLowerCase();
    for (const h of ["etag", "last-modified", "x-experience-api-consistent-through", "x-experience-api-version"]) expect(exposed).toContain(h);
  });

  it("1.0.3 alternate request syntax: PUT and GET as form-encoded POSTs", async () => {
    const id = "6f2a4c1e-0b1d-4a8c-8f00-00000000a175";
    const form = new URLSearchParams({
      statementId: id,
      content: JSON.stringify(statement()),
      Authorization: l.auth,
      "X-Experience-API-Version": "1.0.3",
      "Content-Type": "application/json",
    });
    const put = await l.x("POST", "/xapi/statements?method=PUT", {
      raw: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      version: null,
      auth: null,
    });
    expect(put.statusCode, put.body).toBe(204);
    const get = await l.x("POST", "/xapi/statements?method=GET", {
      raw: new URLSearchParams({ statementId: id, Authorization: l.auth, "X-Experience-API-Version": "1.0.3" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      version: null,
      auth: null,
    });
    expect(get.statusCode).toBe(200);
    expect(get.json().id).toBe(id);
    const extra = await l.x("POST", `/xapi/statements?method=GET&statementId=${id}`, {
      raw: "",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(extra.statusCode).toBe(400);
    const notForm = await l.x("POST", "/xapi/statements?method=GET", { body: {} });
    expect(notForm.statusCode).toBe(400);
  });
});
