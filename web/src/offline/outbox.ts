import Dexie, { type Table } from "dexie";
import { ApiError, api } from "../api/client";

/**
 * The offline outbox: every submission of the daily flow (check-in, health
 * check, report) carries an idempotency key and goes through here. Online,
 * it is sent at once; offline (or when the network fails mid-way) it is kept
 * in IndexedDB and replayed, in order, when the connection is back. The key
 * makes a replay safe: the server answers a repeat with the first answer.
 */
export interface OutboxItem {
  key: string;
  /** The signed-in user who made it: only their session replays it. */
  owner: string;
  method: "POST" | "PUT";
  url: string;
  body: unknown;
  /** What the person did, for the pending list (i18n key + params). */
  label: { key: string; params?: Record<string, string> };
  createdAt: string;
  attempts: number;
  state: "pending" | "failed";
  error?: { status: number; code: string; detail: string };
}

class OutboxDb extends Dexie {
  items!: Table<OutboxItem, string>;
  constructor() {
    super("abdi-outbox");
    this.version(1).stores({ items: "key, state, createdAt" });
    this.version(2).stores({ items: "key, state, createdAt, owner" });
  }
}

const db = new OutboxDb();
let owner: string | null = null;

/** Who is signed in on this device; items of anyone else are kept but neither listed nor sent. */
export function setOutboxOwner(userId: string | null): void {
  if (owner === userId) return;
  owner = userId;
  changed();
  if (userId) void flush();
}
const listeners = new Set<() => void>();
const changed = () => {
  for (const l of listeners) l();
};

export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** The session is missing or stale: wait for a new sign-in instead of refusing the item. */
function isSessionProblem(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 401 || ["csrf_failed", "password_change_required", "unauthenticated"].includes(err.code));
}

function isNetworkFailure(err: unknown): boolean {
  return err instanceof TypeError || (err instanceof ApiError && (err.status === 0 || err.status >= 502));
}

export type SubmitResult<T> = { state: "sent"; data: T } | { state: "queued" };

/** Sends now if possible, else keeps the request for later. Server refusals (4xx) are thrown to the caller. */
export async function submit<T>(item: Omit<OutboxItem, "createdAt" | "attempts" | "state" | "owner">): Promise<SubmitResult<T>> {
  if (!owner) throw new ApiError(401, "unauthenticated", "Not signed in");
  const full: OutboxItem = { ...item, owner, createdAt: new Date().toISOString(), attempts: 0, state: "pending" };
  if (navigator.onLine) {
    try {
      const data = await api<T>(item.method, item.url, item.body, { "idempotency-key": item.key });
      return { state: "sent", data };
    } catch (err) {
      if (!isNetworkFailure(err)) throw err;
    }
  }
  await db.items.put(full);
  changed();
  return { state: "queued" };
}

let flushing: Promise<number> | null = null;

/** Replays pending items in order; returns how many were delivered. */
export function flush(): Promise<number> {
  flushing ??= (async () => {
    let delivered = 0;
    try {
      const me = owner;
      if (!me) return 0;
      const pending = (await db.items.where("state").equals("pending").sortBy("createdAt")).filter((i) => i.owner === me);
      for (const item of pending) {
        try {
          await api(item.method, item.url, item.body, { "idempotency-key": item.key });
          await db.items.delete(item.key);
          delivered++;
        } catch (err) {
          if (isNetworkFailure(err) || isSessionProblem(err)) {
            await db.items.update(item.key, { attempts: item.attempts + 1 });
            break;
          }
          const e = err instanceof ApiError ? err : new ApiError(500, "internal", String(err));
          await db.items.update(item.key, { state: "failed", attempts: item.attempts + 1, error: { status: e.status, code: e.code, detail: e.message } });
        }
        changed();
      }
    } finally {
      flushing = null;
      changed();
    }
    return delivered;
  })();
  return flushing;
}

export async function listOutbox(): Promise<OutboxItem[]> {
  const me = owner;
  if (!me) return [];
  return (await db.items.orderBy("createdAt").toArray()).filter((i) => i.owner === me);
}

export async function discard(key: string): Promise<void> {
  await db.items.delete(key);
  changed();
}

/** Starts replaying when the browser comes back online, and once now. */
export function startOutboxSync(): () => void {
  const onOnline = () => void flush();
  window.addEventListener("online", onOnline);
  void flush();
  const timer = window.setInterval(() => {
    if (navigator.onLine) void flush();
  }, 30_000);
  return () => {
    window.removeEventListener("online", onOnline);
    window.clearInterval(timer);
  };
}
