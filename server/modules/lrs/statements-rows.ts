import type { Db } from "../../platform/context.js";
import type { Principal } from "./credentials.js";
import type { XapiVersion } from "./errors.js";
import { factHash } from "./fact-hash.js";
import { statementFacts } from "./facts.js";
import * as repo from "./repository.js";
import { agentKey } from "./validate/actors.js";
import { isObject, type JsonObject, sortedJson } from "./validate/primitives.js";

/** Shapes shared by the one-request and the merged statement writes. */

/** Sorted-key JSON without the properties the LRS sets, for "same statement" checks. */
export function comparable(s: JsonObject, dropTimestamp: boolean): string {
  const { stored: _s, authority: _a, version: _v, timestamp, ...rest } = s;
  return sortedJson(dropTimestamp || timestamp === undefined ? rest : { ...rest, timestamp });
}

/** Whether `incoming` is the statement already stored as `stored` (a resend): equal but for what the LRS sets. */
export function sameStatement(stored: JsonObject, incoming: JsonObject): boolean {
  return comparable(stored, incoming.timestamp === undefined) === comparable(incoming, false);
}

/** The statement as the LRS stores it: timestamp, stored, authority and version set. */
export function completeStatement(s: JsonObject, principal: Principal, version: XapiVersion, stored: string): JsonObject {
  return {
    ...s,
    timestamp: s.timestamp ?? stored,
    stored,
    authority: principal.authority,
    version: s.version ?? (version === "2.0.0" ? "2.0.0" : "1.0.0"),
  };
}

export function statementRow(s: JsonObject, principal: Principal, voids: string | null, stored: string): repo.NewStatementRow {
  return {
    agency_id: principal.agencyId,
    statement_id: s.id as string,
    stored,
    verb_id: String((s.verb as JsonObject).id),
    actor_key: agentKey(s.actor as JsonObject) ?? "",
    client_id: principal.clientId,
    voided: 0,
    voids,
    has_attachments: Array.isArray(s.attachments) ? 1 : 0,
    body: JSON.stringify(s),
  };
}

type Fact = [kind: string, value: string];

/**
 * The fact rows of stored statements, given the seq each was stored under;
 * `borrowed` adds, per statement id, the facts a statement reference takes
 * from its target.
 */
export function factRows(statements: JsonObject[], agencyId: string, seqOf: Map<string, number>, borrowed?: Map<string, Fact[]>): repo.FactRow[] {
  const rows: repo.FactRow[] = [];
  for (const s of statements) {
    const seq = seqOf.get(s.id as string) as number;
    const hashes = new Set<number>();
    for (const [kind, value] of [...statementFacts(s), ...(borrowed?.get(s.id as string) ?? [])]) hashes.add(factHash(agencyId, kind, value));
    for (const h of hashes) rows.push({ h, seq });
  }
  return rows;
}

const MAX_REFERENCE_DEPTH = 8;

/**
 * The facts a statement that targets `target` answers to besides its own: the
 * target's (not its registration), and through a target that is itself a
 * statement reference, that one's target's too.
 */
export async function targetFacts(db: Db, agencyId: string, target: JsonObject, depth = 0): Promise<Fact[]> {
  const facts = statementFacts(target).filter(([kind]) => kind !== "r");
  const next = target.object;
  if (depth < MAX_REFERENCE_DEPTH && isObject(next) && next.objectType === "StatementRef") {
    const [row] = await repo.findStatements(db, agencyId, [String(next.id).toLowerCase()]);
    if (row) facts.push(...(await targetFacts(db, agencyId, JSON.parse(row.body) as JsonObject, depth + 1)));
  }
  return facts;
}

/** Whether a stored statement has every one of `wanted` (the check behind the hashed index). */
export async function hasFacts(db: Db, agencyId: string, s: JsonObject, wanted: Fact[]): Promise<boolean> {
  const key = ([kind, value]: Fact) => `${kind}\u0000${value}`;
  const own = new Set(statementFacts(s).map(key));
  if (wanted.every((f) => own.has(key(f)))) return true;
  const ref = s.object;
  if (!isObject(ref) || ref.objectType !== "StatementRef") return false;
  const [row] = await repo.findStatements(db, agencyId, [String(ref.id).toLowerCase()]);
  if (!row) return false;
  for (const f of await targetFacts(db, agencyId, JSON.parse(row.body) as JsonObject)) own.add(key(f));
  return wanted.every((f) => own.has(key(f)));
}

/** A later definition of an activity over an earlier one: its fields win, and names and descriptions gain its languages. */
function mergeDefinition(prev: JsonObject, def: JsonObject): JsonObject {
  const merged: JsonObject = { ...prev, ...def };
  for (const k of ["name", "description"]) {
    if (isObject(prev[k]) && isObject(def[k])) merged[k] = { ...prev[k], ...def[k] };
  }
  return merged;
}

/** Activity definitions carried by statements, merged in order per activity id. */
export function definitionsOf(statements: JsonObject[]): Map<string, JsonObject> {
  const defs = new Map<string, JsonObject>();
  for (const s of statements) {
    const o = s.object;
    if (isObject(o) && (o.objectType === undefined || o.objectType === "Activity") && isObject(o.definition)) {
      defs.set(String(o.id), mergeDefinition(defs.get(String(o.id)) ?? {}, o.definition));
    }
  }
  return defs;
}

/** Stores the definitions statements carry (credentials with the define scope), merged into what is known. */
export async function saveDefinitions(trx: Db, agencyId: string, defs: Map<string, JsonObject>, at: string): Promise<void> {
  if (defs.size === 0) return;
  const old = await repo.lockActivityDefinitions(trx, agencyId, [...defs.keys()], at);
  const rows: { agency_id: string; activity_id: string; definition: string; updated: string }[] = [];
  for (const [id, def] of defs) {
    const before = old.get(id);
    const definition = JSON.stringify(mergeDefinition(before ? (JSON.parse(before) as JsonObject) : {}, def));
    if (definition !== before) rows.push({ agency_id: agencyId, activity_id: id, definition, updated: at });
  }
  await repo.saveActivityDefinitions(trx, rows);
}
