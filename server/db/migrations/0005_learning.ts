import type { Kysely } from "kysely";
import type { Migration } from "../migrate.js";

const TABLES = [
  "learning_path_courses",
  "learning_paths",
  "live_attendance",
  "enrolment_rules",
  "lesson_progress",
  "enrolments",
  "run_facilitators",
  "course_runs",
  "lessons",
  "course_modules",
  "learning_media",
  "courses",
];

/** Flexi learning: courses, runs, enrolments, progress, paths. */
export const learning: Migration = {
  name: "0005_learning",
  async up(db: Kysely<unknown>, t) {
    await db.schema
      .createTable("courses")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("code", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("summary", "text", (c) => c.notNull())
      .addColumn("description_md", "text", (c) => c.notNull())
      .addColumn("topic", "text")
      .addColumn("competency", "text")
      .addColumn("language", "text", (c) => c.notNull())
      .addColumn("jp", t.real, (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("completion_rule", t.json, (c) => c.notNull())
      .addColumn("prerequisite_ids", t.json, (c) => c.notNull())
      .addColumn("search_text", "text", (c) => c.notNull())
      .addColumn("title_search", "text", (c) => c.notNull())
      .addColumn("created_by", t.id)
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .addColumn("published_at", t.timestamp)
      .addUniqueConstraint("courses_code_uq", ["agency_id", "code"])
      .execute();
    await db.schema.createIndex("courses_agency_status_idx").on("courses").columns(["agency_id", "status"]).execute();

    await db.schema
      .createTable("course_modules")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("course_id", t.id, (c) => c.notNull().references("courses.id").onDelete("cascade"))
      .addColumn("ordinal", "integer", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("course_modules_course_idx").on("course_modules").columns(["course_id", "ordinal"]).execute();

    await db.schema
      .createTable("lessons")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("course_id", t.id, (c) => c.notNull().references("courses.id").onDelete("cascade"))
      .addColumn("module_id", t.id, (c) => c.notNull().references("course_modules.id").onDelete("cascade"))
      .addColumn("ordinal", "integer", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("body_md", "text", (c) => c.notNull())
      .addColumn("config", t.json, (c) => c.notNull())
      .addColumn("required", t.bool, (c) => c.notNull().defaultTo(1))
      .addColumn("duration_min", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("lessons_module_idx").on("lessons").columns(["module_id", "ordinal"]).execute();
    await db.schema.createIndex("lessons_course_idx").on("lessons").column("course_id").execute();

    await db.schema
      .createTable("learning_media")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("mime", "text", (c) => c.notNull())
      .addColumn("size", t.bigint, (c) => c.notNull())
      .addColumn("filename", "text", (c) => c.notNull())
      .addColumn("sha256", "text", (c) => c.notNull())
      .addColumn("created_by", t.id, (c) => c.notNull())
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("course_runs")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("course_id", t.id, (c) => c.notNull().references("courses.id").onDelete("cascade"))
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("starts_on", t.date)
      .addColumn("ends_on", t.date)
      .addColumn("enrol_open", t.bool, (c) => c.notNull().defaultTo(1))
      .addColumn("self_paced_days", "integer")
      .addColumn("capacity", "integer")
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("course_runs_course_idx").on("course_runs").column("course_id").execute();

    await db.schema
      .createTable("run_facilitators")
      .addColumn("run_id", t.id, (c) => c.notNull().references("course_runs.id").onDelete("cascade"))
      .addColumn("employee_id", t.id, (c) => c.notNull().references("employees.id"))
      .addPrimaryKeyConstraint("run_facilitators_pk", ["run_id", "employee_id"])
      .execute();
    await db.schema.createIndex("run_facilitators_employee_idx").on("run_facilitators").column("employee_id").execute();

    await db.schema
      .createTable("enrolments")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("run_id", t.id, (c) => c.notNull().references("course_runs.id"))
      .addColumn("course_id", t.id, (c) => c.notNull().references("courses.id"))
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("unit_id", t.id, (c) => c.notNull().references("units.id"))
      .addColumn("employee_id", t.id, (c) => c.notNull().references("employees.id"))
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("due_on", t.date)
      .addColumn("started_at", t.timestamp)
      .addColumn("completed_at", t.timestamp)
      .addColumn("progress_pct", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("score", t.real)
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .addUniqueConstraint("enrolments_run_employee_uq", ["run_id", "employee_id"])
      .execute();
    await db.schema.createIndex("enrolments_employee_idx").on("enrolments").columns(["employee_id", "status"]).execute();
    await db.schema.createIndex("enrolments_course_idx").on("enrolments").columns(["course_id", "employee_id"]).execute();
    await db.schema.createIndex("enrolments_agency_idx").on("enrolments").columns(["agency_id", "status"]).execute();

    await db.schema
      .createTable("lesson_progress")
      .addColumn("enrolment_id", t.id, (c) => c.notNull().references("enrolments.id").onDelete("cascade"))
      .addColumn("lesson_id", t.id, (c) => c.notNull().references("lessons.id").onDelete("cascade"))
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("position_s", t.real, (c) => c.notNull().defaultTo(0))
      .addColumn("watched_s", t.real, (c) => c.notNull().defaultTo(0))
      .addColumn("duration_s", t.real)
      .addColumn("score", t.real)
      .addColumn("passed", t.bool)
      .addColumn("completed_at", t.timestamp)
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint("lesson_progress_pk", ["enrolment_id", "lesson_id"])
      .execute();

    await db.schema
      .createTable("learning_paths")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("description_md", "text", (c) => c.notNull())
      .addColumn("competency", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("created_by", t.id)
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("learning_paths_agency_idx").on("learning_paths").columns(["agency_id", "status"]).execute();

    await db.schema
      .createTable("learning_path_courses")
      .addColumn("path_id", t.id, (c) => c.notNull().references("learning_paths.id").onDelete("cascade"))
      .addColumn("course_id", t.id, (c) => c.notNull().references("courses.id").onDelete("cascade"))
      .addColumn("ordinal", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("learning_path_courses_pk", ["path_id", "course_id"])
      .execute();

    await db.schema
      .createTable("enrolment_rules")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("run_id", t.id, (c) => c.notNull().references("course_runs.id").onDelete("cascade"))
      .addColumn("course_id", t.id, (c) => c.notNull().references("courses.id").onDelete("cascade"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("unit_id", t.id, (c) => c.references("units.id"))
      .addColumn("position_name", "text")
      .addColumn("new_hire_months", "integer")
      .addColumn("due_days", "integer")
      .addColumn("active", t.bool, (c) => c.notNull().defaultTo(1))
      .addColumn("created_by", t.id)
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .addColumn("last_applied_at", t.timestamp)
      .execute();
    await db.schema.createIndex("enrolment_rules_agency_idx").on("enrolment_rules").columns(["agency_id", "active"]).execute();

    await db.schema
      .createTable("live_attendance")
      .addColumn("lesson_id", t.id, (c) => c.notNull().references("lessons.id").onDelete("cascade"))
      .addColumn("run_id", t.id, (c) => c.notNull().references("course_runs.id").onDelete("cascade"))
      .addColumn("employee_id", t.id, (c) => c.notNull().references("employees.id"))
      .addColumn("present", t.bool, (c) => c.notNull())
      .addColumn("recorded_by", t.id, (c) => c.notNull())
      .addColumn("recorded_at", t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint("live_attendance_pk", ["lesson_id", "run_id", "employee_id"])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const name of TABLES) await db.schema.dropTable(name).ifExists().execute();
  },
};
