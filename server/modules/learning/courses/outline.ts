import { fromJson, toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, invalid, notFound } from "../../../platform/errors.js";
import { loadAuthoredCourse, loadAuthoredLesson, loadAuthoredModule } from "./load.js";
import { presentLesson } from "./presenter.js";
import * as repo from "./repository.js";
import type { LessonCreate, LessonPatch } from "./schema.js";
import { checkLessonConfig } from "./validate.js";

/** The ids sent must be exactly the current children, each once. */
function checkSameSet(sent: string[], current: string[], what: string): void {
  const unknown = sent.filter((id) => !current.includes(id));
  const dupes = sent.filter((id, i) => sent.indexOf(id) !== i);
  const missing = current.filter((id) => !sent.includes(id));
  const errors = [
    ...unknown.map((id) => ({ path: "ids", message: `${id} is not a ${what} here` })),
    ...dupes.map((id) => ({ path: "ids", message: `${id} is listed twice` })),
    ...missing.map((id) => ({ path: "ids", message: `${id} is missing` })),
  ];
  if (errors.length > 0) throw invalid(errors, `The ids must be exactly this parent's ${what}s`);
}

export async function addModule(ctx: Ctx, courseId: string, title: string) {
  const course = await loadAuthoredCourse(ctx, courseId);
  const now = ctx.now().toISOString();
  const row = { id: newId(), course_id: courseId, ordinal: 0, title, created_at: now, updated_at: now };
  await ctx.db.transaction().execute(async (trx) => {
    row.ordinal = await repo.nextModuleOrdinal(trx, courseId);
    await repo.insertModule(trx, row);
    await audit(trx, ctx, {
      action: "learning.module_added",
      subjectType: "course",
      subjectId: courseId,
      agencyId: course.agency_id,
      changes: { moduleId: row.id, title },
    });
  });
  return { id: row.id, ordinal: row.ordinal, title, lessons: [] };
}

export async function renameModule(ctx: Ctx, id: string, title: string) {
  const { mod, course } = await loadAuthoredModule(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateModule(trx, id, { title, updated_at: ctx.now().toISOString() });
    await audit(trx, ctx, {
      action: "learning.module_updated",
      subjectType: "course",
      subjectId: course.id,
      agencyId: course.agency_id,
      changes: { moduleId: id, title: [mod.title, title] },
    });
  });
  return { id, ordinal: mod.ordinal, title };
}

export async function removeModule(ctx: Ctx, id: string): Promise<void> {
  const { course } = await loadAuthoredModule(ctx, id);
  const lessons = await repo.lessonsOfModule(ctx.db, id);
  if (
    await repo.hasProgress(
      ctx.db,
      lessons.map((l) => l.id),
    )
  )
    throw conflict("Learners have progress in this module's lessons");
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteModule(trx, id);
    await audit(trx, ctx, {
      action: "learning.module_removed",
      subjectType: "course",
      subjectId: course.id,
      agencyId: course.agency_id,
      changes: { moduleId: id, lessons: lessons.length },
    });
  });
}

export async function reorderModules(ctx: Ctx, courseId: string, ids: string[]) {
  const course = await loadAuthoredCourse(ctx, courseId);
  const current = await repo.modulesOf(ctx.db, courseId);
  checkSameSet(
    ids,
    current.map((m) => m.id),
    "module",
  );
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setModuleOrdinals(trx, ids, ctx.now().toISOString());
    await audit(trx, ctx, { action: "learning.modules_reordered", subjectType: "course", subjectId: courseId, agencyId: course.agency_id, changes: { ids } });
  });
  return { ids };
}

export async function addLesson(ctx: Ctx, moduleId: string, input: LessonCreate) {
  const { mod, course } = await loadAuthoredModule(ctx, moduleId);
  await checkLessonConfig(ctx.db, course.agency_id, input.kind, input.config);
  const now = ctx.now().toISOString();
  const row = {
    id: newId(),
    course_id: course.id,
    module_id: mod.id,
    ordinal: 0,
    kind: input.kind,
    title: input.title,
    body_md: input.bodyMd,
    config: toJson(input.config),
    required: input.required ? 1 : 0,
    duration_min: input.durationMin,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    row.ordinal = await repo.nextLessonOrdinal(trx, mod.id);
    await repo.insertLesson(trx, row);
    await audit(trx, ctx, {
      action: "learning.lesson_added",
      subjectType: "course",
      subjectId: course.id,
      agencyId: course.agency_id,
      changes: { lessonId: row.id, kind: row.kind, title: row.title },
    });
  });
  return presentLesson(row);
}

export async function patchLesson(ctx: Ctx, id: string, input: LessonPatch) {
  const { lesson, course } = await loadAuthoredLesson(ctx, id);
  if (input.config) await checkLessonConfig(ctx.db, course.agency_id, lesson.kind, input.config);
  const now = ctx.now().toISOString();
  let ordinal = lesson.ordinal;
  await ctx.db.transaction().execute(async (trx) => {
    if (input.moduleId && input.moduleId !== lesson.module_id) {
      const target = await repo.getModule(trx, input.moduleId);
      if (!target || target.course_id !== course.id) throw invalid([{ path: "moduleId", message: "not a module of this course" }]);
      ordinal = await repo.nextLessonOrdinal(trx, target.id);
    }
    const set = {
      title: input.title ?? lesson.title,
      body_md: input.bodyMd ?? lesson.body_md,
      config: toJson(input.config ?? fromJson(lesson.config)),
      required: input.required === undefined ? lesson.required : input.required ? 1 : 0,
      duration_min: input.durationMin ?? lesson.duration_min,
      module_id: input.moduleId ?? lesson.module_id,
      ordinal,
      updated_at: now,
    };
    await repo.updateLesson(trx, id, set);
    await audit(trx, ctx, {
      action: "learning.lesson_updated",
      subjectType: "course",
      subjectId: course.id,
      agencyId: course.agency_id,
      changes: { lessonId: id, fields: Object.keys(input) },
    });
  });
  const after = await repo.getLesson(ctx.db, id);
  if (!after) throw notFound("Lesson");
  return presentLesson(after);
}

export async function removeLesson(ctx: Ctx, id: string): Promise<void> {
  const { lesson, course } = await loadAuthoredLesson(ctx, id);
  if (await repo.hasProgress(ctx.db, [id])) throw conflict("Learners have progress in this lesson");
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteLesson(trx, id);
    await audit(trx, ctx, {
      action: "learning.lesson_removed",
      subjectType: "course",
      subjectId: course.id,
      agencyId: course.agency_id,
      changes: { lessonId: id, kind: lesson.kind, title: lesson.title },
    });
  });
}

export async function reorderLessons(ctx: Ctx, moduleId: string, ids: string[]) {
  const { course } = await loadAuthoredModule(ctx, moduleId);
  const current = await repo.lessonsOfModule(ctx.db, moduleId);
  checkSameSet(
    ids,
    current.map((l) => l.id),
    "lesson",
  );
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setLessonOrdinals(trx, ids, ctx.now().toISOString());
    await audit(trx, ctx, {
      action: "learning.lessons_reordered",
      subjectType: "course",
      subjectId: course.id,
      agencyId: course.agency_id,
      changes: { moduleId, ids },
    });
  });
  return { ids };
}
