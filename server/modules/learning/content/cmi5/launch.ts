import { createHash, randomBytes, randomUUID } from "node:crypto";
import { fromJson, toJson } from "../../../../db/dialect.js";
import type { Ctx, Db } from "../../../../platform/context.js";
import { AppError } from "../../../../platform/errors.js";
import { employeeAgent, employeeAgentKey } from "../../../lrs/agents.js";
import * as docs from "../../../lrs/documents-repo.js";
import type { Cmi5Course } from "../../packages/cmi5.js";
import type { ContentPackage } from "../repository.js";
import { createLaunch } from "../service.js";
import { auActivityId, hashFetchToken, LAUNCH_DATA, SESSION_TTL_MS } from "./ids.js";
import * as repo from "./repository.js";
import { EXT, VERB } from "./rules.js";
import { evaluateAtRegistration } from "./satisfaction.js";
import { lmsStatement, storeLmsStatements } from "./statements.js";

export { auActivityId, blockActivityId, courseActivityId, hashFetchToken, LAUNCH_DATA, SESSION_TTL_MS } from "./ids.js";

/**
 * The launch URL (cmi5 8.1): the AU's url with the launch parameters
 * appended to its query string (after "&" when it has one, before any
 * fragment), each value percent-encoded.
 */
export function cmi5LaunchUrl(auUrl: string, params: Record<string, string>): string {
  const hash = auUrl.indexOf("#");
  const base = hash < 0 ? auUrl : auUrl.slice(0, hash);
  const fragment = hash < 0 ? "" : auUrl.slice(hash);
  const query = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join("&");
  const sep = !base.includes("?") ? "?" : /[?&]$/.test(base) ? "" : "&";
  return `${base}${sep}${query}${fragment}`;
}

export interface Cmi5LaunchInput {
  pkg: ContentPackage;
  auId?: string;
  employeeId: string;
  /** null: an author's preview (Browse mode, no credit). */
  enrolmentId: string | null;
  lessonId: string | null;
  /** "Review" to revisit an AU without recording satisfaction; an author's preview is always "Browse". */
  launchMode?: "Normal" | "Review";
  origins: { content: string; platform: string };
  returnUrl: string;
}

/**
 * Launches one AU as cmi5 section 8 requires: the registration of the
 * learner's enrolment, a new session (an earlier open one is abandoned), the
 * LMS.LaunchData state document and the "launched" statement written before
 * the AU starts, a one-time fetch URL, and the launch URL with endpoint,
 * fetch, actor, registration and activityId.
 */
export async function launchCmi5(ctx: Ctx, input: Cmi5LaunchInput): Promise<{ launchUrl: string; registration: string; sessionId: string; auId: string }> {
  const course = fromJson<Cmi5Course>(input.pkg.manifest);
  const index = input.auId ? course.aus.findIndex((a) => a.id === input.auId) : 0;
  if (index < 0) throw new AppError("not_found", "The course has no such AU");
  const au = course.aus[index];
  const activityId = auActivityId(input.pkg.id, index);
  const now = ctx.now();
  const fetchToken = randomBytes(32).toString("base64url");
  const sessionId = randomUUID();
  const launchMode = input.enrolmentId === null ? "Browse" : (input.launchMode ?? "Normal");
  const actor = employeeAgent(input.employeeId);

  let auUrl: string;
  if (au.remote) {
    auUrl = au.url;
  } else {
    const { token } = await createLaunch(ctx, {
      pkg: input.pkg,
      employeeId: input.employeeId,
      enrolmentId: input.enrolmentId,
      lessonId: input.lessonId,
      itemId: au.id,
      origins: input.origins,
    });
    auUrl = `${input.origins.content}/content/p/${token}/${au.url}`;
  }

  const registration = await ctx.db.transaction().execute(async (trx) => {
    const { reg, created } = await repo.findOrCreateRegistration(trx, {
      packageId: input.pkg.id,
      agencyId: input.pkg.agency_id,
      employeeId: input.employeeId,
      enrolmentId: input.enrolmentId ?? "",
      lessonId: input.lessonId,
      now: now.toISOString(),
    });
    if (created) await evaluateAtRegistration(trx, reg.id, course, now);
    await abandonOpenSessions(trx, input.pkg, reg.id, input.employeeId, now);
    await repo.insertSession(trx, {
      id: sessionId,
      registration_id: reg.id,
      au_id: au.id,
      au_activity_id: activityId,
      launch_mode: launchMode,
      mastery_score: au.masteryScore,
      move_on: au.moveOn,
      status: "launched",
      verbs: toJson([]),
      fetch_token_hash: hashFetchToken(fetchToken),
      fetch_used: 0,
      credential_key: null,
      expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
      launched_at: now.toISOString(),
      last_statement_at: null,
      ended_at: null,
    });
    const contextTemplate = {
      contextActivities: { grouping: [{ objectType: "Activity", id: au.id }] },
      extensions: { [EXT.sessionId]: sessionId },
    };
    const launchData = {
      contextTemplate,
      launchMode,
      moveOn: au.moveOn,
      returnURL: input.returnUrl,
      ...(au.launchParameters ? { launchParameters: au.launchParameters } : {}),
      ...(au.masteryScore !== null ? { masteryScore: au.masteryScore } : {}),
      ...(au.entitlementKey ? { entitlementKey: { courseStructure: au.entitlementKey } } : {}),
    };
    const key: docs.DocKey = { agencyId: input.pkg.agency_id, kind: "state", activityId, agentKey: employeeAgentKey(input.employeeId), registration: reg.id };
    const content = Buffer.from(JSON.stringify(launchData));
    await docs.deleteDocuments(trx, key, LAUNCH_DATA);
    await docs.insertDocument(trx, key, LAUNCH_DATA, {
      content_type: "application/json",
      content,
      etag: createHash("sha1").update(content).digest("hex"),
      updated: now.toISOString(),
    });
    await storeLmsStatements(trx, input.pkg.agency_id, [
      lmsStatement({
        verb: VERB.launched,
        actor,
        objectId: activityId,
        registration: reg.id,
        sessionId,
        publisherId: au.id,
        timestamp: now.toISOString(),
        extensions: {
          [EXT.launchMode]: launchMode,
          // The URL without the launch parameters, the AU's own query string kept (9.6.3.4).
          [EXT.launchUrl]: auUrl,
          [EXT.moveOn]: au.moveOn,
          ...(au.masteryScore !== null ? { [EXT.masteryScore]: au.masteryScore } : {}),
          ...(au.launchParameters ? { [EXT.launchParameters]: au.launchParameters } : {}),
        },
      }),
    ]);
    return reg.id;
  });

  const launchUrl = cmi5LaunchUrl(auUrl, {
    endpoint: `${input.origins.platform}/xapi/`,
    fetch: `${input.origins.platform}/cmi5/fetch/${fetchToken}`,
    actor: JSON.stringify(actor),
    registration,
    activityId,
  });
  return { launchUrl, registration, sessionId, auId: au.id };
}

/** cmi5 9.3.6: relaunching abandons the open session of the registration, with its duration. */
async function abandonOpenSessions(trx: Db, pkg: ContentPackage, registrationId: string, employeeId: string, now: Date): Promise<void> {
  const open = await repo.openSessions(trx, registrationId);
  for (const s of open) {
    const end = new Date(s.last_statement_at ?? s.launched_at);
    const seconds = Math.max(0, Math.round((end.getTime() - new Date(s.launched_at).getTime()) / 1000));
    await repo.endSession(trx, s.id, "abandoned", now.toISOString());
    await storeLmsStatements(trx, pkg.agency_id, [
      lmsStatement({
        verb: VERB.abandoned,
        actor: employeeAgent(employeeId),
        objectId: s.au_activity_id,
        registration: registrationId,
        sessionId: s.id,
        publisherId: s.au_id,
        timestamp: now.toISOString(),
        result: { duration: `PT${seconds}S` },
      }),
    ]);
  }
}
