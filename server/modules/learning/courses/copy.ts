import { fromJson, toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { invalid } from "../../../platform/errors.js";
import { loadAuthoredCourse } from "./load.js";
import { presentCourse } from "./presenter.js";
import * as repo from "./repository.js";
import { searchColumns } from "./service.js";

/** Copies what another part keeps per lesson (quiz settings, assignment briefs) to the copy's lessons. */
export type LessonCopier = (trx: Db, pairs: { fromLessonId: string; toLessonId: string }[], now: string) => Promise<void>;

const copiers: LessonCopier[] = [];

/** Register at start: every course copy then calls it inside its transaction. */
export function onLessonsCopied(copier: LessonCopier): () => void {
  copiers.push(copier);
  return () => {
    const i = copiers.indexOf(copier);
    if (i >= 0) copiers.splice(i, 1);
  };
}

/** A new draft course with the same outline (modules, lessons, settings); runs and enrolments are not copied. */
export async function copyCourse(ctx: Ctx, id: string, input: { code: string; title?: string }) {
  const source = await loadAuthoredCourse(ctx, id);
  const other = await repo.courseByCode(ctx.db, source.agency_id, input.code);
  if (other) throw invalid([{ path: "code", message: "another course has this code" }], "The course code is taken");
  const now = ctx.now().toISOString();
  const title = input.title ?? source.title;
  const course = {
    ...source,
    id: newId(),
    code: input.code,
    title,
    status: "draft" as const,
    completion_rule: toJson(fromJson(source.completion_rule)),
    prerequisite_ids: toJson(fromJson(source.prerequisite_ids)),
    ...searchColumns({ ...source, title, code: input.code }),
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
    published_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertCourse(trx, course);
    const pairs: { fromLessonId: string; toLessonId: string }[] = [];
    const modules = await repo.modulesOf(trx, source.id);
    const lessons = await repo.lessonsOf(trx, source.id);
    for (const m of modules) {
      const moduleId = newId();
      await repo.insertModule(trx, { ...m, id: moduleId, course_id: course.id, created_at: now, updated_at: now });
      for (const l of lessons.filter((x) => x.module_id === m.id)) {
        const lessonId = newId();
        await repo.insertLesson(trx, {
          ...l,
          id: lessonId,
          course_id: course.id,
          module_id: moduleId,
          config: toJson(fromJson(l.config)),
          created_at: now,
          updated_at: now,
        });
        pairs.push({ fromLessonId: l.id, toLessonId: lessonId });
      }
    }
    for (const c of copiers) await c(trx, pairs, now);
    await audit(trx, ctx, {
      action: "learning.course_copied",
      subjectType: "course",
      subjectId: course.id,
      agencyId: course.agency_id,
      changes: { from: source.id, code: course.code },
    });
  });
  return presentCourse(course);
}
