import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { fromJson, toJson } from "../../db/dialect.js";
import { newId } from "../../db/ids.js";
import type { Db } from "../../platform/context.js";
import { employeeAgent, employeeAgentKey, platformOrigin } from "./agents.js";
import type { JsonObject } from "./validate/primitives.js";

export const LRS_SCOPES = ["statements/write", "statements/read/mine", "statements/read", "define", "state", "all"] as const;
export type LrsScope = (typeof LRS_SCOPES)[number];

/** Who is calling the LRS: a client, or the credentials of one launch. */
export interface Principal {
  clientId: string;
  agencyId: string;
  key: string;
  scopes: ReadonlySet<string>;
  /** The agent or group written as `authority` of the statements this principal stores. */
  authority: JsonObject;
  /** Launch credentials: only this learner's statements and documents. */
  learnerKey: string | null;
}

export function hashSecret(secret: string, salt = randomBytes(16).toString("hex")): string {
  return `${salt}:${createHmac("sha256", salt).update(secret).digest("hex")}`;
}

export function secretMatches(secret: string, stored: string): boolean {
  const [salt, hex] = stored.split(":");
  if (!salt || !hex) return false;
  const a = Buffer.from(createHmac("sha256", salt).update(secret).digest("hex"));
  const b = Buffer.from(hex);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const newKey = (): string => `lrs_${randomBytes(12).toString("hex")}`;
export const newSecret = (): string => randomBytes(24).toString("base64url");

export function clientAgent(key: string, name: string): JsonObject {
  return { objectType: "Agent", name, account: { homePage: platformOrigin(), name: key } };
}

export interface ClientRow {
  id: string;
  agency_id: string;
  name: string;
  key: string;
  secret_hash: string;
  scopes: unknown;
  enabled: number;
  kind: string;
  employee_id: string | null;
  expires_at: string | null;
}

export function principalOf(row: ClientRow): Principal {
  const client = clientAgent(row.key, row.name);
  const launch = row.kind === "launch" && row.employee_id;
  return {
    clientId: row.id,
    agencyId: row.agency_id,
    key: row.key,
    scopes: new Set(fromJson<string[]>(row.scopes)),
    authority: launch ? { objectType: "Group", member: [employeeAgent(row.employee_id as string), client] } : client,
    learnerKey: launch ? employeeAgentKey(row.employee_id as string) : null,
  };
}

const CACHE_MS = 10_000;
type CacheEntry = { principal: Principal; until: number; expiresAt: number; generation: number };
/** Per database: one process may serve several (the same key can name different clients in each). */
const caches = new WeakMap<object, Map<string, CacheEntry>>();
let generation = 0;

function cacheOf(db: Db): Map<string, CacheEntry> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** Forget cached credentials (after a change to a client). */
export function forgetCredentials(): void {
  generation += 1;
}

/** Resolves an HTTP Basic Authorization header to a principal, or null. Verified credentials are cached briefly. */
export async function authenticate(db: Db, header: string | undefined): Promise<Principal | null> {
  if (!header?.startsWith("Basic ")) return null;
  const now = Date.now();
  const cache = cacheOf(db);
  const hit = cache.get(header);
  if (hit && hit.generation === generation && hit.until > now && hit.expiresAt > now) return hit.principal;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  const key = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  const row = await db.selectFrom("lrs_clients").selectAll().where("key", "=", key).executeTakeFirst();
  if (!row?.enabled || !secretMatches(secret, row.secret_hash)) return null;
  const expiresAt = row.expires_at ? Date.parse(row.expires_at) : Number.POSITIVE_INFINITY;
  if (expiresAt <= now) return null;
  const principal = principalOf(row);
  if (cache.size > 10_000) cache.clear();
  cache.set(header, { principal, until: now + CACHE_MS, expiresAt, generation });
  return principal;
}

export interface LaunchCredentialsInput {
  agencyId: string;
  employeeId: string;
  registration: string;
  activityId: string;
  ttlSeconds: number;
  scopes?: string[];
}

export interface LaunchCredentials {
  key: string;
  secret: string;
  expiresAt: string;
  /** The value of an Authorization header: "Basic base64(key:secret)". */
  authHeader: string;
}

/** Short-lived credentials for one launch (SCORM/cmi5): they reach only this learner's statements and state. */
export async function issueLaunchCredentials(db: Db, input: LaunchCredentialsInput): Promise<LaunchCredentials> {
  const key = newKey();
  const secret = newSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + input.ttlSeconds * 1000).toISOString();
  await db
    .insertInto("lrs_clients")
    .values({
      id: newId(),
      agency_id: input.agencyId,
      name: `launch ${input.registration}`,
      key,
      secret_hash: hashSecret(secret),
      scopes: toJson(input.scopes ?? ["statements/write", "statements/read/mine", "state"]),
      enabled: 1,
      kind: "launch",
      employee_id: input.employeeId,
      registration: input.registration,
      activity_id: input.activityId,
      expires_at: expiresAt,
      created_by: null,
      created_at: now.toISOString(),
    })
    .execute();
  return { key, secret, expiresAt, authHeader: `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}` };
}

export function can(p: Principal, ...scopes: string[]): boolean {
  return p.scopes.has("all") || scopes.some((s) => p.scopes.has(s));
}
