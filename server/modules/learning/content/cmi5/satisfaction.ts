import { randomUUID } from "node:crypto";
import { fromJson } from "../../../../db/dialect.js";
import type { Db } from "../../../../platform/context.js";
import { AppError } from "../../../../platform/errors.js";
import { employeeAgent } from "../../../lrs/agents.js";
import type { JsonObject } from "../../../lrs/validate/primitives.js";
import type { Cmi5Course } from "../../packages/cmi5.js";
import { getPackage } from "../repository.js";
import { emitContentOutcome } from "../runtime.js";
import { auActivityId, blockActivityId, courseActivityId } from "./ids.js";
import * as repo from "./repository.js";
import { EXT, moveOnMet, VERB } from "./rules.js";
import { lmsStatement, storeLmsStatements } from "./statements.js";

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

/**
 * cmi5 9.6.1: moveOn is evaluated when the registration is made, so blocks
 * and a course whose AUs are all NotApplicable are satisfied at once, under
 * a session id of their own (9.3.9: satisfied outside an AU session).
 */
export async function evaluateAtRegistration(trx: Db, registrationId: string, course: Cmi5Course, now: Date): Promise<void> {
  if (!course.aus.some((a) => a.moveOn === "NotApplicable")) return;
  await recordSatisfaction(trx, registrationId, randomUUID(), now);
}

/** The reasons cmi5 9.5.5.2 names for a waiver. */
export type WaiveReason = "Tested Out" | "Equivalent AU" | "Equivalent Outside Activity" | "Administrative";

/**
 * The LMS waives an AU of a registration (cmi5 9.3.7): one "waived"
 * statement with success, completion and the reason, under a new session id
 * that only the "satisfied" statements it causes share; the AU then counts
 * as meeting its moveOn. A second waiver of the same AU is refused.
 */
export async function waiveAu(
  trx: Db,
  input: { registrationId: string; auId: string; reason: WaiveReason | string; now: Date },
): Promise<{ sessionId: string }> {
  const reg = await repo.getRegistration(trx, input.registrationId);
  const pkg = reg ? await getPackage(trx, reg.package_id) : undefined;
  if (!reg || !pkg) throw new AppError("not_found", "The cmi5 registration is gone");
  const course = fromJson<Cmi5Course>(pkg.manifest);
  const index = course.aus.findIndex((a) => a.id === input.auId);
  if (index < 0) throw new AppError("not_found", "The course has no such AU");
  const reason = input.reason.trim();
  if (!reason) throw new AppError("validation_failed", "A waiver needs a reason");
  const au = course.aus[index];
  const state = (await repo.auStates(trx, reg.id)).find((s) => s.au_id === au.id);
  if (state?.waived === 1) throw new AppError("conflict", "This AU was already waived in the registration");
  const wasMet = moveOnMet(au.moveOn, { completed: state?.completed === 1, passed: state?.passed === 1, waived: false });
  const sessionId = randomUUID();
  const at = input.now.toISOString();
  await storeLmsStatements(trx, pkg.agency_id, [
    lmsStatement({
      verb: VERB.waived,
      actor: employeeAgent(reg.employee_id),
      objectId: auActivityId(pkg.id, index),
      registration: reg.id,
      sessionId,
      publisherId: au.id,
      timestamp: at,
      result: { success: true, completion: true, extensions: { [EXT.reason]: reason } },
    }),
  ]);
  await repo.upsertAuState(trx, reg.id, au.id, { waived: 1 }, at);
  if (!wasMet) await recordSatisfaction(trx, reg.id, sessionId, input.now);
  return { sessionId };
}
