import { fromJson } from "../../../../db/dialect.js";
import type { Db } from "../../../../platform/context.js";
import { employeeAgent } from "../../../lrs/agents.js";
import { forbidden } from "../../../lrs/errors.js";
import type { JsonObject } from "../../../lrs/validate/primitives.js";
import type { Cmi5Course } from "../../packages/cmi5.js";
import { getPackage } from "../repository.js";
import { emitContentOutcome } from "../runtime.js";
import { blockActivityId, courseActivityId, LAUNCH_DATA } from "./launch.js";
import * as repo from "./repository.js";
import { cmi5Problem, isCmi5Defined, type MoveOn, moveOnMet, type SessionFacts, VERB } from "./rules.js";
import { lmsStatement, storeLmsStatements } from "./statements.js";

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

/** "satisfied" for each block and the course whose AUs all meet moveOn (once each), then the lesson outcome. */
export async function recordSatisfaction(trx: Db, registrationId: string, sessionId: string, now: Date): Promise<void> {
  const reg = await repo.getRegistration(trx, registrationId);
  if (!reg) return;
  const pkg = await getPackage(trx, reg.package_id);
  if (!pkg) return;
  const course = fromJson<Cmi5Course>(pkg.manifest);
  const states = await repo.auStates(trx, reg.id);
  const met = (auId: string) => {
    const au = course.aus.find((a) => a.id === auId);
    const st = states.find((s) => s.au_id === auId);
    return au ? moveOnMet(au.moveOn, { completed: st?.completed === 1, passed: st?.passed === 1, waived: st?.waived === 1 }) : false;
  };
  const at = now.toISOString();
  const actor = employeeAgent(reg.employee_id);
  const done = new Set(fromJson<string[]>(reg.satisfied_blocks) ?? []);
  const statements: JsonObject[] = [];
  course.blocks.forEach((block, i) => {
    if (done.has(block.id)) return;
    const inside = course.aus.filter((a) => a.blocks.includes(block.id));
    if (inside.length > 0 && inside.every((a) => met(a.id))) {
      done.add(block.id);
      statements.push(
        lmsStatement({
          verb: VERB.satisfied,
          actor,
          objectId: blockActivityId(pkg.id, i),
          objectType: "block",
          registration: reg.id,
          sessionId,
          publisherId: block.id,
          timestamp: at,
        }),
      );
    }
  });
  const courseMet = course.aus.every((a) => met(a.id));
  if (courseMet && !reg.satisfied_at) {
    statements.push(
      lmsStatement({
        verb: VERB.satisfied,
        actor,
        objectId: courseActivityId(pkg.id),
        objectType: "course",
        registration: reg.id,
        sessionId,
        publisherId: course.id,
        timestamp: at,
      }),
    );
  }
  if (statements.length > 0) await storeLmsStatements(trx, pkg.agency_id, statements);
  await repo.markSatisfied(trx, reg.id, [...done], courseMet && !reg.satisfied_at ? at : null);
  if (reg.enrolment_id && reg.lesson_id) {
    const scores = states.map((s) => s.score_scaled).filter((s): s is number => s !== null);
    await emitContentOutcome(trx, {
      agencyId: pkg.agency_id,
      employeeId: reg.employee_id,
      enrolmentId: reg.enrolment_id,
      lessonId: reg.lesson_id,
      completed: courseMet,
      score: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10000) / 100 : null,
      passed: states.some((s) => s.failed === 1 && s.passed === 0) ? false : states.some((s) => s.passed === 1) ? true : null,
    });
  }
}

/** The AU may not change the LMS.LaunchData document (cmi5 10.2.1). */
export async function cmi5GuardsDocument(trx: Db, credentialKey: string, stateId: string | null, writing: boolean): Promise<void> {
  if (!writing || (stateId !== LAUNCH_DATA && stateId !== null)) return;
  const session = await repo.sessionByCredential(trx, credentialKey);
  if (session) throw forbidden("cmi5: the AU may not change or delete LMS.LaunchData");
}
