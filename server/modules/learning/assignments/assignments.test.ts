import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import type { Client } from "../../../test/harness.js";
import { createTestApp, type TestApp } from "../../../test/harness.js";
import { PDF, PNG, upload } from "../../logbook/reports/test-support.js";
import { enrol, today } from "../quizzes/test-support.js";
import { addDays } from "../runs/repository.js";
import { buildCourse, buildLearningWorld, L, type LearningWorld, ok } from "../test-support.js";

interface SubmissionBody {
  id: string;
  status: string;
  revision: number;
  grade: number | null;
  passed: boolean | null;
  late: boolean;
  fileUrl: string | null;
  rubricScores: { criterionId: string; points: number }[];
}

const RUBRIC = [
  { id: "isi", title: "Isi", maxPoints: 10 },
  { id: "bahasa", title: "Bahasa", maxPoints: 5 },
];

describe.each(ENGINES)("learning assignments on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  beforeAll(async () => {
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
  });
  afterAll(() => t.close());

  async function assignmentCourse(admin: Client, code: string, settings: Record<string, unknown>) {
    const course = await buildCourse(admin, { code, title: `Tugas ${code}`, jp: 2, draft: true }, ["assignment"]);
    const lessonId = course.lessons.assignment;
    await ok(
      admin.request("PUT", `${L}/lessons/${lessonId}/assignment`, { instructions: "Tulis rencana aksi.", rubric: RUBRIC, passingScore: 60, ...settings }),
    );
    await ok(admin.post(`${L}/courses/${course.id}/publish`));
    const run = await ok<{ id: string }>(
      admin.post(`${L}/courses/${course.id}/runs`, {
        kind: "cohort",
        title: "Angkatan",
        startsOn: addDays(today(), -1),
        endsOn: addDays(today(), 30),
        capacity: 50,
        facilitatorIds: [lw.w.fac1.id],
      }),
      201,
    );
    return { courseId: course.id, lessonId, runId: run.id };
  }

  const submissions = async (enrolmentId: string) =>
    t.database.db.selectFrom("assignment_submissions").select(["revision", "status"]).where("enrolment_id", "=", enrolmentId).orderBy("revision").execute();

  it("grades a text submission with the rubric, returns it for a new revision, then completes the lesson", async () => {
    const { admin, employee, otherSupervisor, hrOtherAgency, fac1, fac2 } = lw.c;
    const a = await assignmentCourse(admin, "AS-1", { allowResubmission: true, submissionType: "text" });
    const settings = await ok<{ maxPoints: number; rubric: unknown[] }>(admin.get(`${L}/lessons/${a.lessonId}/assignment`));
    expect(settings.maxPoints).toBe(15);
    const enrolmentId = await enrol(employee, a.runId);
    const first = await ok<SubmissionBody>(
      employee.post(`${L}/enrolments/${enrolmentId}/lessons/${a.lessonId}/submissions`, { text: "Rencana aksi saya ..." }),
      201,
    );
    expect(first).toMatchObject({ status: "submitted", revision: 1, late: false });
    expect((await employee.post(`${L}/enrolments/${enrolmentId}/lessons/${a.lessonId}/submissions`, { text: "lagi" })).statusCode).toBe(409);

    expect((await otherSupervisor.get(`${L}/submissions/${first.id}`)).statusCode).toBe(403);
    expect((await hrOtherAgency.get(`${L}/submissions/${first.id}`)).statusCode).toBe(404);
    expect(
      (
        await fac2.post(`${L}/submissions/${first.id}/grade`, {
          rubricScores: [
            { criterionId: "isi", points: 5 },
            { criterionId: "bahasa", points: 5 },
          ],
        })
      ).statusCode,
    ).toBe(403);
    const over = await fac1.post(`${L}/submissions/${first.id}/grade`, {
      rubricScores: [
        { criterionId: "isi", points: 11 },
        { criterionId: "bahasa", points: 5 },
      ],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors).toEqual([{ path: "rubricScores.isi", message: "between 0 and 10" }]);
    const missing = await fac1.post(`${L}/submissions/${first.id}/grade`, { rubricScores: [{ criterionId: "isi", points: 1 }] });
    expect(missing.statusCode).toBe(400);
    expect((await submissions(enrolmentId))[0].status).toBe("submitted");

    const queue = await ok<{ kind: string; id: string }[]>(fac1.get(`${L}/runs/${a.runId}/grading`));
    expect(queue).toEqual([expect.objectContaining({ kind: "submission", id: first.id })]);

    const returned = await ok<SubmissionBody>(
      fac1.post(`${L}/submissions/${first.id}/grade`, {
        rubricScores: [
          { criterionId: "isi", points: 4 },
          { criterionId: "bahasa", points: 2 },
        ],
        feedback: "Perjelas indikator",
        decision: "returned",
      }),
    );
    expect(returned).toMatchObject({ status: "returned", grade: 40, passed: false });
    const info = await ok<{ canSubmit: boolean; submission: { status: string } }>(
      employee.get(`${L}/enrolments/${enrolmentId}/lessons/${a.lessonId}/assignment`),
    );
    expect(info.canSubmit).toBe(true);
    const second = await ok<SubmissionBody>(
      employee.post(`${L}/enrolments/${enrolmentId}/lessons/${a.lessonId}/submissions`, { text: "Rencana aksi, revisi" }),
      201,
    );
    expect(second.revision).toBe(2);
    const graded = await ok<SubmissionBody>(
      fac1.post(`${L}/submissions/${second.id}/grade`, {
        rubricScores: [
          { criterionId: "isi", points: 9 },
          { criterionId: "bahasa", points: 3 },
        ],
        feedback: "Bagus",
      }),
    );
    expect(graded).toMatchObject({ status: "graded", grade: 80, passed: true });
    expect(graded.rubricScores).toEqual([
      { criterionId: "isi", points: 9 },
      { criterionId: "bahasa", points: 3 },
    ]);
    expect(
      (
        await fac1.post(`${L}/submissions/${second.id}/grade`, {
          rubricScores: [
            { criterionId: "isi", points: 1 },
            { criterionId: "bahasa", points: 1 },
          ],
        })
      ).statusCode,
    ).toBe(409);
    expect((await employee.post(`${L}/enrolments/${enrolmentId}/lessons/${a.lessonId}/submissions`, { text: "lagi" })).statusCode).toBe(409);
    const progress = await t.database.db
      .selectFrom("lesson_progress")
      .select(["status", "score", "passed"])
      .where("enrolment_id", "=", enrolmentId)
      .executeTakeFirstOrThrow();
    expect(progress).toMatchObject({ status: "completed", score: 80, passed: 1 });
  });

  it("refuses to return a submission when resubmission is not allowed", async () => {
    const { admin, supervisor, fac1 } = lw.c;
    const a = await assignmentCourse(admin, "AS-2", { allowResubmission: false });
    const enrolmentId = await enrol(supervisor, a.runId);
    const s = await ok<SubmissionBody>(supervisor.post(`${L}/enrolments/${enrolmentId}/lessons/${a.lessonId}/submissions`, { text: "Jawaban" }), 201);
    const res = await fac1.post(`${L}/submissions/${s.id}/grade`, {
      rubricScores: [
        { criterionId: "isi", points: 1 },
        { criterionId: "bahasa", points: 1 },
      ],
      decision: "returned",
    });
    expect(res.statusCode).toBe(409);
    expect((await submissions(enrolmentId))[0].status).toBe("submitted");
  });

  it("a failing grade leaves the lesson open and the course not completed", async () => {
    const { admin, employee, fac1 } = lw.c;
    const a = await assignmentCourse(admin, "AS-F", { allowResubmission: false });
    const enrolmentId = await enrol(employee, a.runId);
    const s = await ok<SubmissionBody>(employee.post(`${L}/enrolments/${enrolmentId}/lessons/${a.lessonId}/submissions`, { text: "Jawaban singkat" }), 201);
    const graded = await ok<SubmissionBody>(
      fac1.post(`${L}/submissions/${s.id}/grade`, {
        rubricScores: [
          { criterionId: "isi", points: 2 },
          { criterionId: "bahasa", points: 1 },
        ],
        feedback: "Belum memenuhi",
      }),
    );
    expect(graded).toMatchObject({ status: "graded", grade: 20, passed: false });
    const progress = await t.database.db
      .selectFrom("lesson_progress")
      .select(["status", "score", "passed", "completed_at"])
      .where("enrolment_id", "=", enrolmentId)
      .executeTakeFirstOrThrow();
    expect(progress).toMatchObject({ status: "in_progress", score: 20, passed: 0, completed_at: null });
    const enrolment = await t.database.db.selectFrom("enrolments").select(["status"]).where("id", "=", enrolmentId).executeTakeFirstOrThrow();
    expect(enrolment.status).not.toBe("completed");
  });

  it("takes a file checked by its content and size; marks late submissions", async () => {
    const { admin, hr, otherSupervisor } = lw.c;
    const a = await assignmentCourse(admin, "AS-3", { submissionType: "file", dueAt: new Date(Date.now() - 3_600_000).toISOString() });
    const enrolmentId = await enrol(hr, a.runId);
    const url = `${L}/enrolments/${enrolmentId}/lessons/${a.lessonId}/submissions`;
    const zip = await upload(t, hr, url, { name: "tugas.pdf", content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    expect(zip.statusCode).toBe(415);
    expect(zip.json().code).toBe("unsupported_file");
    const big = await upload(t, hr, url, { name: "besar.pdf", content: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]) });
    expect(big.statusCode).toBe(413);
    expect((await hr.post(url, { text: "teks saja" })).statusCode).toBe(400);
    expect(await submissions(enrolmentId)).toEqual([]);
    const sent = await upload(t, hr, url, { name: "laporan.pdf", content: PNG });
    expect(sent.statusCode).toBe(201);
    const body = sent.json() as SubmissionBody & { fileName: string };
    expect(body.late).toBe(true);
    expect(body.fileName).toBe("laporan.png");
    const file = await hr.get(body.fileUrl ?? "");
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/png");
    expect((await otherSupervisor.get(body.fileUrl ?? "")).statusCode).toBe(403);
  });
});
