import { fromJson } from "../../../../db/dialect.js";
import type { Db } from "../../../../platform/context.js";
import { forbidden } from "../../../lrs/errors.js";
import type { JsonObject } from "../../../lrs/validate/primitives.js";
import { LAUNCH_DATA } from "./ids.js";
import * as repo from "./repository.js";
import { cmi5Problem, isCmi5Defined, type MoveOn, moveOnMet, type SessionFacts, VERB } from "./rules.js";
import { recordSatisfaction } from "./satisfaction.js";

/**
 * The LRS asks here before it stores statements sent with the credentials of
 * a cmi5 launch: each statement must follow the cmi5 rules for its session
 * (else 403 and nothing is stored). Accepted statements move the session and
 * the AU's state on; when moveOn is met the LMS records "satisfied" for the
 * blocks and the course, and the lesson progress hears of it.
 */
export async function cmi5BeforeStore(trx: Db, credentialKey: string, statements: JsonObject[], now: Date): Promise<void> {
  const session = await repo.sessionByCredential(trx, credentialKey);
  if (!session) return;
  const reg = await repo.getRegistration(trx, session.registration_id);
  if (!reg) return;
  const states = await repo.auStates(trx, reg.id);
  const mine = states.find((s) => s.au_id === session.au_id);
  const regFacts = { completed: mine?.completed === 1, passed: mine?.passed === 1 };
  const facts: SessionFacts = {
    sessionId: session.id,
    registration: reg.id,
    auActivityId: session.au_activity_id,
    publisherId: session.au_id,
    launchMode: session.launch_mode,
    masteryScore: session.mastery_score,
    status: session.status,
    verbsInSession: fromJson<string[]>(session.verbs) ?? [],
  };
  const ordered = statements
    .map((s, i) => ({ s, i, t: typeof s.timestamp === "string" ? Date.parse(s.timestamp) : Number.NaN }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? a.i - b.i : a.t - b.t || a.i - b.i));
  let score: number | null = mine?.score_scaled ?? null;
  let failed = mine?.failed === 1;
  for (const { s } of ordered) {
    const problem = cmi5Problem(s, facts, regFacts);
    if (problem) throw forbidden(`cmi5: ${problem}`);
    const verb = typeof s.verb === "object" && s.verb !== null && !Array.isArray(s.verb) ? String(s.verb.id) : "";
    if (verb === VERB.initialized) facts.status = "initialized";
    if (isCmi5Defined(s)) facts.verbsInSession.push(verb);
    if (verb === VERB.terminated) facts.status = "terminated";
    if (verb === VERB.completed) regFacts.completed = true;
    if (verb === VERB.passed) regFacts.passed = true;
    if (verb === VERB.failed) failed = true;
    const result = s.result;
    if ((verb === VERB.passed || verb === VERB.failed) && typeof result === "object" && result !== null && !Array.isArray(result)) {
      const sc = result.score;
      if (typeof sc === "object" && sc !== null && !Array.isArray(sc) && typeof sc.scaled === "number") score = sc.scaled;
    }
  }
  const at = now.toISOString();
  await repo.updateSession(trx, session.id, {
    status: facts.status,
    verbs: facts.verbsInSession,
    last_statement_at: at,
    ended_at: facts.status === "terminated" ? at : null,
  });
  if (facts.launchMode !== "Normal") return;
  const wasMet = mine ? moveOnMet(session.move_on as MoveOn, { completed: mine.completed === 1, passed: mine.passed === 1, waived: mine.waived === 1 }) : false;
  await repo.upsertAuState(
    trx,
    reg.id,
    session.au_id,
    { completed: regFacts.completed ? 1 : 0, passed: regFacts.passed ? 1 : 0, failed: failed ? 1 : 0, score_scaled: score },
    at,
  );
  const nowMet = moveOnMet(session.move_on as MoveOn, { completed: regFacts.completed, passed: regFacts.passed, waived: mine?.waived === 1 });
  if (nowMet && !wasMet) await recordSatisfaction(trx, reg.id, session.id, now);
}

/** The AU may not change the LMS.LaunchData document (cmi5 10.2.1). */
export async function cmi5GuardsDocument(trx: Db, credentialKey: string, stateId: string | null, writing: boolean): Promise<void> {
  if (!writing || (stateId !== LAUNCH_DATA && stateId !== null)) return;
  const session = await repo.sessionByCredential(trx, credentialKey);
  if (session) throw forbidden("cmi5: the AU may not change or delete LMS.LaunchData");
}
