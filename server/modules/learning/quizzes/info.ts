import type { Ctx } from "../../../platform/context.js";
import { notFound } from "../../../platform/errors.js";
import { loadOwnLesson } from "./access.js";
import * as repo from "./repository.js";

/** What the learner needs before starting a quiz lesson (also part of the lesson page). */
export async function quizInfo(ctx: Ctx, enrolmentId: string, lessonId: string) {
  await loadOwnLesson(ctx, enrolmentId, lessonId, "quiz");
  const settings = await repo.getSettings(ctx.db, lessonId);
  if (!settings) throw notFound("Quiz settings");
  const attempts = await repo.attemptsOf(ctx.db, enrolmentId, lessonId);
  const graded = attempts.filter((a) => a.status === "graded");
  const showScore = settings.review !== "none";
  return {
    attemptsAllowed: settings.max_attempts,
    attemptsUsed: attempts.length,
    timeLimitMinutes: settings.time_limit_min,
    passingScore: settings.passing_score,
    bestScore: showScore && graded.length ? Math.max(...graded.map((a) => a.percent ?? 0)) : null,
    passed: graded.some((a) => a.passed === 1),
    openAttemptId: attempts.find((a) => a.status === "open")?.id ?? null,
    lastAttemptId: attempts.at(-1)?.id ?? null,
  };
}
