import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../../app.js";
import { createDatabase, type Database } from "../../../db/database.js";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { buildOrgWorld, type OrgWorld } from "../../../test/org-world.js";
import { checkinBody, newKey, postCheckin } from "../../logbook/checkin/test-support.js";
import { HEALTHY, submitHealth } from "../../logbook/health/test-support.js";
import { submitted } from "../../logbook/reports/test-support.js";
import { todayIn } from "../../org/hierarchy.js";
import { busFor } from "./bus.js";
import { liveTiming } from "./routes.js";

interface Stream {
  status: number;
  contentType: string | null;
  /** Resolves with the next `event: change` data (or rejects after a timeout). */
  next(timeoutMs?: number): Promise<{ unitId: string; kind: string; workDate: string }>;
  text(): string;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens the live feed over a real HTTP connection. */
async function openStream(base: string, c: Client, unitId: string): Promise<Stream> {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/v1/monitoring/live?unitId=${unitId}`, { headers: { cookie: c.cookie }, signal: abort.signal });
  let buffer = "";
  let consumed = 0;
  let wake: () => void = () => undefined;
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    if (!reader) return;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        wake();
      }
    } catch {
      // aborted by the test
    }
  })();
  const takeEvent = () => {
    const rest = buffer.slice(consumed);
    const m = /event: change\ndata: (.*)\n\n/.exec(rest);
    if (!m) return null;
    consumed += m.index + m[0].length;
    return JSON.parse(m[1]);
  };
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    text: () => buffer,
    ended,
    close: () => abort.abort(),
    async next(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const ev = takeEvent();
        if (ev) return ev;
        if (Date.now() > deadline) throw new Error(`no change event within ${timeoutMs} ms; got: ${JSON.stringify(buffer)}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
    },
  };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

const waitUntil = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.each(ENGINES)("monitoring live feed on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let base: string;
  let leader: Client;
  let staffX1: Client;
  let staffY: Client;
  const today = () => todayIn("Asia/Jakarta", new Date());

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    base = await listen(t.app);
    leader = await Client.signIn(t.app, w.leaderX.nip);
    staffX1 = await Client.signIn(t.app, w.e1.nip);
    staffY = await Client.signIn(t.app, w.eY.nip);
  });
  afterAll(async () => t.close());

  it("sends a change after a check-in inside the subtree, nothing of a sibling unit", async () => {
    const s = await openStream(base, leader, w.X.id);
    expect(s.status).toBe(200);
    expect(s.contentType).toBe("text/event-stream; charset=utf-8");
    expect((await postCheckin(staffY, checkinBody(), newKey())).statusCode).toBe(201);
    expect((await postCheckin(staffX1, checkinBody(), newKey())).statusCode).toBe(201);
    expect(await s.next()).toEqual({ unitId: w.X1.id, kind: "checkin", workDate: today() });
    expect(s.text()).not.toContain(w.Y.id);
    s.close();
  });

  it("sends health and report changes", async () => {
    const s = await openStream(base, leader, w.X1.id);
    expect((await submitHealth(staffX1, HEALTHY)).statusCode).toBe(201);
    expect(await s.next()).toEqual({ unitId: w.X1.id, kind: "health", workDate: today() });
    await submitted(staffX1, today());
    expect((await s.next()).kind).toBe("report");
    s.close();
  });

  it("lets the sibling unit's head follow their own unit only", async () => {
    const hY = await Client.signIn(t.app, w.hY.nip);
    const refused = await fetch(`${base}/api/v1/monitoring/live?unitId=${w.X.id}`, { headers: { cookie: hY.cookie } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    const s = await openStream(base, hY, w.Y.id);
    expect(s.status).toBe(200);
    expect((await postCheckin(staffY, checkinBody({ kind: "out" }), newKey())).statusCode).toBe(201);
    expect(await s.next()).toEqual({ unitId: w.Y.id, kind: "checkin", workDate: today() });
    s.close();
  });

  it("sends a comment line as heartbeat", async () => {
    const saved = liveTiming.heartbeatMs;
    liveTiming.heartbeatMs = 50;
    try {
      const s = await openStream(base, leader, w.X.id);
      await waitUntil(() => s.text().includes(": heartbeat\n\n"));
      s.close();
    } finally {
      liveTiming.heartbeatMs = saved;
    }
  });

  it("stops listening when the client goes away", async () => {
    const bus = busFor(t.app.db, t.app.engine, t.app.log);
    // The streams of the tests before were closed by their clients.
    await waitUntil(() => bus.subscribers === 0);
    const s = await openStream(base, leader, w.X.id);
    await waitUntil(() => bus.subscribers === 1);
    s.close();
    await waitUntil(() => bus.subscribers === 0);
  });

  it.runIf(engine === "postgres")("delivers a change made on another instance of the app", async () => {
    let other: Database | undefined;
    let app: FastifyInstance | undefined;
    try {
      other = createDatabase({ databaseUrl: t.database.url });
      app = await buildApp({
        config: { demo: false, logLevel: "silent", trustProxy: false, webDir: "/nonexistent", sessionDays: 14, version: "test" },
        database: other,
        logger: false,
      });
      const otherBase = await listen(app);
      const onB = await Client.signIn(app, w.hX.nip);
      const s = await openStream(otherBase, onB, w.X.id);
      expect(s.status).toBe(200);
      // The check-out is written through the first instance.
      expect((await postCheckin(staffX1, checkinBody({ kind: "out" }), newKey())).statusCode).toBe(201);
      expect(await s.next()).toEqual({ unitId: w.X1.id, kind: "checkin", workDate: today() });
      s.close();
    } finally {
      await app?.close();
      await other?.close();
    }
  });

  it("ends open streams when the app closes", async () => {
    const own = await createTestApp(engine);
    const world = await buildOrgWorld(own);
    const ownBase = await listen(own.app);
    const hr = await Client.signIn(own.app, world.hrA.nip);
    const s = await openStream(ownBase, hr, world.A.root.id);
    expect(s.status).toBe(200);
    const bus = busFor(own.app.db, own.app.engine, own.app.log);
    await waitUntil(() => bus.subscribers === 1);
    await own.close();
    await s.ended;
    expect(bus.subscribers).toBe(0);
  });
});
