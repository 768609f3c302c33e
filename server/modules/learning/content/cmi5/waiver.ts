import { fromJson } from "../../../../db/dialect.js";
import { audit } from "../../../../platform/audit.js";
import type { Ctx } from "../../../../platform/context.js";
import { AppError, notFound } from "../../../../platform/errors.js";
import type { Cmi5Course } from "../../packages/cmi5.js";
import { learningPolicy } from "../../policies.js";
import { lessonPackage } from "../lesson-launch.js";
import * as repo from "./repository.js";
import { evaluateAtRegistration, type WaiveReason, waiveAu } from "./satisfaction.js";

/** The reasons cmi5 (9.3.7) allows for a waiver. */
export const WAIVE_REASONS = ["Tested Out", "Equivalent AU", "Equivalent Outside Activity", "Administrative"] as const satisfies readonly WaiveReason[];

/**
 * A learning admin of the agency waives one AU of a learner's cmi5 lesson: the
 * platform records "waived" (and "satisfied" for what it completes), the AU
 * then meets its moveOn, and the lesson completes when the course does. The
 * learner need not have opened the lesson: the registration is made here.
 */
export async function waiveLessonAu(ctx: Ctx, input: { enrolmentId: string; lessonId: string; auId: string; reason: WaiveReason }) {
  const { enrolment, lesson, pkg } = await lessonPackage(ctx, input.enrolmentId, input.lessonId, (e) => {
    if (!learningPolicy.visibleAgency(ctx.actor, e.agency_id)) throw notFound("Enrolment");
    if (!learningPolicy.manageRuns(ctx.actor, e.agency_id)) throw new AppError("forbidden", "Only the agency's learning admins waive part of a lesson");
  });
  if (pkg.standard !== "cmi5") throw new AppError("conflict", "Only an AU of a cmi5 lesson can be waived");
  const course = fromJson<Cmi5Course>(pkg.manifest);
  if (!course.aus.some((a) => a.id === input.auId)) throw notFound("AU");
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const { reg, created } = await repo.findOrCreateRegistration(trx, {
      packageId: pkg.id,
      agencyId: pkg.agency_id,
      employeeId: enrolment.employee_id,
      enrolmentId: enrolment.id,
      lessonId: lesson.id,
      now: now.toISOString(),
    });
    if (created) await evaluateAtRegistration(trx, reg.id, course, now);
    const { sessionId } = await waiveAu(trx, { registrationId: reg.id, auId: input.auId, reason: input.reason, now });
    await audit(trx, ctx, {
      action: "cmi5_au.waived",
      subjectType: "enrolment",
      subjectId: enrolment.id,
      agencyId: enrolment.agency_id,
      changes: { lessonId: lesson.id, auId: input.auId, reason: input.reason, registration: reg.id },
    });
    return { registration: reg.id, sessionId };
  });
}
