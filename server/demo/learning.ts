import { toJson } from "../db/dialect.js";
import { newId } from "../db/ids.js";
import type { CourseRunTable, LessonKind } from "../db/schema-learning.js";
import { searchColumns } from "../modules/learning/courses/service.js";
import { recordLessonOutcome } from "../modules/learning/progress/service.js";
import { enrolOne } from "../modules/learning/runs/enrol.js";
import { addDays, agencyToday } from "../modules/learning/runs/repository.js";
import type { Db, SystemCtx } from "../platform/context.js";
import { DEMO_EMAIL_DOMAIN } from "./accounts.js";
import { COURSES, type DemoCourse, QUESTIONS } from "./learning-courses.js";

async function employeeByEmail(db: Db, key: string) {
  return db.selectFrom("employees").select(["id", "agency_id", "unit_id"]).where("email", "=", `${key}@${DEMO_EMAIL_DOMAIN}`).executeTakeFirst();
}

/** Quiz settings and a bank of single-choice questions for the course's quiz lesson. */
async function seedQuiz(db: Db, agencyId: string, course: DemoCourse, lessonId: string, now: string): Promise<void> {
  const bankId = newId();
  await db
    .insertInto("question_banks")
    .values({
      id: bankId,
      agency_id: agencyId,
      title: `Bank soal ${course.code}`,
      description: course.title,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const questions = QUESTIONS[course.code] ?? [];
  for (const [i, q] of questions.entries()) {
    const options = q.options.map((text, j) => ({ id: `o${j + 1}`, text }));
    await db
      .insertInto("questions")
      .values({
        id: newId(),
        bank_id: bankId,
        agency_id: agencyId,
        kind: "single",
        prompt: q.prompt,
        points: 1,
        content: toJson({ kind: "single", options, correct: options[q.correct].id }),
        ordinal: i + 1,
        archived: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  await db
    .insertInto("quiz_settings")
    .values({
      lesson_id: lessonId,
      draws: toJson([{ bankId, count: questions.length }]),
      shuffle_questions: 1,
      shuffle_options: 1,
      max_attempts: 3,
      time_limit_min: 15,
      passing_score: 70,
      review: "answers",
      updated_by: null,
      updated_at: now,
    })
    .execute();
}

async function seedAssignment(db: Db, lessonId: string, title: string, now: string): Promise<void> {
  await db
    .insertInto("assignment_settings")
    .values({
      lesson_id: lessonId,
      instructions_md: `${title}: unggah dokumen atau tulis jawaban Anda.`,
      submission: "both",
      due_at: null,
      rubric: toJson([]),
      passing_score: 70,
      allow_resubmission: 1,
      updated_by: null,
      updated_at: now,
    })
    .execute();
}

/** Inserts a course with its outline; returns its id and lesson ids by kind. */
async function seedCourse(db: Db, agencyId: string, c: DemoCourse, createdBy: string | null, now: string) {
  const id = newId();
  await db
    .insertInto("courses")
    .values({
      id,
      agency_id: agencyId,
      code: c.code,
      title: c.title,
      summary: c.summary,
      description_md: `${c.summary}\n\nKursus ini bernilai **${c.jp} JP**.`,
      topic: c.topic,
      competency: c.competency,
      language: "id",
      jp: c.jp,
      status: c.status,
      completion_rule: toJson({ requireAllLessons: true, requireQuizzesPassed: true, minScore: null }),
      prerequisite_ids: toJson([]),
      ...searchColumns(c),
      created_by: createdBy,
      created_at: now,
      updated_at: now,
      published_at: c.status === "published" ? now : null,
    })
    .execute();
  const lessons: { id: string; kind: LessonKind }[] = [];
  for (const [mi, m] of c.modules.entries()) {
    const moduleId = newId();
    await db
      .insertInto("course_modules")
      .values({ id: moduleId, course_id: id, ordinal: mi + 1, title: m.title, created_at: now, updated_at: now })
      .execute();
    for (const [li, l] of m.lessons.entries()) {
      const lessonId = newId();
      await db
        .insertInto("lessons")
        .values({
          id: lessonId,
          course_id: id,
          module_id: moduleId,
          ordinal: li + 1,
          kind: l.kind,
          title: l.title,
          body_md: l.body ?? "",
          config: toJson(l.config ?? {}),
          required: 1,
          duration_min: l.minutes,
          created_at: now,
          updated_at: now,
        })
        .execute();
      if (l.kind === "quiz") await seedQuiz(db, agencyId, c, lessonId, now);
      if (l.kind === "assignment") await seedAssignment(db, lessonId, l.title, now);
      lessons.push({ id: lessonId, kind: l.kind });
    }
  }
  return { id, lessons };
}

/**
 * The demo's learning: five courses (one a draft) with text, video, PDF, link,
 * live, quiz and assignment lessons; a self-paced run of each published
 * course and a cohort run of the digital course led by the demo facilitator;
 * enrolments of the demo employee (one course completed, one under way) and
 * of colleagues; a mandatory rule for new hires; a learning path.
 */
export async function seedDemoLearning(ctx: SystemCtx): Promise<void> {
  const agency = await ctx.db.selectFrom("agencies").select("id").orderBy("created_at").limit(1).executeTakeFirst();
  if (!agency) return;
  const [admin, facilitator, learner] = await Promise.all([
    employeeByEmail(ctx.db, "pembelajaran"),
    employeeByEmail(ctx.db, "fasilitator"),
    employeeByEmail(ctx.db, "pegawai"),
  ]);
  const adminUser = admin ? await ctx.db.selectFrom("users").select("id").where("employee_id", "=", admin.id).executeTakeFirst() : undefined;
  const now = ctx.now().toISOString();
  const today = await agencyToday(ctx.db, agency.id, ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    const courses = new Map<string, { id: string; lessons: { id: string; kind: LessonKind }[]; runId: string | null }>();
    for (const c of COURSES) {
      const seeded = await seedCourse(trx, agency.id, c, adminUser?.id ?? null, now);
      let runId: string | null = null;
      if (c.status === "published") {
        runId = newId();
        const run: CourseRunTable = {
          id: runId,
          course_id: seeded.id,
          agency_id: agency.id,
          kind: "self_paced",
          title: "Belajar mandiri",
          starts_on: null,
          ends_on: null,
          enrol_open: 1,
          self_paced_days: 90,
          capacity: null,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto("course_runs").values(run).execute();
      }
      courses.set(c.code, { ...seeded, runId });
    }
    const dig = courses.get("DIG-201");
    let cohortId: string | null = null;
    if (dig) {
      cohortId = newId();
      const cohort: CourseRunTable = {
        id: cohortId,
        course_id: dig.id,
        agency_id: agency.id,
        kind: "cohort",
        title: "Angkatan I",
        starts_on: addDays(today, -7),
        ends_on: addDays(today, 30),
        enrol_open: 1,
        self_paced_days: null,
        capacity: 40,
        created_at: now,
        updated_at: now,
      };
      await trx.insertInto("course_runs").values(cohort).execute();
      if (facilitator) await trx.insertInto("run_facilitators").values({ run_id: cohortId, employee_id: facilitator.id }).execute();
    }
    const runRow = (id: string | null) => (id ? trx.selectFrom("course_runs").selectAll().where("id", "=", id).executeTakeFirstOrThrow() : null);

    if (learner) {
      // Completed earlier: integrity (credited to this year's JP); under way: public service; in the cohort: digital.
      const etk = courses.get("ETK-101");
      const etkRun = await runRow(etk?.runId ?? null);
      if (etk && etkRun) {
        const { enrolment } = await enrolOne(trx, ctx, { run: etkRun, person: learner, source: "self", dueOn: addDays(today, 60) });
        for (const l of etk.lessons) {
          const quiz = l.kind === "quiz";
          await recordLessonOutcome(trx, ctx, {
            enrolmentId: enrolment.id,
            lessonId: l.id,
            completed: true,
            score: quiz ? 100 : null,
            passed: quiz ? true : null,
          });
        }
      }
      const pp = courses.get("PP-101");
      const ppRun = await runRow(pp?.runId ?? null);
      if (pp && ppRun) {
        const { enrolment } = await enrolOne(trx, ctx, { run: ppRun, person: learner, source: "assigned", dueOn: addDays(today, 21) });
        const text = pp.lessons.find((l) => l.kind === "text");
        if (text) await recordLessonOutcome(trx, ctx, { enrolmentId: enrolment.id, lessonId: text.id, completed: true, score: null, passed: null });
      }
    }
    const cohortRun = await runRow(cohortId);
    if (cohortRun) {
      const people = await trx
        .selectFrom("employees")
        .select(["id", "agency_id", "unit_id"])
        .where("agency_id", "=", agency.id)
        .where("status", "=", "active")
        .where("id", "!=", facilitator?.id ?? "")
        .orderBy("id")
        .limit(12)
        .execute();
      for (const p of learner ? [learner, ...people.filter((x) => x.id !== learner.id)] : people) {
        await enrolOne(trx, ctx, { run: cohortRun, person: p, source: "assigned", dueOn: cohortRun.ends_on });
      }
    }
    const etk = courses.get("ETK-101");
    if (etk?.runId) {
      await trx
        .insertInto("enrolment_rules")
        .values({
          id: newId(),
          agency_id: agency.id,
          run_id: etk.runId,
          course_id: etk.id,
          name: "Pegawai baru: Etika dan Integritas ASN",
          unit_id: null,
          position_name: null,
          new_hire_months: 12,
          due_days: 60,
          active: 1,
          created_by: adminUser?.id ?? null,
          created_at: now,
          updated_at: now,
          last_applied_at: null,
        })
        .execute();
    }
    const pathCourses = ["PP-101", "DIG-201"].map((code) => courses.get(code)?.id).filter((id): id is string => id !== undefined);
    const pathId = newId();
    await trx
      .insertInto("learning_paths")
      .values({
        id: pathId,
        agency_id: agency.id,
        title: "Jalur Pelayanan Digital",
        description_md: "Dari pelayanan prima ke layanan digital terpadu.",
        competency: "Pelayanan Publik",
        status: "published",
        created_by: adminUser?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto("learning_path_courses")
      .values(pathCourses.map((course_id, i) => ({ path_id: pathId, course_id, ordinal: i + 1 })))
      .execute();
  });
}
