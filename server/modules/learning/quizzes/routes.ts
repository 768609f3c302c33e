import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import { getAttempt, saveAnswer, startAttempt, submitAttempt } from "./attempts.js";
import * as banks from "./banks.js";
import { gradeAttempt } from "./grading.js";
import { quizInfo } from "./info.js";
import {
  AnswerIn,
  AnswerSaved,
  AttemptAnswerParams,
  AttemptOut,
  BankIn,
  BankOut,
  EnrolmentLessonParams,
  EssayGradesIn,
  IdParams,
  QuestionIn,
  QuestionOut,
  QuestionPatch,
  QuizInfoOut,
  QuizSettingsIn,
  QuizSettingsOut,
} from "./schema.js";
import { getQuizSettings, putQuizSettings } from "./settings.js";

const tags = ["learning: quizzes"];
const BankQuestionParams = z.object({ id: z.uuid(), questionId: z.uuid() });

export async function quizRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get("/banks", { schema: { tags, summary: "The agency's question banks (learning admins)", response: { 200: z.array(BankOut) } } }, async (req) =>
    banks.listBanks(ctxOf(req)),
  );
  app.post("/banks", { schema: { tags, summary: "Create a question bank", body: BankIn, response: { 201: BankOut } } }, async (req, reply) =>
    reply.status(201).send(await banks.createBank(ctxOf(req), req.body)),
  );
  app.get(
    "/banks/:id/questions",
    { schema: { tags, summary: "Questions of a bank, with their keys", params: IdParams, response: { 200: z.array(QuestionOut) } } },
    async (req) => banks.listQuestions(ctxOf(req), req.params.id),
  );
  app.post(
    "/banks/:id/questions",
    { schema: { tags, summary: "Add a question (content per type; see README)", params: IdParams, body: QuestionIn, response: { 201: QuestionOut } } },
    async (req, reply) => reply.status(201).send(await banks.createQuestion(ctxOf(req), req.params.id, req.body)),
  );
  app.patch(
    "/banks/:id/questions/:questionId",
    {
      schema: {
        tags,
        summary: "Edit a question (past attempts keep what they drew)",
        params: BankQuestionParams,
        body: QuestionPatch,
        response: { 200: QuestionOut },
      },
    },
    async (req) => banks.updateQuestion(ctxOf(req), req.params.id, req.params.questionId, req.body),
  );
  app.delete(
    "/banks/:id/questions/:questionId",
    { schema: { tags, summary: "Remove a question from the bank", params: BankQuestionParams } },
    async (req, reply) => {
      await banks.deleteQuestion(ctxOf(req), req.params.id, req.params.questionId);
      return reply.status(204).send();
    },
  );

  app.get("/lessons/:id/quiz", { schema: { tags, summary: "A quiz lesson's settings", params: IdParams, response: { 200: QuizSettingsOut } } }, async (req) =>
    getQuizSettings(ctxOf(req), req.params.id),
  );
  app.put(
    "/lessons/:id/quiz",
    {
      schema: {
        tags,
        summary: "Set a quiz lesson's draws, shuffling, attempts, time limit, passing score and review",
        params: IdParams,
        body: QuizSettingsIn,
        response: { 200: QuizSettingsOut },
      },
    },
    async (req) => putQuizSettings(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/enrolments/:id/lessons/:lessonId/quiz",
    {
      schema: {
        tags,
        summary: "The learner's quiz summary: attempts used and allowed, best score, open attempt",
        params: EnrolmentLessonParams,
        response: { 200: QuizInfoOut },
      },
    },
    async (req) => quizInfo(ctxOf(req), req.params.id, req.params.lessonId),
  );
  app.post(
    "/enrolments/:id/lessons/:lessonId/attempts",
    {
      schema: {
        tags,
        summary: "Start an attempt (201) or resume the open one (200)",
        description: "Questions come without their keys. 409 when the attempts allowed are used up (reason attempts_exhausted).",
        params: EnrolmentLessonParams,
        response: { 200: AttemptOut, 201: AttemptOut },
      },
    },
    async (req, reply) => {
      const r = await startAttempt(ctxOf(req), req.params.id, req.params.lessonId);
      return reply.status(r.status).send(r.body);
    },
  );
  app.put(
    "/attempts/:id/answers/:questionId",
    {
      schema: {
        tags,
        summary: "Save one answer",
        description:
          "answer: single → option id; multiple → option ids; true_false → boolean; short, essay → text; matching → {leftId: choiceId}; ordering → item ids; null clears. After the time limit (+30 s) the attempt is closed with the saved answers and 409 (reason time_limit) is answered. A question not in the attempt is 422.",
        params: AttemptAnswerParams,
        body: AnswerIn,
        response: { 200: AnswerSaved },
      },
    },
    async (req) => saveAnswer(ctxOf(req), req.params.id, req.params.questionId, req.body.answer),
  );
  app.post(
    "/attempts/:id/submit",
    {
      schema: {
        tags,
        summary: "Submit the attempt; after the time limit: closed with the saved answers, 409",
        params: IdParams,
        response: { 200: AttemptOut },
      },
    },
    async (req) => submitAttempt(ctxOf(req), req.params.id),
  );
  app.get(
    "/attempts/:id",
    {
      schema: {
        tags,
        summary: "An attempt: the learner sees the review the quiz allows; facilitators and admins see all",
        params: IdParams,
        response: { 200: AttemptOut },
      },
    },
    async (req) => getAttempt(ctxOf(req), req.params.id),
  );
  app.post(
    "/attempts/:id/grade",
    {
      schema: {
        tags,
        summary: "Grade essays of a submitted attempt (the run's facilitators)",
        params: IdParams,
        body: EssayGradesIn,
        response: { 200: AttemptOut },
      },
    },
    async (req) => gradeAttempt(ctxOf(req), req.params.id, req.body.grades),
  );
}
