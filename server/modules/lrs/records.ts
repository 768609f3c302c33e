import type { Ctx } from "../../platform/context.js";
import { forbidden, notFound } from "../../platform/errors.js";
import { employeeAgentKey } from "./agents.js";
import { factHash } from "./fact-hash.js";
import { lrsPolicy } from "./policies.js";
import * as repo from "./repository.js";
import { isObject, type JsonObject } from "./validate/primitives.js";

export interface RecordItem {
  id: string;
  verb: string;
  verbDisplay: Record<string, string>;
  objectId: string | null;
  objectName: Record<string, string>;
  timestamp: string;
  stored: string;
  result: JsonObject | null;
}

export interface RecordPage {
  items: RecordItem[];
  /** Cursor for the next page, null at the end. */
  next: number | null;
}

const strings = (v: unknown): Record<string, string> => (isObject(v) ? (v as Record<string, string>) : {});

function item(body: string): RecordItem {
  const s = JSON.parse(body) as JsonObject;
  const verb = isObject(s.verb) ? s.verb : {};
  const object = isObject(s.object) ? s.object : {};
  const def = isObject(object.definition) ? object.definition : {};
  return {
    id: String(s.id),
    verb: String(verb.id),
    verbDisplay: strings(verb.display),
    objectId: typeof object.id === "string" ? object.id : null,
    objectName: strings(def.name),
    timestamp: String(s.timestamp),
    stored: String(s.stored),
    result: isObject(s.result) ? s.result : null,
  };
}

async function page(ctx: Ctx, agencyId: string, employeeId: string, before: number | null, limit: number): Promise<RecordPage> {
  const key = employeeAgentKey(employeeId);
  const rows = await repo.statementsOfActor(ctx.db, agencyId, key, factHash(agencyId, "a", key), before, limit + 1);
  const items = rows.slice(0, limit);
  return { items: items.map((r) => item(r.body)), next: rows.length > limit ? Number(items[items.length - 1].seq) : null };
}

/** The signed-in learner's own learning record. */
export async function myStatements(ctx: Ctx, before: number | null, limit: number): Promise<RecordPage> {
  const { employeeId, agencyId } = ctx.actor;
  if (!employeeId || !agencyId) return { items: [], next: null };
  return page(ctx, agencyId, employeeId, before, limit);
}

/** An employee's learning record, for learning and HR admins in scope. */
export async function employeeStatements(ctx: Ctx, employeeId: string, before: number | null, limit: number): Promise<RecordPage> {
  const scope = await repo.employeeScope(ctx.db, employeeId);
  const visible = scope && (ctx.actor.agencyId === scope.agencyId || ctx.actor.grants.some((g) => g.agencyId === scope.agencyId));
  if (!scope || !visible) throw notFound("Employee");
  if (!lrsPolicy.readRecord(ctx.actor, { employeeId, agencyId: scope.agencyId, unitPath: scope.unitPath })) {
    throw forbidden("Only the person and learning or HR admins in scope read this record");
  }
  return page(ctx, scope.agencyId, employeeId, before, limit);
}
