import { badRequest } from "./errors.js";
import { isObject, type Json, type JsonObject, sortedJson } from "./validate/primitives.js";

export const SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature";

function decode(part: string): JsonObject | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return isObject(v) ? v : null;
  } catch {
    return null;
  }
}

function sortJson(x: Json | undefined): string {
  return sortedJson(x === undefined ? null : x);
}

/** A signed statement: the signature part is a JWS (RS256/384/512) whose payload is the statement itself. */
export function checkSignature(statement: JsonObject, attachment: JsonObject, part: { contentType: string; body: Buffer } | undefined): void {
  if (attachment.contentType !== "application/octet-stream") throw badRequest("a signature attachment must be application/octet-stream");
  if (!part) throw badRequest("a signature attachment needs its part");
  const pieces = part.body.toString("utf8").trim().split(".");
  if (pieces.length !== 3 || pieces.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) throw badRequest("the signature is not a JWS");
  const header = decode(pieces[0]);
  const payload = decode(pieces[1]);
  if (!header || !payload) throw badRequest("the signature is not a JWS");
  if (!["RS256", "RS384", "RS512"].includes(String(header.alg))) throw badRequest("the signature must use RS256, RS384 or RS512");
  for (const k of ["actor", "verb", "object", "result", "context"]) {
    if (sortJson(payload[k]) !== sortJson(statement[k])) throw badRequest(`the signed payload differs from the statement in "${k}"`);
  }
  if (payload.id !== undefined && statement.id !== undefined && String(payload.id).toLowerCase() !== String(statement.id).toLowerCase()) {
    throw badRequest("the signed payload has another id");
  }
}
