import type { z } from "zod";
import { fromJson, toJson } from "../../../db/dialect.js";
import type { AssignmentSettings } from "../../../db/schema-learning-assessment.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { invalid, notFound } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { learningPolicy } from "../policies.js";
import { loadLesson } from "../quizzes/access.js";
import * as repo from "./repository.js";
import { type Criterion, rubricTotal } from "./rubric.js";
import type { AssignmentSettingsIn } from "./schema.js";

export function presentAssignmentSettings(s: AssignmentSettings) {
  const rubric = fromJson<Criterion[]>(s.rubric);
  return {
    lessonId: s.lesson_id,
    instructions: s.instructions_md,
    submissionType: s.submission,
    dueAt: s.due_at,
    rubric,
    passingScore: s.passing_score,
    allowResubmission: s.allow_resubmission === 1,
    maxPoints: rubric.length ? rubricTotal(rubric, {}).max : 100,
    updatedAt: s.updated_at,
  };
}

export async function getAssignmentSettings(ctx: Ctx, lessonId: string) {
  const { course } = await loadLesson(ctx, lessonId, "assignment");
  authorize(learningPolicy.author(ctx.actor, course.agency_id), "Only learning admins see assignment settings");
  const s = await repo.getSettings(ctx.db, lessonId);
  if (!s) throw notFound("Assignment settings");
  return presentAssignmentSettings(s);
}

export async function putAssignmentSettings(ctx: Ctx, lessonId: string, input: z.infer<typeof AssignmentSettingsIn>) {
  const { course } = await loadLesson(ctx, lessonId, "assignment");
  authorize(learningPolicy.author(ctx.actor, course.agency_id), "Only learning admins edit assignments");
  const ids = input.rubric.map((c) => c.id);
  if (new Set(ids).size !== ids.length) throw invalid([{ path: "rubric", message: "criterion ids must be unique" }]);
  const row = {
    lesson_id: lessonId,
    instructions_md: input.instructions,
    submission: input.submissionType,
    due_at: input.dueAt === null ? null : new Date(input.dueAt).toISOString(),
    rubric: toJson(input.rubric),
    passing_score: input.passingScore,
    allow_resubmission: input.allowResubmission ? 1 : 0,
    updated_by: ctx.actor.userId,
    updated_at: ctx.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertSettings(trx, row);
    await audit(trx, ctx, {
      action: "learning.assignment.configured",
      subjectType: "lesson",
      subjectId: lessonId,
      agencyId: course.agency_id,
      changes: { ...input },
    });
  });
  return presentAssignmentSettings(row);
}
