import { fromJson } from "../../../db/dialect.js";
import type { Ctx } from "../../../platform/context.js";
import { notFound } from "../../../platform/errors.js";
import { loadVisibleCourse } from "../courses/load.js";
import { presentCourse } from "../courses/presenter.js";
import * as courseRepo from "../courses/repository.js";
import { learningPolicy } from "../policies.js";
import * as runRepo from "../runs/repository.js";
import { presentRuns } from "../runs/service.js";
import { queryTerms } from "../search/stem.js";
import * as repo from "./repository.js";
import type { CatalogQuery } from "./schema.js";

function viewerAgency(ctx: Ctx): string {
  if (!ctx.actor.agencyId) throw notFound("Agency of this account");
  return ctx.actor.agencyId;
}

/** The catalog of the viewer's agency: published courses, Indonesian-aware search, filters; title matches first. */
export async function searchCatalog(ctx: Ctx, q: CatalogQuery) {
  const agencyId = viewerAgency(ctx);
  const terms = queryTerms(q.q ?? "");
  const { rows, total } = await repo.searchCatalog(ctx.db, agencyId, q, terms);
  const stats = await repo.lessonStats(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((c) => {
      const s = stats.get(c.id);
      return {
        id: c.id,
        code: c.code,
        title: c.title,
        summary: c.summary,
        topic: c.topic,
        competency: c.competency,
        language: c.language,
        jp: c.jp,
        formats: s?.formats ?? [],
        lessonCount: s?.lessons ?? 0,
        durationMin: s?.minutes ?? 0,
        publishedAt: c.published_at,
      };
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function catalogFacets(ctx: Ctx) {
  return repo.facets(ctx.db, viewerAgency(ctx));
}

/** A course page: outline (titles only), JP, prerequisites with the viewer's completion, runs with facilitators, the viewer's enrolment. */
export async function getCoursePage(ctx: Ctx, id: string) {
  const course = await loadVisibleCourse(ctx, id);
  const prereqIds = fromJson<string[]>(course.prerequisite_ids) ?? [];
  const [modules, lessons, prereqs, runs] = await Promise.all([
    courseRepo.modulesOf(ctx.db, id),
    courseRepo.lessonsOf(ctx.db, id),
    courseRepo.coursesByIds(ctx.db, prereqIds),
    runRepo.runsOf(ctx.db, id),
  ]);
  const me = ctx.actor.employeeId;
  const done = me ? await runRepo.completedCourseIds(ctx.db, me, prereqIds) : new Set<string>();
  const mine = me ? (await runRepo.enrolmentsOfEmployeeInCourse(ctx.db, id, me)).find((e) => e.status !== "withdrawn") : undefined;
  return {
    course: presentCourse(course),
    canAuthor: learningPolicy.author(ctx.actor, course.agency_id),
    outline: modules.map((m) => ({
      id: m.id,
      title: m.title,
      lessons: lessons
        .filter((l) => l.module_id === m.id)
        .map((l) => ({ id: l.id, kind: l.kind, title: l.title, durationMin: l.duration_min, required: l.required === 1 })),
    })),
    prerequisites: prereqIds.map((pid) => {
      const p = prereqs.find((x) => x.id === pid);
      return { id: pid, title: p?.title ?? "", completed: done.has(pid) };
    }),
    runs: await presentRuns(ctx.db, runs),
    myEnrolment: mine ? { id: mine.id, runId: mine.run_id, status: mine.status, progressPct: mine.progress_pct, dueOn: mine.due_on } : null,
  };
}
