import { EventEmitter } from "node:events";
import { setImmediate as nextTurn } from "node:timers";
import type { FastifyBaseLogger } from "fastify";
import { type Kysely, sql } from "kysely";
import pg from "pg";
import type { Engine } from "../../../config.js";
import { postgresUrlOf } from "../../../db/database.js";
import type { DB } from "../../../db/schema.js";

export type ChangeKind = "checkin" | "health" | "report";

/** Something in the logbook of a unit changed on a work date: monitoring views of that unit should refresh. */
export interface Change {
  agencyId: string;
  unitId: string;
  unitPath: string;
  kind: ChangeKind;
  workDate: string;
}

type Listener = (change: Change) => void;

/** The PostgreSQL channel every instance listens on. */
export const CHANNEL = "abdi_monitoring";
/** NOTIFY payloads must stay below 8000 bytes. */
const MAX_PAYLOAD = 7000;
const RECONNECT_MS = 2000;

/**
 * Carries logbook changes to the live feeds. On SQLite (one process) an
 * in-process emitter; on PostgreSQL every change goes through NOTIFY on one
 * channel, and each instance keeps one dedicated connection that LISTENs, so
 * a check-in on one instance reaches the feeds of all. Changes published in
 * the same turn of the event loop are merged and deduplicated into one
 * NOTIFY, so a group commit of many check-ins costs one statement.
 */
export class MonitoringBus {
  private readonly emitter = new EventEmitter();
  private pending = new Map<string, Change>();
  private flushScheduled = false;
  private listenClient: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly engine: Engine,
    readonly log: FastifyBaseLogger,
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** Queues a change; never throws, never waits. */
  publish(change: Change): void {
    if (this.closed) return;
    if (this.engine === "sqlite") {
      this.deliver(change);
      return;
    }
    this.pending.set(`${change.agencyId}|${change.unitId}|${change.kind}|${change.workDate}`, change);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    nextTurn(() => {
      this.flushScheduled = false;
      void this.flush().catch((err: unknown) => this.log.error({ err }, "monitoring change not published"));
    });
  }

  /** Calls the listener for every change from now on; resolves once changes from other instances are received too. */
  async subscribe(listener: Listener): Promise<() => void> {
    this.emitter.on("change", listener);
    const unsubscribe = () => {
      this.emitter.off("change", listener);
    };
    if (this.engine === "postgres") {
      try {
        await this.ensureListening();
      } catch (err) {
        unsubscribe();
        throw err;
      }
    }
    return unsubscribe;
  }

  get subscribers(): number {
    return this.emitter.listenerCount("change");
  }

  async close(): Promise<void> {
    this.closed = true;
    this.emitter.removeAllListeners();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.listenClient;
    this.listenClient = null;
    this.listening = null;
    if (client) await client.end().catch(() => undefined);
  }

  private deliver(change: Change): void {
    for (const listener of this.emitter.listeners("change") as Listener[]) {
      try {
        listener(change);
      } catch (err) {
        this.log.error({ err }, "monitoring listener failed");
      }
    }
  }

  private async flush(): Promise<void> {
    const changes = [...this.pending.values()];
    this.pending = new Map();
    let chunk: Change[] = [];
    let size = 2;
    for (const c of changes) {
      const len = JSON.stringify(c).length + 1;
      if (chunk.length > 0 && size + len > MAX_PAYLOAD) {
        await this.notify(chunk);
        chunk = [];
        size = 2;
      }
      chunk.push(c);
      size += len;
    }
    if (chunk.length > 0) await this.notify(chunk);
  }

  private async notify(changes: Change[]): Promise<void> {
    await sql`select pg_notify(${CHANNEL}, ${JSON.stringify(changes)})`.execute(this.db);
  }

  private ensureListening(): Promise<void> {
    if (this.closed) return Promise.reject(new Error("the monitoring bus is closed"));
    if (!this.listening) {
      this.listening = this.connect().catch((err: unknown) => {
        this.listening = null;
        throw err;
      });
    }
    return this.listening;
  }

  private async connect(): Promise<void> {
    const url = postgresUrlOf(this.db);
    if (!url) throw new Error("no PostgreSQL connection URL for the monitoring bus");
    const client = new pg.Client({ connectionString: url });
    client.on("notification", (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      for (const change of parseChanges(msg.payload)) this.deliver(change);
    });
    client.on("error", (err) => {
      this.log.error({ err }, "monitoring listener connection lost");
      this.dropListener(client);
    });
    client.on("end", () => this.dropListener(client));
    await client.connect();
    if (this.closed) {
      await client.end();
      return;
    }
    await client.query(`listen ${CHANNEL}`);
    this.listenClient = client;
  }

  /** The LISTEN connection ended unexpectedly: reconnect while someone is subscribed. */
  private dropListener(client: pg.Client): void {
    if (this.listenClient !== client || this.closed) return;
    this.listenClient = null;
    this.listening = null;
    void client.end().catch(() => undefined);
    if (this.subscribers === 0 || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.subscribers > 0) void this.ensureListening().catch((err: unknown) => this.log.error({ err }, "monitoring listener reconnect failed"));
    }, RECONNECT_MS);
  }
}

function isChange(v: unknown): v is Change {
  if (typeof v !== "object" || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    typeof c.agencyId === "string" &&
    typeof c.unitId === "string" &&
    typeof c.unitPath === "string" &&
    typeof c.workDate === "string" &&
    (c.kind === "checkin" || c.kind === "health" || c.kind === "report")
  );
}

function parseChanges(payload: string): Change[] {
  try {
    const parsed: unknown = JSON.parse(payload);
    return Array.isArray(parsed) ? parsed.filter(isChange) : [];
  } catch {
    return [];
  }
}

const buses = new WeakMap<Kysely<DB>, MonitoringBus>();

/** The bus of an application's database, created once (the monitoring plugin closes it with the app). */
export function busFor(db: Kysely<DB>, engine: Engine, log: FastifyBaseLogger): MonitoringBus {
  let bus = buses.get(db);
  if (!bus) {
    bus = new MonitoringBus(db, engine, log);
    buses.set(db, bus);
  }
  return bus;
}

export function forgetBus(db: Kysely<DB>): void {
  buses.delete(db);
}

/**
 * Tells the live feeds that a unit's logbook changed. Call after the commit;
 * fire-and-forget (errors are logged, nothing is awaited).
 */
export function publishChange(db: Kysely<DB>, change: Change): void {
  buses.get(db)?.publish(change);
}

/** As publishChange, for writes that know only the unit ids (one query for the paths, off the request's path). */
export function publishUnitChanges(db: Kysely<DB>, changes: Omit<Change, "unitPath">[]): void {
  const bus = buses.get(db);
  if (!bus || changes.length === 0) return;
  void db
    .selectFrom("units")
    .select(["id", "path"])
    .where("id", "in", [...new Set(changes.map((c) => c.unitId))])
    .execute()
    .then((rows) => {
      const paths = new Map(rows.map((r) => [r.id, r.path]));
      for (const c of changes) {
        const unitPath = paths.get(c.unitId);
        if (unitPath) bus.publish({ ...c, unitPath });
      }
    })
    .catch((err: unknown) => bus.log.error({ err }, "monitoring change not published"));
}
