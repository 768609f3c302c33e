import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp } from "../app.js";
import type { Engine } from "../config.js";
import { createTestDatabase, type TestDatabase } from "./engines.js";
import { Factory, TEST_PASSWORD } from "./factories.js";

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  factory: Factory;
  close(): Promise<void>;
}

export async function createTestApp(engine: Engine, opts: { demo?: boolean; webDir?: string } = {}): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const app = await buildApp({
    config: { demo: opts.demo ?? false, logLevel: "silent", trustProxy: false, webDir: opts.webDir ?? "/nonexistent", sessionDays: 14, version: "test" },
    database,
    logger: false,
  });
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

/** A signed-in client: keeps the session cookie and sends the CSRF token. */
export class Client {
  cookie = "";
  csrf = "";
  constructor(readonly app: FastifyInstance) {}

  static async signIn(app: FastifyInstance, login: string, password = TEST_PASSWORD): Promise<Client> {
    const c = new Client(app);
    const res = await c.request("POST", "/api/v1/auth/login", { login, password });
    if (res.statusCode !== 204) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    const me = await c.request("GET", "/api/v1/auth/me");
    c.csrf = me.json().csrfToken;
    return c;
  }

  async request(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.csrf ? { "x-csrf-token": this.csrf } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const set = res.headers["set-cookie"];
    const list = Array.isArray(set) ? set : set ? [set] : [];
    for (const c of list) {
      const [pair] = c.split(";");
      if (pair.startsWith("abdi_session=")) this.cookie = pair.endsWith("=") ? "" : pair;
    }
    return res;
  }

  get = (url: string) => this.request("GET", url);
  post = (url: string, body?: unknown) => this.request("POST", url, body ?? {});
  patch = (url: string, body: unknown) => this.request("PATCH", url, body);
  del = (url: string) => this.request("DELETE", url);
}
