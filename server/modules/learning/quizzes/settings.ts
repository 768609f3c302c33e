import type { z } from "zod";
import { toJson } from "../../../db/dialect.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { invalid, notFound } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { learningPolicy } from "../policies.js";
import { loadLesson } from "./access.js";
import { presentSettings } from "./presenter.js";
import * as repo from "./repository.js";
import type { QuizSettingsIn } from "./schema.js";

async function questionCount(ctx: Ctx, agencyId: string, draws: { bankId: string; count: number }[]): Promise<number> {
  const banks = await repo.questionIdsByBank(ctx.db, agencyId, [...new Set(draws.map((d) => d.bankId))]);
  return draws.reduce((s, d) => s + Math.min(d.count, banks.get(d.bankId)?.length ?? 0), 0);
}

/** A quiz lesson's settings: its authors (learning admins of the course's agency). */
export async function getQuizSettings(ctx: Ctx, lessonId: string) {
  const { course } = await loadLesson(ctx, lessonId, "quiz");
  authorize(learningPolicy.author(ctx.actor, course.agency_id), "Only learning admins see quiz settings");
  const s = await repo.getSettings(ctx.db, lessonId);
  if (!s) throw notFound("Quiz settings");
  const out = presentSettings(s, 0);
  return { ...out, questionCount: await questionCount(ctx, course.agency_id, out.draws) };
}

export async function putQuizSettings(ctx: Ctx, lessonId: string, input: z.infer<typeof QuizSettingsIn>) {
  const { course } = await loadLesson(ctx, lessonId, "quiz");
  authorize(learningPolicy.author(ctx.actor, course.agency_id), "Only learning admins edit quizzes");
  const bankIds = [...new Set(input.draws.map((d) => d.bankId))];
  const banks = await Promise.all(bankIds.map((id) => repo.getBank(ctx.db, id)));
  const known = new Set(bankIds.filter((_id, i) => banks[i]?.agency_id === course.agency_id));
  const errors = input.draws.flatMap((d, i) => (known.has(d.bankId) ? [] : [{ path: `draws.${i}.bankId`, message: "no such question bank" }]));
  if (errors.length) throw invalid(errors);
  const row = {
    lesson_id: lessonId,
    draws: toJson(input.draws),
    shuffle_questions: input.shuffleQuestions ? 1 : 0,
    shuffle_options: input.shuffleOptions ? 1 : 0,
    max_attempts: input.maxAttempts,
    time_limit_min: input.timeLimitMinutes,
    passing_score: input.passingScore,
    review: input.review,
    updated_by: ctx.actor.userId,
    updated_at: ctx.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertSettings(trx, row);
    await audit(trx, ctx, {
      action: "learning.quiz.configured",
      subjectType: "lesson",
      subjectId: lessonId,
      agencyId: course.agency_id,
      changes: { ...input },
    });
  });
  return { ...presentSettings(row, 0), questionCount: await questionCount(ctx, course.agency_id, input.draws) };
}
