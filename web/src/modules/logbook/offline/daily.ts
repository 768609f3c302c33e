import { discard, flush, listOutbox, newIdempotencyKey, type OutboxItem, type SubmitResult, submit } from "../../../offline/outbox";

/**
 * Submissions of the daily flow. Each intent (check in, send the health
 * check, save the draft, submit the report) gets a fresh idempotency key; a
 * retry of the same intent with the same body keeps its key until it is
 * delivered or queued, so the server never sees it twice.
 */
const open = new Map<string, { key: string; body: string }>();

function keyFor(intent: string, body: unknown): string {
  const json = JSON.stringify(body);
  const held = open.get(intent);
  if (held && held.body === json) return held.key;
  const key = newIdempotencyKey();
  open.set(intent, { key, body: json });
  return key;
}

export interface DailyRequest {
  /** What is being done, e.g. "report:2026-11-28:draft"; the same intent retried keeps its key. */
  intent: string;
  method: "POST" | "PUT";
  url: string;
  body: unknown;
  /** i18n key (namespace logbook) shown in the pending list. */
  label: string;
  params?: Record<string, string>;
}

/**
 * Sends now (after anything still queued, so the server sees the person's
 * steps in order) or queues offline. A newer draft of the same day replaces
 * an older one that is still waiting: only the last edit needs to travel.
 */
export async function sendDaily<T>(req: DailyRequest): Promise<SubmitResult<T>> {
  const key = keyFor(req.intent, req.body);
  const queued = await listOutbox();
  if (navigator.onLine && queued.some((i) => i.state === "pending")) await flush();
  if (!navigator.onLine && req.method === "PUT") {
    for (const item of queued) {
      if (item.state === "pending" && item.method === "PUT" && item.url === req.url && item.key !== key) await discard(item.key);
    }
  }
  const result = await submit<T>({ key, method: req.method, url: req.url, body: req.body, label: { key: req.label, params: req.params } });
  open.delete(req.intent);
  // A refused earlier attempt of the same request has now been replaced.
  for (const item of queued) if (item.state === "failed" && item.url === req.url && item.method === req.method) await discard(item.key);
  return result;
}

/** The queued request for a URL that is still waiting (the newest one), if any. */
export function pendingFor(items: OutboxItem[], method: "POST" | "PUT", url: string): OutboxItem | undefined {
  return items.filter((i) => i.method === method && i.url === url && i.state === "pending").at(-1);
}

/** A refused request for a URL, if any. */
export function failedFor(items: OutboxItem[], url: string): OutboxItem | undefined {
  return items.find((i) => i.url === url && i.state === "failed");
}
