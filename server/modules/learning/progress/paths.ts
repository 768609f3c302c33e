import { newId } from "../../../db/ids.js";
import type { LearningPath } from "../../../db/schema-learning.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { invalid, notFound } from "../../../platform/errors.js";
import { agencyOf, authorize } from "../../org/policies.js";
import * as courseRepo from "../courses/repository.js";
import { learningPolicy } from "../policies.js";
import * as repo from "./repository.js";
import type { PathCreate, PathPatch } from "./schema.js";

function presentPath(p: LearningPath) {
  return { id: p.id, title: p.title, descriptionMd: p.description_md, competency: p.competency, status: p.status, updatedAt: p.updated_at };
}

async function loadPath(ctx: Ctx, id: string): Promise<LearningPath> {
  const p = await ctx.db.selectFrom("learning_paths").selectAll().where("id", "=", id).executeTakeFirst();
  if (!p || !learningPolicy.visibleAgency(ctx.actor, p.agency_id)) throw notFound("Learning path");
  if (p.status !== "published" && !learningPolicy.managePaths(ctx.actor, p.agency_id)) throw notFound("Learning path");
  return p;
}

/** The path's courses must be distinct courses of its agency. */
async function checkCourses(db: Db, agencyId: string, ids: string[]): Promise<void> {
  const found = await courseRepo.coursesByIds(db, ids);
  const errors = ids
    .map((id, i) =>
      ids.indexOf(id) !== i ? `${id} is listed twice` : found.some((c) => c.id === id && c.agency_id === agencyId) ? null : `unknown course ${id}`,
    )
    .filter((m): m is string => m !== null)
    .map((message) => ({ path: "courseIds", message }));
  if (errors.length > 0) throw invalid(errors);
}

/** The linked courses the viewer may see, in the given order: published ones, drafts too for authors. */
async function visibleCourses(ctx: Ctx, ids: string[]) {
  const courses = await courseRepo.coursesByIds(ctx.db, ids);
  return ids
    .map((id) => courses.find((c) => c.id === id))
    .filter((c) => c !== undefined)
    .filter((c) => c.status === "published" || learningPolicy.author(ctx.actor, c.agency_id));
}

/** The viewer's standing in each course: a completed enrolment wins, else the newest one. */
async function myStanding(ctx: Ctx, courseIds: string[]) {
  const me = ctx.actor.employeeId;
  const rows = me ? await repo.enrolmentsInCourses(ctx.db, me, courseIds) : [];
  const out = new Map<string, { id: string; status: string; progressPct: number }>();
  for (const r of rows) {
    const seen = out.get(r.course_id);
    if (!seen || (r.status === "completed" && seen.status !== "completed"))
      out.set(r.course_id, { id: r.id, status: r.status, progressPct: r.status === "completed" ? 100 : r.progress_pct });
  }
  return out;
}

/** Paths with how many of their courses the viewer has completed. */
export async function listPaths(ctx: Ctx, q: { agencyId?: string }) {
  const agencyId = agencyOf(ctx.actor, q.agencyId);
  let query = ctx.db.selectFrom("learning_paths").selectAll().where("agency_id", "=", agencyId);
  if (!learningPolicy.managePaths(ctx.actor, agencyId)) query = query.where("status", "=", "published");
  const paths = await query.orderBy("title").execute();
  const links = await repo.pathCourseIds(
    ctx.db,
    paths.map((p) => p.id),
  );
  const visible = new Set((await visibleCourses(ctx, [...new Set([...links.values()].flat())])).map((c) => c.id));
  const standing = await myStanding(ctx, [...visible]);
  return paths.map((p) => {
    const ids = (links.get(p.id) ?? []).filter((id) => visible.has(id));
    return { ...presentPath(p), courseCount: ids.length, completedCount: ids.filter((id) => standing.get(id)?.status === "completed").length };
  });
}

/**
 * A path with its courses in order and, for the viewer, their enrolment in
 * each (progress, completed): the next course to take is the first not completed.
 */
export async function getPath(ctx: Ctx, id: string) {
  const p = await loadPath(ctx, id);
  const links = await repo.pathCourseIds(ctx.db, [id]);
  const courses = await visibleCourses(ctx, links.get(id) ?? []);
  const standing = await myStanding(
    ctx,
    courses.map((c) => c.id),
  );
  const items = courses.map((c) => {
    const mine = standing.get(c.id) ?? null;
    return { id: c.id, code: c.code, title: c.title, jp: c.jp, status: c.status, completed: mine?.status === "completed", myEnrolment: mine };
  });
  const next = items.find((c) => !c.completed) ?? null;
  return { ...presentPath(p), courses: items, completedCount: items.filter((c) => c.completed).length, nextCourseId: next?.id ?? null };
}

async function writeCourses(trx: Db, pathId: string, ids: string[]): Promise<void> {
  await trx.deleteFrom("learning_path_courses").where("path_id", "=", pathId).execute();
  await trx
    .insertInto("learning_path_courses")
    .values(ids.map((course_id, i) => ({ path_id: pathId, course_id, ordinal: i + 1 })))
    .execute();
}

export async function createPath(ctx: Ctx, input: PathCreate & { agencyId?: string }) {
  const agencyId = agencyOf(ctx.actor, input.agencyId);
  authorize(learningPolicy.managePaths(ctx.actor, agencyId), "Only learning admins manage learning paths");
  await checkCourses(ctx.db, agencyId, input.courseIds);
  const now = ctx.now().toISOString();
  const row = {
    id: newId(),
    agency_id: agencyId,
    title: input.title,
    description_md: input.descriptionMd,
    competency: input.competency,
    status: input.status,
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto("learning_paths").values(row).execute();
    await writeCourses(trx, row.id, input.courseIds);
    await audit(trx, ctx, {
      action: "learning.path_created",
      subjectType: "learning_path",
      subjectId: row.id,
      agencyId,
      changes: { title: row.title, courseIds: input.courseIds },
    });
  });
  return getPath(ctx, row.id);
}

export async function patchPath(ctx: Ctx, id: string, input: PathPatch) {
  const p = await loadPath(ctx, id);
  authorize(learningPolicy.managePaths(ctx.actor, p.agency_id), "Only learning admins manage learning paths");
  if (input.courseIds) await checkCourses(ctx.db, p.agency_id, input.courseIds);
  const set = {
    title: input.title ?? p.title,
    description_md: input.descriptionMd ?? p.description_md,
    competency: input.competency === undefined ? p.competency : input.competency,
    status: input.status ?? p.status,
    updated_at: ctx.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable("learning_paths").set(set).where("id", "=", id).execute();
    if (input.courseIds) await writeCourses(trx, id, input.courseIds);
    await audit(trx, ctx, {
      action: "learning.path_updated",
      subjectType: "learning_path",
      subjectId: id,
      agencyId: p.agency_id,
      changes: { fields: Object.keys(input) },
    });
  });
  return getPath(ctx, id);
}

/** Deletes a path; its courses and everyone's enrolments in them stay. */
export async function deletePath(ctx: Ctx, id: string): Promise<void> {
  const p = await loadPath(ctx, id);
  authorize(learningPolicy.managePaths(ctx.actor, p.agency_id), "Only learning admins manage learning paths");
  const links = await repo.pathCourseIds(ctx.db, [id]);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("learning_path_courses").where("path_id", "=", id).execute();
    await trx.deleteFrom("learning_paths").where("id", "=", id).execute();
    await audit(trx, ctx, {
      action: "learning.path_deleted",
      subjectType: "learning_path",
      subjectId: id,
      agencyId: p.agency_id,
      changes: { title: p.title, courseIds: links.get(id) ?? [] },
    });
  });
}
