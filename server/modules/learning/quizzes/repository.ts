import type { Insertable, Updateable } from "kysely";
import type {
  QuestionBankTable,
  QuestionTable,
  QuizAttempt,
  QuizAttemptItemTable,
  QuizAttemptTable,
  QuizSettingsTable,
} from "../../../db/schema-learning-assessment.js";
import type { Db } from "../../../platform/context.js";

export function listBanks(db: Db, agencyId: string) {
  return db
    .selectFrom("question_banks")
    .leftJoin("questions", (j) => j.onRef("questions.bank_id", "=", "question_banks.id").on("questions.archived", "=", 0))
    .selectAll("question_banks")
    .select((eb) => eb.fn.count<number>("questions.id").as("question_count"))
    .where("question_banks.agency_id", "=", agencyId)
    .groupBy([
      "question_banks.id",
      "question_banks.agency_id",
      "question_banks.title",
      "question_banks.description",
      "question_banks.created_by",
      "question_banks.created_at",
      "question_banks.updated_at",
    ])
    .orderBy("question_banks.title")
    .execute();
}

export const getBank = (db: Db, id: string) => db.selectFrom("question_banks").selectAll().where("id", "=", id).executeTakeFirst();
export const insertBank = (db: Db, row: Insertable<QuestionBankTable>) => db.insertInto("question_banks").values(row).execute();

export const listQuestions = (db: Db, bankId: string) =>
  db.selectFrom("questions").selectAll().where("bank_id", "=", bankId).where("archived", "=", 0).orderBy("ordinal").orderBy("id").execute();
export const getQuestion = (db: Db, id: string) => db.selectFrom("questions").selectAll().where("id", "=", id).executeTakeFirst();
export const insertQuestion = (db: Db, row: Insertable<QuestionTable>) => db.insertInto("questions").values(row).execute();
export const updateQuestion = (db: Db, id: string, patch: Updateable<QuestionTable>) => db.updateTable("questions").set(patch).where("id", "=", id).execute();

export async function nextOrdinal(db: Db, bankId: string): Promise<number> {
  const r = await db
    .selectFrom("questions")
    .select((eb) => eb.fn.max<number>("ordinal").as("m"))
    .where("bank_id", "=", bankId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

/** Live question ids per bank, in bank order, for the banks a quiz draws from (of the agency only). */
export async function questionIdsByBank(db: Db, agencyId: string, bankIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (bankIds.length === 0) return out;
  const rows = await db
    .selectFrom("questions")
    .select(["id", "bank_id"])
    .where("bank_id", "in", bankIds)
    .where("agency_id", "=", agencyId)
    .where("archived", "=", 0)
    .orderBy("ordinal")
    .orderBy("id")
    .execute();
  for (const r of rows) out.set(r.bank_id, [...(out.get(r.bank_id) ?? []), r.id]);
  return out;
}

export const questionsByIds = (db: Db, ids: string[]) =>
  ids.length ? db.selectFrom("questions").selectAll().where("id", "in", ids).execute() : Promise.resolve([]);

export const getSettings = (db: Db, lessonId: string) => db.selectFrom("quiz_settings").selectAll().where("lesson_id", "=", lessonId).executeTakeFirst();

export async function upsertSettings(db: Db, row: Insertable<QuizSettingsTable>): Promise<void> {
  const exists = await getSettings(db, row.lesson_id);
  if (exists) await db.updateTable("quiz_settings").set(row).where("lesson_id", "=", row.lesson_id).execute();
  else await db.insertInto("quiz_settings").values(row).execute();
}

export const getAttempt = (db: Db, id: string) => db.selectFrom("quiz_attempts").selectAll().where("id", "=", id).executeTakeFirst();

export const attemptsOf = (db: Db, enrolmentId: string, lessonId: string): Promise<QuizAttempt[]> =>
  db.selectFrom("quiz_attempts").selectAll().where("enrolment_id", "=", enrolmentId).where("lesson_id", "=", lessonId).orderBy("number").execute();

export const insertAttempt = (db: Db, row: Insertable<QuizAttemptTable>) => db.insertInto("quiz_attempts").values(row).execute();
export const updateAttempt = (db: Db, id: string, patch: Updateable<QuizAttemptTable>) =>
  db.updateTable("quiz_attempts").set(patch).where("id", "=", id).execute();

export const insertItems = (db: Db, rows: Insertable<QuizAttemptItemTable>[]) =>
  rows.length ? db.insertInto("quiz_attempt_items").values(rows).execute() : Promise.resolve([]);
export const itemsOf = (db: Db, attemptId: string) =>
  db.selectFrom("quiz_attempt_items").selectAll().where("attempt_id", "=", attemptId).orderBy("ordinal").execute();
export const updateItem = (db: Db, attemptId: string, questionId: string, patch: Updateable<QuizAttemptItemTable>) =>
  db.updateTable("quiz_attempt_items").set(patch).where("attempt_id", "=", attemptId).where("question_id", "=", questionId).execute();

/** Essays waiting for a grade in a run's attempts. */
export function pendingEssays(db: Db, runId: string) {
  return db
    .selectFrom("quiz_attempt_items")
    .innerJoin("quiz_attempts", "quiz_attempts.id", "quiz_attempt_items.attempt_id")
    .innerJoin("employees", "employees.id", "quiz_attempts.employee_id")
    .innerJoin("lessons", "lessons.id", "quiz_attempts.lesson_id")
    .innerJoin("courses", "courses.id", "lessons.course_id")
    .select([
      "quiz_attempt_items.attempt_id",
      "quiz_attempt_items.question_id",
      "quiz_attempt_items.snapshot",
      "quiz_attempt_items.answer",
      "quiz_attempts.submitted_at",
      "employees.name as learner_name",
      "lessons.title as lesson_title",
      "courses.title as course_title",
    ])
    .where("quiz_attempts.run_id", "=", runId)
    .where("quiz_attempts.status", "=", "pending")
    .where("quiz_attempt_items.pending", "=", 1)
    .orderBy("quiz_attempts.submitted_at")
    .execute();
}

export async function courseOfEnrolment(db: Db, enrolmentId: string): Promise<string> {
  const r = await db.selectFrom("enrolments").select("course_id").where("id", "=", enrolmentId).executeTakeFirstOrThrow();
  return r.course_id;
}

/** Closes an attempt once: false when another request closed it first. */
export async function markClosed(db: Db, id: string, reason: "submitted" | "time_limit", at: string): Promise<boolean> {
  const r = await db
    .updateTable("quiz_attempts")
    .set({ status: "pending", closed_reason: reason, submitted_at: at })
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
