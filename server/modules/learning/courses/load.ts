import type { Course } from "../../../db/schema-learning.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { notFound } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { learningPolicy } from "../policies.js";
import * as repo from "./repository.js";

/** A course of an agency the viewer belongs to (another agency's is not found). */
export async function loadCourse(ctx: Ctx, id: string, db: Db = ctx.db): Promise<Course> {
  const course = await repo.getCourse(db, id);
  if (!course || !learningPolicy.visibleAgency(ctx.actor, course.agency_id)) throw notFound("Course");
  return course;
}

/** A course the viewer may see: learners see published courses only (a draft is not found for them). */
export async function loadVisibleCourse(ctx: Ctx, id: string): Promise<Course> {
  const course = await loadCourse(ctx, id);
  if (!learningPolicy.viewCourse(ctx.actor, { agencyId: course.agency_id, status: course.status })) throw notFound("Course");
  return course;
}

/** A course the viewer may author. */
export async function loadAuthoredCourse(ctx: Ctx, id: string, db: Db = ctx.db): Promise<Course> {
  const course = await loadCourse(ctx, id, db);
  authorize(learningPolicy.author(ctx.actor, course.agency_id), "Only learning admins author courses");
  return course;
}

export async function loadAuthoredModule(ctx: Ctx, id: string) {
  const mod = await repo.getModule(ctx.db, id);
  if (!mod) throw notFound("Module");
  const course = await loadAuthoredCourse(ctx, mod.course_id);
  return { mod, course };
}

export async function loadAuthoredLesson(ctx: Ctx, id: string) {
  const lesson = await repo.getLesson(ctx.db, id);
  if (!lesson) throw notFound("Lesson");
  const course = await loadAuthoredCourse(ctx, lesson.course_id);
  return { lesson, course };
}
