import { describe, expect, it } from "vitest";
import { nameFor, sniffEvidence } from "./sniff.js";

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

describe("evidence type by content", () => {
  it("accepts PNG, JPEG, WebP and PDF", () => {
    expect(sniffEvidence(bytes([0x89], "PNG\r\n\x1a\n", "rest")).mime).toBe("image/png");
    expect(sniffEvidence(bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF")).mime).toBe("image/jpeg");
    expect(sniffEvidence(bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 ")).mime).toBe("image/webp");
    expect(sniffEvidence(bytes("%PDF-1.4\n")).mime).toBe("application/pdf");
  });

  it("refuses programs, scripts, archives, markup and text, saying what they are", () => {
    const refused = (b: Buffer) => {
      try {
        sniffEvidence(b);
        return "accepted";
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(refused(bytes("MZ\x90\x00"))).toContain("Windows program");
    expect(refused(bytes([0x7f], "ELF"))).toContain("Linux program");
    expect(refused(bytes("#!/usr/bin/env node"))).toContain("script");
    expect(refused(bytes("PK\x03\x04"))).toContain("zip");
    expect(refused(bytes("<html>"))).toContain("HTML");
    expect(refused(bytes("RIFF\x00\x00\x00\x00WAVE"))).toContain("not an image");
    expect(refused(bytes("%PD"))).toContain("not an image");
    expect(refused(Buffer.alloc(0))).toContain("empty");
  });

  it("names the file after what it is", () => {
    expect(nameFor("scan.pdf", { mime: "image/png", extension: "png" })).toBe("scan.png");
    expect(nameFor("foto", { mime: "image/jpeg", extension: "jpg" })).toBe("foto.jpg");
    expect(nameFor(".hidden", { mime: "application/pdf", extension: "pdf" })).toBe(".hidden.pdf");
  });
});
