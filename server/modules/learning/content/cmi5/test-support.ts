import { randomUUID } from "node:crypto";
import { buildZip } from "../../packages/test-support.js";
import { CMI5_CATEGORY, EXT, MOVEON_CATEGORY } from "./rules.js";

/** A zip with stored (uncompressed) entries. */
export function storedZip(entries: { name: string; data: Buffer | string }[]): Buffer {
  return buildZip(entries);
}

/** What an AU reads from its launch URL. */
export interface Launch {
  url: URL;
  endpoint: string;
  fetch: string;
  actor: Record<string, unknown>;
  registration: string;
  activityId: string;
}

export function parseLaunch(url: string): Launch {
  const u = new URL(url);
  const p = u.searchParams;
  return {
    url: u,
    endpoint: p.get("endpoint") ?? "",
    fetch: p.get("fetch") ?? "",
    actor: JSON.parse(p.get("actor") ?? "{}"),
    registration: p.get("registration") ?? "",
    activityId: p.get("activityId") ?? "",
  };
}

/** A statement as an AU sends it in its session: cmi5 category, moveOn category when it carries success or completion. */
export function auStatement(
  p: Launch,
  o: { publisherId: string; sessionId: string; verb: string; result?: Record<string, unknown>; extensions?: Record<string, unknown> },
) {
  const moveOn = o.result && ("success" in o.result || "completion" in o.result);
  return {
    id: randomUUID(),
    actor: p.actor,
    verb: { id: o.verb },
    object: { id: p.activityId, objectType: "Activity" },
    ...(o.result ? { result: o.result } : {}),
    context: {
      registration: p.registration,
      contextActivities: {
        grouping: [{ id: o.publisherId }],
        category: [{ id: CMI5_CATEGORY }, ...(moveOn ? [{ id: MOVEON_CATEGORY }] : [])],
      },
      extensions: { [EXT.sessionId]: o.sessionId, ...(o.extensions ?? {}) },
    },
    timestamp: new Date().toISOString(),
  };
}
