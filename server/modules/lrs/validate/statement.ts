import type { XapiVersion } from "../errors.js";
import { activity } from "./activity.js";
import { actor, agent, group } from "./actors.js";
import {
  at,
  expectBool,
  expectIri,
  expectNumber,
  expectObject,
  expectString,
  extensions,
  fail,
  isDuration,
  isLanguageTag,
  isObject,
  isUuid,
  type JsonObject,
  languageMap,
  onlyKeys,
  parseTimestamp,
  type V,
} from "./primitives.js";

const STATEMENT_KEYS = ["id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments"];
const SUB_KEYS = ["objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"];

function verb(v: V, value: unknown): void {
  const obj = expectObject(v, value);
  onlyKeys(v, obj, ["id", "display"]);
  expectIri(at(v, "id"), obj.id);
  if (obj.display !== undefined) languageMap(at(v, "display"), obj.display);
}

function statementRef(v: V, obj: JsonObject): void {
  onlyKeys(v, obj, ["objectType", "id"]);
  if (!isUuid(obj.id)) fail(at(v, "id"), "must be a UUID");
}

function object(v: V, value: unknown, inSub: boolean): JsonObject {
  const obj = expectObject(v, value);
  switch (obj.objectType) {
    case undefined:
    case "Activity":
      return activity(v, obj);
    case "Agent":
    case "Group":
      return actor(v, obj, true);
    case "StatementRef":
      statementRef(v, obj);
      return obj;
    case "SubStatement":
      if (inSub) fail(at(v, "objectType"), "a SubStatement cannot contain a SubStatement");
      body(v, obj, SUB_KEYS, true);
      return obj;
    default:
      return fail(at(v, "objectType"), "is not a known object type");
  }
}

function score(v: V, value: unknown): void {
  const s = expectObject(v, value);
  onlyKeys(v, s, ["scaled", "raw", "min", "max"]);
  const n = (k: string) => (s[k] === undefined ? undefined : expectNumber(at(v, k), s[k]));
  const [scaled, raw, min, max] = [n("scaled"), n("raw"), n("min"), n("max")];
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) fail(at(v, "scaled"), "must be between -1 and 1");
  if (min !== undefined && max !== undefined && min > max) fail(at(v, "min"), "must not be greater than max");
  if (raw !== undefined && min !== undefined && raw < min) fail(at(v, "raw"), "must not be less than min");
  if (raw !== undefined && max !== undefined && raw > max) fail(at(v, "raw"), "must not be greater than max");
}

function result(v: V, value: unknown): void {
  const r = expectObject(v, value);
  onlyKeys(v, r, ["score", "success", "completion", "response", "duration", "extensions"]);
  if (r.score !== undefined) score(at(v, "score"), r.score);
  if (r.success !== undefined) expectBool(at(v, "success"), r.success);
  if (r.completion !== undefined) expectBool(at(v, "completion"), r.completion);
  if (r.response !== undefined) expectString(at(v, "response"), r.response);
  if (r.duration !== undefined && !isDuration(r.duration)) fail(at(v, "duration"), "must be an ISO 8601 duration");
  if (r.extensions !== undefined) extensions(at(v, "extensions"), r.extensions);
}

function activityList(v: V, value: unknown): void {
  if (!Array.isArray(value)) {
    activity(v, value);
    return;
  }
  value.forEach((a, i) => {
    activity(at(v, i), a);
  });
}

function relevantTypes(v: V, value: unknown): void {
  if (!Array.isArray(value) || value.length === 0) fail(v, "must be a non-empty array of IRIs");
  value.forEach((t, i) => {
    expectIri(at(v, i), t);
  });
}

function contextActors(v: V, value: unknown, kind: "contextAgent" | "contextGroup"): void {
  if (!Array.isArray(value)) fail(v, "must be an array");
  value.forEach((item, i) => {
    const iv = at(v, i);
    const obj = expectObject(iv, item);
    const who = kind === "contextAgent" ? "agent" : "group";
    onlyKeys(iv, obj, ["objectType", who, "relevantTypes"]);
    if (obj.objectType !== kind) fail(at(iv, "objectType"), `must be "${kind}"`);
    if (kind === "contextAgent") agent(at(iv, who), obj[who]);
    else group(at(iv, who), obj[who]);
    if (obj.relevantTypes !== undefined) relevantTypes(at(iv, "relevantTypes"), obj.relevantTypes);
  });
}

function context(v: V, value: unknown, objectIsActivity: boolean): void {
  const c = expectObject(v, value);
  const keys = ["registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement", "extensions"];
  if (v.version === "2.0.0") keys.push("contextAgents", "contextGroups");
  onlyKeys(v, c, keys);
  if (c.registration !== undefined && !isUuid(c.registration)) fail(at(v, "registration"), "must be a UUID");
  if (c.instructor !== undefined) actor(at(v, "instructor"), c.instructor);
  if (c.team !== undefined) group(at(v, "team"), c.team);
  if (c.contextActivities !== undefined) {
    const cv = at(v, "contextActivities");
    const ca = expectObject(cv, c.contextActivities);
    onlyKeys(cv, ca, ["parent", "grouping", "category", "other"]);
    // Context activities name at least one of the four relations; an empty object relates nothing.
    if (Object.keys(ca).length === 0) fail(cv, "must name at least one of parent, grouping, category or other");
    for (const k of Object.keys(ca)) activityList(at(cv, k), ca[k]);
  }
  for (const k of ["revision", "platform"]) {
    if (c[k] === undefined) continue;
    expectString(at(v, k), c[k]);
    if (!objectIsActivity) fail(at(v, k), "is only allowed when the object is an Activity");
  }
  if (c.language !== undefined && !isLanguageTag(c.language)) fail(at(v, "language"), "must be an RFC 5646 language tag");
  if (c.statement !== undefined) {
    const sv = at(v, "statement");
    const ref = expectObject(sv, c.statement);
    if (ref.objectType !== "StatementRef") fail(at(sv, "objectType"), 'must be "StatementRef"');
    statementRef(sv, ref);
  }
  if (c.extensions !== undefined) extensions(at(v, "extensions"), c.extensions);
  if (c.contextAgents !== undefined) contextActors(at(v, "contextAgents"), c.contextAgents, "contextAgent");
  if (c.contextGroups !== undefined) contextActors(at(v, "contextGroups"), c.contextGroups, "contextGroup");
}

function attachments(v: V, value: unknown): void {
  if (!Array.isArray(value)) fail(v, "must be an array");
  value.forEach((a, i) => {
    const av = at(v, i);
    const obj = expectObject(av, a);
    onlyKeys(av, obj, ["usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"]);
    expectIri(at(av, "usageType"), obj.usageType);
    if (obj.display === undefined) fail(at(av, "display"), "is required");
    languageMap(at(av, "display"), obj.display);
    if (obj.description !== undefined) languageMap(at(av, "description"), obj.description);
    const ct = expectString(at(av, "contentType"), obj.contentType);
    if (!/^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/.test(ct)) fail(at(av, "contentType"), "must be an Internet Media Type");
    if (typeof obj.length !== "number" || !Number.isInteger(obj.length) || obj.length < 0) fail(at(av, "length"), "must be a non-negative integer");
    const sha2 = expectString(at(av, "sha2"), obj.sha2);
    if (!/^[0-9a-f]{56}$|^[0-9a-f]{64}$|^[0-9a-f]{96}$|^[0-9a-f]{128}$/i.test(sha2)) fail(at(av, "sha2"), "must be a hex SHA-2 digest");
    if (obj.fileUrl !== undefined) expectIri(at(av, "fileUrl"), obj.fileUrl);
  });
}

function timestamp(v: V, value: unknown): void {
  if (!parseTimestamp(value, v.version === "2.0.0")) fail(v, "must be an ISO 8601 timestamp with a time zone");
}

function body(v: V, s: JsonObject, keys: readonly string[], inSub: boolean): void {
  onlyKeys(v, s, keys);
  if (inSub && s.objectType !== "SubStatement") fail(at(v, "objectType"), 'must be "SubStatement"');
  if (s.actor === undefined) fail(at(v, "actor"), "is required");
  actor(at(v, "actor"), s.actor);
  if (s.verb === undefined) fail(at(v, "verb"), "is required");
  verb(at(v, "verb"), s.verb);
  if (s.object === undefined) fail(at(v, "object"), "is required");
  const obj = object(at(v, "object"), s.object, inSub);
  if (s.result !== undefined) result(at(v, "result"), s.result);
  const objectIsActivity = obj.objectType === undefined || obj.objectType === "Activity";
  if (s.context !== undefined) context(at(v, "context"), s.context, objectIsActivity);
  if (s.timestamp !== undefined) timestamp(at(v, "timestamp"), s.timestamp);
  if (s.attachments !== undefined) attachments(at(v, "attachments"), s.attachments);
}

/** An Agent, or (OAuth) an anonymous Group of exactly two Agents. */
function authority(v: V, value: unknown): void {
  const obj = actor(v, value);
  if (obj.objectType !== "Group") return;
  if (["mbox", "mbox_sha1sum", "openid", "account"].some((k) => obj[k] !== undefined)) fail(v, "a Group as authority must be anonymous");
  if (!Array.isArray(obj.member) || obj.member.length !== 2) fail(at(v, "member"), "a Group as authority has exactly two Agents");
}

const VOIDED = "http://adlnet.gov/expapi/verbs/voided";

/** Validates one statement as a client sends it; throws a 400 XapiError naming the first problem. */
export function validateStatement(value: unknown, version: XapiVersion): JsonObject {
  const v: V = { path: "", version };
  const s = expectObject(v, value);
  // 2.0 content may send "timestamp": null for "not known"; the LRS then sets it, as when it is absent.
  if (version === "2.0.0" && s.timestamp === null) delete s.timestamp;
  body(v, s, STATEMENT_KEYS, false);
  if (s.id !== undefined && !isUuid(s.id)) fail(at(v, "id"), "must be a UUID");
  if (s.stored !== undefined) timestamp(at(v, "stored"), s.stored);
  if (s.authority !== undefined) authority(at(v, "authority"), s.authority);
  if (s.version !== undefined) {
    const ok = typeof s.version === "string" && (version === "2.0.0" ? /^(1\.0(\.\d+)?|2\.0\.\d+)$/ : /^1\.0(\.\d+)?$/).test(s.version);
    if (!ok) fail(at(v, "version"), "is not a supported version");
  }
  if (isObject(s.verb) && s.verb.id === VOIDED) {
    const o = s.object;
    if (!isObject(o) || o.objectType !== "StatementRef") fail(at(v, "object"), "a voiding statement's object must be a StatementRef");
  }
  return s;
}
