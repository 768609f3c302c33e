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

/** Splits a multipart/mixed body into parts (RFC 2046); throws 400 when it is malformed. */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw badRequest("multipart body has no boundary delimiter");
  const parts: Part[] = [];
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === "--") break;
    const lineEnd = body.indexOf("\r\n", pos);
    if (lineEnd < 0) throw badRequest("multipart part is truncated");
    const headerEnd = body.indexOf("\r\n\r\n", lineEnd);
    if (headerEnd < 0) throw badRequest("multipart part has no header end");
    const headers: Record<string, string> = {};
    const headerText = body.subarray(lineEnd + 2, headerEnd).toString("utf8");
    for (const line of headerText.split("\r\n")) {
      if (!line) continue;
      const i = line.indexOf(":");
      if (i <= 0) throw badRequest("multipart part has a malformed header");
      headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
    if (next < 0) throw badRequest("multipart body has no closing delimiter");
    parts.push({ headers, body: body.subarray(headerEnd + 4, next) });
    pos = next + 2;
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
