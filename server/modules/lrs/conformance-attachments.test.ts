import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { createLrs, type Lrs, statement } from "./test-support.js";

const BOUNDARY = "-------314159265358979323846";
const IMAGE = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const SHA = createHash("sha256").update(IMAGE).digest("hex");

function body(part: Buffer, hash = SHA): Buffer {
  const s = statement({
    attachments: [
      { usageType: "http://example.com/attachment-usage/test", display: { "en-US": "A picture" }, contentType: "image/jpeg", length: IMAGE.length, sha2: SHA },
    ],
  });
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(s)}\r\n`),
    Buffer.from(`--${BOUNDARY}\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${hash}\r\n\r\n`),
    part,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

describe.each(ENGINES)("xAPI attachment parts as conformance clients send them on %s", (engine) => {
  let l: Lrs;
  beforeAll(async () => {
    l = await createLrs(engine);
  });
  afterAll(() => l.t.close());
  const headers = { "content-type": `multipart/mixed; boundary=${BOUNDARY}` };

  it("binary sent as a Latin-1 string in UTF-8 is taken when, decoded back, it matches its hash; it is stored as the original bytes", async () => {
    const transcoded = Buffer.from(IMAGE.toString("latin1"), "utf8");
    expect(transcoded.length).toBeGreaterThan(IMAGE.length);
    const r = await l.x("POST", "/xapi/statements", { raw: body(transcoded), headers });
    expect(r.statusCode, r.body).toBe(200);
    const [id] = r.json();
    const got = await l.x("GET", `/xapi/statements?statementId=${id}&attachments=true`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.includes(IMAGE)).toBe(true);
  });

  it("a part matching its hash neither as sent nor decoded back is refused", async () => {
    const other = Buffer.from(IMAGE.map((b) => b ^ 1));
    expect((await l.x("POST", "/xapi/statements", { raw: body(other), headers })).statusCode).toBe(400);
    expect((await l.x("POST", "/xapi/statements", { raw: body(IMAGE, "0".repeat(64)), headers })).statusCode).toBe(400);
  });
});
