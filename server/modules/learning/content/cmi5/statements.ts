import { randomUUID } from "node:crypto";
import type { Db } from "../../../../platform/context.js";
import { platformOrigin } from "../../../lrs/agents.js";
import type { Principal } from "../../../lrs/credentials.js";
import { PLATFORM_CLIENT_ID } from "../../../lrs/recorder.js";
import { storeStatementsIn } from "../../../lrs/statements-store.js";
import type { JsonObject } from "../../../lrs/validate/primitives.js";
import { CMI5_CATEGORY, EXT, MOVEON_CATEGORY, VERB } from "./rules.js";

const DISPLAY: Record<string, string> = {
  [VERB.launched]: "launched",
  [VERB.abandoned]: "abandoned",
  [VERB.waived]: "waived",
  [VERB.satisfied]: "satisfied",
};

/** A cmi5 defined statement the LMS makes itself (launched, abandoned, waived, satisfied). */
export function lmsStatement(o: {
  verb: string;
  actor: JsonObject;
  objectId: string;
  objectType?: "course" | "block";
  registration: string;
  sessionId: string;
  publisherId: string;
  timestamp: string;
  extensions?: Record<string, unknown>;
  result?: JsonObject;
}): JsonObject {
  const moveOn = o.result && ("success" in o.result || "completion" in o.result);
  return {
    id: randomUUID(),
    actor: o.actor,
    verb: { id: o.verb, display: { "en-US": DISPLAY[o.verb] ?? o.verb.split("/").pop() ?? "" } },
    object: {
      objectType: "Activity",
      id: o.objectId,
      ...(o.objectType ? { definition: { type: `https://w3id.org/xapi/cmi5/activitytype/${o.objectType}` } } : {}),
    },
    ...(o.result ? { result: o.result } : {}),
    context: {
      registration: o.registration,
      contextActivities: {
        grouping: [{ objectType: "Activity", id: o.publisherId }],
        category: [{ objectType: "Activity", id: CMI5_CATEGORY }, ...(moveOn ? [{ objectType: "Activity", id: MOVEON_CATEGORY }] : [])],
      },
      extensions: { [EXT.sessionId]: o.sessionId, ...(o.extensions ?? {}) } as JsonObject,
    },
    timestamp: o.timestamp,
  };
}

function lmsPrincipal(agencyId: string): Principal {
  return {
    clientId: PLATFORM_CLIENT_ID,
    agencyId,
    key: "abdi-platform",
    scopes: new Set(["all"]),
    authority: { objectType: "Agent", name: "Abdi", account: { homePage: platformOrigin(), name: "abdi-platform" } },
    learnerKey: null,
  };
}

/** Stores LMS statements in the caller's transaction, through the LRS's own validation. */
export async function storeLmsStatements(trx: Db, agencyId: string, statements: JsonObject[]): Promise<void> {
  await storeStatementsIn(trx, { principal: lmsPrincipal(agencyId), version: "1.0.3", statements, parts: new Map() });
}
