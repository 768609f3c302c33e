import { createHash, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { onPostgres } from "../../db/dialect.js";
import type { DB } from "../../db/schema.js";
import type { Db } from "../../platform/context.js";
import { isRetryableConflict, isUniqueViolation } from "../logbook/calendar/db-errors.js";
import { GroupCommit } from "../logbook/checkin/group-commit.js";
import { can, type Principal } from "./credentials.js";
import { badRequest, conflict, forbidden, type XapiVersion } from "./errors.js";
import * as repo from "./repository.js";
import { checkSignature, SIGNATURE_USAGE } from "./signature.js";
import { mergeable, persistMerged } from "./statements-merge.js";
import { comparable, completeStatement, definitionsOf, factRows, sameStatement, saveDefinitions, statementRow, targetFacts } from "./statements-rows.js";
import { agentKey } from "./validate/actors.js";
import { isObject, type JsonObject } from "./validate/primitives.js";
import { validateStatement } from "./validate/statement.js";

export const VOIDED_VERB = "http://adlnet.gov/expapi/verbs/voided";

export interface AttachmentPart {
  contentType: string;
  body: Buffer;
}

export interface StoreInput {
  principal: Principal;
  version: XapiVersion;
  statements: unknown[];
  /** Parts of a multipart/mixed request by SHA-2 hash. */
  parts: Map<string, AttachmentPart>;
  /** The statementId of a PUT. */
  putId?: string;
}

function checkAttachments(statements: JsonObject[], parts: Map<string, AttachmentPart>): void {
  const used = new Set<string>();
  for (const s of statements) {
    const lists = [s.attachments, isObject(s.object) ? s.object.attachments : undefined];
    for (const list of lists) {
      if (!Array.isArray(list)) continue;
      for (const a of list) {
        if (!isObject(a)) continue;
        const sha2 = String(a.sha2);
        if (parts.has(sha2)) used.add(sha2);
        else if (a.fileUrl === undefined) throw badRequest(`attachment ${sha2} has neither a fileUrl nor a part in the request`);
        if (a.usageType === SIGNATURE_USAGE) checkSignature(s, a, parts.get(sha2));
      }
    }
  }
  for (const sha2 of parts.keys()) if (!used.has(sha2)) throw badRequest(`part ${sha2} matches no attachment of the statements`);
}

/** Single context activities become arrays of one, as the LRS returns them. */
function normalize(s: JsonObject): JsonObject {
  for (const part of [s, isObject(s.object) && s.object.objectType === "SubStatement" ? s.object : null]) {
    if (!part || !isObject(part.context) || !isObject(part.context.contextActivities)) continue;
    const ca = part.context.contextActivities;
    for (const k of Object.keys(ca)) if (!Array.isArray(ca[k])) ca[k] = [ca[k]];
  }
  return s;
}

export interface Prepared {
  input: StoreInput;
  statements: JsonObject[];
  ids: string[];
  voidTargets: Map<string, string>;
}

const committers = new WeakMap<Kysely<DB>, GroupCommit>();

/**
 * Statement writes arriving together share one transaction (one durable
 * commit); a failing request fails alone. On PostgreSQL two batches are in
 * flight, so the next batch forms and runs while one waits for its commit
 * (measured: 6,200 → 7,950 statements/s in batches of 50); SQLite has one
 * connection.
 */
function committer(db: Kysely<DB>): GroupCommit {
  let c = committers.get(db);
  if (!c) {
    c = new GroupCommit(db, { maxBatch: 64, parallel: onPostgres(db) ? 2 : 1 });
    committers.set(db, c);
  }
  return c;
}

export interface Stored {
  /** The statements' ids in request order. */
  ids: string[];
  /** How many were new; 0 when every one was already stored with the same content. */
  fresh: number;
}

/** Validates and stores statements in one transaction. */
export async function storeStatements(db: Kysely<DB>, input: StoreInput): Promise<Stored> {
  const prepared = prepareStatements(input);
  const write = () => committer(db).run((trx) => persist(trx, prepared), mergeable(prepared) ? { merger: persistMerged, input: prepared } : undefined);
  try {
    return await write();
  } catch (err) {
    // Another transaction (a batch in flight beside this one, or another instance) stored one of these ids
    // first, or PostgreSQL broke a lock cycle: written again, the request sees what is stored now.
    if (isUniqueViolation(err) || isRetryableConflict(err)) return write();
    throw err;
  }
}

/** Stores statements inside the caller's transaction (facts of the platform recorded with the change that made them); answers their ids. */
export async function storeStatementsIn(trx: Db, input: StoreInput): Promise<string[]> {
  return (await persist(trx, prepareStatements(input))).ids;
}

/** Checks a write request and gives its statements ids; nothing is read or written yet. */
export function prepareStatements(input: StoreInput): Prepared {
  const { principal, version } = input;
  if (!can(principal, "statements/write")) throw forbidden("these credentials may not write statements");
  const statements = input.statements.map((s) => normalize(validateStatement(s, version)));
  if (statements.length === 0) throw badRequest("no statements");
  if (input.putId !== undefined) {
    const s = statements[0];
    if (s.id !== undefined && String(s.id).toLowerCase() !== input.putId.toLowerCase()) throw badRequest("the statement id differs from statementId");
    s.id = input.putId;
  }
  if (principal.learnerKey) {
    for (const s of statements) {
      if (agentKey(s.actor as JsonObject) !== principal.learnerKey) throw forbidden("launch credentials write only the learner's statements");
    }
  }
  checkAttachments(statements, input.parts);
  for (const s of statements) s.id = typeof s.id === "string" ? s.id.toLowerCase() : randomUUID();
  const ids = statements.map((s) => s.id as string);
  // An id given twice in one request: 2.0 refuses the batch; 1.0.3 takes it when both name the same statement
  // (compared only then: sorting keys is not free).
  const first = new Map<string, JsonObject>();
  for (const s of statements) {
    const prev = first.get(s.id as string);
    if (prev === undefined) first.set(s.id as string, s);
    else if (version === "2.0.0") throw badRequest(`statement id ${String(s.id)} appears twice in the batch`);
    else if (comparable(prev, false) !== comparable(s, false)) throw badRequest(`statement id ${String(s.id)} appears twice with different content`);
  }
  const voidTargets = new Map<string, string>();
  for (const s of statements) {
    if (isObject(s.verb) && s.verb.id === VOIDED_VERB && isObject(s.object)) voidTargets.set(s.id as string, String(s.object.id).toLowerCase());
  }
  for (const target of voidTargets.values()) {
    if (voidTargets.has(target)) throw badRequest("a voiding statement cannot be voided");
  }
  return { input, statements, ids, voidTargets };
}

/** A check another module runs, in the writing transaction, before statements of launch credentials are stored (cmi5 rules). */
export type StatementGate = (trx: Db, credentialKey: string, statements: JsonObject[]) => Promise<void>;
let statementGate: StatementGate | null = null;
export function setStatementGate(gate: StatementGate | null): void {
  statementGate = gate;
}

async function persist(trx: Db, p: Prepared): Promise<Stored> {
  const { statements, ids, voidTargets } = p;
  const { principal, version } = p.input;
  const stored = new Date().toISOString();
  const existing = await repo.findStatements(trx, principal.agencyId, [...new Set(ids)]);
  const known = new Map(existing.map((r) => [r.statement_id, r]));
  const fresh: JsonObject[] = [];
  const freshIds = new Set<string>();
  for (const s of statements) {
    const id = s.id as string;
    const row = known.get(id);
    if (row) {
      if (!sameStatement(JSON.parse(row.body) as JsonObject, s)) throw conflict(`statement ${id} exists with different content`);
      continue;
    }
    if (freshIds.has(id)) continue;
    freshIds.add(id);
    fresh.push(s);
  }
  if (fresh.length === 0) return { ids, fresh: 0 };
  // Statements already stored (a resend) are not judged again.
  if (statementGate && principal.learnerKey) await statementGate(trx, principal.key, fresh);
  const refIds = new Set<string>();
  for (const s of fresh) if (isObject(s.object) && s.object.objectType === "StatementRef") refIds.add(String(s.object.id).toLowerCase());
  const targets = new Map((await repo.findStatements(trx, principal.agencyId, [...refIds])).map((r) => [r.statement_id, r]));
  for (const [, target] of voidTargets) {
    const row = targets.get(target);
    if (row?.voids) throw badRequest("a voiding statement cannot be voided");
  }
  const full = fresh.map((s) => completeStatement(s, principal, version, stored));
  const inserted = await repo.insertStatements(
    trx,
    full.map((s) => statementRow(s, principal, voidTargets.get(s.id as string) ?? null, stored)),
  );
  const seqOf = new Map(inserted.map((r) => [r.statement_id, Number(r.seq)]));
  // A statement that targets another also answers the filters its target answers.
  const borrowed = new Map<string, [string, string][]>();
  const inRequest = new Map(full.map((s) => [s.id as string, s]));
  for (const s of full) {
    if (!isObject(s.object) || s.object.objectType !== "StatementRef") continue;
    const id = String(s.object.id).toLowerCase();
    const row = targets.get(id);
    const target = row ? (JSON.parse(row.body) as JsonObject) : inRequest.get(id);
    if (target) borrowed.set(s.id as string, await targetFacts(trx, principal.agencyId, target));
  }
  await repo.insertFacts(trx, factRows(full, principal.agencyId, seqOf, borrowed));
  await repo.markVoided(trx, principal.agencyId, [...voidTargets.values()]);
  await repo.markVoided(trx, principal.agencyId, await repo.voidedAlready(trx, principal.agencyId, [...freshIds]));
  if (p.input.parts.size > 0) {
    await repo.insertAttachments(
      trx,
      [...p.input.parts].map(([sha2, p]) => ({ agency_id: principal.agencyId, sha2, content_type: p.contentType, content: p.body })),
    );
  }
  if (can(principal, "define")) await saveDefinitions(trx, principal.agencyId, definitionsOf(full), stored);
  return { ids, fresh: fresh.length };
}

export function sha256(buf: Buffer): string {
  return createHash("sha256").update(buf).digest("hex");
}
