import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { pdfText } from "./test-support.js";

/** A one-stream PDF body as pdfkit writes it: the stream data, then "\nendstream". */
const pdfWith = (data: Buffer) => Buffer.concat([Buffer.from("<< /Length 1 >>\nstream\n", "latin1"), data, Buffer.from("\nendstream\n", "latin1")]);
const textOp = (s: string) => `[<${Buffer.from(s, "latin1").toString("hex")}> 0] TJ`;

describe("reading the text of a test PDF", () => {
  it("reads a compressed stream whose last byte is a carriage return", () => {
    // Find content whose compressed form ends in "\r", as page contents sometimes do.
    let found: { text: string; data: Buffer } | null = null;
    for (let i = 0; i < 100_000 && !found; i++) {
      const text = `Halaman ${i}`;
      const data = deflateSync(Buffer.from(textOp(text), "latin1"));
      if (data[data.length - 1] === 0x0d) found = { text, data };
    }
    if (!found) throw new Error("no compressed stream ending in a carriage return");
    expect(pdfText(pdfWith(found.data))).toBe(`${found.text}\n`);
  });

  it("reads a plain stream and one ending in CRLF", () => {
    expect(pdfText(pdfWith(Buffer.from(textOp("Data Pribadi Saya"), "latin1")))).toBe("Data Pribadi Saya\n");
    const crlf = Buffer.from(`stream\r\n${textOp("Jejak")}\r\nendstream`, "latin1");
    expect(pdfText(crlf)).toBe("Jejak\n");
  });
});
