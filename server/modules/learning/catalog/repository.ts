import { type Expression, type SqlBool, sql } from "kysely";
import type { Course, LessonKind } from "../../../db/schema-learning.js";
import type { Db } from "../../../platform/context.js";
import type { CatalogQuery } from "./schema.js";

/** Any of a word's stems at the start of a stored word (search texts are folded stems with a leading space). */
function anyStem(column: "courses.search_text" | "courses.title_search", stems: string[]): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.join(
    stems.map((s) => sql`${sql.ref(column)} like ${`% ${s}%`}`),
    sql` or `,
  )})`;
}

/** Published courses of the agency matching the filters and every query word; title matches rank first. */
export async function searchCatalog(db: Db, agencyId: string, f: CatalogQuery, terms: string[][]) {
  let q = db.selectFrom("courses").where("courses.agency_id", "=", agencyId).where("courses.status", "=", "published");
  if (f.topic) q = q.where("courses.topic", "=", f.topic);
  if (f.competency) q = q.where("courses.competency", "=", f.competency);
  if (f.language) q = q.where("courses.language", "=", f.language);
  if (f.jpMin !== undefined) q = q.where("courses.jp", ">=", f.jpMin);
  if (f.jpMax !== undefined) q = q.where("courses.jp", "<=", f.jpMax);
  const format = f.format;
  if (format) {
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom("lessons").select("lessons.id").whereRef("lessons.course_id", "=", "courses.id").where("lessons.kind", "=", format)),
    );
  }
  for (const stems of terms) q = q.where(anyStem("courses.search_text", stems));
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rank =
    terms.length === 0
      ? sql<number>`0`
      : sql<number>`(${sql.join(
          terms.map((stems) => sql`case when ${anyStem("courses.title_search", stems)} then 1 else 0 end`),
          sql` + `,
        )})`;
  const rows = await q
    .selectAll("courses")
    .select(rank.as("rank"))
    .orderBy("rank", "desc")
    .orderBy("courses.published_at", "desc")
    .orderBy("courses.id")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows: rows as (Course & { rank: number })[], total: Number(total.n) };
}

/** Per course: the lesson kinds, lesson count and total minutes. */
export async function lessonStats(db: Db, courseIds: string[]) {
  const out = new Map<string, { formats: LessonKind[]; lessons: number; minutes: number }>();
  if (courseIds.length === 0) return out;
  const rows = await db
    .selectFrom("lessons")
    .select(["course_id", "kind", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.sum<number>("duration_min").as("minutes")])
    .where("course_id", "in", courseIds)
    .groupBy(["course_id", "kind"])
    .execute();
  for (const r of rows) {
    const s = out.get(r.course_id) ?? { formats: [], lessons: 0, minutes: 0 };
    s.formats.push(r.kind);
    s.lessons += Number(r.n);
    s.minutes += Number(r.minutes ?? 0);
    out.set(r.course_id, s);
  }
  for (const s of out.values()) s.formats.sort();
  return out;
}

export async function facets(db: Db, agencyId: string) {
  const published = db.selectFrom("courses").where("agency_id", "=", agencyId).where("status", "=", "published");
  const count = (column: "topic" | "competency" | "language") =>
    published
      .select([column, (eb) => eb.fn.countAll<number>().as("n")])
      .where(column, "is not", null)
      .groupBy(column)
      .orderBy(column)
      .execute();
  const [topics, competencies, languages, formats] = await Promise.all([
    count("topic"),
    count("competency"),
    count("language"),
    db
      .selectFrom("lessons")
      .innerJoin("courses", "courses.id", "lessons.course_id")
      .select(["lessons.kind", (eb) => eb.fn.count<number>("courses.id").distinct().as("n")])
      .where("courses.agency_id", "=", agencyId)
      .where("courses.status", "=", "published")
      .groupBy("lessons.kind")
      .orderBy("lessons.kind")
      .execute(),
  ]);
  return {
    topics: topics.map((r) => ({ value: r.topic as string, count: Number(r.n) })),
    competencies: competencies.map((r) => ({ value: r.competency as string, count: Number(r.n) })),
    languages: languages.map((r) => ({ value: r.language, count: Number(r.n) })),
    formats: formats.map((r) => ({ value: r.kind, count: Number(r.n) })),
  };
}
