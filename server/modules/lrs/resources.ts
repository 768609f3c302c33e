import { can } from "./credentials.js";
import { documentResource, RESOURCES } from "./documents.js";
import { badRequest, forbidden, notFound, XapiError } from "./errors.js";
import { checkParams, json, parseJsonParam, type XMethod, type XReq, type XRes } from "./http.js";
import * as repo from "./repository.js";
import { getStatements } from "./statements-read.js";
import { postStatements, putStatement } from "./statements-write.js";
import { agent as validateAgent } from "./validate/actors.js";
import { isIri } from "./validate/primitives.js";

export const SUPPORTED_VERSIONS = ["1.0.0", "1.0.1", "1.0.2", "1.0.3", "2.0.0"];

/** The versions served; a client speaking 1.0.x is told only of the 1.0.x ones, which are all its version lets it name. */
export function about(versionHeader: string | undefined): XRes {
  const speaks1 = /^1\.0(\.\d+)?$/.test(versionHeader?.trim() ?? "");
  return json({ version: speaks1 ? SUPPORTED_VERSIONS.filter((v) => v.startsWith("1.")) : SUPPORTED_VERSIONS, extensions: {} });
}

async function activities(req: XReq): Promise<XRes> {
  checkParams(req.query, ["activityId"], ["activityId"]);
  if (!can(req.principal, "statements/read", "statements/read/mine", "define", "state")) throw forbidden("these credentials may not read activities");
  const id = req.query.activityId;
  if (!isIri(id)) throw badRequest("activityId must be an IRI");
  // An activity the LRS holds no definition of is still answered, as an Activity Object with its id.
  const def = await repo.getActivityDefinition(req.db, req.principal.agencyId, id);
  return json({ objectType: "Activity", id, ...(def ? { definition: JSON.parse(def) as unknown } : {}) });
}

function agents(req: XReq): XRes {
  checkParams(req.query, ["agent"], ["agent"]);
  const who = parseJsonParam("agent", req.query.agent);
  validateAgent({ path: "agent", version: req.version }, who);
  const person: Record<string, unknown> = { objectType: "Person" };
  for (const k of ["name", "mbox", "mbox_sha1sum", "openid", "account"]) if (who[k] !== undefined) person[k] = [who[k]];
  return json(person);
}

const ALLOWED: Record<string, string[]> = {
  "/statements": ["GET", "HEAD", "PUT", "POST"],
  "/activities": ["GET", "HEAD"],
  "/agents": ["GET", "HEAD"],
  "/activities/state": ["GET", "HEAD", "PUT", "POST", "DELETE"],
  "/activities/profile": ["GET", "HEAD", "PUT", "POST", "DELETE"],
  "/agents/profile": ["GET", "HEAD", "PUT", "POST", "DELETE"],
};

/** 404 for a path that is no resource, 405 for a method the resource does not have: known before credentials are looked at. */
export function checkMethod(path: string, method: XMethod): void {
  const allowed = ALLOWED[path];
  if (!allowed) throw notFound(`no resource ${path}`);
  if (!allowed.includes(method)) throw new XapiError(405, `${method} is not allowed on ${path}`);
}

/** Runs one authenticated xAPI request on its resource. */
export async function dispatch(req: XReq): Promise<XRes> {
  checkMethod(req.path, req.method);
  if (req.path === "/statements") {
    if (req.method === "PUT") return putStatement(req);
    if (req.method === "POST") return postStatements(req);
    return getStatements(req);
  }
  if (req.path === "/activities") return activities(req);
  if (req.path === "/agents") return agents(req);
  return documentResource(req, RESOURCES[req.path]);
}
