import { createHash } from "node:crypto";
import type { LrsDocumentKind } from "../../db/schema-lrs.js";
import type { Db } from "../../platform/context.js";
import { can } from "./credentials.js";
import * as repo from "./documents-repo.js";
import { badRequest, conflict, forbidden, notFound, preconditionFailed } from "./errors.js";
import { checkParams, json, mediaType, noContent, parseJsonParam, type XReq, type XRes } from "./http.js";
import { actor, agentKey } from "./validate/actors.js";
import { isIri, isObject, isUuid, type JsonObject, parseTimestamp } from "./validate/primitives.js";

interface Resource {
  kind: LrsDocumentKind;
  idParam: "stateId" | "profileId";
  params: string[];
  required: string[];
  scope: string;
}

export const RESOURCES: Record<string, Resource> = {
  "/activities/state": {
    kind: "state",
    idParam: "stateId",
    params: ["activityId", "agent", "registration", "stateId", "since"],
    required: ["activityId", "agent"],
    scope: "state",
  },
  "/activities/profile": {
    kind: "activity_profile",
    idParam: "profileId",
    params: ["activityId", "profileId", "since"],
    required: ["activityId"],
    scope: "define",
  },
  "/agents/profile": { kind: "agent_profile", idParam: "profileId", params: ["agent", "profileId", "since"], required: ["agent"], scope: "define" },
};

function keyOf(req: XReq, r: Resource): repo.DocKey {
  const q = req.query;
  let agent = "";
  if (r.params.includes("agent")) {
    const who = parseJsonParam("agent", q.agent);
    // Documents belong to an Agent: a Group is refused (a group's data goes under an Agent carrying its identifier).
    if (isObject(who) && who.objectType === "Group") throw badRequest("agent must be an Agent, not a Group");
    actor({ path: "agent", version: req.version }, who);
    agent = agentKey(who) ?? "";
    if (req.principal.learnerKey && agent !== req.principal.learnerKey) throw forbidden("launch credentials reach only the learner's documents");
  }
  if (r.params.includes("activityId") && !isIri(q.activityId)) throw badRequest("activityId must be an IRI");
  if (q.registration !== undefined && !isUuid(q.registration)) throw badRequest("registration must be a UUID");
  return { agencyId: req.principal.agencyId, kind: r.kind, activityId: q.activityId ?? "", agentKey: agent, registration: q.registration?.toLowerCase() ?? "" };
}

const etagOf = (content: Buffer) => createHash("sha1").update(content).digest("hex");
const unquote = (s: string) => s.trim().replace(/^W\//, "").replace(/^"|"$/g, "");

function tags(header: string | undefined): string[] | null {
  return header === undefined ? null : header.split(",").map(unquote);
}

/** If-Match / If-None-Match against the current document: 412 when a precondition fails. */
function preconditions(req: XReq, current: repo.DocRow | undefined): void {
  const ifMatch = tags(req.headers["if-match"]);
  const ifNoneMatch = tags(req.headers["if-none-match"]);
  if (ifMatch && (!current || !(ifMatch.includes("*") || ifMatch.includes(current.etag)))) throw preconditionFailed("If-Match does not match the document");
  if (ifNoneMatch && current && (ifNoneMatch.includes("*") || ifNoneMatch.includes(current.etag)))
    throw preconditionFailed("If-None-Match matches the document");
}

function jsonObject(buf: Buffer): JsonObject | null {
  try {
    const v: unknown = JSON.parse(buf.toString("utf8"));
    return isObject(v) ? v : null;
  } catch {
    return null;
  }
}

/** A check another module runs before launch credentials change or delete a state document (cmi5 protects LMS.LaunchData). */
export type DocumentGate = (db: Db, credentialKey: string, stateId: string | null) => Promise<void>;
let documentGate: DocumentGate | null = null;
export function setDocumentGate(gate: DocumentGate | null): void {
  documentGate = gate;
}

async function write(req: XReq, r: Resource, merge: boolean): Promise<XRes> {
  checkParams(
    req.query,
    r.params.filter((p) => p !== "since"),
    [...r.required, r.idParam],
  );
  const key = keyOf(req, r);
  const docId = req.query[r.idParam];
  if (r.kind === "state" && documentGate && req.principal.learnerKey) await documentGate(req.db, req.principal.key, docId ?? null);
  const type = mediaType(req.headers) || "application/octet-stream";
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await repo.getDocument(req.db, key, docId);
    preconditions(req, current);
    let content = req.body;
    let contentType = type;
    if (merge) {
      // POST merges JSON objects into a stored one; with nothing stored it stores the body as PUT would (JSON must still be an object).
      if (req.body.length === 0) throw badRequest("POST needs a document");
      const incoming = type === "application/json" ? jsonObject(req.body) : null;
      if (type === "application/json" && !incoming) throw badRequest("an application/json document must be a JSON object");
      if (current) {
        if (!incoming) throw badRequest("POST merges JSON objects: the body must be an application/json object");
        const old = current.content_type.startsWith("application/json") ? jsonObject(current.content) : null;
        if (!old) throw badRequest("the stored document is not a JSON object and cannot be merged");
        content = Buffer.from(JSON.stringify({ ...old, ...incoming }));
      }
      if (incoming) contentType = "application/json";
    } else if (req.headers["if-match"] === undefined && req.headers["if-none-match"] === undefined) {
      // Clients must send a precondition with a profile PUT. Over an existing document the answer is 409 (both
      // versions; state too in 2.0). The agent profile also refuses a PUT with neither header that would create a
      // document, as both versions' conformance suites require; an activity profile or state PUT may create one.
      if (current && (r.kind !== "state" || req.version === "2.0.0"))
        throw conflict("the document already exists: GET it to check its current state, then PUT again with If-Match set to its ETag");
      if (!current && r.kind === "agent_profile")
        throw badRequest("an agent profile PUT needs If-Match (to replace a document) or If-None-Match: * (to create one)");
    }
    const doc = { content_type: contentType, content, etag: etagOf(content), updated: new Date().toISOString() };
    const done = current ? await repo.replaceDocument(req.db, key, docId, current.etag, doc) : await repo.insertDocument(req.db, key, docId, doc);
    if (done) return noContent({ etag: `"${doc.etag}"` });
  }
  throw conflict("the document changed while it was written; try again");
}

async function read(req: XReq, r: Resource): Promise<XRes> {
  checkParams(req.query, r.params, r.required);
  const key = keyOf(req, r);
  const docId = req.query[r.idParam];
  let since: string | null = null;
  if (req.query.since !== undefined) {
    const d = parseTimestamp(req.query.since, false);
    if (!d) throw badRequest("since must be an ISO 8601 timestamp");
    since = d.toISOString();
  }
  if (docId === undefined) return json(await repo.listDocumentIds(req.db, key, since));
  // With a document id, since is checked but has no effect (xAPI asks nothing of it there).
  const doc = await repo.getDocument(req.db, key, docId);
  if (!doc) throw notFound("no such document");
  return {
    status: 200,
    headers: { "content-type": doc.content_type, etag: `"${doc.etag}"`, "last-modified": new Date(doc.updated).toUTCString() },
    body: doc.content,
  };
}

async function remove(req: XReq, r: Resource): Promise<XRes> {
  const required = r.kind === "state" ? r.required : [...r.required, r.idParam];
  checkParams(
    req.query,
    r.params.filter((p) => p !== "since"),
    required,
  );
  const key = keyOf(req, r);
  const docId = req.query[r.idParam] ?? null;
  if (r.kind === "state" && documentGate && req.principal.learnerKey) await documentGate(req.db, req.principal.key, docId);
  if (docId !== null && (req.headers["if-match"] !== undefined || req.headers["if-none-match"] !== undefined)) {
    preconditions(req, await repo.getDocument(req.db, key, docId));
  }
  await repo.deleteDocuments(req.db, key, docId);
  return noContent();
}

export async function documentResource(req: XReq, r: Resource): Promise<XRes> {
  // Profiles are written with "define"; content holding only "state" (a launch) may still read them.
  const reading = req.method === "GET" || req.method === "HEAD";
  const allowed = can(req.principal, r.scope) || (reading && r.kind !== "state" && can(req.principal, "state"));
  if (!allowed) throw forbidden(`these credentials lack the "${r.scope}" scope`);
  switch (req.method) {
    case "GET":
    case "HEAD":
      return read(req, r);
    case "PUT":
      return write(req, r, false);
    case "POST":
      return write(req, r, true);
    default:
      return remove(req, r);
  }
}
