import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../../../platform/errors.js";
import { PLAYER_SCRIPT, playerHtml } from "./player-page.js";
import * as repo from "./repository.js";
import { commit, launchByToken, runtimeState } from "./runtime.js";

const require = createRequire(import.meta.url);
let runtimeScript: Buffer | null = null;
function scormAgainScript(): Buffer {
  // The package exports only its entry points; the minified browser build sits next to the main one.
  runtimeScript ??= fs.readFileSync(path.join(path.dirname(require.resolve("scorm-again")), "scorm-again.min.js"));
  return runtimeScript;
}

/** A commit is the whole cmi data model of one SCO: interactions can make it large, not huge. */
const COMMIT_LIMIT = 4 * 1024 * 1024;

/**
 * The content origin: the SCORM player, its runtime endpoints and the files
 * of packages, reachable only with a launch token and only on the content
 * origin the token was issued for. No session cookie is read here.
 */
export async function contentHostRoutes(app: FastifyInstance): Promise<void> {
  // sendBeacon sends the last commit as text/plain.
  app.addContentTypeParser("text/plain", { parseAs: "string", bodyLimit: COMMIT_LIMIT }, (_req, body, done) => {
    try {
      done(null, JSON.parse(String(body)));
    } catch {
      done(new AppError("bad_request", "The commit is not JSON"), undefined);
    }
  });

  const onContentOrigin = (req: FastifyRequest, launch: repo.ContentLaunch, reply: FastifyReply) => {
    if (new URL(launch.content_origin).host !== new URL(`${req.protocol}://${req.host}`).host) throw new AppError("not_found", "Not found on this origin");
    reply.header("content-security-policy", `frame-ancestors ${launch.platform_origin} ${launch.content_origin}`);
    reply.header("cache-control", "private, no-store");
    reply.header("referrer-policy", "no-referrer");
  };

  app.get("/lib/scorm-again.js", { config: { public: true } }, async (_req, reply) =>
    reply.type("text/javascript; charset=utf-8").header("cache-control", "public, max-age=86400").send(scormAgainScript()),
  );
  app.get("/lib/player.js", { config: { public: true } }, async (_req, reply) =>
    reply.type("text/javascript; charset=utf-8").header("cache-control", "no-cache").send(PLAYER_SCRIPT),
  );

  const TokenParams = z.object({ token: z.string().min(20).max(100) });

  app.get("/player/:token", async (req, reply) => {
    const { token } = TokenParams.parse(req.params);
    const item = z.object({ item: z.string().max(300).optional(), lang: z.enum(["id", "en"]).optional() }).parse(req.query);
    const { launch } = await launchByToken(app.db, token, new Date());
    onContentOrigin(req, launch, reply);
    return reply.type("text/html; charset=utf-8").send(playerHtml(token, item.item ?? null, item.lang ?? "id"));
  });

  app.get("/runtime/:token", async (req, reply) => {
    const { token } = TokenParams.parse(req.params);
    const { item } = z.object({ item: z.string().max(300).optional() }).parse(req.query);
    const { launch } = await launchByToken(app.db, token, new Date());
    onContentOrigin(req, launch, reply);
    return runtimeState(app.db, token, item, new Date());
  });

  app.post("/runtime/:token/attempts/:attemptId/commit", { bodyLimit: COMMIT_LIMIT }, async (req, reply) => {
    const { token, attemptId } = TokenParams.extend({ attemptId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i) }).parse(
      req.params,
    );
    const { terminate } = z.object({ terminate: z.string().optional() }).parse(req.query);
    const { launch } = await launchByToken(app.db, token, new Date());
    onContentOrigin(req, launch, reply);
    return commit(app.db, token, attemptId, req.body, terminate === "true", new Date());
  });

  app.get("/p/:token/*", async (req, reply) => {
    const { token } = TokenParams.parse(req.params);
    const rest = (req.params as { "*": string })["*"] ?? "";
    const { launch } = await launchByToken(app.db, token, new Date());
    onContentOrigin(req, launch, reply);
    // The router has decoded the path once and left the query string out: a file named "diskon 100%.html"
    // arrives as such from "diskon%20100%25.html" (decoding it again would turn it into another name).
    const path = rest;
    const file = await repo.getFile(app.db, launch.package_id, path);
    if (!file) throw new AppError("not_found", "No such file in the package");
    reply.header("cache-control", "private, max-age=3600");
    return reply.type(file.mime).send(Buffer.from(file.data));
  });
}
