import type { z } from "zod";
import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { QuestionBank } from "../../../db/schema-learning-assessment.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { type FieldError, invalid, notFound } from "../../../platform/errors.js";
import { agencyOf, authorize } from "../../org/policies.js";
import { learningPolicy } from "../policies.js";
import { presentBank, presentQuestion } from "./presenter.js";
import * as repo from "./repository.js";
import type { BankIn, QuestionIn, QuestionPatch } from "./schema.js";
import { normaliseShort } from "./scoring.js";
import type { QuestionContent } from "./types.js";

/** Banks are authored by the agency's learning admins; another agency's bank is not found. */
async function loadBank(ctx: Ctx, id: string): Promise<QuestionBank> {
  const bank = await repo.getBank(ctx.db, id);
  if (!bank || !learningPolicy.visibleAgency(ctx.actor, bank.agency_id)) throw notFound("Question bank");
  authorize(learningPolicy.author(ctx.actor, bank.agency_id), "Only learning admins edit question banks");
  return bank;
}

export async function listBanks(ctx: Ctx) {
  const agencyId = agencyOf(ctx.actor);
  authorize(learningPolicy.author(ctx.actor, agencyId), "Only learning admins see question banks");
  return (await repo.listBanks(ctx.db, agencyId)).map(presentBank);
}

export async function createBank(ctx: Ctx, input: z.infer<typeof BankIn>) {
  const agencyId = agencyOf(ctx.actor);
  authorize(learningPolicy.author(ctx.actor, agencyId), "Only learning admins create question banks");
  const now = ctx.now().toISOString();
  const row = {
    id: newId(),
    agency_id: agencyId,
    title: input.title,
    description: input.description,
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertBank(trx, row);
    await audit(trx, ctx, { action: "learning.bank.created", subjectType: "question_bank", subjectId: row.id, agencyId, changes: { title: row.title } });
  });
  return presentBank({ ...row, question_count: 0 });
}

export async function listQuestions(ctx: Ctx, bankId: string) {
  const bank = await loadBank(ctx, bankId);
  return (await repo.listQuestions(ctx.db, bank.id)).map(presentQuestion);
}

/** The rules a question's content must follow beyond its shape. */
export function checkContent(c: QuestionContent): FieldError[] {
  const errors: FieldError[] = [];
  const unique = (ids: string[], path: string) => {
    if (new Set(ids).size !== ids.length) errors.push({ path, message: "ids must be unique" });
  };
  if (c.kind === "single" || c.kind === "multiple") {
    const ids = c.options.map((o) => o.id);
    unique(ids, "content.options");
    const correct = c.kind === "single" ? [c.correct] : c.correct;
    if (correct.some((id) => !ids.includes(id))) errors.push({ path: "content.correct", message: "must name options of this question" });
    if (c.kind === "multiple") unique(c.correct, "content.correct");
  }
  if (c.kind === "matching")
    unique(
      c.pairs.map((p) => p.id),
      "content.pairs",
    );
  if (c.kind === "ordering")
    unique(
      c.items.map((i) => i.id),
      "content.items",
    );
  if (c.kind === "short" && c.accepted.some((a) => normaliseShort(a) === ""))
    errors.push({ path: "content.accepted", message: "an accepted answer needs letters or digits" });
  return errors;
}

export async function createQuestion(ctx: Ctx, bankId: string, input: z.infer<typeof QuestionIn>) {
  const bank = await loadBank(ctx, bankId);
  const errors = checkContent(input.content);
  if (errors.length) throw invalid(errors);
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = {
      id: newId(),
      bank_id: bank.id,
      agency_id: bank.agency_id,
      kind: input.content.kind,
      prompt: input.prompt,
      points: input.points,
      content: toJson(input.content),
      ordinal: await repo.nextOrdinal(trx, bank.id),
      archived: 0,
      created_at: now,
      updated_at: now,
    };
    await repo.insertQuestion(trx, row);
    await audit(trx, ctx, {
      action: "learning.question.created",
      subjectType: "question",
      subjectId: row.id,
      agencyId: bank.agency_id,
      changes: { bankId, kind: row.kind },
    });
    return presentQuestion(row);
  });
}

async function loadQuestion(ctx: Ctx, bankId: string, questionId: string) {
  const bank = await loadBank(ctx, bankId);
  const q = await repo.getQuestion(ctx.db, questionId);
  if (!q || q.bank_id !== bank.id || q.archived === 1) throw notFound("Question");
  return { bank, q };
}

/** Edits change future attempts only: attempts keep the question as drawn. */
export async function updateQuestion(ctx: Ctx, bankId: string, questionId: string, input: z.infer<typeof QuestionPatch>) {
  const { bank, q } = await loadQuestion(ctx, bankId, questionId);
  if (input.content) {
    const errors = checkContent(input.content);
    if (errors.length) throw invalid(errors);
  }
  const patch = {
    ...(input.prompt !== undefined ? { prompt: input.prompt } : {}),
    ...(input.points !== undefined ? { points: input.points } : {}),
    ...(input.content ? { kind: input.content.kind, content: toJson(input.content) } : {}),
    updated_at: ctx.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateQuestion(trx, q.id, patch);
    await audit(trx, ctx, {
      action: "learning.question.updated",
      subjectType: "question",
      subjectId: q.id,
      agencyId: bank.agency_id,
      changes: { fields: Object.keys(patch) },
    });
  });
  return presentQuestion({ ...q, ...patch });
}

export async function deleteQuestion(ctx: Ctx, bankId: string, questionId: string): Promise<void> {
  const { bank, q } = await loadQuestion(ctx, bankId, questionId);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateQuestion(trx, q.id, { archived: 1, updated_at: ctx.now().toISOString() });
    await audit(trx, ctx, { action: "learning.question.deleted", subjectType: "question", subjectId: q.id, agencyId: bank.agency_id, changes: { bankId } });
  });
}
