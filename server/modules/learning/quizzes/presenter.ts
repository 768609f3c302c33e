import { fromJson } from "../../../db/dialect.js";
import type { QuestionRow, QuizAttempt, QuizAttemptItem, QuizSettings } from "../../../db/schema-learning-assessment.js";
import { type WireAnswer, writeAnswer } from "./answers.js";
import { keyOf } from "./scoring.js";
import { secondsLeft } from "./timing.js";
import type { Answer, QuestionContent, QuestionKind } from "./types.js";

export function presentBank(b: { id: string; title: string; description: string; updated_at: string; question_count: number | string | bigint }) {
  return { id: b.id, title: b.title, description: b.description, questionCount: Number(b.question_count), updatedAt: b.updated_at };
}

export function presentQuestion(q: Pick<QuestionRow, "id" | "bank_id" | "kind" | "prompt" | "points" | "content" | "ordinal" | "updated_at">) {
  return {
    id: q.id,
    bankId: q.bank_id,
    type: q.kind,
    prompt: q.prompt,
    points: q.points,
    content: fromJson<QuestionContent>(q.content),
    ordinal: q.ordinal,
    updatedAt: q.updated_at,
  };
}

export function presentSettings(s: QuizSettings, questionCount: number) {
  return {
    lessonId: s.lesson_id,
    draws: fromJson<{ bankId: string; count: number }[]>(s.draws),
    shuffleQuestions: s.shuffle_questions === 1,
    shuffleOptions: s.shuffle_options === 1,
    maxAttempts: s.max_attempts,
    timeLimitMinutes: s.time_limit_min,
    passingScore: s.passing_score,
    review: s.review,
    questionCount,
    updatedAt: s.updated_at,
  };
}

export interface Snapshot {
  kind: QuestionKind;
  prompt: string;
  points: number;
  content: QuestionContent;
}

/** A question as the learner sees it: in the presented order, without its key. */
function presentAttemptQuestion(questionId: string, s: Snapshot, presented: string[]) {
  const base = { id: questionId, type: s.kind, prompt: s.prompt, points: s.points };
  const c = s.content;
  const inOrder = <T extends { id: string }>(xs: T[]) => presented.map((id) => xs.find((x) => x.id === id)).filter((x): x is T => x !== undefined);
  switch (c.kind) {
    case "single":
    case "multiple":
      return { ...base, options: inOrder(c.options).map((o) => ({ id: o.id, text: o.text })) };
    case "ordering":
      return { ...base, items: inOrder(c.items).map((o) => ({ id: o.id, text: o.text })) };
    case "matching":
      return {
        ...base,
        items: c.pairs.map((p) => ({ id: p.id, text: p.left })),
        choices: inOrder(c.pairs).map((p) => ({ id: p.id, text: p.right })),
      };
    default:
      return base;
  }
}

const STATUS = { open: "in_progress", pending: "submitted", graded: "graded" } as const;

/**
 * An attempt for its viewer. While open: questions and saved answers. After
 * submission the learner sees what the quiz's review mode allows ("none":
 * nothing more, "score": the score, "answers": per question results and the
 * key); facilitators and admins (`full`) always see everything.
 */
export function presentAttempt(a: QuizAttempt, items: QuizAttemptItem[], review: QuizSettings["review"], full: boolean, now: Date) {
  const closed = a.status !== "open";
  const showScore = closed && (full || review !== "none");
  const showAnswers = closed && (full || review === "answers");
  const answers: Record<string, WireAnswer | null> = {};
  for (const i of items) answers[i.question_id] = i.answer === null ? null : writeAnswer(fromJson<Answer>(i.answer));
  return {
    id: a.id,
    enrolmentId: a.enrolment_id,
    lessonId: a.lesson_id,
    number: a.number,
    status: STATUS[a.status],
    closedReason: a.closed_reason,
    startedAt: a.started_at,
    deadline: a.deadline_at,
    secondsLeft: closed ? null : secondsLeft(a.deadline_at, now),
    submittedAt: a.submitted_at,
    questions: items.map((i) => presentAttemptQuestion(i.question_id, fromJson<Snapshot>(i.snapshot), fromJson<string[]>(i.presented))),
    answers,
    score: showScore && a.status === "graded" ? a.percent : null,
    passed: showScore && a.status === "graded" ? a.passed === 1 : null,
    ...(showAnswers
      ? {
          review: items.map((i) => {
            const s = fromJson<Snapshot>(i.snapshot);
            const key = keyOf(s.content);
            return {
              questionId: i.question_id,
              correct: i.correct === null ? null : i.correct === 1,
              points: i.pending === 1 ? null : i.points,
              maxPoints: s.points,
              pending: i.pending === 1,
              feedback: i.feedback,
              correctAnswer: key ? writeAnswer(key) : null,
            };
          }),
        }
      : {}),
  };
}
