import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, DataDirInUseError } from "../db/database.js";
import { migrateDownAll, migrateToLatest } from "../db/migrate.js";
import { createTestDatabase, ENGINES } from "../test/engines.js";
import { createTestApp, type TestApp } from "../test/harness.js";

describe.each(ENGINES)("platform on %s", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it("reports health with the database state", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", database: { engine, status: "up" } });
  });

  it("gives every response a request id, and echoes a sane incoming one", async () => {
    const a = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(a.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const b = await t.app.inject({ method: "GET", url: "/api/health", headers: { "x-request-id": "lb-trace-12345678" } });
    expect(b.headers["x-request-id"]).toBe("lb-trace-12345678");
    const c = await t.app.inject({ method: "GET", url: "/api/health", headers: { "x-request-id": "bad id<script>" } });
    expect(c.headers["x-request-id"]).not.toContain("<");
  });

  it("answers unknown API routes with problem+json 404", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: "not_found", status: 404 });
    expect(res.json().requestId).toBe(res.headers["x-request-id"]);
  });

  it("publishes an OpenAPI 3.1 document covering the API", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    for (const p of [
      "/api/v1/auth/login",
      "/api/v1/employees",
      "/api/v1/employees/{id}",
      "/api/v1/units",
      "/api/v1/audit/events",
      "/api/v1/imports/employees",
      "/api/health",
    ]) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
    expect(doc.paths["/api/v1/employees"].post.requestBody).toBeDefined();
    const ui = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toMatch(/swagger/i);
  });

  it("exposes Prometheus metrics", async () => {
    await t.app.inject({ method: "GET", url: "/api/health" });
    const res = await t.app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("abdi_http_request_duration_seconds_bucket");
    expect(res.body).toContain('route="/api/health"');
    expect(res.body).toContain("abdi_process_resident_memory_bytes");
  });

  it("answers 503 when the database is gone", async () => {
    const t2 = await createTestApp(engine);
    await t2.database.close();
    const res = await t2.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(503);
    expect(res.json().database.status).toBe("down");
    await t2.app.close();
    if (engine === "postgres") await t2.database.drop().catch(() => undefined);
  });

  it("migrates down and up again", async () => {
    const d = await createTestDatabase(engine);
    await migrateDownAll(d.db, engine);
    await expect(sql`select count(*) from employees`.execute(d.db)).rejects.toThrow();
    const applied = await migrateToLatest(d.db, engine);
    expect(applied).toContain("0001_foundation");
    expect(await migrateToLatest(d.db, engine)).toEqual([]);
    await d.drop();
  });
});

describe("embedded database", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "abdi-lock-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("runs in WAL with synchronous=FULL", async () => {
    const d = createDatabase({ dataDir: dir });
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(d.db);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(d.db);
    expect(mode.rows[0].journal_mode).toBe("wal");
    expect(sync.rows[0].synchronous).toBe(2);
    await d.close();
  });

  it("refuses a second process on the same data folder with a clear message", async () => {
    const d = createDatabase({ dataDir: dir });
    const script = `
      import { createDatabase } from "./server/db/database.ts";
      try { createDatabase({ dataDir: ${JSON.stringify(dir)} }); process.stdout.write("opened"); }
      catch (e) { process.stdout.write(String(e.name) + ": " + e.message); process.exit(3); }
    `;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      encoding: "utf8",
    });
    expect(r.status).toBe(3);
    expect(r.stdout).toContain("DataDirInUseError");
    expect(r.stdout).toContain(dir);
    await d.close();
    // Once the first process lets go, the folder opens again.
    const again = createDatabase({ dataDir: dir });
    await again.close();
    expect(DataDirInUseError.name).toBe("DataDirInUseError");
  });
});

describe("web app serving", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "abdi-web-"));
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Abdi</title>");
  fs.writeFileSync(path.join(dir, "assets", "app-123.js"), "console.log(1)");
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("sqlite", { webDir: dir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("serves index.html for the root and for client-side routes, assets as files, missing assets as 404", async () => {
    for (const url of ["/", "/profile", "/org/employees/123"]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain("<title>Abdi</title>");
      expect(res.headers["cache-control"], url).toBe("no-cache");
    }
    const asset = await t.app.inject({ method: "GET", url: "/assets/app-123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["content-type"]).toMatch(/javascript/);
    const missing = await t.app.inject({ method: "GET", url: "/assets/gone-456.js" });
    expect(missing.statusCode).toBe(404);
  });
});
