import { can } from "./credentials.js";
import { badRequest, forbidden, notFound } from "./errors.js";
import { factHash } from "./fact-hash.js";
import { acceptedLanguages, formatStatement, type StatementFormat } from "./format.js";
import { boolParam, checkParams, json, parseJsonParam, type XReq, type XRes } from "./http.js";
import { buildMultipart, type Part } from "./multipart.js";
import * as repo from "./repository.js";
import { hasFacts } from "./statements-rows.js";
import { actor, agentKey } from "./validate/actors.js";
import { isIri, isObject, isUuid, type JsonObject, parseTimestamp } from "./validate/primitives.js";

const LIST_PARAMS = [
  "agent",
  "verb",
  "activity",
  "registration",
  "related_activities",
  "related_agents",
  "since",
  "until",
  "limit",
  "format",
  "attachments",
  "ascending",
];
const MAX_LIMIT = 500;
const DEFAULT_LIMIT = 100;

function formatOf(q: Record<string, string>): StatementFormat {
  const f = q.format ?? "exact";
  if (f !== "exact" && f !== "ids" && f !== "canonical") throw badRequest('format must be "exact", "ids" or "canonical"');
  return f;
}

function time(name: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  const d = parseTimestamp(value, false);
  if (!d) throw badRequest(`${name} must be an ISO 8601 timestamp`);
  return d.toISOString();
}

const httpDate = (iso: string) => new Date(iso).toUTCString();

function attachmentHashes(statements: JsonObject[]): string[] {
  const out = new Set<string>();
  for (const s of statements) {
    for (const list of [s.attachments, isObject(s.object) ? s.object.attachments : undefined]) {
      if (Array.isArray(list)) for (const a of list) if (isObject(a) && typeof a.sha2 === "string") out.add(a.sha2);
    }
  }
  return [...out];
}

async function respond(req: XReq, result: unknown, statements: JsonObject[], withAttachments: boolean, headers: Record<string, string>): Promise<XRes> {
  const consistent = { "x-experience-api-consistent-through": new Date().toISOString(), ...headers };
  if (!withAttachments) return json(result, 200, consistent);
  const found = await repo.findAttachments(req.db, req.principal.agencyId, attachmentHashes(statements));
  const parts: Part[] = [{ headers: { "Content-Type": "application/json" }, body: Buffer.from(JSON.stringify(result)) }];
  for (const a of found) {
    parts.push({
      headers: { "Content-Type": a.content_type, "Content-Transfer-Encoding": "binary", "X-Experience-API-Hash": a.sha2 },
      body: a.content,
    });
  }
  const { boundary, body } = buildMultipart(parts);
  return { status: 200, headers: { ...consistent, "content-type": `multipart/mixed; boundary=${boundary}` }, body };
}

function mayRead(req: XReq): { clientId: string | null; actorKey: string | null } {
  const p = req.principal;
  if (p.learnerKey) {
    if (!can(p, "statements/read", "statements/read/mine")) throw forbidden("these credentials may not read statements");
    return { clientId: null, actorKey: p.learnerKey };
  }
  if (can(p, "statements/read")) return { clientId: null, actorKey: null };
  if (can(p, "statements/read/mine")) return { clientId: p.clientId, actorKey: null };
  throw forbidden("these credentials may not read statements");
}

async function getOne(req: XReq, id: string, voided: boolean): Promise<XRes> {
  checkParams(req.query, [voided ? "voidedStatementId" : "statementId", "format", "attachments"]);
  const limits = mayRead(req);
  if (!isUuid(id)) throw badRequest("the statement id must be a UUID");
  const row = await repo.getStatement(req.db, req.principal.agencyId, id.toLowerCase());
  const visible =
    row && Boolean(row.voided) === voided && (!limits.clientId || row.client_id === limits.clientId) && (!limits.actorKey || row.actor_key === limits.actorKey);
  if (!row || !visible) throw notFound("no such statement");
  const s = formatStatement(JSON.parse(row.body) as JsonObject, formatOf(req.query), acceptedLanguages(req.headers["accept-language"]));
  return respond(req, s, [s], boolParam("attachments", req.query.attachments), { "last-modified": httpDate(row.stored) });
}

/**
 * The statements of a query whose rows have every fact asked for. The index
 * holds hashes of facts, which two facts can share: a row the hash let through
 * but the statement does not match is left out, and the page is filled from
 * the rows after it.
 */
async function matching(req: XReq, query: repo.StatementQuery, facts: [string, string][]): Promise<{ seq: number; body: string }[]> {
  if (facts.length === 0) return repo.queryStatements(req.db, query);
  const out: { seq: number; body: string }[] = [];
  let after = query.after;
  for (;;) {
    const asked = query.limit - out.length;
    const rows = await repo.queryStatements(req.db, { ...query, after, limit: asked });
    for (const r of rows) if (await hasFacts(req.db, query.agencyId, JSON.parse(r.body) as JsonObject, facts)) out.push(r);
    if (rows.length < asked || out.length >= query.limit) return out;
    after = Number(rows[rows.length - 1].seq);
  }
}

interface Cursor {
  q: Record<string, string>;
  after: number;
  through: number;
}

export async function getStatements(req: XReq): Promise<XRes> {
  const { statementId, voidedStatementId } = req.query;
  if (statementId !== undefined && voidedStatementId !== undefined) throw badRequest("statementId and voidedStatementId cannot be combined");
  if (statementId !== undefined) return getOne(req, statementId, false);
  if (voidedStatementId !== undefined) return getOne(req, voidedStatementId, true);
  let q = req.query;
  let after: number | null = null;
  let through: number | null = null;
  if (q.more !== undefined) {
    try {
      const c = JSON.parse(Buffer.from(q.more, "base64url").toString("utf8")) as Cursor;
      q = c.q;
      after = c.after;
      through = c.through;
    } catch {
      throw badRequest("more is not a valid cursor");
    }
  }
  checkParams(q, LIST_PARAMS);
  const limits = mayRead(req);
  const relatedAgents = boolParam("related_agents", q.related_agents);
  const relatedActivities = boolParam("related_activities", q.related_activities);
  const ascending = boolParam("ascending", q.ascending);
  const withAttachments = boolParam("attachments", q.attachments);
  const format = formatOf(q);
  const facts: [string, string][] = [];
  if (q.agent !== undefined) {
    const who = parseJsonParam("agent", q.agent);
    actor({ path: "agent", version: req.version }, who);
    const key = agentKey(who);
    if (!key) throw badRequest("agent must be an Agent or an identified Group");
    facts.push([relatedAgents ? "A" : "a", key]);
  }
  if (q.verb !== undefined) {
    if (!isIri(q.verb)) throw badRequest("verb must be an IRI");
    facts.push(["v", q.verb]);
  }
  if (q.activity !== undefined) {
    if (!isIri(q.activity)) throw badRequest("activity must be an IRI");
    facts.push([relatedActivities ? "C" : "c", q.activity]);
  }
  if (q.registration !== undefined) {
    if (!isUuid(q.registration)) throw badRequest("registration must be a UUID");
    facts.push(["r", q.registration.toLowerCase()]);
  }
  let limit = DEFAULT_LIMIT;
  if (q.limit !== undefined) {
    if (!/^\d+$/.test(q.limit)) throw badRequest("limit must be a non-negative integer");
    limit = Number(q.limit) === 0 ? MAX_LIMIT : Math.min(Number(q.limit), MAX_LIMIT);
  }
  // Ascending pages stop at the last statement stored when the first page was read. Descending pages need no
  // such bound (each page continues below the last seq seen), so the first descending page is one query.
  if (through === null && ascending) through = await repo.maxSeq(req.db, req.principal.agencyId);
  const agencyId = req.principal.agencyId;
  // Launch credentials read their learner's statements: the actor is one more fact to look up by.
  const lookup: [string, string][] = limits.actorKey && facts.length === 0 ? [["a", limits.actorKey]] : facts;
  const rows = await matching(
    req,
    {
      agencyId,
      facts: lookup.map(([kind, value]) => factHash(agencyId, kind, value)),
      since: time("since", q.since),
      until: time("until", q.until),
      ascending,
      after,
      through,
      limit: limit + 1,
      clientId: limits.clientId,
      actorKey: limits.actorKey,
    },
    facts,
  );
  const page = rows.slice(0, limit);
  let more = "";
  if (rows.length > limit) {
    const cursor: Cursor = { q, after: Number(page[page.length - 1].seq), through: through ?? Number(page[0].seq) };
    more = `/xapi/statements?more=${Buffer.from(JSON.stringify(cursor)).toString("base64url")}`;
  }
  if (format === "exact" && !withAttachments) {
    const body = `{"statements":[${page.map((r) => r.body).join(",")}],"more":${JSON.stringify(more)}}`;
    return { status: 200, headers: { "content-type": "application/json", "x-experience-api-consistent-through": new Date().toISOString() }, body };
  }
  const langs = acceptedLanguages(req.headers["accept-language"]);
  const statements = page.map((r) => formatStatement(JSON.parse(r.body) as JsonObject, format, langs));
  return respond(req, { statements, more }, statements, withAttachments, {});
}
