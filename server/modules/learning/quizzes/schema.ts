import { z } from "zod";
import { QUESTION_KINDS } from "./types.js";

export const IdParams = z.object({ id: z.uuid() });
export const AttemptAnswerParams = z.object({ id: z.uuid(), questionId: z.uuid() });
export const EnrolmentLessonParams = z.object({ id: z.uuid(), lessonId: z.uuid() });

const Key = z.string().trim().min(1).max(40);
const Text = z.string().trim().min(1).max(2000);
const OptionIn = z.object({ id: Key, text: Text });

export const QuestionContentIn = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("single"), options: z.array(OptionIn).min(2).max(20), correct: Key }),
  z.object({ kind: z.literal("multiple"), options: z.array(OptionIn).min(2).max(20), correct: z.array(Key).min(1).max(20) }),
  z.object({ kind: z.literal("true_false"), correct: z.boolean() }),
  z.object({ kind: z.literal("short"), accepted: z.array(z.string().trim().min(1).max(200)).min(1).max(20) }),
  z.object({
    kind: z.literal("matching"),
    pairs: z
      .array(z.object({ id: Key, left: Text, right: Text }))
      .min(2)
      .max(20),
  }),
  z.object({ kind: z.literal("ordering"), items: z.array(OptionIn).min(2).max(20) }),
  z.object({ kind: z.literal("essay"), guidance: z.string().max(4000).nullable().default(null) }),
]);

export const QuestionIn = z.object({
  prompt: z.string().trim().min(1).max(4000),
  points: z.number().positive().max(100).default(1),
  content: QuestionContentIn,
});
export const QuestionPatch = QuestionIn.partial();

export const QuestionOut = z.object({
  id: z.string(),
  bankId: z.string(),
  type: z.enum(QUESTION_KINDS),
  prompt: z.string(),
  points: z.number(),
  content: z.unknown(),
  ordinal: z.number(),
  updatedAt: z.string(),
});

export const BankIn = z.object({ title: z.string().trim().min(1).max(200), description: z.string().max(2000).default("") });
export const BankOut = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  questionCount: z.number(),
  updatedAt: z.string(),
});

export const QuizSettingsIn = z.object({
  draws: z
    .array(z.object({ bankId: z.uuid(), count: z.number().int().min(1).max(200) }))
    .min(1)
    .max(20),
  shuffleQuestions: z.boolean().default(true),
  shuffleOptions: z.boolean().default(true),
  maxAttempts: z.number().int().min(1).max(100).nullable().default(null),
  timeLimitMinutes: z.number().int().min(1).max(600).nullable().default(null),
  passingScore: z.number().min(0).max(100).default(70),
  review: z.enum(["none", "score", "answers"]).default("score"),
});
export const QuizSettingsOut = QuizSettingsIn.extend({ lessonId: z.string(), questionCount: z.number(), updatedAt: z.string() });

/** single: option id; multiple / ordering: ids; true_false: boolean; short / essay: text; matching: {leftId: rightId}. */
export const AnswerValue = z.union([
  z.string().max(20_000),
  z.array(z.string().max(40)).max(50),
  z.boolean(),
  z.record(z.string().max(40), z.string().max(40)),
]);
export const AnswerIn = z.object({ answer: AnswerValue.nullable() });
export const AnswerSaved = z.object({ questionId: z.string(), savedAt: z.string(), secondsLeft: z.number().nullable() });

export const AttemptQuestionOut = z.object({
  id: z.string(),
  type: z.enum(QUESTION_KINDS),
  prompt: z.string(),
  points: z.number(),
  options: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
  items: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
  choices: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
});

export const ReviewItemOut = z.object({
  questionId: z.string(),
  correct: z.boolean().nullable(),
  points: z.number().nullable(),
  maxPoints: z.number(),
  pending: z.boolean(),
  feedback: z.string().nullable(),
  correctAnswer: AnswerValue.nullable().optional(),
});

export const AttemptOut = z.object({
  id: z.string(),
  enrolmentId: z.string(),
  lessonId: z.string(),
  number: z.number(),
  status: z.enum(["in_progress", "submitted", "graded"]),
  closedReason: z.enum(["submitted", "time_limit"]).nullable(),
  startedAt: z.string(),
  deadline: z.string().nullable(),
  secondsLeft: z.number().nullable(),
  submittedAt: z.string().nullable(),
  questions: z.array(AttemptQuestionOut),
  answers: z.record(z.string(), AnswerValue.nullable()),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  review: z.array(ReviewItemOut).optional(),
});

export const QuizInfoOut = z.object({
  attemptsAllowed: z.number().nullable(),
  attemptsUsed: z.number(),
  timeLimitMinutes: z.number().nullable(),
  passingScore: z.number(),
  bestScore: z.number().nullable(),
  passed: z.boolean(),
  openAttemptId: z.string().nullable(),
  lastAttemptId: z.string().nullable(),
});

export const EssayGradesIn = z.object({
  grades: z
    .array(z.object({ questionId: z.uuid(), points: z.number(), feedback: z.string().max(4000).nullable().default(null) }))
    .min(1)
    .max(100),
});
