import type { Kysely } from "kysely";
import type { Migration } from "../migrate.js";

const TABLES = [
  "certificates",
  "jp_claims",
  "jp_ledger",
  "assignment_submissions",
  "assignment_settings",
  "quiz_attempt_items",
  "quiz_attempts",
  "quiz_settings",
  "questions",
  "question_banks",
];

/** Quizzes, assignments, the JP ledger and certificates. */
export const learningAssessment: Migration = {
  name: "0006_learning_assessment",
  async up(db: Kysely<unknown>, t) {
    await db.schema
      .createTable("question_banks")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("created_by", t.id)
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("question_banks_agency_idx").on("question_banks").column("agency_id").execute();

    await db.schema
      .createTable("questions")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("bank_id", t.id, (c) => c.notNull().references("question_banks.id"))
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("prompt", "text", (c) => c.notNull())
      .addColumn("points", t.real, (c) => c.notNull())
      .addColumn("content", t.json, (c) => c.notNull())
      .addColumn("ordinal", "integer", (c) => c.notNull())
      .addColumn("archived", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("questions_bank_idx").on("questions").columns(["bank_id", "archived", "ordinal"]).execute();

    await db.schema
      .createTable("quiz_settings")
      .addColumn("lesson_id", t.id, (c) => c.primaryKey().references("lessons.id").onDelete("cascade"))
      .addColumn("draws", t.json, (c) => c.notNull())
      .addColumn("shuffle_questions", t.bool, (c) => c.notNull())
      .addColumn("shuffle_options", t.bool, (c) => c.notNull())
      .addColumn("max_attempts", "integer")
      .addColumn("time_limit_min", "integer")
      .addColumn("passing_score", t.real, (c) => c.notNull())
      .addColumn("review", "text", (c) => c.notNull())
      .addColumn("updated_by", t.id)
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("quiz_attempts")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("enrolment_id", t.id, (c) => c.notNull().references("enrolments.id"))
      .addColumn("lesson_id", t.id, (c) => c.notNull().references("lessons.id"))
      .addColumn("run_id", t.id, (c) => c.notNull())
      .addColumn("employee_id", t.id, (c) => c.notNull().references("employees.id"))
      .addColumn("number", "integer", (c) => c.notNull())
      .addColumn("seed", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("closed_reason", "text")
      .addColumn("started_at", t.timestamp, (c) => c.notNull())
      .addColumn("deadline_at", t.timestamp)
      .addColumn("submitted_at", t.timestamp)
      .addColumn("points", t.real)
      .addColumn("max_points", t.real)
      .addColumn("percent", t.real)
      .addColumn("passed", t.bool)
      .addColumn("graded_by", t.id)
      .addColumn("graded_at", t.timestamp)
      .addUniqueConstraint("quiz_attempts_number_uq", ["enrolment_id", "lesson_id", "number"])
      .execute();
    await db.schema.createIndex("quiz_attempts_run_status_idx").on("quiz_attempts").columns(["run_id", "status"]).execute();

    await db.schema
      .createTable("quiz_attempt_items")
      .addColumn("attempt_id", t.id, (c) => c.notNull().references("quiz_attempts.id").onDelete("cascade"))
      .addColumn("question_id", t.id, (c) => c.notNull().references("questions.id"))
      .addColumn("ordinal", "integer", (c) => c.notNull())
      .addColumn("snapshot", t.json, (c) => c.notNull())
      .addColumn("presented", t.json, (c) => c.notNull())
      .addColumn("answer", t.json)
      .addColumn("answered_at", t.timestamp)
      .addColumn("points", t.real)
      .addColumn("pending", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("correct", t.bool)
      .addColumn("feedback", "text")
      .addPrimaryKeyConstraint("quiz_attempt_items_pk", ["attempt_id", "question_id"])
      .execute();

    await db.schema
      .createTable("assignment_settings")
      .addColumn("lesson_id", t.id, (c) => c.primaryKey().references("lessons.id").onDelete("cascade"))
      .addColumn("instructions_md", "text", (c) => c.notNull())
      .addColumn("submission", "text", (c) => c.notNull())
      .addColumn("due_at", t.timestamp)
      .addColumn("rubric", t.json, (c) => c.notNull())
      .addColumn("passing_score", t.real, (c) => c.notNull())
      .addColumn("allow_resubmission", t.bool, (c) => c.notNull())
      .addColumn("updated_by", t.id)
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("assignment_submissions")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("enrolment_id", t.id, (c) => c.notNull().references("enrolments.id"))
      .addColumn("lesson_id", t.id, (c) => c.notNull().references("lessons.id"))
      .addColumn("run_id", t.id, (c) => c.notNull())
      .addColumn("employee_id", t.id, (c) => c.notNull().references("employees.id"))
      .addColumn("revision", "integer", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("text", "text")
      .addColumn("file_name", "text")
      .addColumn("file_mime", "text")
      .addColumn("file_size", "integer")
      .addColumn("file_data", t.blob)
      .addColumn("late", t.bool, (c) => c.notNull())
      .addColumn("submitted_at", t.timestamp, (c) => c.notNull())
      .addColumn("marks", t.json)
      .addColumn("points", t.real)
      .addColumn("max_points", t.real)
      .addColumn("percent", t.real)
      .addColumn("passed", t.bool)
      .addColumn("feedback", "text")
      .addColumn("graded_by", t.id)
      .addColumn("graded_at", t.timestamp)
      .addUniqueConstraint("assignment_submissions_revision_uq", ["enrolment_id", "lesson_id", "revision"])
      .execute();
    await db.schema.createIndex("assignment_submissions_run_status_idx").on("assignment_submissions").columns(["run_id", "status"]).execute();

    await db.schema
      .createTable("jp_ledger")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("employee_id", t.id, (c) => c.notNull().references("employees.id"))
      .addColumn("year", "integer", (c) => c.notNull())
      .addColumn("jp", t.real, (c) => c.notNull())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("ref_id", t.id, (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("earned_on", t.date, (c) => c.notNull())
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addUniqueConstraint("jp_ledger_source_ref_uq", ["source", "ref_id"])
      .execute();
    await db.schema.createIndex("jp_ledger_employee_year_idx").on("jp_ledger").columns(["employee_id", "year"]).execute();
    await db.schema.createIndex("jp_ledger_agency_year_idx").on("jp_ledger").columns(["agency_id", "year"]).execute();

    await db.schema
      .createTable("jp_claims")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("employee_id", t.id, (c) => c.notNull().references("employees.id"))
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("provider", "text", (c) => c.notNull())
      .addColumn("jp", t.real, (c) => c.notNull())
      .addColumn("started_on", t.date, (c) => c.notNull())
      .addColumn("ended_on", t.date, (c) => c.notNull())
      .addColumn("evidence_name", "text", (c) => c.notNull())
      .addColumn("evidence_mime", "text", (c) => c.notNull())
      .addColumn("evidence_size", "integer", (c) => c.notNull())
      .addColumn("evidence_sha256", "text", (c) => c.notNull())
      .addColumn("evidence_data", t.blob, (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("note", "text")
      .addColumn("decided_by", t.id)
      .addColumn("decided_at", t.timestamp)
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("jp_claims_agency_status_idx").on("jp_claims").columns(["agency_id", "status"]).execute();
    await db.schema.createIndex("jp_claims_employee_idx").on("jp_claims").column("employee_id").execute();

    await db.schema
      .createTable("certificates")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("employee_id", t.id, (c) => c.notNull().references("employees.id"))
      .addColumn("enrolment_id", t.id, (c) => c.notNull().unique().references("enrolments.id"))
      .addColumn("course_id", t.id, (c) => c.notNull().references("courses.id"))
      .addColumn("number", "text", (c) => c.notNull().unique())
      .addColumn("year", "integer", (c) => c.notNull())
      .addColumn("serial", "integer", (c) => c.notNull())
      .addColumn("employee_name", "text", (c) => c.notNull())
      .addColumn("course_title", "text", (c) => c.notNull())
      .addColumn("jp", t.real, (c) => c.notNull())
      .addColumn("issued_on", t.date, (c) => c.notNull())
      .addColumn("revoked_at", t.timestamp)
      .addColumn("revoked_by", t.id)
      .addColumn("revoke_reason", "text")
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addUniqueConstraint("certificates_serial_uq", ["year", "serial"])
      .execute();
    await db.schema.createIndex("certificates_employee_idx").on("certificates").column("employee_id").execute();
  },
  async down(db: Kysely<unknown>) {
    for (const name of TABLES) await db.schema.dropTable(name).ifExists().execute();
  },
};
