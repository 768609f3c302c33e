import type { Client } from "../../../test/harness.js";
import { addDays } from "../runs/repository.js";
import { buildCourse, L, ok } from "../test-support.js";

export const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());

/** One question of every kind, with its key (what full marks look like on the wire). */
export const QUESTIONS = [
  {
    body: {
      prompt: "Dasar negara Indonesia?",
      points: 2,
      content: {
        kind: "single",
        options: [
          { id: "a", text: "Pancasila" },
          { id: "b", text: "UUD" },
        ],
        correct: "a",
      },
    },
    key: "a",
  },
  {
    body: {
      prompt: "Nilai dasar ASN BerAKHLAK?",
      points: 2,
      content: {
        kind: "multiple",
        options: [
          { id: "a", text: "Akuntabel" },
          { id: "b", text: "Kompeten" },
          { id: "c", text: "Malas" },
        ],
        correct: ["a", "b"],
      },
    },
    key: ["b", "a"],
  },
  { body: { prompt: "ASN wajib netral.", points: 1, content: { kind: "true_false", correct: true } }, key: true },
  { body: { prompt: "Ibu kota Jawa Barat?", points: 1, content: { kind: "short", accepted: ["Bandung"] } }, key: "  bandung! " },
  {
    body: {
      prompt: "Pasangkan.",
      points: 3,
      content: {
        kind: "matching",
        pairs: [
          { id: "p1", left: "SKP", right: "Kinerja" },
          { id: "p2", left: "JP", right: "Pengembangan" },
          { id: "p3", left: "NIP", right: "Identitas" },
        ],
      },
    },
    key: { p1: "p1", p2: "p2", p3: "p3" },
  },
  {
    body: {
      prompt: "Urutkan.",
      points: 3,
      content: {
        kind: "ordering",
        items: [
          { id: "i1", text: "Rencana" },
          { id: "i2", text: "Pelaksanaan" },
          { id: "i3", text: "Evaluasi" },
        ],
      },
    },
    key: ["i1", "i2", "i3"],
  },
] as const;

export const ESSAY = { prompt: "Jelaskan makna pelayanan publik.", points: 4, content: { kind: "essay", guidance: "Minimal 3 paragraf" } };

export async function makeBank(admin: Client, title: string, questions: readonly object[]): Promise<{ id: string; questionIds: string[] }> {
  const bank = await ok<{ id: string }>(admin.post(`${L}/banks`, { title }), 201);
  const questionIds: string[] = [];
  for (const q of questions) questionIds.push((await ok<{ id: string }>(admin.post(`${L}/banks/${bank.id}/questions`, q), 201)).id);
  return { id: bank.id, questionIds };
}

export interface QuizSetup {
  courseId: string;
  lessonId: string;
  runId: string;
  bankId: string;
  questionIds: string[];
}

/**
 * A published course whose only lesson is a quiz, a cohort run with the
 * facilitator given, and the quiz settings.
 */
export async function quizCourse(
  admin: Client,
  o: { code: string; facilitatorId: string; questions: readonly object[]; settings?: Record<string, unknown>; jp?: number },
): Promise<QuizSetup> {
  const course = await buildCourse(admin, { code: o.code, title: `Kursus ${o.code}`, jp: o.jp ?? 3, draft: true }, ["quiz"]);
  const bank = await makeBank(admin, `Bank ${o.code}`, o.questions);
  const lessonId = course.lessons.quiz;
  await ok(
    admin.request("PUT", `${L}/lessons/${lessonId}/quiz`, {
      draws: [{ bankId: bank.id, count: o.questions.length }],
      review: "answers",
      passingScore: 70,
      ...o.settings,
    }),
  );
  await ok(admin.post(`${L}/courses/${course.id}/publish`));
  const run = await ok<{ id: string }>(
    admin.post(`${L}/courses/${course.id}/runs`, {
      kind: "cohort",
      title: "Angkatan",
      startsOn: addDays(today(), -1),
      endsOn: addDays(today(), 30),
      capacity: 50,
      facilitatorIds: [o.facilitatorId],
    }),
    201,
  );
  return { courseId: course.id, lessonId, runId: run.id, bankId: bank.id, questionIds: bank.questionIds };
}

export async function enrol(learner: Client, runId: string): Promise<string> {
  return (await ok<{ id: string }>(learner.post(`${L}/runs/${runId}/enrol`), 201)).id;
}
