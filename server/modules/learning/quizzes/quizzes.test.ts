import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { createTestApp, type TestApp } from "../../../test/harness.js";
import { type LearningEvent, onLearningEvent } from "../events.js";
import { buildLearningWorld, L, type LearningWorld, ok } from "../test-support.js";
import { ESSAY, enrol, makeBank, QUESTIONS, quizCourse } from "./test-support.js";

interface AttemptBody {
  id: string;
  status: string;
  questions: { id: string; type: string; options?: { id: string }[] }[];
  answers: Record<string, unknown>;
  score: number | null;
  passed: boolean | null;
  review?: { questionId: string; correct: boolean | null; points: number | null; correctAnswer?: unknown }[];
}

describe.each(ENGINES)("learning quizzes on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  const events: LearningEvent[] = [];
  let off: () => void;
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

  const count = async (table: "quiz_attempts" | "questions" | "jp_ledger" | "certificates", where: [string, string]) =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where(where[0] as "id", "=", where[1])
          .executeTakeFirstOrThrow()
      ).n,
    );
  const keyFor = (bodyIndex: number) => QUESTIONS[bodyIndex].key;

  it("authors banks with every question kind; bad content and other people are refused", async () => {
    const { admin, adminOtherAgency, employee } = lw.c;
    const bank = await makeBank(admin, "Wawasan Kebangsaan", [...QUESTIONS.map((q) => q.body), ESSAY]);
    const list = await ok<{ type: string }[]>(admin.get(`${L}/banks/${bank.id}/questions`));
    expect(list.map((q) => q.type)).toEqual(["single", "multiple", "true_false", "short", "matching", "ordering", "essay"]);
    const bad = await admin.post(`${L}/banks/${bank.id}/questions`, {
      prompt: "?",
      content: {
        kind: "single",
        options: [
          { id: "a", text: "A" },
          { id: "b", text: "B" },
        ],
        correct: "z",
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("content.correct");
    expect(await count("questions", ["bank_id", bank.id])).toBe(7);
    expect((await adminOtherAgency.get(`${L}/banks/${bank.id}/questions`)).statusCode).toBe(404);
    expect((await employee.post(`${L}/banks`, { title: "x" })).statusCode).toBe(403);
    expect((await employee.get(`${L}/banks/${bank.id}/questions`)).statusCode).toBe(403);
    const banks = await ok<{ id: string; questionCount: number }[]>(admin.get(`${L}/banks`));
    expect(banks.find((b) => b.id === bank.id)?.questionCount).toBe(7);
    await ok(admin.del(`${L}/banks/${bank.id}/questions/${bank.questionIds[6]}`), 204);
    expect((await ok<unknown[]>(admin.get(`${L}/banks/${bank.id}/questions`))).length).toBe(6);
  });

  it("refuses quiz settings drawing from another agency's bank", async () => {
    const { admin, adminOtherAgency } = lw.c;
    const foreign = await makeBank(adminOtherAgency, "Bank B", [QUESTIONS[0].body]);
    const q = await quizCourse(admin, { code: "QZ-S", facilitatorId: lw.w.fac1.id, questions: [QUESTIONS[0].body] });
    const res = await admin.request("PUT", `${L}/lessons/${q.lessonId}/quiz`, { draws: [{ bankId: foreign.id, count: 1 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe("draws.0.bankId");
    const s = await ok<{ draws: { bankId: string }[]; questionCount: number }>(admin.get(`${L}/lessons/${q.lessonId}/quiz`));
    expect(s.draws[0].bankId).toBe(q.bankId);
    expect(s.questionCount).toBe(1);
    expect((await adminOtherAgency.get(`${L}/lessons/${q.lessonId}/quiz`)).statusCode).toBe(404);
    expect((await adminOtherAgency.request("PUT", `${L}/lessons/${q.lessonId}/quiz`, { draws: [{ bankId: foreign.id, count: 1 }] })).statusCode).toBe(404);
    expect((await lw.c.employee.request("PUT", `${L}/lessons/${q.lessonId}/quiz`, { draws: [{ bankId: q.bankId, count: 1 }] })).statusCode).toBe(403);
    const enrolmentId = await enrol(lw.c.employee, q.runId);
    expect((await lw.c.otherSupervisor.post(`${L}/enrolments/${enrolmentId}/lessons/${q.lessonId}/attempts`)).statusCode).toBe(403);
    expect((await lw.c.hrOtherAgency.post(`${L}/enrolments/${enrolmentId}/lessons/${q.lessonId}/attempts`)).statusCode).toBe(404);
    expect((await lw.c.otherSupervisor.get(`${L}/enrolments/${enrolmentId}/lessons/${q.lessonId}/quiz`)).statusCode).toBe(403);
    expect(await count("quiz_attempts", ["enrolment_id", enrolmentId])).toBe(0);
  });

  it("runs an attempt end to end: no keys before submitting, full marks, review with answers, the course credited", async () => {
    const { admin, employee, otherSupervisor, hrOtherAgency } = lw.c;
    const q = await quizCourse(admin, { code: "QZ-1", facilitatorId: lw.w.fac1.id, questions: QUESTIONS.map((x) => x.body), jp: 4 });
    const enrolmentId = await enrol(employee, q.runId);
    const started = await employee.post(`${L}/enrolments/${enrolmentId}/lessons/${q.lessonId}/attempts`);
    expect(started.statusCode).toBe(201);
    expect(started.body).not.toMatch(/"correct"|"accepted"|Kinerja".*"right"/);
    const attempt = started.json() as AttemptBody;
    expect(attempt.status).toBe("in_progress");
    expect(new Set(attempt.questions.map((x) => x.id))).toEqual(new Set(q.questionIds));
    const resumed = await employee.post(`${L}/enrolments/${enrolmentId}/lessons/${q.lessonId}/attempts`);
    expect(resumed.statusCode).toBe(200);
    expect(resumed.json().id).toBe(attempt.id);

    const notInAttempt = await employee.request("PUT", `${L}/attempts/${attempt.id}/answers/${lw.w.e1.id}`, { answer: "a" });
    expect(notInAttempt.statusCode).toBe(422);
    const wrongShape = await employee.request("PUT", `${L}/attempts/${attempt.id}/answers/${q.questionIds[0]}`, { answer: "zz" });
    expect(wrongShape.statusCode).toBe(400);
    const untouched = await t.database.db.selectFrom("quiz_attempt_items").select("answer").where("attempt_id", "=", attempt.id).execute();
    expect(untouched.every((i) => i.answer === null)).toBe(true);

    for (const [i, id] of q.questionIds.entries()) {
      await ok(employee.request("PUT", `${L}/attempts/${attempt.id}/answers/${id}`, { answer: keyFor(i) }));
    }
    expect((await otherSupervisor.get(`${L}/attempts/${attempt.id}`)).statusCode).toBe(403);
    expect((await otherSupervisor.request("PUT", `${L}/attempts/${attempt.id}/answers/${q.questionIds[0]}`, { answer: "b" })).statusCode).toBe(403);
    expect((await hrOtherAgency.get(`${L}/attempts/${attempt.id}`)).statusCode).toBe(404);

    const done = await ok<AttemptBody>(employee.post(`${L}/attempts/${attempt.id}/submit`));
    expect(done.status).toBe("graded");
    expect(done.score).toBe(100);
    expect(done.passed).toBe(true);
    expect(done.review?.every((r) => r.correct === true)).toBe(true);
    expect(done.review?.find((r) => r.questionId === q.questionIds[0])?.correctAnswer).toBe("a");
    expect((await employee.post(`${L}/attempts/${attempt.id}/submit`)).statusCode).toBe(409);
    expect((await employee.request("PUT", `${L}/attempts/${attempt.id}/answers/${q.questionIds[0]}`, { answer: "b" })).statusCode).toBe(409);

    const submitted = events.find((e) => e.kind === "quiz_submitted" && e.attemptId === attempt.id);
    expect(submitted).toMatchObject({ scaled: 1, passed: true });
    expect(events.filter((e) => e.kind === "quiz_answered" && e.attemptId === attempt.id)).toHaveLength(QUESTIONS.length);
    const enrolment = await t.database.db.selectFrom("enrolments").select("status").where("id", "=", enrolmentId).executeTakeFirstOrThrow();
    expect(enrolment.status).toBe("completed");
    expect(await count("jp_ledger", ["ref_id", enrolmentId])).toBe(1);
    expect(await count("certificates", ["enrolment_id", enrolmentId])).toBe(1);
    expect(events.some((e) => e.kind === "certificate_issued" && e.employeeId === lw.w.e1.id)).toBe(true);
    const info = await ok<{ attemptsUsed: number; bestScore: number; passed: boolean }>(
      employee.get(`${L}/enrolments/${enrolmentId}/lessons/${q.lessonId}/quiz`),
    );
    expect(info).toMatchObject({ attemptsUsed: 1, bestScore: 100, passed: true });
  });

  it("scores partial answers and refuses attempts beyond the limit", async () => {
    const { admin, otherSupervisor } = lw.c;
    const q = await quizCourse(admin, {
      code: "QZ-2",
      facilitatorId: lw.w.fac1.id,
      questions: [QUESTIONS[1].body, QUESTIONS[4].body],
      settings: { maxAttempts: 1, review: "score", shuffleQuestions: false },
    });
    const enrolmentId = await enrol(otherSupervisor, q.runId);
    const a = await ok<AttemptBody>(otherSupervisor.post(`${L}/enrolments/${enrolmentId}/lessons/${q.lessonId}/attempts`), 201);
    await ok(otherSupervisor.request("PUT", `${L}/attempts/${a.id}/answers/${q.questionIds[0]}`, { answer: ["a"] }));
    await ok(otherSupervisor.request("PUT", `${L}/attempts/${a.id}/answers/${q.questionIds[1]}`, { answer: { p1: "p1", p2: "p3", p3: "p2" } }));
    const done = await ok<AttemptBody>(otherSupervisor.post(`${L}/attempts/${a.id}/submit`));
    // multiple: 1 of 2 right → 1 of 2 points; matching: 1 of 3 → 1 of 3 points; 2 of 5 = 40 %.
    expect(done.score).toBe(40);
    expect(done.passed).toBe(false);
    expect(done.review).toBeUndefined();
    const again = await otherSupervisor.post(`${L}/enrolments/${enrolmentId}/lessons/${q.lessonId}/attempts`);
    expect(again.statusCode).toBe(409);
    expect(again.json().reason).toBe("attempts_exhausted");
    expect(await count("quiz_attempts", ["enrolment_id", enrolmentId])).toBe(1);
  });

  it("enforces the time limit on the server: late answers and submits close the attempt with what was saved", async () => {
    const { admin, supervisor } = lw.c;
    const q = await quizCourse(admin, {
      code: "QZ-3",
      facilitatorId: lw.w.fac1.id,
      questions: [QUESTIONS[0].body, QUESTIONS[2].body],
      settings: { timeLimitMinutes: 5, shuffleQuestions: false },
    });
    const enrolmentId = await enrol(supervisor, q.runId);
    const a = await ok<AttemptBody & { deadline: string; secondsLeft: number }>(
      supervisor.post(`${L}/enrolments/${enrolmentId}/lessons/${q.lessonId}/attempts`),
      201,
    );
    expect(a.secondsLeft).toBeGreaterThan(290);
    await ok(supervisor.request("PUT", `${L}/attempts/${a.id}/answers/${q.questionIds[0]}`, { answer: "a" }));
    // The clock moves past the deadline and its grace.
    const past = new Date(Date.now() - 6 * 60_000).toISOString();
    await t.database.db
      .updateTable("quiz_attempts")
      .set({ started_at: past, deadline_at: new Date(Date.now() - 60_000).toISOString() })
      .where("id", "=", a.id)
      .execute();
    const late = await supervisor.request("PUT", `${L}/attempts/${a.id}/answers/${q.questionIds[1]}`, { answer: true });
    expect(late.statusCode).toBe(409);
    expect(late.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(late.json().reason).toBe("time_limit");
    const closed = await ok<AttemptBody & { closedReason: string }>(supervisor.get(`${L}/attempts/${a.id}`));
    expect(closed.status).toBe("graded");
    expect(closed.closedReason).toBe("time_limit");
    expect(closed.answers[q.questionIds[1]]).toBeNull();
    expect(closed.score).toBe(66.67);
    expect((await supervisor.post(`${L}/attempts/${a.id}/submit`)).statusCode).toBe(409);

    const b = await ok<AttemptBody>(supervisor.post(`${L}/enrolments/${enrolmentId}/lessons/${q.lessonId}/attempts`), 201);
    await t.database.db
      .updateTable("quiz_attempts")
      .set({ deadline_at: new Date(Date.now() - 60_000).toISOString() })
      .where("id", "=", b.id)
      .execute();
    const lateSubmit = await supervisor.post(`${L}/attempts/${b.id}/submit`);
    expect(lateSubmit.statusCode).toBe(409);
    const row = await t.database.db.selectFrom("quiz_attempts").select(["status", "closed_reason", "percent"]).where("id", "=", b.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "graded", closed_reason: "time_limit", percent: 0 });
  });

  it("keeps essays pending until the run's facilitator grades them; another run's facilitator is refused", async () => {
    const { admin, hr, fac1, fac2 } = lw.c;
    const q = await quizCourse(admin, {
      code: "QZ-4",
      facilitatorId: lw.w.fac1.id,
      questions: [QUESTIONS[2].body, ESSAY],
      settings: { shuffleQuestions: false, review: "none" },
    });
    const enrolmentId = await enrol(hr, q.runId);
    const a = await ok<AttemptBody>(hr.post(`${L}/enrolments/${enrolmentId}/lessons/${q.lessonId}/attempts`), 201);
    await ok(hr.request("PUT", `${L}/attempts/${a.id}/answers/${q.questionIds[0]}`, { answer: true }));
    await ok(hr.request("PUT", `${L}/attempts/${a.id}/answers/${q.questionIds[1]}`, { answer: "Pelayanan publik adalah ..." }));
    const sent = await ok<AttemptBody>(hr.post(`${L}/attempts/${a.id}/submit`));
    expect(sent.status).toBe("submitted");
    expect(sent.score).toBeNull();

    const queue = await ok<{ kind: string; id: string; questionId: string; answer: string }[]>(fac1.get(`${L}/runs/${q.runId}/grading`));
    expect(queue).toEqual([expect.objectContaining({ kind: "essay", id: a.id, questionId: q.questionIds[1], answer: "Pelayanan publik adalah ..." })]);
    expect((await fac2.get(`${L}/runs/${q.runId}/grading`)).statusCode).toBe(403);
    expect((await fac2.post(`${L}/attempts/${a.id}/grade`, { grades: [{ questionId: q.questionIds[1], points: 4 }] })).statusCode).toBe(403);
    const tooMany = await fac1.post(`${L}/attempts/${a.id}/grade`, { grades: [{ questionId: q.questionIds[1], points: 5 }] });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].path).toBe("grades.0.points");
    const notEssay = await fac1.post(`${L}/attempts/${a.id}/grade`, { grades: [{ questionId: q.questionIds[0], points: 1 }] });
    expect(notEssay.statusCode).toBe(400);

    const graded = await ok<AttemptBody>(fac1.post(`${L}/attempts/${a.id}/grade`, { grades: [{ questionId: q.questionIds[1], points: 3, feedback: "Baik" }] }));
    expect(graded.status).toBe("graded");
    expect(graded.score).toBe(80);
    const own = await ok<AttemptBody>(hr.get(`${L}/attempts/${a.id}`));
    expect(own.score).toBeNull();
    expect(own.review).toBeUndefined();
    expect(await ok<unknown[]>(fac1.get(`${L}/runs/${q.runId}/grading`))).toEqual([]);
  });
});
