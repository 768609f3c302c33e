import { AppError } from "../../../platform/errors.js";

export interface Sniffed {
  mime: "image/png" | "image/jpeg" | "image/webp" | "application/pdf";
  extension: "png" | "jpg" | "webp" | "pdf";
}

const startsWith = (buf: Buffer, bytes: number[], at = 0) => buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const ACCEPTED: { test: (b: Buffer) => boolean; type: Sniffed }[] = [
  { test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), type: { mime: "image/png", extension: "png" } },
  { test: (b) => startsWith(b, [0xff, 0xd8, 0xff]), type: { mime: "image/jpeg", extension: "jpg" } },
  { test: (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8), type: { mime: "image/webp", extension: "webp" } },
  { test: (b) => startsWith(b, ascii("%PDF-")), type: { mime: "application/pdf", extension: "pdf" } },
];

/** Recognised kinds that are refused, named in the error so the person knows what they sent. */
const REFUSED: { bytes: number[]; what: string }[] = [
  { bytes: ascii("MZ"), what: "a Windows program" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: "a Linux program" },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], what: "a macOS program" },
  { bytes: ascii("#!"), what: "a script" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a zip archive or an Office document" },
  { bytes: ascii("GIF8"), what: "a GIF image" },
  { bytes: ascii("<"), what: "an HTML, XML or SVG document" },
];

/**
 * What an upload is, judged by its first bytes only: the name and the
 * declared type are not trusted. Images (PNG, JPEG, WebP) and PDF pass;
 * everything else is 415.
 */
export function sniffEvidence(buf: Buffer): Sniffed {
  if (buf.length === 0) throw new AppError("unsupported_file", "The file is empty");
  const accepted = ACCEPTED.find((a) => a.test(buf));
  if (accepted) return accepted.type;
  const refused = REFUSED.find((r) => startsWith(buf, r.bytes));
  const what = refused?.what ?? "not an image or a PDF";
  throw new AppError("unsupported_file", `The file is ${what}. Evidence must be a PNG, JPEG or WebP image or a PDF document.`);
}

/** The display name with the extension of what the file really is ("scan.pdf" that is a PNG becomes "scan.png"). */
export function nameFor(filename: string, type: Sniffed): string {
  const dot = filename.lastIndexOf(".");
  const base = dot > 0 ? filename.slice(0, dot) : filename;
  return `${base.slice(0, 190)}.${type.extension}`;
}
