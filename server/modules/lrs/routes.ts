import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authenticate } from "./credentials.js";
import { badRequest, XapiError, type XapiVersion } from "./errors.js";
import { mediaType, type XMethod, type XRes } from "./http.js";
import { about, checkMethod, dispatch } from "./resources.js";

const BODY_LIMIT = 32 * 1024 * 1024;
const ALLOW_HEADERS = "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match, Accept-Language, X-Requested-With";
const EXPOSE_HEADERS = "ETag, Last-Modified, X-Experience-API-Consistent-Through, X-Experience-API-Version, Content-Type";
const FORM_HEADERS = ["authorization", "x-experience-api-version", "content-type", "content-length", "if-match", "if-none-match"];
const METHODS: XMethod[] = ["GET", "HEAD", "PUT", "POST", "DELETE"];

function versionOf(header: string | undefined): XapiVersion {
  if (header === undefined) throw badRequest("X-Experience-API-Version is required");
  const v = header.trim();
  if (/^1\.0(\.[0-3])?$/.test(v)) return "1.0.3";
  if (/^2\.0(\.\d+)?$/.test(v)) return "2.0.0";
  throw badRequest(`X-Experience-API-Version ${v} is not supported`);
}

function queryOf(url: string): Record<string, string> {
  const i = url.indexOf("?");
  const out: Record<string, string> = {};
  if (i < 0) return out;
  for (const [k, v] of new URLSearchParams(url.slice(i + 1))) {
    if (k in out) throw badRequest(`parameter "${k}" is given twice`);
    out[k] = v;
  }
  return out;
}

function headersOf(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") out[k] = v;
  return out;
}

interface Unfolded {
  method: XMethod;
  /** Sent with the alternate request syntax. */
  alternate?: boolean;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Buffer;
}

/** The alternate request syntax of xAPI 1.0.3: POST ?method=X with headers, parameters and content as form fields. */
function unfold(method: string, query: Record<string, string>, headers: Record<string, string>, body: Buffer): Unfolded {
  if (query.method === undefined) return { method: method as XMethod, query, headers, body };
  if (method !== "POST") throw badRequest("the alternate request syntax uses POST");
  if (headers["x-experience-api-version"]?.startsWith("2.")) throw badRequest("xAPI 2.0 does not allow the alternate request syntax");
  const target = query.method.toUpperCase();
  if (!METHODS.includes(target as XMethod)) throw badRequest("method must be GET, HEAD, PUT, POST or DELETE");
  if (Object.keys(query).length > 1) throw badRequest("with the alternate request syntax every parameter goes into the form body");
  if (mediaType(headers) !== "application/x-www-form-urlencoded")
    throw badRequest("the alternate request syntax needs an application/x-www-form-urlencoded body");
  const form = new URLSearchParams(body.toString("utf8"));
  const out: Unfolded = { method: target as XMethod, alternate: true, query: {}, headers: { ...headers }, body: Buffer.alloc(0) };
  delete out.headers["content-type"];
  for (const [k, v] of form) {
    const lower = k.toLowerCase();
    // A header the request itself carries wins over the form field of that name; the form's Content-Type is the content's.
    if (FORM_HEADERS.includes(lower)) {
      if (out.headers[lower] === undefined) out.headers[lower] = v;
    } else if (k === "content") out.body = Buffer.from(v, "utf8");
    else out.query[k] = v;
  }
  if (out.body.length > 0 && !out.headers["content-type"]) out.headers["content-type"] = "application/json";
  return out;
}

function cors(req: FastifyRequest, reply: FastifyReply): void {
  const origin = req.headers.origin;
  reply.header("access-control-allow-origin", typeof origin === "string" ? origin : "*");
  reply.header("vary", "Origin");
  reply.header("access-control-allow-methods", "GET, HEAD, PUT, POST, DELETE, OPTIONS");
  reply.header("access-control-allow-headers", ALLOW_HEADERS);
  reply.header("access-control-expose-headers", EXPOSE_HEADERS);
  reply.header("access-control-max-age", "86400");
}

/** The resource path under /xapi: "/xapi//statements" (an endpoint ending in "/" joined with "/statements") is the same resource. */
function resourcePath(url: string): string {
  const rest = url
    .split("?")[0]
    .slice("/xapi".length)
    .replace(/\/{2,}/g, "/");
  return rest.replace(/\/+$/, "") || "/";
}

async function handle(req: FastifyRequest, reply: FastifyReply): Promise<XRes> {
  const path = resourcePath(req.url);
  if (req.method === "OPTIONS") return { status: 204 };
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const u = unfold(req.method, queryOf(req.url), headersOf(req), raw);
  if (path === "/about") {
    if (u.method !== "GET" && u.method !== "HEAD") throw new XapiError(405, "the about resource is read-only");
    return about(u.headers["x-experience-api-version"]);
  }
  const version = versionOf(u.headers["x-experience-api-version"]);
  reply.header("x-experience-api-version", version);
  checkMethod(path, u.method);
  const principal = await authenticate(req.server.db, u.headers.authorization);
  if (!principal) {
    reply.header("www-authenticate", 'Basic realm="xAPI"');
    throw new XapiError(401, "valid HTTP Basic credentials are required");
  }
  const x = { method: u.method, path, query: u.query, headers: u.headers, body: u.body, version, principal, db: req.server.db };
  return dispatch(u.alternate ? { ...x, alternate: true } : x);
}

function send(req: FastifyRequest, reply: FastifyReply, res: XRes): FastifyReply {
  reply.status(res.status);
  for (const [k, v] of Object.entries(res.headers ?? {})) reply.header(k, v);
  if (res.status === 204 || req.method === "HEAD" || res.body === undefined) return reply.send();
  // A Buffer is sent as is: Fastify would add "; charset=utf-8" to a string, and xAPI clients compare the type exactly.
  return reply.send(typeof res.body === "string" ? Buffer.from(res.body, "utf8") : res.body);
}

/** The xAPI Learning Record Store under /xapi: HTTP Basic credentials, its own errors, CORS, versions 1.0.3 and 2.0.0. */
export async function lrsRoutes(app: FastifyInstance): Promise<void> {
  app.removeAllContentTypeParsers();
  const asBuffer = (_req: FastifyRequest, body: Buffer, done: (err: Error | null, body?: Buffer) => void) => done(null, body);
  for (const type of ["application/json", "multipart/mixed", "application/x-www-form-urlencoded", "application/octet-stream", "*"]) {
    app.addContentTypeParser(type, { parseAs: "buffer", bodyLimit: BODY_LIMIT }, asBuffer);
  }
  app.setErrorHandler((err, req, reply) => {
    cors(req, reply);
    if (!reply.hasHeader("x-experience-api-version")) reply.header("x-experience-api-version", "2.0.0");
    // The statement resource answers Consistent-Through whatever the outcome.
    if (resourcePath(req.url) === "/statements") reply.header("x-experience-api-consistent-through", new Date().toISOString());
    const known = err instanceof XapiError;
    const e = err as { statusCode?: number; message?: string };
    const status = known ? err.status : e.statusCode && e.statusCode < 500 ? e.statusCode : 500;
    if (status >= 500) req.log.error({ err }, "xAPI request failed");
    const message = status >= 500 ? "internal error" : (e.message ?? "error");
    return reply
      .status(status)
      .type("application/json")
      .send(JSON.stringify({ error: true, code: status, message }));
  });
  app.route({
    method: ["GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"],
    url: "/*",
    handler: async (req, reply) => {
      cors(req, reply);
      reply.header("x-experience-api-version", "2.0.0");
      const res = await handle(req, reply);
      return send(req, reply, res);
    },
  });
}
