import { badRequest } from "../errors.js";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** An absolute IRI: a scheme, a colon and no characters that are never allowed in an IRI. */
const IRI_RE = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;
export function isIri(v: unknown): v is string {
  return typeof v === "string" && IRI_RE.test(v);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export function isUuid(v: unknown): v is string {
  return typeof v === "string" && UUID_RE.test(v);
}

const LANG_RE =
  /^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-(?:[A-Za-z0-9]{5,8}|\d[A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?|[Xx](?:-[A-Za-z0-9]{1,8})+|[Ii]-[A-Za-z]{2,8}|en-GB-oed)$/;
/**
 * A valid RFC 5646 tag: well-formed (the grammar above) and, as section 2.2.9 requires of a valid tag, with no
 * variant and no extension singleton twice (the private-use part after "x" is free).
 */
export function isLanguageTag(v: unknown): v is string {
  if (typeof v !== "string" || !LANG_RE.test(v)) return false;
  const subtags = v.toLowerCase().split("-");
  if (subtags[0].length === 1) return true; // private use ("x-…") or grandfathered ("i-…")
  const seen = new Set<string>();
  let extensions = false;
  for (const sub of subtags.slice(1)) {
    if (sub === "x") break;
    if (sub.length === 1) extensions = true;
    const singleton = sub.length === 1;
    const variant = !extensions && (sub.length >= 5 || (sub.length === 4 && /^\d/.test(sub)));
    if (singleton || variant) {
      if (seen.has(sub)) return false;
      seen.add(sub);
    }
  }
  return true;
}

const TS_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/;

/** ISO 8601 combined date and time (or RFC 3339 with a space for "T"); a real calendar date; "-00:00" is not an offset. Returns the instant or null. */
export function parseTimestamp(v: unknown, requireOffset: boolean): Date | null {
  if (typeof v !== "string") return null;
  const m = TS_RE.exec(v);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, , tz] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  if (!tz && requireOffset) return null;
  if (tz && tz !== "Z") {
    const digits = tz.slice(1).replace(":", "");
    if (/^0+$/.test(digits) && tz[0] === "-") return null;
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (oh > 14 || om > 59) return null;
  }
  let iso = v.replace(" ", "T");
  if (!tz) iso = `${iso}Z`;
  else if (/^[+-]\d{2}$/.test(tz)) iso = `${iso}:00`;
  else if (/^[+-]\d{4}$/.test(tz)) iso = `${iso.slice(0, -2)}:${iso.slice(-2)}`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

const DURATION_RE = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
export function isDuration(v: unknown): v is string {
  if (typeof v !== "string") return false;
  if (/^P\d+(?:\.\d+)?W$/.test(v)) return true;
  if (!DURATION_RE.test(v) || v === "P" || v.endsWith("T")) return false;
  return true;
}

/** Validation state: the path for messages and the rules of the version in use. */
export interface V {
  path: string;
  version: "1.0.3" | "2.0.0";
}

export function at(v: V, key: string | number): V {
  return { ...v, path: typeof key === "number" ? `${v.path}[${key}]` : v.path ? `${v.path}.${key}` : key };
}

export function fail(v: V, message: string): never {
  throw badRequest(`${v.path || "statement"}: ${message}`);
}

export function expectObject(v: V, value: unknown): JsonObject {
  if (!isObject(value)) fail(v, "must be a JSON object");
  return value;
}

/** Rejects properties not listed and null values. */
export function onlyKeys(v: V, obj: JsonObject, allowed: readonly string[]): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) fail(at(v, k), "is not an allowed property");
    if (obj[k] === null) fail(at(v, k), "must not be null");
  }
}

export function expectString(v: V, value: unknown): string {
  if (typeof value !== "string") fail(v, "must be a string");
  return value;
}

export function expectIri(v: V, value: unknown): string {
  if (!isIri(value)) fail(v, "must be an absolute IRI");
  return value;
}

export function expectBool(v: V, value: unknown): boolean {
  if (typeof value !== "boolean") fail(v, "must be true or false");
  return value;
}

export function expectNumber(v: V, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(v, "must be a number");
  return value;
}

export function languageMap(v: V, value: unknown): void {
  const obj = expectObject(v, value);
  // A language map holds at least one tag/string pair; an empty one says nothing in any language.
  if (Object.keys(obj).length === 0) fail(v, "must hold at least one language tag");
  for (const [k, s] of Object.entries(obj)) {
    if (!isLanguageTag(k)) fail(at(v, k), "is not a valid RFC 5646 language tag");
    if (typeof s !== "string") fail(at(v, k), "must be a string");
  }
}

export function extensions(v: V, value: unknown): void {
  const obj = expectObject(v, value);
  for (const k of Object.keys(obj)) {
    if (!isIri(k)) fail(at(v, k), "extension keys must be absolute IRIs");
  }
}

/** JSON text with every object's keys in sorted order: equal for equal values, whatever order their keys came in. */
export function sortedJson(x: Json): string {
  const sort = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(sort);
    if (isObject(v))
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort(v[k])]),
      );
    return v;
  };
  return JSON.stringify(sort(x));
}
