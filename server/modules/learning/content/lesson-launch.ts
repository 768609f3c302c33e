import type { Engine } from "../../../config.js";
import { fromJson } from "../../../db/dialect.js";
import type { Ctx, Db, SystemCtx } from "../../../platform/context.js";
import { AppError, notFound } from "../../../platform/errors.js";
import { setDocumentGate } from "../../lrs/documents.js";
import { setStatementGate } from "../../lrs/statements-store.js";
import { getLesson } from "../courses/repository.js";
import type { LessonConfig } from "../courses/schema.js";
import { type Cmi5Course, pickLang } from "../packages/cmi5.js";
import type { ScormManifest } from "../packages/scorm.js";
import { recordLessonOutcome } from "../progress/service.js";
import { getEnrolment } from "../runs/repository.js";
import { cmi5BeforeStore, cmi5GuardsDocument } from "./cmi5/gate.js";
import { launchCmi5 } from "./cmi5/launch.js";
import * as cmi5Repo from "./cmi5/repository.js";
import * as repo from "./repository.js";
import { itemStatuses, type LessonOutcome, onContentOutcome } from "./runtime.js";
import { contentOriginFor, createLaunch } from "./service.js";

/**
 * Package outcomes move the lesson's progress (and through it the course, the
 * JP ledger and the certificate); the LRS asks the cmi5 rules before it
 * stores an AU's statements or lets it touch LMS.LaunchData.
 */
export function connectContentToProgress(engine: Engine): void {
  setStatementGate((trx, key, statements) => cmi5BeforeStore(trx, key, statements, new Date()));
  setDocumentGate((db, key, stateId) => cmi5GuardsDocument(db, key, stateId, true));
  onContentOutcome(async (trx: Db, o: LessonOutcome) => {
    // Inside the commit's transaction: every read of the progress goes through it.
    const system: SystemCtx = { db: trx as SystemCtx["db"], engine, requestId: null, ip: null, actor: null, now: () => new Date() };
    await recordLessonOutcome(trx, system, { enrolmentId: o.enrolmentId, lessonId: o.lessonId, completed: o.completed, score: o.score, passed: o.passed });
  });
}

type Enrolment = NonNullable<Awaited<ReturnType<typeof getEnrolment>>>;

/**
 * An enrolment, a SCORM or cmi5 lesson of its course and the lesson's package. `may` says whether the viewer
 * may act on the enrolment (it throws: not found or forbidden); a withdrawn enrolment is a conflict.
 */
export async function lessonPackage(ctx: Ctx, enrolmentId: string, lessonId: string, may: (enrolment: Enrolment) => void) {
  const enrolment = await getEnrolment(ctx.db, enrolmentId);
  if (!enrolment) throw notFound("Enrolment");
  may(enrolment);
  if (enrolment.status === "withdrawn") throw new AppError("conflict", "This enrolment was withdrawn");
  const lesson = await getLesson(ctx.db, lessonId);
  if (!lesson || lesson.course_id !== enrolment.course_id) throw notFound("Lesson");
  if (lesson.kind !== "scorm" && lesson.kind !== "cmi5") throw new AppError("conflict", "This lesson is not a content package");
  const packageId = fromJson<LessonConfig | null>(lesson.config)?.packageId;
  const pkg = packageId ? await repo.getPackage(ctx.db, packageId) : undefined;
  if (!pkg || pkg.agency_id !== enrolment.agency_id) throw new AppError("conflict", "The lesson's content package is missing");
  return { enrolment, lesson, pkg };
}

/** Only the learner opens their own lessons. */
function learnerOnly(ctx: Ctx) {
  return (enrolment: Enrolment) => {
    if (enrolment.agency_id !== ctx.actor.agencyId) throw notFound("Enrolment");
    if (enrolment.employee_id !== ctx.actor.employeeId) throw new AppError("forbidden", "Only the learner opens their own lessons");
  };
}

/** Opens a SCORM or cmi5 lesson: a player URL (SCORM) or the AU's launch URL (cmi5), and where each item stands. */
export async function launchLesson(
  ctx: Ctx,
  input: { enrolmentId: string; lessonId: string; itemId?: string; platformOrigin: string; contentOrigin: string | undefined },
) {
  const { enrolment, lesson, pkg } = await lessonPackage(ctx, input.enrolmentId, input.lessonId, learnerOnly(ctx));
  const employeeId = enrolment.employee_id;
  const origins = { platform: input.platformOrigin, content: contentOriginFor(input.contentOrigin, input.platformOrigin) };
  const lang = ctx.actor.locale === "en" ? "en" : "id";
  if (pkg.standard === "cmi5") {
    const course = fromJson<Cmi5Course>(pkg.manifest);
    const launched = await launchCmi5(ctx, {
      pkg,
      auId: input.itemId,
      employeeId,
      enrolmentId: enrolment.id,
      lessonId: lesson.id,
      origins,
      returnUrl: `${origins.platform}/learning/enrolments/${enrolment.id}/lessons/${lesson.id}`,
    });
    const reg = await cmi5Repo.getRegistration(ctx.db, launched.registration);
    const states = reg ? await cmi5Repo.auStates(ctx.db, reg.id) : [];
    return {
      standard: pkg.standard,
      url: launched.launchUrl,
      itemId: launched.auId,
      items: course.aus.map((a) => {
        const st = states.find((s) => s.au_id === a.id);
        return {
          id: a.id,
          title: pickLang(a.title, lang) || a.id,
          completion: st?.completed ? "completed" : st ? "incomplete" : "not_attempted",
          success: st?.passed ? "passed" : st?.failed ? "failed" : "unknown",
          score: st?.score_scaled === null || st?.score_scaled === undefined ? null : Math.round(st.score_scaled * 10000) / 100,
        };
      }),
    };
  }
  const manifest = fromJson<ScormManifest>(pkg.manifest);
  const itemId = input.itemId ?? manifest.launchable[0]?.identifier;
  if (!itemId || !manifest.launchable.some((i) => i.identifier === itemId)) throw new AppError("not_found", "The package has no such item");
  const { token, expiresAt } = await createLaunch(ctx, { pkg, employeeId, enrolmentId: enrolment.id, lessonId: lesson.id, itemId, origins });
  return {
    standard: pkg.standard,
    url: `${origins.content}/content/player/${token}?lang=${lang}&item=${encodeURIComponent(itemId)}`,
    itemId,
    expiresAt,
    items: await itemStatuses(ctx.db, pkg, manifest, { employee_id: employeeId, enrolment_id: enrolment.id }),
  };
}
