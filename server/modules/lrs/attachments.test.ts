import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { boundaryOf, parseMultipart } from "./multipart.js";
import { createLrs, type Lrs, statement } from "./test-support.js";

const CONTENT = Buffer.from("Sertifikat pelatihan: lulus dengan baik.\n");
const SHA = createHash("sha256").update(CONTENT).digest("hex");
const attachment = (over: Record<string, unknown> = {}) => ({
  usageType: "http://id.tincanapi.com/attachment/certificate-of-completion",
  display: { "en-US": "Certificate" },
  contentType: "text/plain",
  length: CONTENT.length,
  sha2: SHA,
  ...over,
});

function multipart(statements: unknown, parts: { headers: Record<string, string>; body: Buffer }[], boundary = "abdi-boundary") {
  const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(statements)}\r\n`)];
  for (const p of parts) {
    const head = Object.entries(p.headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join("\r\n");
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), p.body, Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const part = (over: Record<string, string> = {}, body = CONTENT) => ({
  headers: { "Content-Type": "text/plain", "Content-Transfer-Encoding": "binary", "X-Experience-API-Hash": SHA, ...over },
  body,
});

describe("multipart bodies", () => {
  it("reads parts with CRLF line ends, and with bare LF line ends as some clients write them", () => {
    for (const eol of ["\r\n", "\n"]) {
      const raw = Buffer.from(
        [`--b1${eol}Content-Type: application/json${eol}${eol}[1]`, `--b1${eol}X-Experience-API-Hash: ab${eol}${eol}line one${eol}line two`, "--b1--", ""].join(
          eol,
        ),
      );
      const parts = parseMultipart(raw, "b1");
      expect(parts.map((p) => p.headers)).toEqual([{ "content-type": "application/json" }, { "x-experience-api-hash": "ab" }]);
      expect(parts.map((p) => p.body.toString())).toEqual(["[1]", `line one${eol}line two`]);
    }
  });

  it("reads a part without headers, and refuses a body without its closing delimiter", () => {
    expect(parseMultipart(Buffer.from("--b1\r\n\r\nbare\r\n--b1--\r\n"), "b1")).toEqual([{ headers: {}, body: Buffer.from("bare") }]);
    expect(() => parseMultipart(Buffer.from("--b1\r\nContent-Type: text/plain\r\n\r\nno end"), "b1")).toThrow(/closing delimiter/);
  });
});

describe.each(ENGINES)("xAPI attachments on %s", (engine) => {
  let l: Lrs;
  const mp = { "content-type": "multipart/mixed; boundary=abdi-boundary" };
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());

  it("takes a multipart statement whose lines end in bare LF", async () => {
    const id = randomUUID();
    const lf = Buffer.from(
      multipart(statement({ id, attachments: [attachment()] }), [part()])
        .toString("latin1")
        .replaceAll("\r\n", "\n"),
      "latin1",
    );
    const r = await l.x("POST", "/xapi/statements", { raw: lf, headers: mp });
    expect(r.statusCode, r.body).toBe(200);
    const get = await l.x("GET", `/xapi/statements?statementId=${id}&attachments=true`);
    const parts = parseMultipart(get.rawPayload, boundaryOf(String(get.headers["content-type"])) as string);
    expect(parts[1].body.equals(CONTENT)).toBe(true);
  });

  it("stores a statement with its attachment part and returns both with attachments=true", async () => {
    const id = randomUUID();
    const r = await l.x("POST", "/xapi/statements", { raw: multipart(statement({ id, attachments: [attachment()] }), [part()]), headers: mp });
    expect(r.statusCode, r.body).toBe(200);
    const get = await l.x("GET", `/xapi/statements?statementId=${id}&attachments=true`);
    expect(get.statusCode).toBe(200);
    const type = String(get.headers["content-type"]);
    expect(type).toMatch(/^multipart\/mixed; boundary=/);
    const parts = parseMultipart(get.rawPayload, boundaryOf(type) as string);
    expect(parts).toHaveLength(2);
    expect(JSON.parse(parts[0].body.toString()).id).toBe(id);
    expect(parts[1].headers["x-experience-api-hash"]).toBe(SHA);
    expect(parts[1].headers["content-transfer-encoding"]).toBe("binary");
    expect(parts[1].body.equals(CONTENT)).toBe(true);
    const plain = await l.x("GET", `/xapi/statements?statementId=${id}`);
    expect(plain.json().attachments[0].sha2).toBe(SHA);
  });

  it("a fileUrl-only attachment needs no part", async () => {
    const r = await l.x("POST", "/xapi/statements", { body: statement({ attachments: [attachment({ fileUrl: "https://abdi.go.id/files/1" })] }) });
    expect(r.statusCode).toBe(200);
  });

  it.each([
    ["an attachment without fileUrl sent as plain JSON", () => ({ body: statement({ attachments: [attachment()] }) })],
    [
      "a part whose hash does not match its content",
      () => ({ raw: multipart(statement({ attachments: [attachment()] }), [part({}, Buffer.from("other"))]), headers: mp }),
    ],
    [
      "a part without X-Experience-API-Hash",
      () => ({ raw: multipart(statement({ attachments: [attachment()] }), [part({ "X-Experience-API-Hash": "" })]), headers: mp }),
    ],
    [
      "a part without Content-Transfer-Encoding: binary",
      () => ({ raw: multipart(statement({ attachments: [attachment()] }), [part({ "Content-Transfer-Encoding": "base64" })]), headers: mp }),
    ],
    ["a part no statement declares", () => ({ raw: multipart(statement(), [part()]), headers: mp })],
    [
      "multipart without boundary",
      () => ({ raw: multipart(statement({ attachments: [attachment()] }), [part()]), headers: { "content-type": "multipart/mixed" } }),
    ],
    [
      "a first part that is not JSON",
      () => ({ raw: Buffer.from("--abdi-boundary\r\nContent-Type: text/plain\r\n\r\nhello\r\n--abdi-boundary--\r\n"), headers: mp }),
    ],
    [
      "a signature that is not a JWS",
      () => ({
        raw: multipart(
          statement({ attachments: [attachment({ usageType: "http://adlnet.gov/expapi/attachments/signature", contentType: "application/octet-stream" })] }),
          [part({ "Content-Type": "application/octet-stream" })],
        ),
        headers: mp,
      }),
    ],
  ])("refuses %s", async (_what, make) => {
    const r = await l.x("POST", "/xapi/statements", make());
    expect(r.statusCode, r.body).toBe(400);
  });

  it("accepts a signed statement whose JWS payload is the statement", async () => {
    const s = statement({ id: randomUUID() });
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const jws = Buffer.from(`${b64({ alg: "RS256" })}.${b64(s)}.${Buffer.from("signature").toString("base64url")}`);
    const sha2 = createHash("sha256").update(jws).digest("hex");
    const sig = {
      usageType: "http://adlnet.gov/expapi/attachments/signature",
      display: { en: "sig" },
      contentType: "application/octet-stream",
      length: jws.length,
      sha2,
    };
    const ok = await l.x("POST", "/xapi/statements", {
      raw: multipart({ ...s, attachments: [sig] }, [
        { headers: { "Content-Type": "application/octet-stream", "Content-Transfer-Encoding": "binary", "X-Experience-API-Hash": sha2 }, body: jws },
      ]),
      headers: mp,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const tampered = { ...s, id: randomUUID(), result: { success: true }, attachments: [sig] };
    const bad = await l.x("POST", "/xapi/statements", {
      raw: multipart(tampered, [
        { headers: { "Content-Type": "application/octet-stream", "Content-Transfer-Encoding": "binary", "X-Experience-API-Hash": sha2 }, body: jws },
      ]),
      headers: mp,
    });
    expect(bad.statusCode).toBe(400);
  });
});
