import { at, expectIri, expectObject, expectString, fail, isIri, isObject, type JsonObject, onlyKeys, type V } from "./primitives.js";

const IFIS = ["mbox", "mbox_sha1sum", "openid", "account"] as const;
const MBOX_RE = /^mailto:[^@\s:/]+@[^@\s]+$/i;

function ifi(v: V, obj: JsonObject, required: boolean): void {
  const present = IFIS.filter((k) => obj[k] !== undefined);
  if (present.length > 1) fail(v, "must have exactly one inverse functional identifier");
  if (present.length === 0) {
    if (required) fail(v, "must have one inverse functional identifier (mbox, mbox_sha1sum, openid or account)");
    return;
  }
  if (obj.mbox !== undefined && (typeof obj.mbox !== "string" || !MBOX_RE.test(obj.mbox))) fail(at(v, "mbox"), "must be a mailto: IRI");
  if (obj.mbox_sha1sum !== undefined && (typeof obj.mbox_sha1sum !== "string" || !/^[0-9a-f]{40}$/i.test(obj.mbox_sha1sum))) {
    fail(at(v, "mbox_sha1sum"), "must be a hex SHA-1 digest");
  }
  if (obj.openid !== undefined) expectIri(at(v, "openid"), obj.openid);
  if (obj.account !== undefined) {
    const av = at(v, "account");
    const account = expectObject(av, obj.account);
    onlyKeys(av, account, ["homePage", "name"]);
    if (!isIri(account.homePage)) fail(at(av, "homePage"), "must be an IRL");
    expectString(at(av, "name"), account.name);
  }
}

export function agent(v: V, value: unknown, objectTypeRequired = false): JsonObject {
  const obj = expectObject(v, value);
  onlyKeys(v, obj, ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"]);
  if (obj.objectType === undefined && objectTypeRequired) fail(at(v, "objectType"), "is required");
  if (obj.objectType !== undefined && obj.objectType !== "Agent") fail(at(v, "objectType"), 'must be "Agent"');
  if (obj.name !== undefined) expectString(at(v, "name"), obj.name);
  ifi(v, obj, true);
  return obj;
}

export function group(v: V, value: unknown): JsonObject {
  const obj = expectObject(v, value);
  onlyKeys(v, obj, ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member"]);
  if (obj.objectType !== "Group") fail(at(v, "objectType"), 'must be "Group"');
  if (obj.name !== undefined) expectString(at(v, "name"), obj.name);
  const identified = IFIS.some((k) => obj[k] !== undefined);
  ifi(v, obj, false);
  if (obj.member === undefined) {
    if (!identified) fail(at(v, "member"), "is required for an anonymous Group");
  } else {
    const mv = at(v, "member");
    if (!Array.isArray(obj.member)) fail(mv, "must be an array of Agents");
    if (!identified && obj.member.length === 0) fail(mv, "an anonymous Group needs at least one member");
    obj.member.forEach((m, i) => {
      if (isObject(m) && m.objectType === "Group") fail(at(mv, i), "a Group cannot contain a Group");
      agent(at(mv, i), m);
    });
  }
  return obj;
}

/** Agent or Group, by objectType. */
export function actor(v: V, value: unknown, objectTypeRequired = false): JsonObject {
  const obj = expectObject(v, value);
  if (obj.objectType === "Group") return group(v, obj);
  return agent(v, obj, objectTypeRequired);
}

/** A stable text key of an Agent's or identified Group's IFI, used for matching and indexing. */
export function agentKey(obj: JsonObject): string | null {
  if (typeof obj.mbox === "string") return `mbox:${obj.mbox.toLowerCase()}`;
  if (typeof obj.mbox_sha1sum === "string") return `sha1:${obj.mbox_sha1sum.toLowerCase()}`;
  if (typeof obj.openid === "string") return `openid:${obj.openid}`;
  if (isObject(obj.account)) return `account:${String(obj.account.homePage)}|${String(obj.account.name)}`;
  return null;
}
