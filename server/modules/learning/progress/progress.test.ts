import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SystemCtx } from "../../../platform/context.js";
import { ENGINES } from "../../../test/engines.js";
import { createTestApp, type TestApp } from "../../../test/harness.js";
import { type LearningEvent, onLearningEvent } from "../events.js";
import { buildCourse, buildLearningWorld, L, type LearningWorld, ok, selfPacedRun } from "../test-support.js";
import { recordLessonOutcome } from "./service.js";

describe.each(ENGINES)("learning progress on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  let events: LearningEvent[] = [];
  let off: () => void = () => {};
  beforeAll(async () => {
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
    off = onLearningEvent(async (_trx, e) => {
      events.push(e);
    });
  });
  afterEach(() => {
    events = [];
  });
  afterAll(async () => {
    off();
    await t.close();
  });

  const enrol = async (kinds: string[], code: string, o: { rule?: Record<string, unknown>; jp?: number } = {}) => {
    const course = await buildCourse(lw.c.admin, { code, title: `Kursus ${code}`, rule: o.rule, jp: o.jp }, kinds);
    const runId = await selfPacedRun(lw.c.admin, course.id);
    const e = await ok<{ id: string }>(lw.c.employee.post(`${L}/runs/${runId}/enrol`), 201);
    return { course, runId, enrolmentId: e.id };
  };
  const progress = (enrolmentId: string, lessonId: string, body: Record<string, unknown>, key?: string) =>
    lw.c.employee.request("POST", `${L}/enrolments/${enrolmentId}/lessons/${lessonId}/progress`, body, key ? { "idempotency-key": key } : {});

  it("a video completes when the watched share reaches the threshold; text on the learner's mark; then the course", async () => {
    const { course, enrolmentId } = await enrol(["video", "text"], "VID-01", { jp: 3 });
    const first = await ok<{ lesson: { status: string; watchedS: number }; enrolment: { progressPct: number } }>(
      progress(enrolmentId, course.lessons.video, { position: 50, watchedSeconds: 50 }),
    );
    expect(first.lesson).toMatchObject({ status: "in_progress", watchedS: 50 });
    expect(events.map((e) => e.kind)).toEqual(["course_started"]);
    // Skipping ahead does not count as watching; the watched share never goes down.
    const skipped = await ok<{ lesson: { status: string; watchedS: number; positionS: number } }>(
      progress(enrolmentId, course.lessons.video, { position: 95, watchedSeconds: 20 }),
    );
    expect(skipped.lesson).toMatchObject({ status: "in_progress", watchedS: 50, positionS: 95 });
    const watched = await ok<{ lesson: { status: string }; enrolment: { progressPct: number } }>(
      progress(enrolmentId, course.lessons.video, { position: 100, watchedSeconds: 90 }),
    );
    expect(watched.lesson.status).toBe("completed");
    expect(watched.enrolment.progressPct).toBe(50);
    const done = await ok<{ enrolment: { status: string; progressPct: number } }>(progress(enrolmentId, course.lessons.text, { completed: true }));
    expect(done.enrolment).toMatchObject({ status: "completed", progressPct: 100 });
    expect(events.map((e) => e.kind).slice(0, 4)).toEqual(["course_started", "lesson_completed", "lesson_completed", "course_completed"]);
    expect(events[3]).toMatchObject({ kind: "course_completed", jp: 3, employeeId: lw.w.e1.id, enrolmentId });

    const dash = await ok<{ jp: { earned: number; target: number }; enrolments: { id: string; status: string }[] }>(lw.c.employee.get(`${L}/me/dashboard`));
    expect(dash.jp).toMatchObject({ earned: 3, target: 20 });
    expect(dash.enrolments.find((e) => e.id === enrolmentId)?.status).toBe("completed");
  });

  it("live sessions and quizzes are not completed by the learner's mark; others cannot report my progress", async () => {
    const { course, enrolmentId } = await enrol(["live", "quiz", "text"], "LQ-01");
    const live = await progress(enrolmentId, course.lessons.live, { completed: true });
    expect(live.statusCode).toBe(409);
    expect((await progress(enrolmentId, course.lessons.quiz, { completed: true })).statusCode).toBe(409);
    const row = await t.database.db.selectFrom("lesson_progress").selectAll().where("enrolment_id", "=", enrolmentId).execute();
    expect(row).toEqual([]);
    const other = await lw.c.otherSupervisor.request("POST", `${L}/enrolments/${enrolmentId}/lessons/${course.lessons.text}/progress`, { completed: true });
    expect(other.statusCode).toBe(403);
    expect((await lw.c.hrOtherAgency.get(`${L}/enrolments/${enrolmentId}`)).statusCode).toBe(404);
    const view = await ok<{ outline: { lessons: { id: string; progress: { status: string } }[] }[] }>(lw.c.employee.get(`${L}/enrolments/${enrolmentId}`));
    expect(view.outline[0].lessons.map((l) => l.progress.status)).toEqual(["not_started", "not_started", "not_started"]);
    await ok(lw.c.hr.get(`${L}/enrolments/${enrolmentId}`));
  });

  it("recordLessonOutcome (quizzes, assignments) applies the course's completion rule: quizzes passed and a minimum score", async () => {
    const { course, enrolmentId } = await enrol(["text", "quiz"], "QZ-01", { rule: { requireAllLessons: true, requireQuizzesPassed: true, minScore: 70 } });
    await ok(progress(enrolmentId, course.lessons.text, { completed: true }));
    const ctx: SystemCtx = { db: t.database.db, engine, actor: null, requestId: null, ip: null, now: () => new Date() };
    const record = (score: number, passed: boolean) =>
      t.database.db
        .transaction()
        .execute((trx) => recordLessonOutcome(trx, ctx, { enrolmentId, lessonId: course.lessons.quiz, completed: true, score, passed }));
    await record(50, false);
    let e = await t.database.db.selectFrom("enrolments").selectAll().where("id", "=", enrolmentId).executeTakeFirstOrThrow();
    expect(e).toMatchObject({ status: "active", progress_pct: 99, score: 50 });
    await record(80, true);
    e = await t.database.db.selectFrom("enrolments").selectAll().where("id", "=", enrolmentId).executeTakeFirstOrThrow();
    expect(e).toMatchObject({ status: "completed", progress_pct: 100, score: 80 });
    expect(events.filter((x) => x.kind === "course_completed")).toHaveLength(1);
    const foreign = await buildCourse(lw.c.admin, { code: "QZ-02", title: "Lain" }, ["quiz"]);
    await expect(
      t.database.db
        .transaction()
        .execute((trx) => recordLessonOutcome(trx, ctx, { enrolmentId, lessonId: foreign.lessons.quiz, completed: true, score: 1, passed: true })),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("a retried report with the same Idempotency-Key gets the first answer; another body with it is refused", async () => {
    const { course, enrolmentId } = await enrol(["video"], "IDP-01");
    const a = await progress(enrolmentId, course.lessons.video, { position: 10, watchedSeconds: 10 }, "key-progress-1");
    const b = await progress(enrolmentId, course.lessons.video, { position: 10, watchedSeconds: 10 }, "key-progress-1");
    expect(b.statusCode).toBe(200);
    expect(b.headers["idempotent-replayed"]).toBe("true");
    expect(b.json()).toEqual(a.json());
    expect((await progress(enrolmentId, course.lessons.video, { position: 20, watchedSeconds: 20 }, "key-progress-1")).statusCode).toBe(422);
  });

  it("learning paths list courses in order with my completion and the next course", async () => {
    const { admin, employee } = lw.c;
    const a = await buildCourse(admin, { code: "PATH-A", title: "Dasar" }, ["text"]);
    const b = await buildCourse(admin, { code: "PATH-B", title: "Lanjut" }, ["text"]);
    expect((await employee.post(`${L}/paths`, { title: "Jalur", courseIds: [a.id] })).statusCode).toBe(403);
    expect((await admin.post(`${L}/paths`, { title: "Jalur", courseIds: [a.id, a.id] })).statusCode).toBe(400);
    const path = await ok<{ id: string }>(admin.post(`${L}/paths`, { title: "Jalur Analis", courseIds: [a.id, b.id], status: "draft" }), 201);
    expect((await employee.get(`${L}/paths/${path.id}`)).statusCode).toBe(404);
    await ok(admin.patch(`${L}/paths/${path.id}`, { status: "published" }));
    const runId = await selfPacedRun(admin, a.id);
    const e = await ok<{ id: string }>(employee.post(`${L}/runs/${runId}/enrol`), 201);
    await ok(employee.post(`${L}/enrolments/${e.id}/lessons/${a.lessons.text}/progress`, { completed: true }));
    const seen = await ok<{ courses: { id: string; completed: boolean }[]; nextCourseId: string }>(employee.get(`${L}/paths/${path.id}`));
    expect(seen.courses.map((c) => [c.id, c.completed])).toEqual([
      [a.id, true],
      [b.id, false],
    ]);
    expect(seen.nextCourseId).toBe(b.id);
    expect((await ok<unknown[]>(employee.get(`${L}/paths`))).length).toBe(1);
  });
});
