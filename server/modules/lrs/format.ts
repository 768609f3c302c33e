import { isObject, type Json, type JsonObject } from "./validate/primitives.js";

export type StatementFormat = "exact" | "ids" | "canonical";

const IFIS = ["mbox", "mbox_sha1sum", "openid", "account"];

function idsActor(a: Json | undefined): Json | undefined {
  if (!isObject(a)) return a;
  const out: JsonObject = { objectType: a.objectType ?? "Agent" };
  for (const k of IFIS) if (a[k] !== undefined) out[k] = a[k];
  if (a.objectType === "Group" && Array.isArray(a.member) && !IFIS.some((k) => a[k] !== undefined)) {
    out.member = a.member.map((m) => idsActor(m) ?? null);
  }
  return out;
}

/** An Activity by its id alone (objectType "Activity" is the default and adds nothing). */
function idsActivity(a: Json): Json {
  return isObject(a) ? { id: a.id } : a;
}

function idsObject(o: Json | undefined): Json | undefined {
  if (!isObject(o)) return o;
  switch (o.objectType) {
    case undefined:
    case "Activity":
      return idsActivity(o);
    case "Agent":
    case "Group":
      return idsActor(o);
    case "SubStatement":
      return idsStatement(o);
    default:
      return o;
  }
}

function idsContext(c: Json | undefined): Json | undefined {
  if (!isObject(c)) return c;
  const out: JsonObject = { ...c };
  if (c.instructor !== undefined) out.instructor = idsActor(c.instructor) ?? null;
  if (c.team !== undefined) out.team = idsActor(c.team) ?? null;
  if (isObject(c.contextActivities)) {
    out.contextActivities = Object.fromEntries(
      Object.entries(c.contextActivities).map(([k, v]) => [k, Array.isArray(v) ? v.map(idsActivity) : idsActivity(v)]),
    );
  }
  if (Array.isArray(c.contextAgents)) out.contextAgents = c.contextAgents.map((x) => (isObject(x) ? { ...x, agent: idsActor(x.agent) ?? null } : x));
  if (Array.isArray(c.contextGroups)) out.contextGroups = c.contextGroups.map((x) => (isObject(x) ? { ...x, group: idsActor(x.group) ?? null } : x));
  return out;
}

function idsStatement(s: JsonObject): JsonObject {
  const out: JsonObject = { ...s };
  out.actor = idsActor(s.actor) ?? null;
  if (isObject(s.verb)) out.verb = { id: s.verb.id };
  out.object = idsObject(s.object) ?? null;
  if (s.context !== undefined) out.context = idsContext(s.context) ?? null;
  if (s.authority !== undefined) out.authority = idsActor(s.authority) ?? null;
  return out;
}

/** Accept-Language as an ordered list of language ranges. */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q[1]) : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((x) => x.tag);
}

function pickLanguage(map: JsonObject, langs: string[]): JsonObject {
  const keys = Object.keys(map);
  if (keys.length <= 1) return map;
  for (const want of langs) {
    if (want === "*") break;
    const exact = keys.find((k) => k.toLowerCase() === want);
    if (exact) return { [exact]: map[exact] };
    const prefix = keys.find((k) => k.toLowerCase().startsWith(`${want}-`) || want.startsWith(`${k.toLowerCase()}-`));
    if (prefix) return { [prefix]: map[prefix] };
  }
  const fallback = keys.find((k) => k.toLowerCase() === "und") ?? keys[0];
  return { [fallback]: map[fallback] };
}

const MAP_KEYS = new Set(["display", "name", "description"]);

function canonical(x: Json, langs: string[]): Json {
  if (Array.isArray(x)) return x.map((v) => canonical(v, langs));
  if (!isObject(x)) return x;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(x)) {
    if (k === "extensions") out[k] = v;
    else if (MAP_KEYS.has(k) && isObject(v) && Object.values(v).every((s) => typeof s === "string")) out[k] = pickLanguage(v, langs);
    else out[k] = canonical(v, langs);
  }
  return out;
}

export function formatStatement(s: JsonObject, format: StatementFormat, langs: string[]): JsonObject {
  if (format === "ids") return idsStatement(s);
  if (format === "canonical") return canonical(s, langs) as JsonObject;
  return s;
}
