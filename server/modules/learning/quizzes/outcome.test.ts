import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { type Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { type LearningEvent, onLearningEvent } from "../events.js";
import { buildCourse, buildLearningWorld, L, type LearningWorld, ok, selfPacedRun } from "../test-support.js";
import { makeBank, QUESTIONS } from "./test-support.js";

interface Outline {
  enrolment: { status: string; progressPct: number; score: number | null };
  outline: { lessons: { id: string; progress: { status: string; score: number | null; passed: boolean | null; completedAt: string | null } }[] }[];
}

/** Where a failed or passed quiz leaves its lesson and the course. */
describe.each(ENGINES)("a quiz decides its lesson only when passed, on %s", (engine) => {
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
  afterAll(async () => {
    off();
    await t.close();
  });

  /**
   * A course of a text lesson and a one-question quiz (true/false). The
   * completion rule does not ask for passed quizzes on its own: only the
   * lessons' completion gates the course.
   */
  async function course(code: string, settings: Record<string, unknown>) {
    const { admin } = lw.c;
    const c = await buildCourse(
      admin,
      { code, title: `Kursus ${code}`, draft: true, rule: { requireAllLessons: true, requireQuizzesPassed: false, minScore: null } },
      ["text", "quiz"],
    );
    const bank = await makeBank(admin, `Bank ${code}`, [QUESTIONS[2].body]);
    await ok(admin.request("PUT", `${L}/lessons/${c.lessons.quiz}/quiz`, { draws: [{ bankId: bank.id, count: 1 }], review: "score", ...settings }));
    await ok(admin.post(`${L}/courses/${c.id}/publish`));
    const runId = await selfPacedRun(admin, c.id);
    return { ...c, runId, questionId: bank.questionIds[0] };
  }

  async function take(learner: Client, enrolmentId: string, lessonId: string, questionId: string, answer: boolean) {
    const a = await ok<{ id: string }>(learner.post(`${L}/enrolments/${enrolmentId}/lessons/${lessonId}/attempts`), 201);
    await ok(learner.request("PUT", `${L}/attempts/${a.id}/answers/${questionId}`, { answer }));
    return ok<{ score: number; passed: boolean }>(learner.post(`${L}/attempts/${a.id}/submit`));
  }

  const quizLesson = async (learner: Client, enrolmentId: string, lessonId: string) => {
    const o = await ok<Outline>(learner.get(`${L}/enrolments/${enrolmentId}`));
    return { enrolment: o.enrolment, lesson: o.outline.flatMap((m) => m.lessons).find((l) => l.id === lessonId)?.progress };
  };
  const certificates = (enrolmentId: string) => t.database.db.selectFrom("certificates").select("id").where("enrolment_id", "=", enrolmentId).execute();

  it("a failed attempt leaves the lesson not completed (passed: false, its score) and the course open; a pass completes both", async () => {
    const { employee } = lw.c;
    const c = await course("GGL-1", { passingScore: 70, maxAttempts: 3 });
    const enrolmentId = (await ok<{ id: string }>(employee.post(`${L}/runs/${c.runId}/enrol`), 201)).id;
    await ok(employee.post(`${L}/enrolments/${enrolmentId}/lessons/${c.lessons.text}/progress`, { completed: true }));
    events = [];

    expect(await take(employee, enrolmentId, c.lessons.quiz, c.questionId, false)).toMatchObject({ score: 0, passed: false });
    let seen = await quizLesson(employee, enrolmentId, c.lessons.quiz);
    expect(seen.lesson).toMatchObject({ status: "in_progress", score: 0, passed: false, completedAt: null });
    expect(seen.enrolment).toMatchObject({ status: "active", progressPct: 50 });
    expect(events.map((e) => e.kind).filter((k) => k.endsWith("completed"))).toEqual([]);
    expect(await certificates(enrolmentId)).toEqual([]);
    // The learner cannot mark it done instead.
    expect((await employee.post(`${L}/enrolments/${enrolmentId}/lessons/${c.lessons.quiz}/progress`, { completed: true })).statusCode).toBe(409);

    expect(await take(employee, enrolmentId, c.lessons.quiz, c.questionId, true)).toMatchObject({ score: 100, passed: true });
    seen = await quizLesson(employee, enrolmentId, c.lessons.quiz);
    expect(seen.lesson).toMatchObject({ status: "completed", score: 100, passed: true });
    expect(seen.enrolment).toMatchObject({ status: "completed", progressPct: 100 });
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(["lesson_completed", "course_completed"]));
    expect(await certificates(enrolmentId)).toHaveLength(1);

    // A later failure does not take the completion back.
    await t.database.db.updateTable("quiz_settings").set({ max_attempts: null }).where("lesson_id", "=", c.lessons.quiz).execute();
    await take(employee, enrolmentId, c.lessons.quiz, c.questionId, false);
    seen = await quizLesson(employee, enrolmentId, c.lessons.quiz);
    expect(seen.lesson).toMatchObject({ status: "completed", score: 100, passed: true });
    expect(seen.enrolment.status).toBe("completed");
  });

  it("when every attempt is used up and failed, the lesson and the course stay not completed", async () => {
    const { supervisor } = lw.c;
    const c = await course("GGL-2", { passingScore: 70, maxAttempts: 1 });
    const enrolmentId = (await ok<{ id: string }>(supervisor.post(`${L}/runs/${c.runId}/enrol`), 201)).id;
    await ok(supervisor.post(`${L}/enrolments/${enrolmentId}/lessons/${c.lessons.text}/progress`, { completed: true }));
    await take(supervisor, enrolmentId, c.lessons.quiz, c.questionId, false);
    expect((await supervisor.post(`${L}/enrolments/${enrolmentId}/lessons/${c.lessons.quiz}/attempts`)).statusCode).toBe(409);
    const seen = await quizLesson(supervisor, enrolmentId, c.lessons.quiz);
    expect(seen.lesson).toMatchObject({ status: "in_progress", passed: false });
    expect(seen.enrolment).toMatchObject({ status: "active", progressPct: 50 });
    const row = await t.database.db.selectFrom("enrolments").select(["status", "completed_at"]).where("id", "=", enrolmentId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "active", completed_at: null });
    expect(await certificates(enrolmentId)).toEqual([]);
  });

  it("a quiz without a passing score completes on any submitted attempt", async () => {
    const { otherSupervisor } = lw.c;
    const c = await course("GGL-3", { passingScore: 0 });
    const enrolmentId = (await ok<{ id: string }>(otherSupervisor.post(`${L}/runs/${c.runId}/enrol`), 201)).id;
    await ok(otherSupervisor.post(`${L}/enrolments/${enrolmentId}/lessons/${c.lessons.text}/progress`, { completed: true }));
    expect(await take(otherSupervisor, enrolmentId, c.lessons.quiz, c.questionId, false)).toMatchObject({ score: 0, passed: true });
    const seen = await quizLesson(otherSupervisor, enrolmentId, c.lessons.quiz);
    expect(seen.lesson).toMatchObject({ status: "completed", score: 0, passed: true });
    expect(seen.enrolment.status).toBe("completed");
  });
});
