import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { BOUNDARY, CRLF, closing, jsonPart, MIXED, sha, TEXT_A, TEXT_B, textAttachment, textPart } from "./conformance-support.js";
import { createLrs, type Lrs, statement } from "./test-support.js";

const V = "2.0.0";
const enc = encodeURIComponent;
const q = (o: Record<string, unknown>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${enc(typeof v === "string" ? v : JSON.stringify(v))}`)
    .join("&");

const PERSON = { objectType: "Agent", account: { homePage: "https://abdi.go.id", name: "dewi.lestari" } };
const ACT = "https://abdi.go.id/xapi/activities/course/resources-v2";
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The three document resources, each with the parameters naming one fresh document. */
const DOCS = [
  { name: "state", path: "/xapi/activities/state", idParam: "stateId", params: () => ({ activityId: ACT, agent: PERSON, stateId: randomUUID() }) },
  { name: "activity profile", path: "/xapi/activities/profile", idParam: "profileId", params: () => ({ activityId: ACT, profileId: randomUUID() }) },
  { name: "agent profile", path: "/xapi/agents/profile", idParam: "profileId", params: () => ({ agent: PERSON, profileId: randomUUID() }) },
] as const;

const doc = () => ({ title: randomUUID(), place: { room: randomUUID() }, [randomUUID()]: randomUUID() });

const TEXT_C = Buffer.from("Bagian yang tidak dinyatakan oleh pernyataan.\n");
const FORM_DATA = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };

describe.each(ENGINES)("xAPI 2.0 content types on the statement resource on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());
  const post = (raw: string, headers: Record<string, string>) => l.x("POST", "/xapi/statements", { version: V, raw, headers });

  it("multipart/form-data is refused, whether it carries bare JSON or well-formed parts", async () => {
    const byUrl = statement({ attachments: [textAttachment(TEXT_A, { fileUrl: "https://files.abdi.go.id/a.txt" })] });
    expect((await l.x("POST", "/xapi/statements", { version: V, body: byUrl })).statusCode).toBe(200);
    expect((await post(JSON.stringify(byUrl), FORM_DATA)).statusCode).toBe(400);
    const withPart = statement({ attachments: [textAttachment(TEXT_A)] });
    expect((await post(jsonPart(withPart) + textPart(TEXT_A) + closing, FORM_DATA)).statusCode).toBe(400);
    expect((await post(jsonPart(withPart) + textPart(TEXT_A) + closing, MIXED)).statusCode).toBe(200);
  });

  it("application/json takes a fileUrl attachment whose contentType carries parameters", async () => {
    const s = statement({ attachments: [textAttachment(TEXT_A, { contentType: "text/plain; charset=ascii", fileUrl: "https://files.abdi.go.id/a.txt" })] });
    expect((await l.x("POST", "/xapi/statements", { version: V, body: s })).statusCode).toBe(200);
  });

  it("takes a part matching its hash even when the declared length differs from the part's size", async () => {
    const hex = Buffer.from(Buffer.from("\x00\x01\xfe\xff gambar").toString("hex"));
    const s = statement({ attachments: [textAttachment(hex, { contentType: "image/jpeg", length: hex.length / 2 })] });
    const body = `${jsonPart(s)}--${BOUNDARY}${CRLF}Content-Type: image/jpeg${CRLF}Content-Transfer-Encoding: binary${CRLF}X-Experience-API-Hash: ${sha(hex)}${CRLF}${CRLF}${hex.toString("utf8")}${CRLF}${closing}`;
    expect((await post(body, MIXED)).statusCode).toBe(200);
  });

  it("multipart/mixed holding only the statement part is taken, with a fileUrl attachment or with none", async () => {
    const byUrl = statement({ attachments: [textAttachment(TEXT_A, { fileUrl: "https://files.abdi.go.id/a.txt" })] });
    expect((await post(jsonPart(byUrl) + closing, MIXED)).statusCode).toBe(200);
    expect((await post(jsonPart(statement()) + closing, MIXED)).statusCode).toBe(200);
  });

  it("refuses a part no attachment declares, and a declared attachment without its part", async () => {
    const two = statement({ attachments: [textAttachment(TEXT_A), textAttachment(TEXT_B)] });
    expect((await post(jsonPart(two) + textPart(TEXT_A) + textPart(TEXT_B) + textPart(TEXT_C) + closing, MIXED)).statusCode).toBe(400);
    expect((await post(jsonPart(two) + textPart(TEXT_A) + closing, MIXED)).statusCode).toBe(400);
    expect((await post(jsonPart(two) + textPart(TEXT_A) + textPart(TEXT_B) + closing, MIXED)).statusCode).toBe(200);
  });

  it("refuses multipart bodies missing a delimiter, or a boundary parameter in the header", async () => {
    const one = statement({ attachments: [textAttachment(TEXT_A)] });
    const noFirstDelimiter = `Content-Type: application/json${CRLF}${CRLF}${JSON.stringify(one)}${CRLF}${textPart(TEXT_A)}${closing}`;
    expect((await post(noFirstDelimiter, MIXED)).statusCode).toBe(400);
    const noSecondDelimiter = jsonPart(one) + textPart(TEXT_A).slice(`--${BOUNDARY}${CRLF}`.length) + closing;
    expect((await post(noSecondDelimiter, MIXED)).statusCode).toBe(400);
    expect((await post(jsonPart(one) + textPart(TEXT_A) + closing, { "content-type": "multipart/mixed;" })).statusCode).toBe(400);
  });

  it("refuses a first part that is not application/json, and statements spread over two parts", async () => {
    const one = statement({ attachments: [textAttachment(TEXT_A)] });
    expect((await post(jsonPart(one, "text/plain") + textPart(TEXT_A) + closing, MIXED)).statusCode).toBe(400);
    expect((await post(jsonPart(one) + jsonPart(one) + textPart(TEXT_A) + closing, MIXED)).statusCode).toBe(400);
  });

  it("refuses an attachment part without X-Experience-API-Hash or with one that matches no sha2", async () => {
    const one = statement({ attachments: [textAttachment(TEXT_A)] });
    expect((await post(jsonPart(one) + textPart(TEXT_A, null) + closing, MIXED)).statusCode).toBe(400);
    expect((await post(jsonPart(one) + textPart(TEXT_A, sha(TEXT_C)) + closing, MIXED)).statusCode).toBe(400);
  });
});

describe.each(ENGINES)("xAPI 2.0 document concurrency on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  it.each(DOCS)("$name: a wrong If-Match leaves the document as it was; the right one lets PUT replace it", async ({ path, params }) => {
    const url = `${path}?${q(params())}`;
    const first = doc();
    expect((await l.x("POST", url, { version: V, body: first })).statusCode).toBe(204);
    const got = await l.x("GET", url, { version: V });
    expect(got.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
    const etag = String(got.headers.etag);
    const changed = { ...first, title: `changed ${randomUUID()}` };
    expect((await l.x("PUT", url, { version: V, body: changed, headers: { "if-match": "1234" } })).statusCode).toBe(412);
    expect((await l.x("POST", url, { version: V, body: changed, headers: { "if-match": "1234" } })).statusCode).toBe(412);
    expect((await l.x("DELETE", url, { version: V, headers: { "if-match": "1234" } })).statusCode).toBe(412);
    const still = await l.x("GET", url, { version: V });
    expect(still.statusCode).toBe(200);
    expect(still.json()).toEqual(first);
    expect((await l.x("PUT", url, { version: V, body: changed, headers: { "if-match": etag } })).statusCode).toBe(204);
    expect((await l.x("GET", url, { version: V })).json()).toEqual(changed);
  });

  it.each(DOCS)("$name: a PUT over an existing document without If-Match or If-None-Match is a 409 that explains itself", async ({ path, params }) => {
    const url = `${path}?${q(params())}`;
    const first = doc();
    expect((await l.x("POST", url, { version: V, body: first })).statusCode).toBe(204);
    const r = await l.x("PUT", url, { version: V, body: doc() });
    expect(r.statusCode).toBe(409);
    expect(r.body.length).toBeGreaterThan(0);
    expect(r.json().message).toMatch(/If-Match/);
    expect((await l.x("GET", url, { version: V })).json()).toEqual(first);
  });

  it.each(DOCS)("$name: a new document may be PUT with If-None-Match: *", async ({ path, params }) => {
    const url = `${path}?${q(params())}`;
    expect((await l.x("PUT", url, { version: V, body: { a: 1 }, headers: { "if-none-match": "*" } })).statusCode).toBe(204);
    expect((await l.x("GET", url, { version: V })).json()).toEqual({ a: 1 });
  });
});

describe.each(ENGINES)("xAPI 2.0 document resources on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  it.each(DOCS)("$name: each required parameter missing is a 400 for every method", async ({ path, params, idParam }) => {
    const full = params() as Record<string, unknown>;
    for (const missing of Object.keys(full)) {
      const rest = Object.fromEntries(Object.entries(full).filter(([k]) => k !== missing));
      const url = `${path}?${q(rest)}`;
      expect((await l.x("PUT", url, { version: V, body: doc() })).statusCode, `PUT without ${missing}`).toBe(400);
      expect((await l.x("POST", url, { version: V, body: doc() })).statusCode, `POST without ${missing}`).toBe(400);
      // Without the document id, GET lists ids and a state DELETE clears the set.
      if (missing !== idParam) {
        expect((await l.x("GET", url, { version: V })).statusCode, `GET without ${missing}`).toBe(400);
        expect((await l.x("DELETE", url, { version: V })).statusCode, `DELETE without ${missing}`).toBe(400);
      }
    }
    if (path !== "/xapi/activities/state") {
      const noId = `${path}?${q(Object.fromEntries(Object.entries(full).filter(([k]) => k !== idParam)))}`;
      expect((await l.x("DELETE", noId, { version: V })).statusCode).toBe(400);
    }
  });

  it.each(DOCS.filter((d) => d.name !== "activity profile"))(
    "$name: an agent parameter that is not JSON, not an Agent, or broken in its encoding is a 400",
    async ({ path, params }) => {
      const p = params() as Record<string, unknown>;
      for (const agent of ["not JSON", "true", '{"objectType":"Agent"}']) {
        const url = `${path}?${q({ ...p, agent })}`;
        for (const method of ["PUT", "POST", "GET", "DELETE"]) {
          const r = await l.x(method, url, { version: V, body: method === "PUT" || method === "POST" ? doc() : undefined });
          expect(r.statusCode, `${method} agent=${agent}`).toBe(400);
        }
      }
      const broken = enc(JSON.stringify(PERSON)).replace("%3A", "%22");
      const rest = q(Object.fromEntries(Object.entries(p).filter(([k]) => k !== "agent")));
      expect((await l.x("POST", `${path}?${rest}&agent=${broken}`, { version: V, body: doc() })).statusCode).toBe(400);
    },
  );

  it("state: registration is taken by every method when a UUID, and is a 400 otherwise", async () => {
    const reg = randomUUID();
    const url = `/xapi/activities/state?${q({ activityId: ACT, agent: PERSON, stateId: randomUUID(), registration: reg })}`;
    const first = doc();
    expect((await l.x("PUT", url, { version: V, body: first })).statusCode).toBe(204);
    expect((await l.x("POST", url, { version: V, body: { more: 1 } })).statusCode).toBe(204);
    expect((await l.x("GET", url, { version: V })).json()).toEqual({ ...first, more: 1 });
    expect((await l.x("DELETE", url, { version: V })).statusCode).toBe(204);
    const bad = `/xapi/activities/state?${q({ activityId: ACT, agent: PERSON, stateId: randomUUID(), registration: "true" })}`;
    for (const method of ["PUT", "POST", "GET", "DELETE"]) {
      const r = await l.x(method, bad, { version: V, body: method === "PUT" || method === "POST" ? doc() : undefined });
      expect(r.statusCode, method).toBe(400);
    }
  });

  it.each(DOCS)(
    "$name: GET without the document id lists ids stored since a time, and refuses a since that is no timestamp",
    async ({ path, params, idParam }) => {
      const base = params() as Record<string, unknown>;
      const first = String(base[idParam]);
      const second = randomUUID();
      expect((await l.x("POST", `${path}?${q(base)}`, { version: V, body: doc() })).statusCode).toBe(204);
      expect((await l.x("POST", `${path}?${q({ ...base, [idParam]: second })}`, { version: V, body: doc() })).statusCode).toBe(204);
      const list = Object.fromEntries(Object.entries(base).filter(([k]) => k !== idParam));
      const since = new Date(Date.now() - 60_000).toISOString();
      const r = await l.x("GET", `${path}?${q({ ...list, since })}`, { version: V });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual(expect.arrayContaining([first, second]));
      for (const bad of ["true", "not a timestamp"]) {
        expect((await l.x("GET", `${path}?${q({ ...list, since: bad })}`, { version: V })).statusCode).toBe(400);
      }
    },
  );

  it.each(DOCS)("$name: POST merges into a JSON document and leaves it untouched when the body is not JSON or is broken JSON", async ({ path, params }) => {
    const url = `${path}?${q(params())}`;
    expect((await l.x("POST", url, { version: V, body: { car: "Kijang" } })).statusCode).toBe(204);
    expect((await l.x("POST", url, { version: V, body: { type: "Innova" } })).statusCode).toBe(204);
    const merged = { car: "Kijang", type: "Innova" };
    expect((await l.x("GET", url, { version: V })).json()).toEqual(merged);
    for (const type of ["not/json", "application/octet-stream", "application/x-www-form-urlencoded"]) {
      expect((await l.x("POST", url, { version: V, raw: "abcdefg", headers: { "content-type": type } })).statusCode, type).toBe(400);
    }
    const broken = await l.x("POST", url, { version: V, raw: `${JSON.stringify({ x: 1 })}{`, headers: { "content-type": "application/json" } });
    expect(broken.statusCode).toBe(400);
    const bracket = await l.x("POST", url, { version: V, raw: `${JSON.stringify({ x: 1 })}[`, headers: { "content-type": "application/json" } });
    expect(bracket.statusCode).toBe(400);
    expect((await l.x("GET", url, { version: V })).json()).toEqual(merged);
  });

  it.each(DOCS)("$name: POST of JSON over a stored non-JSON document is a 400 and the stored bytes come back unchanged", async ({ path, params }) => {
    const url = `${path}?${q(params())}`;
    const raw = "/ asdf / undefined";
    const put = await l.x("PUT", url, { version: V, raw, headers: { "content-type": "application/octet-stream", "if-none-match": "*" } });
    expect(put.statusCode).toBe(204);
    expect((await l.x("POST", url, { version: V, body: doc() })).statusCode).toBe(400);
    const got = await l.x("GET", url, { version: V });
    expect(got.statusCode).toBe(200);
    expect(got.body).toBe(raw);
    expect(got.headers["content-type"]).toContain("application/octet-stream");
  });

  it("activity profile: DELETE of a profile that was never stored answers 204", async () => {
    const url = `/xapi/activities/profile?${q({ activityId: ACT, profileId: randomUUID() })}`;
    expect((await l.x("DELETE", url, { version: V })).statusCode).toBe(204);
  });

  it("every document GET has a Last-Modified that moves forward when a POST changes the document", async () => {
    const urls = DOCS.map(({ path, params }) => `${path}?${q(params())}`);
    const before: number[] = [];
    for (const url of urls) {
      expect((await l.x("POST", url, { version: V, body: doc() })).statusCode).toBe(204);
      const got = await l.x("GET", url, { version: V });
      const lm = Date.parse(String(got.headers["last-modified"]));
      expect(Number.isNaN(lm)).toBe(false);
      before.push(lm);
    }
    await wait(1100);
    for (const [i, url] of urls.entries()) {
      expect((await l.x("POST", url, { version: V, body: { name: `updated ${randomUUID()}` } })).statusCode).toBe(204);
      const after = Date.parse(String((await l.x("GET", url, { version: V })).headers["last-modified"]));
      expect(after).toBeGreaterThan(before[i]);
    }
  });
});
