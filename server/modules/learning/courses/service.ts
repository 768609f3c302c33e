import { fromJson, toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { Course } from "../../../db/schema-learning.js";
import { audit, diff } from "../../../platform/audit.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { conflict, invalid } from "../../../platform/errors.js";
import { agencyOf, authorize } from "../../org/policies.js";
import { learningPolicy } from "../policies.js";
import { DEFAULT_RULE } from "../progress/completion.js";
import { searchText } from "../search/stem.js";
import { loadAuthoredCourse } from "./load.js";
import { presentCourse, presentOutline } from "./presenter.js";
import * as repo from "./repository.js";
import type { CourseCreate, CoursePatch } from "./schema.js";
import { lessonProblems } from "./validate.js";

/** The search columns of a course: stems of its words (see search/stem.ts). */
export function searchColumns(c: Pick<Course, "title" | "summary" | "topic" | "competency" | "code">) {
  return { search_text: searchText(c.title, c.summary, c.topic, c.competency, c.code), title_search: searchText(c.title) };
}

/** Prerequisites must be other courses of the same agency. */
async function checkPrerequisites(db: Db, agencyId: string, courseId: string | null, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const found = await repo.coursesByIds(db, unique);
  const bad = unique.filter((id) => id === courseId || !found.some((c) => c.id === id && c.agency_id === agencyId));
  if (bad.length > 0) throw invalid(bad.map((id) => ({ path: "prerequisiteIds", message: `unknown course ${id}` })));
}

async function checkCode(db: Db, agencyId: string, code: string, exceptId: string | null): Promise<void> {
  const other = await repo.courseByCode(db, agencyId, code);
  if (other && other.id !== exceptId) throw invalid([{ path: "code", message: "another course has this code" }], "The course code is taken");
}

export async function createCourse(ctx: Ctx, input: CourseCreate & { agencyId?: string }) {
  const agencyId = agencyOf(ctx.actor, input.agencyId);
  authorize(learningPolicy.author(ctx.actor, agencyId), "Only learning admins author courses");
  await checkCode(ctx.db, agencyId, input.code, null);
  await checkPrerequisites(ctx.db, agencyId, null, input.prerequisiteIds);
  const now = ctx.now().toISOString();
  const row = {
    id: newId(),
    agency_id: agencyId,
    code: input.code,
    title: input.title,
    summary: input.summary,
    description_md: input.descriptionMd,
    topic: input.topic,
    competency: input.competency,
    language: input.language,
    jp: input.jp,
    status: "draft" as const,
    completion_rule: toJson(input.completionRule ?? DEFAULT_RULE),
    prerequisite_ids: toJson([...new Set(input.prerequisiteIds)]),
    ...searchColumns(input),
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
    published_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertCourse(trx, row);
    await audit(trx, ctx, {
      action: "learning.course_created",
      subjectType: "course",
      subjectId: row.id,
      agencyId,
      changes: { code: row.code, title: row.title },
    });
  });
  return presentCourse({ ...row, completion_rule: row.completion_rule, prerequisite_ids: row.prerequisite_ids });
}

export async function patchCourse(ctx: Ctx, id: string, input: CoursePatch) {
  const before = await loadAuthoredCourse(ctx, id);
  if (input.code !== undefined) await checkCode(ctx.db, before.agency_id, input.code, id);
  if (input.prerequisiteIds) await checkPrerequisites(ctx.db, before.agency_id, id, input.prerequisiteIds);
  const merged = {
    code: input.code ?? before.code,
    title: input.title ?? before.title,
    summary: input.summary ?? before.summary,
    topic: input.topic === undefined ? before.topic : input.topic,
    competency: input.competency === undefined ? before.competency : input.competency,
  };
  const set = {
    ...merged,
    description_md: input.descriptionMd ?? before.description_md,
    language: input.language ?? before.language,
    jp: input.jp ?? before.jp,
    completion_rule: input.completionRule ? toJson(input.completionRule) : toJson(fromJson(before.completion_rule)),
    prerequisite_ids: input.prerequisiteIds ? toJson([...new Set(input.prerequisiteIds)]) : toJson(fromJson(before.prerequisite_ids)),
    ...searchColumns(merged),
    updated_at: ctx.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateCourse(trx, id, set);
    const changes = diff(before, set, ["updated_at", "search_text", "title_search", "description_md", "completion_rule", "prerequisite_ids"]);
    if (input.completionRule) changes.completion_rule = input.completionRule;
    if (input.prerequisiteIds) changes.prerequisite_ids = input.prerequisiteIds;
    await audit(trx, ctx, { action: "learning.course_updated", subjectType: "course", subjectId: id, agencyId: before.agency_id, changes });
  });
  return presentCourse({ ...before, ...set });
}

/** Publishes a draft: it needs lessons, each complete for its kind, and published prerequisites. */
export async function publishCourse(ctx: Ctx, id: string) {
  const course = await loadAuthoredCourse(ctx, id);
  if (course.status === "published") return presentCourse(course);
  const lessons = await repo.lessonsOf(ctx.db, id);
  if (lessons.length === 0) throw conflict("A course needs at least one lesson before it is published");
  const problems = lessons.flatMap((l) => lessonProblems(l).map((message) => ({ path: `lessons.${l.id}`, message })));
  if (problems.length > 0) throw invalid(problems, "Some lessons are not complete");
  const prereqs = await repo.coursesByIds(ctx.db, fromJson<string[]>(course.prerequisite_ids) ?? []);
  const unpublished = prereqs.filter((p) => p.status !== "published");
  if (unpublished.length > 0) throw conflict("Prerequisite courses must be published first", { courseIds: unpublished.map((p) => p.id) });
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateCourse(trx, id, { status: "published", published_at: now, updated_at: now });
    await audit(trx, ctx, {
      action: "learning.course_published",
      subjectType: "course",
      subjectId: id,
      agencyId: course.agency_id,
      changes: { status: [course.status, "published"] },
    });
  });
  return presentCourse({ ...course, status: "published", published_at: now, updated_at: now });
}

/** Back to draft (archived with `archive`): learners no longer find it; enrolments stay. */
export async function unpublishCourse(ctx: Ctx, id: string, archive = false) {
  const course = await loadAuthoredCourse(ctx, id);
  const status = archive ? ("archived" as const) : ("draft" as const);
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateCourse(trx, id, { status, updated_at: now });
    await audit(trx, ctx, {
      action: "learning.course_unpublished",
      subjectType: "course",
      subjectId: id,
      agencyId: course.agency_id,
      changes: { status: [course.status, status] },
    });
  });
  return presentCourse({ ...course, status, updated_at: now });
}

export async function listAdminCourses(ctx: Ctx, q: { status?: Course["status"]; page: number; pageSize: number; agencyId?: string }) {
  const agencyId = agencyOf(ctx.actor, q.agencyId);
  authorize(learningPolicy.author(ctx.actor, agencyId), "Only learning admins see drafts");
  const { rows, total } = await repo.listAdminCourses(ctx.db, { agencyId, status: q.status, page: q.page, pageSize: q.pageSize });
  return { items: rows.map(presentCourse), total, page: q.page, pageSize: q.pageSize };
}

/** The learner view of a course for its authors, drafts included, without an enrolment. */
export async function previewCourse(ctx: Ctx, id: string) {
  const course = await loadAuthoredCourse(ctx, id);
  const [modules, lessons] = await Promise.all([repo.modulesOf(ctx.db, id), repo.lessonsOf(ctx.db, id)]);
  return { course: presentCourse(course), outline: presentOutline(modules, lessons), preview: true };
}
