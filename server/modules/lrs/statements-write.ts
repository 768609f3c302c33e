import { createHash } from "node:crypto";
import { badRequest } from "./errors.js";
import { checkParams, json, mediaType, noContent, parseJsonBody, type XReq, type XRes } from "./http.js";
import { boundaryOf, parseMultipart } from "./multipart.js";
import { type AttachmentPart, storeStatements } from "./statements-store.js";
import { isObject, isUuid } from "./validate/primitives.js";

const HASH_ALGOS: Record<number, string> = { 56: "sha224", 64: "sha256", 96: "sha384", 128: "sha512" };

/** The statements and attachment parts of a JSON or multipart/mixed request body. */
function readBody(req: XReq): { statements: unknown; parts: Map<string, AttachmentPart> } {
  const type = mediaType(req.headers);
  const parts = new Map<string, AttachmentPart>();
  if (type === "application/json") {
    const statements = parseJsonBody(req.body);
    if (req.alternate && (Array.isArray(statements) ? statements : [statements]).some((s) => isObject(s) && s.attachments !== undefined)) {
      throw badRequest("the alternate request syntax cannot send attachments");
    }
    return { statements, parts };
  }
  if (type !== "multipart/mixed") throw badRequest("statements must be sent as application/json or multipart/mixed");
  const boundary = boundaryOf(req.headers["content-type"] ?? "");
  if (!boundary) throw badRequest("multipart/mixed needs a boundary");
  const [first, ...rest] = parseMultipart(req.body, boundary);
  if (!first || mediaType(first.headers) !== "application/json") throw badRequest("the first part must be application/json statements");
  for (const p of rest) {
    const hash = (p.headers["x-experience-api-hash"] ?? "").toLowerCase();
    if (!hash) throw badRequest("every attachment part needs X-Experience-API-Hash");
    if ((p.headers["content-transfer-encoding"] ?? "").toLowerCase() !== "binary")
      throw badRequest("every attachment part needs Content-Transfer-Encoding: binary");
    const algo = HASH_ALGOS[hash.length];
    if (!algo) throw badRequest("X-Experience-API-Hash must be a SHA-2 digest");
    const digest = (b: Buffer) => createHash(algo).update(b).digest("hex");
    let content = p.body;
    if (digest(content) !== hash) {
      // Some clients send binary read as a Latin-1 string, which goes out UTF-8 encoded; decoded back it must match the hash exactly.
      const decoded = Buffer.from(content.toString("utf8"), "latin1");
      if (digest(decoded) !== hash) throw badRequest("an attachment part does not match its X-Experience-API-Hash");
      content = decoded;
    }
    parts.set(hash, { contentType: p.headers["content-type"] ?? "application/octet-stream", body: content });
  }
  return { statements: parseJsonBody(first.body), parts };
}

export async function putStatement(req: XReq): Promise<XRes> {
  checkParams(req.query, ["statementId"], ["statementId"]);
  const id = req.query.statementId;
  if (!isUuid(id)) throw badRequest("statementId must be a UUID");
  const { statements, parts } = readBody(req);
  if (Array.isArray(statements)) throw badRequest("PUT takes one statement");
  await storeStatements(req.db, { principal: req.principal, version: req.version, statements: [statements], parts, putId: id.toLowerCase() });
  return noContent();
}

export async function postStatements(req: XReq): Promise<XRes> {
  checkParams(req.query, []);
  const { statements, parts } = readBody(req);
  const list = Array.isArray(statements) ? statements : [statements];
  const { ids, fresh } = await storeStatements(req.db, { principal: req.principal, version: req.version, statements: list, parts });
  // Every statement was already stored with the same content: nothing changed, and xAPI answers 204 No Content.
  if (fresh === 0) return noContent();
  return json(ids);
}
