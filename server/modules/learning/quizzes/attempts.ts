import { randomBytes } from "node:crypto";
import { fromJson, toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { QuizAttempt, QuizSettings } from "../../../db/schema-learning-assessment.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { AppError, conflict, invalid, notFound } from "../../../platform/errors.js";
import { emitLearningEvent } from "../events.js";
import { authorizeView, loadEnrolment, loadOwnLesson } from "./access.js";
import type { WireAnswer } from "./answers.js";
import { readAnswer } from "./answers.js";
import { closeAttempt } from "./close.js";
import { drawQuestions, prng, shuffle } from "./draw.js";
import { presentAttempt, type Snapshot } from "./presenter.js";
import * as repo from "./repository.js";
import { scoreAnswer } from "./scoring.js";
import { deadlineOf, secondsLeft, withinTime } from "./timing.js";
import type { QuestionContent } from "./types.js";

const timeUp = (a: QuizAttempt) =>
  new AppError("conflict", "The time limit of this attempt has passed; it was closed with the answers saved before the deadline", {
    extra: { reason: "time_limit", attemptId: a.id },
  });

async function settingsOf(ctx: Ctx, lessonId: string): Promise<QuizSettings> {
  const s = await repo.getSettings(ctx.db, lessonId);
  if (!s) throw notFound("Quiz settings");
  return s;
}

/** Closes the learner's attempts whose time ran out (each in its own transaction). */
async function closeExpired(ctx: Ctx, attempts: QuizAttempt[]): Promise<void> {
  for (const a of attempts) {
    if (a.status === "open" && !withinTime(a.deadline_at, ctx.now())) {
      await ctx.db.transaction().execute((trx) => closeAttempt(trx, ctx, a.id, "time_limit"));
    }
  }
}

/** The order options, right sides or items are shown in. Ordering and matching are always mixed. */
function presentedOrder(c: QuestionContent, random: () => number, shuffleOptions: boolean): string[] {
  switch (c.kind) {
    case "single":
    case "multiple":
      return shuffleOptions
        ? shuffle(
            c.options.map((o) => o.id),
            random,
          )
        : c.options.map((o) => o.id);
    case "ordering":
      return shuffle(
        c.items.map((i) => i.id),
        random,
      );
    case "matching":
      return shuffle(
        c.pairs.map((p) => p.id),
        random,
      );
    default:
      return [];
  }
}

/**
 * Starts an attempt (201), or answers the attempt still open (200). Refused
 * (409) when the attempts allowed are used up or the quiz has no questions.
 */
export async function startAttempt(ctx: Ctx, enrolmentId: string, lessonId: string) {
  const ref = await loadOwnLesson(ctx, enrolmentId, lessonId, "quiz");
  const settings = await settingsOf(ctx, lessonId);
  await closeExpired(ctx, await repo.attemptsOf(ctx.db, enrolmentId, lessonId));
  return ctx.db.transaction().execute(async (trx) => {
    const attempts = await repo.attemptsOf(trx, enrolmentId, lessonId);
    const open = attempts.find((a) => a.status === "open");
    if (open) return { status: 200 as const, body: presentAttempt(open, await repo.itemsOf(trx, open.id), settings.review, false, ctx.now()) };
    if (settings.max_attempts !== null && attempts.length >= settings.max_attempts) {
      throw conflict(`All ${settings.max_attempts} attempts are used`, { reason: "attempts_exhausted" });
    }
    const draws = fromJson<{ bankId: string; count: number }[]>(settings.draws);
    const seed = randomBytes(8).toString("hex");
    const banks = await repo.questionIdsByBank(trx, ref.course.agency_id, [...new Set(draws.map((d) => d.bankId))]);
    const ids = drawQuestions(draws, banks, seed, settings.shuffle_questions === 1);
    if (ids.length === 0) throw conflict("This quiz has no questions yet", { reason: "no_questions" });
    const questions = new Map((await repo.questionsByIds(trx, ids)).map((q) => [q.id, q]));
    const startedAt = ctx.now().toISOString();
    const attempt: QuizAttempt = {
      id: newId(),
      agency_id: ref.enrolment.agency_id,
      enrolment_id: enrolmentId,
      lesson_id: lessonId,
      run_id: ref.enrolment.run_id,
      employee_id: ref.enrolment.employee_id,
      number: (attempts.at(-1)?.number ?? 0) + 1,
      seed,
      status: "open",
      closed_reason: null,
      started_at: startedAt,
      deadline_at: deadlineOf(startedAt, settings.time_limit_min),
      submitted_at: null,
      points: null,
      max_points: null,
      percent: null,
      passed: null,
      graded_by: null,
      graded_at: null,
    };
    await repo.insertAttempt(trx, attempt);
    const random = prng(`${seed}:options`);
    const items = ids.map((id, ordinal) => {
      const q = questions.get(id);
      if (!q) throw new AppError("internal", "A drawn question is missing");
      const content = fromJson<QuestionContent>(q.content);
      const snapshot: Snapshot = { kind: q.kind, prompt: q.prompt, points: q.points, content };
      return {
        attempt_id: attempt.id,
        question_id: id,
        ordinal,
        snapshot: toJson(snapshot),
        presented: toJson(presentedOrder(content, random, settings.shuffle_options === 1)),
        answer: null,
        answered_at: null,
        points: null,
        pending: 0,
        correct: null,
        feedback: null,
      };
    });
    await repo.insertItems(trx, items);
    await audit(trx, ctx, {
      action: "learning.quiz.started",
      subjectType: "quiz_attempt",
      subjectId: attempt.id,
      agencyId: attempt.agency_id,
      changes: { lessonId, number: attempt.number, questions: ids.length },
    });
    return { status: 201 as const, body: presentAttempt(attempt, await repo.itemsOf(trx, attempt.id), settings.review, false, ctx.now()) };
  });
}

async function loadOwnAttempt(ctx: Ctx, attemptId: string) {
  const attempt = await repo.getAttempt(ctx.db, attemptId);
  if (!attempt) throw notFound("Attempt");
  const ref = await loadEnrolment(ctx, attempt.enrolment_id).catch(() => {
    throw notFound("Attempt");
  });
  if (ctx.actor.employeeId !== attempt.employee_id) {
    authorizeView(ctx, { employeeId: attempt.employee_id, person: ref.person, run: ref.run });
    throw new AppError("forbidden", "Only the learner answers their attempt");
  }
  return attempt;
}

/** Saves one answer. After the time limit (and its grace) the attempt is closed instead and 409 answered. */
export async function saveAnswer(ctx: Ctx, attemptId: string, questionId: string, value: WireAnswer | null) {
  const attempt = await loadOwnAttempt(ctx, attemptId);
  if (attempt.status !== "open") throw conflict("This attempt is already submitted", { reason: "closed" });
  if (!withinTime(attempt.deadline_at, ctx.now())) {
    await ctx.db.transaction().execute((trx) => closeAttempt(trx, ctx, attempt.id, "time_limit"));
    throw timeUp(attempt);
  }
  const item = (await repo.itemsOf(ctx.db, attempt.id)).find((i) => i.question_id === questionId);
  if (!item) throw new AppError("unprocessable", "This question is not part of the attempt");
  const snapshot = fromJson<Snapshot>(item.snapshot);
  const answer = value === null ? null : readAnswer(snapshot.content, value);
  if (value !== null && answer === null) throw invalid([{ path: "answer", message: `not an answer to a ${snapshot.kind} question` }]);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const fresh = await repo.getAttempt(trx, attempt.id);
    if (fresh?.status !== "open") throw conflict("This attempt is already submitted", { reason: "closed" });
    await repo.updateItem(trx, attempt.id, questionId, { answer: answer === null ? null : toJson(answer), answered_at: at });
    await audit(trx, ctx, {
      action: "learning.quiz.answered",
      subjectType: "quiz_attempt",
      subjectId: attempt.id,
      agencyId: attempt.agency_id,
      changes: { questionId },
    });
    const s = scoreAnswer(snapshot, answer);
    await emitLearningEvent(trx, {
      kind: "quiz_answered",
      agencyId: attempt.agency_id,
      employeeId: attempt.employee_id,
      courseId: await repo.courseOfEnrolment(trx, attempt.enrolment_id),
      lessonId: attempt.lesson_id,
      attemptId: attempt.id,
      questionId,
      correct: answer === null ? false : s.pending ? null : s.correct,
      at,
    });
  });
  return { questionId, savedAt: at, secondsLeft: secondsLeft(attempt.deadline_at, ctx.now()) };
}

/** Submits the attempt: scored at once, or waiting for essay grades. Late: closed with what was saved, 409. */
export async function submitAttempt(ctx: Ctx, attemptId: string) {
  const attempt = await loadOwnAttempt(ctx, attemptId);
  if (attempt.status !== "open") throw conflict("This attempt is already submitted", { reason: "closed" });
  const late = !withinTime(attempt.deadline_at, ctx.now());
  await ctx.db.transaction().execute((trx) => closeAttempt(trx, ctx, attempt.id, late ? "time_limit" : "submitted"));
  if (late) throw timeUp(attempt);
  return getAttempt(ctx, attemptId);
}

/** An attempt for the learner (review as configured) or for facilitators and admins (everything). */
export async function getAttempt(ctx: Ctx, attemptId: string) {
  const found = await repo.getAttempt(ctx.db, attemptId);
  if (!found) throw notFound("Attempt");
  const ref = await loadEnrolment(ctx, found.enrolment_id).catch(() => {
    throw notFound("Attempt");
  });
  authorizeView(ctx, { employeeId: found.employee_id, person: ref.person, run: ref.run });
  await closeExpired(ctx, [found]);
  const attempt = (await repo.getAttempt(ctx.db, attemptId)) ?? found;
  const settings = await settingsOf(ctx, attempt.lesson_id);
  const full = ctx.actor.employeeId !== attempt.employee_id;
  return presentAttempt(attempt, await repo.itemsOf(ctx.db, attempt.id), settings.review, full, ctx.now());
}
