import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { issueLaunchCredentials } from "../../../lrs/credentials.js";
import { hashFetchToken } from "./ids.js";
import * as repo from "./repository.js";

/** The scopes an AU gets: its own statements and state, nothing else (no voiding, no other learners). */
const AU_SCOPES = ["statements/write", "statements/read/mine", "state"];

function cors(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const asked = req.headers["access-control-request-headers"];
  return reply
    .header("access-control-allow-origin", "*")
    .header("access-control-allow-methods", "POST, OPTIONS")
    .header("access-control-allow-headers", typeof asked === "string" && /^[\w\-, ]{1,500}$/.test(asked) ? asked : "Content-Type")
    .header("cache-control", "no-store");
}

/**
 * The cmi5 fetch URL (section 8.2): one POST returns the authorization token
 * for the session; every later call, an expired session or an unknown token
 * returns 200 with an error code, as the specification asks. Whatever body
 * and content type an AU posts are ignored. Any other method (a GET could be
 * cached, 8.2.1) gets 405 with a JSON error and leaves the token unused.
 */
export async function cmi5FetchRoutes(app: FastifyInstance): Promise<void> {
  // Encapsulated: only these routes read bodies this way.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: 64 * 1024 }, (_req, _body, done) => done(null, undefined));

  app.options("/fetch/:token", async (req, reply) => cors(req, reply).status(204).send());

  app.route({
    method: ["GET", "PUT", "DELETE", "PATCH"],
    url: "/fetch/:token",
    handler: async (req, reply) =>
      cors(req, reply)
        .status(405)
        .header("allow", "POST, OPTIONS")
        .type("application/json")
        .send({ "error-code": "2", "error-text": "The fetch URL answers POST requests only." }),
  });

  app.post("/fetch/:token", async (req, reply) => {
    cors(req, reply).type("application/json");
    const token = String((req.params as { token?: string }).token ?? "");
    const session = token.length >= 20 && token.length <= 100 ? await repo.sessionByFetchToken(app.db, hashFetchToken(token)) : undefined;
    if (!session) return { "error-code": "2", "error-text": "The fetch URL is not valid." };
    const now = new Date();
    if (session.fetch_used === 1) return { "error-code": "1", "error-text": "The authorization token has already been returned." };
    if (session.status === "abandoned" || session.status === "terminated" || new Date(session.expires_at) <= now) {
      return { "error-code": "1", "error-text": "The AU session has expired." };
    }
    const reg = await repo.getRegistration(app.db, session.registration_id);
    if (!reg) return { "error-code": "3", "error-text": "The registration is gone." };
    try {
      const creds = await issueLaunchCredentials(app.db, {
        agencyId: reg.agency_id,
        employeeId: reg.employee_id,
        registration: reg.id,
        activityId: session.au_activity_id,
        ttlSeconds: Math.max(60, Math.round((new Date(session.expires_at).getTime() - now.getTime()) / 1000)),
        scopes: AU_SCOPES,
      });
      if (!(await repo.markFetched(app.db, session.id, creds.key)))
        return { "error-code": "1", "error-text": "The authorization token has already been returned." };
      return { "auth-token": creds.authHeader.replace(/^Basic /, "") };
    } catch (err) {
      req.log.error({ err }, "cmi5 fetch failed");
      return { "error-code": "3", "error-text": "The token could not be issued." };
    }
  });
}
