import type { LightMyRequestResponse } from "fastify";
import { buildApp } from "../../app.js";
import type { Engine } from "../../config.js";
import { createTestDatabase } from "../../test/engines.js";
import { Factory } from "../../test/factories.js";
import type { TestApp } from "../../test/harness.js";
import { lrsAdminRoutes } from "./admin-routes.js";
import { insertClient } from "./clients-repo.js";

/** A test app whose /api/v1 also serves the LRS administration routes (registered here when app.ts does not yet). */
export async function createLrsTestApp(engine: Engine): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const app = await buildApp({
    config: { demo: false, logLevel: "silent", trustProxy: false, webDir: "/nonexistent", sessionDays: 14, version: "test" },
    database,
    logger: false,
  });
  if (!app.hasRoute({ method: "GET", url: "/api/v1/lrs/clients" })) await app.register(lrsAdminRoutes, { prefix: "/api/v1" });
  await app.ready();
  return {
    app,
    database,
    factory: new Factory(database.db),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export interface Lrs {
  t: TestApp;
  agencyId: string;
  auth: string;
  x(
    method: string,
    url: string,
    opts?: { body?: unknown; raw?: string | Buffer; headers?: Record<string, string>; version?: string | null; auth?: string | null },
  ): Promise<LightMyRequestResponse>;
}

export const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;

/** A test app with one agency and one LRS client holding every scope; `x` sends xAPI requests as content would. */
export async function createLrs(engine: Engine, scopes: string[] = ["all"]): Promise<Lrs> {
  const t = await createLrsTestApp(engine);
  const agency = await t.factory.agency();
  const c = await insertClient(t.database.db, { agencyId: agency.id, name: "Test client", scopes, createdBy: null, key: "test-key", secret: "test-secret" });
  const auth = basic(c.key, c.secret);
  return {
    t,
    agencyId: agency.id,
    auth,
    x(method, url, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.version !== null) headers["x-experience-api-version"] = opts.version ?? "1.0.3";
      if (opts.auth !== null) headers.authorization = opts.auth ?? auth;
      let payload: string | Buffer | undefined;
      if (opts.raw !== undefined) payload = opts.raw;
      else if (opts.body !== undefined) {
        payload = JSON.stringify(opts.body);
        headers["content-type"] ??= "application/json";
      }
      return t.app.inject({ method: method as "GET", url, headers, ...(payload === undefined ? {} : { payload }) });
    },
  };
}

export const AGENT = { objectType: "Agent", name: "Siti", mbox: "mailto:siti@example.go.id" };
export const VERB = { id: "http://adlnet.gov/expapi/verbs/completed", display: { "en-US": "completed", id: "menyelesaikan" } };
export const ACTIVITY = { objectType: "Activity", id: "https://abdi.go.id/xapi/activities/course/1", definition: { name: { "en-US": "Course one" } } };

export function statement(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { actor: AGENT, verb: VERB, object: ACTIVITY, ...over };
}
