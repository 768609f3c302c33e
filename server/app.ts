import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Config } from "./config.js";
import type { Database } from "./db/database.js";
import { arrangementRoutes } from "./modules/arrangement/routes.js";
import { auditRoutes } from "./modules/audit/routes.js";
import { authRoutes } from "./modules/auth/routes.js";
import { cmi5FetchRoutes } from "./modules/learning/content/cmi5/fetch-routes.js";
import { contentHostRoutes } from "./modules/learning/content/host-routes.js";
import { contentRoutes } from "./modules/learning/content/routes.js";
import { learningRoutes } from "./modules/learning/routes.js";
import { logbookRoutes } from "./modules/logbook/routes.js";
import { lrsAdminRoutes } from "./modules/lrs/admin-routes.js";
import { registerLearningRecorder } from "./modules/lrs/recorder.js";
import { lrsRoutes } from "./modules/lrs/routes.js";
import { monitoringRoutes } from "./modules/monitoring/routes.js";
import { notificationRoutes } from "./modules/notifications/routes.js";
import { importRoutes } from "./modules/org/import/routes.js";
import { orgRoutes } from "./modules/org/routes.js";
import { setupRoutes } from "./modules/setup/routes.js";
import { AppError } from "./platform/errors.js";
import { registerHealth } from "./platform/health.js";
import { sendProblem, toAppError } from "./platform/http.js";
import { registerMetrics } from "./platform/metrics.js";
import { registerSession } from "./platform/session.js";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,100}$/;

export interface AppOptions {
  config: Pick<Config, "demo" | "logLevel" | "trustProxy" | "webDir" | "sessionDays" | "version"> & { contentOrigin?: string };
  database: Database;
  /** Logger: true for pino to stdout, false for tests. */
  logger?: boolean;
}

/** Builds the HTTP application: platform plugins, then one plugin per module under /api/v1. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, database } = opts;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel, redact: ["req.headers.cookie", "req.headers['x-csrf-token']"] },
    trustProxy: config.trustProxy,
    // Content often joins an endpoint ending in "/" with "/statements": "/xapi//statements" is the same resource.
    routerOptions: { ignoreDuplicateSlashes: true },
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID_RE.test(incoming) ? incoming : randomUUID();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("db", database.db);
  app.decorate("engine", database.engine);
  app.decorate("demoMode", config.demo);

  app.addHook("onRequest", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-content-type-options", "nosniff");
    if (req.url.startsWith("/content/")) return; // content sets its own framing policy
    reply.header("referrer-policy", "same-origin");
    reply.header("x-frame-options", "DENY");
  });

  app.setErrorHandler((err, req, reply) => {
    const known = toAppError(err);
    if (known) {
      if (known.status >= 500) req.log.error({ err }, "request failed");
      return sendProblem(req, reply, known);
    }
    req.log.error({ err }, "unhandled error");
    return sendProblem(req, reply, new AppError("internal", "Something went wrong. Quote the request id when you report it."));
  });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Abdi API", version: config.version, description: "REST API of Abdi. Errors are application/problem+json with a stable `code`." },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "abdi_session" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  registerSession(app, { sessionDays: config.sessionDays });
  registerMetrics(app);
  registerHealth(app, config.version);

  await app.register(
    async (api) => {
      await api.register(setupRoutes);
      await api.register(authRoutes, { sessionDays: config.sessionDays });
      await api.register(orgRoutes);
      await api.register(importRoutes);
      await api.register(auditRoutes);
      await api.register(notificationRoutes);
      await api.register(logbookRoutes);
      await api.register(arrangementRoutes);
      await api.register(monitoringRoutes);
      await api.register(learningRoutes);
      await api.register(contentRoutes({ contentOrigin: config.contentOrigin }));
      await api.register(lrsAdminRoutes);
    },
    { prefix: "/api/v1" },
  );
  // Learning facts of the platform become xAPI statements in the LRS.
  registerLearningRecorder();
  // The xAPI Learning Record Store: its own authentication (HTTP Basic), errors and CORS.
  await app.register(lrsRoutes, { prefix: "/xapi" });
  // SCORM and cmi5 content: served only on the content origin, with launch tokens, never with the session.
  await app.register(contentHostRoutes, { prefix: "/content" });
  // The cmi5 fetch URL: a one-time authorization token for an AU session.
  await app.register(cmi5FetchRoutes, { prefix: "/cmi5" });

  const indexFile = path.join(config.webDir, "index.html");
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb) {
    // The built files are registered at start (a rebuilt web app needs a restart); hashed assets never change.
    await app.register(fastifyStatic, { root: config.webDir, wildcard: false, index: false, maxAge: "1h" });
  }
  app.setNotFoundHandler((req, reply) => {
    if (
      req.url.startsWith("/api/") ||
      req.url.startsWith("/xapi/") ||
      req.url.startsWith("/content/") ||
      req.url.startsWith("/cmi5/") ||
      req.url.startsWith("/assets/") ||
      req.method !== "GET" ||
      !hasWeb
    ) {
      return sendProblem(req, reply, new AppError("not_found", `No route ${req.method} ${req.url.split("?")[0]}`));
    }
    // Single-page app: every other GET gets index.html, never cached.
    return reply.header("cache-control", "no-cache").type("text/html").send(fs.createReadStream(indexFile));
  });
  return app;
}
