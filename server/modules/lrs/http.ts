import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Principal } from "./credentials.js";
import { badRequest, type XapiVersion } from "./errors.js";
import { isObject, type JsonObject } from "./validate/primitives.js";

export type XMethod = "GET" | "HEAD" | "PUT" | "POST" | "DELETE";

/** One xAPI request after the alternate syntax is unfolded: what every resource handler sees. */
export interface XReq {
  method: XMethod;
  path: string;
  query: Record<string, string>;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Buffer;
  /** Sent with the alternate request syntax (a form-encoded POST), which cannot carry attachments. */
  alternate?: boolean;
  version: XapiVersion;
  principal: Principal;
  db: Kysely<DB>;
}

export interface XRes {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export function json(value: unknown, status = 200, headers: Record<string, string> = {}): XRes {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(value) };
}

export const noContent = (headers: Record<string, string> = {}): XRes => ({ status: 204, headers });

/** Rejects parameters the resource does not know, and missing required ones. */
export function checkParams(q: Record<string, string>, allowed: readonly string[], required: readonly string[] = []): void {
  for (const k of Object.keys(q)) if (!allowed.includes(k)) throw badRequest(`unknown parameter "${k}"`);
  for (const k of required) if (q[k] === undefined) throw badRequest(`parameter "${k}" is required`);
}

export function parseJsonParam(name: string, value: string): JsonObject {
  try {
    const v: unknown = JSON.parse(value);
    if (isObject(v)) return v;
  } catch {
    // reported below
  }
  throw badRequest(`parameter "${name}" must be a JSON object`);
}

export function boolParam(name: string, value: string | undefined): boolean {
  if (value === undefined || value === "false") return false;
  if (value === "true") return true;
  throw badRequest(`parameter "${name}" must be true or false`);
}

export function mediaType(headers: Record<string, string>): string {
  return (headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
}

export function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw badRequest("the body is not valid JSON");
  }
}
