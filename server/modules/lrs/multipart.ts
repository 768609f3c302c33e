import { badRequest } from "./errors.js";

export interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

/** The boundary parameter of a multipart Content-Type, or null. */
export function boundaryOf(contentType: string): string | null {
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * Splits a multipart/mixed body into parts (RFC 2046); throws 400 when it is
 * malformed. Lines end in CRLF as the RFC says; a body whose first delimiter
 * line ends in a bare LF (as some clients build it by hand) is read with LF
 * line ends throughout.
 */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw badRequest("multipart body has no boundary delimiter");
  const after = pos + delimiter.length;
  const eol = body[after] === 0x0a ? "\n" : "\r\n";
  const closing = Buffer.from(`${eol}--${boundary}`);
  const parts: Part[] = [];
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === "--") break;
    const lineEnd = body.indexOf(eol, pos);
    if (lineEnd < 0) throw badRequest("multipart part is truncated");
    const headerEnd = body.indexOf(eol + eol, lineEnd);
    if (headerEnd < 0) throw badRequest("multipart part has no header end");
    const bodyStart = headerEnd + 2 * eol.length;
    const headers: Record<string, string> = {};
    // A part without headers has its blank line right after the delimiter line.
    if (headerEnd > lineEnd) {
      const headerText = body.subarray(lineEnd + eol.length, headerEnd).toString("utf8");
      for (const line of headerText.split(eol)) {
        if (!line) continue;
        const i = line.indexOf(":");
        if (i <= 0) throw badRequest("multipart part has a malformed header");
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
    }
    const next = body.indexOf(closing, bodyStart);
    if (next < 0) throw badRequest("multipart body has no closing delimiter");
    parts.push({ headers, body: body.subarray(bodyStart, next) });
    pos = next + eol.length;
  }
  return parts;
}

/** Builds a multipart/mixed body; returns it with its boundary. */
export function buildMultipart(parts: Part[]): { boundary: string; body: Buffer } {
  const boundary = `xapi-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const head = Object.entries(p.headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join("\r\n");
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), p.body, Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { boundary, body: Buffer.concat(chunks) };
}
