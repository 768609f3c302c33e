import type { Insertable, Updateable } from "kysely";
import type { Course, CourseModule, CourseModuleTable, CourseTable, Lesson, LessonTable } from "../../../db/schema-learning.js";
import type { Db } from "../../../platform/context.js";

export function getCourse(db: Db, id: string): Promise<Course | undefined> {
  return db.selectFrom("courses").selectAll().where("id", "=", id).executeTakeFirst();
}

export function coursesByIds(db: Db, ids: string[]): Promise<Course[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("courses").selectAll().where("id", "in", ids).execute();
}

export function courseByCode(db: Db, agencyId: string, code: string): Promise<Course | undefined> {
  return db.selectFrom("courses").selectAll().where("agency_id", "=", agencyId).where("code", "=", code).executeTakeFirst();
}

export async function insertCourse(db: Db, row: Insertable<CourseTable>): Promise<void> {
  await db.insertInto("courses").values(row).execute();
}

export async function updateCourse(db: Db, id: string, set: Updateable<CourseTable>): Promise<void> {
  await db.updateTable("courses").set(set).where("id", "=", id).execute();
}

export async function listAdminCourses(db: Db, f: { agencyId: string; status?: Course["status"]; page: number; pageSize: number }) {
  let q = db.selectFrom("courses").where("agency_id", "=", f.agencyId);
  if (f.status) q = q.where("status", "=", f.status);
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

// ---------- modules ----------

export function getModule(db: Db, id: string): Promise<CourseModule | undefined> {
  return db.selectFrom("course_modules").selectAll().where("id", "=", id).executeTakeFirst();
}

export function modulesOf(db: Db, courseId: string): Promise<CourseModule[]> {
  return db.selectFrom("course_modules").selectAll().where("course_id", "=", courseId).orderBy("ordinal").orderBy("id").execute();
}

export async function insertModule(db: Db, row: Insertable<CourseModuleTable>): Promise<void> {
  await db.insertInto("course_modules").values(row).execute();
}

export async function updateModule(db: Db, id: string, set: Updateable<CourseModuleTable>): Promise<void> {
  await db.updateTable("course_modules").set(set).where("id", "=", id).execute();
}

export async function deleteModule(db: Db, id: string): Promise<void> {
  await db.deleteFrom("lessons").where("module_id", "=", id).execute();
  await db.deleteFrom("course_modules").where("id", "=", id).execute();
}

export async function nextModuleOrdinal(db: Db, courseId: string): Promise<number> {
  const r = await db
    .selectFrom("course_modules")
    .select((eb) => eb.fn.max<number | null>("ordinal").as("m"))
    .where("course_id", "=", courseId)
    .executeTakeFirst();
  return (r?.m ?? 0) + 1;
}

export async function setModuleOrdinals(db: Db, ids: string[], now: string): Promise<void> {
  for (const [i, id] of ids.entries())
    await db
      .updateTable("course_modules")
      .set({ ordinal: i + 1, updated_at: now })
      .where("id", "=", id)
      .execute();
}

// ---------- lessons ----------

export function getLesson(db: Db, id: string): Promise<Lesson | undefined> {
  return db.selectFrom("lessons").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Lessons of a course in outline order (module order, then lesson order). */
export function lessonsOf(db: Db, courseId: string): Promise<Lesson[]> {
  return db
    .selectFrom("lessons")
    .innerJoin("course_modules", "course_modules.id", "lessons.module_id")
    .selectAll("lessons")
    .where("lessons.course_id", "=", courseId)
    .orderBy("course_modules.ordinal")
    .orderBy("lessons.ordinal")
    .orderBy("lessons.id")
    .execute();
}

export function lessonsOfModule(db: Db, moduleId: string): Promise<Lesson[]> {
  return db.selectFrom("lessons").selectAll().where("module_id", "=", moduleId).orderBy("ordinal").orderBy("id").execute();
}

export async function insertLesson(db: Db, row: Insertable<LessonTable>): Promise<void> {
  await db.insertInto("lessons").values(row).execute();
}

export async function updateLesson(db: Db, id: string, set: Updateable<LessonTable>): Promise<void> {
  await db.updateTable("lessons").set(set).where("id", "=", id).execute();
}

export async function deleteLesson(db: Db, id: string): Promise<void> {
  await db.deleteFrom("lessons").where("id", "=", id).execute();
}

export async function nextLessonOrdinal(db: Db, moduleId: string): Promise<number> {
  const r = await db
    .selectFrom("lessons")
    .select((eb) => eb.fn.max<number | null>("ordinal").as("m"))
    .where("module_id", "=", moduleId)
    .executeTakeFirst();
  return (r?.m ?? 0) + 1;
}

export async function setLessonOrdinals(db: Db, ids: string[], now: string): Promise<void> {
  for (const [i, id] of ids.entries())
    await db
      .updateTable("lessons")
      .set({ ordinal: i + 1, updated_at: now })
      .where("id", "=", id)
      .execute();
}

/** Whether anyone has started the course: lesson deletion is then refused. */
export async function hasProgress(db: Db, lessonIds: string[]): Promise<boolean> {
  if (lessonIds.length === 0) return false;
  const r = await db.selectFrom("lesson_progress").select("lesson_id").where("lesson_id", "in", lessonIds).limit(1).executeTakeFirst();
  return r !== undefined;
}
