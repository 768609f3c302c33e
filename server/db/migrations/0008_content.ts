import type { Kysely } from "kysely";
import type { Migration } from "../migrate.js";

/** Standard content packages (SCORM 1.2/2004, cmi5): their files, launch tokens and SCORM runtime attempts. */
export const content: Migration = {
  name: "0008_content",
  async up(db: Kysely<unknown>, t) {
    await db.schema
      .createTable("content_packages")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("standard", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("filename", "text", (c) => c.notNull())
      .addColumn("manifest", t.json, (c) => c.notNull())
      .addColumn("file_count", "integer", (c) => c.notNull())
      .addColumn("size", t.bigint, (c) => c.notNull())
      .addColumn("sha256", "text", (c) => c.notNull())
      .addColumn("created_by", t.id)
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("content_packages_agency_idx").on("content_packages").columns(["agency_id", "created_at"]).execute();

    await db.schema
      .createTable("content_files")
      .addColumn("package_id", t.id, (c) => c.notNull().references("content_packages.id").onDelete("cascade"))
      .addColumn("path", "text", (c) => c.notNull())
      .addColumn("mime", "text", (c) => c.notNull())
      .addColumn("size", "integer", (c) => c.notNull())
      .addColumn("data", t.blob, (c) => c.notNull())
      .addPrimaryKeyConstraint("content_files_pk", ["package_id", "path"])
      .execute();

    await db.schema
      .createTable("content_launches")
      .addColumn("token_hash", "text", (c) => c.primaryKey())
      .addColumn("package_id", t.id, (c) => c.notNull().references("content_packages.id").onDelete("cascade"))
      .addColumn("agency_id", t.id, (c) => c.notNull())
      .addColumn("employee_id", t.id, (c) => c.notNull())
      .addColumn("enrolment_id", t.id)
      .addColumn("lesson_id", t.id)
      /** The SCORM item or cmi5 AU the launch is for. */
      .addColumn("item_id", "text", (c) => c.notNull())
      .addColumn("attempt_id", t.id)
      /** The content origin the player runs on and the platform origin allowed to frame it. */
      .addColumn("content_origin", "text", (c) => c.notNull())
      .addColumn("platform_origin", "text", (c) => c.notNull())
      .addColumn("expires_at", t.timestamp, (c) => c.notNull())
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("content_launches_expiry_idx").on("content_launches").column("expires_at").execute();

    await db.schema
      .createTable("content_attempts")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("package_id", t.id, (c) => c.notNull().references("content_packages.id").onDelete("cascade"))
      .addColumn("agency_id", t.id, (c) => c.notNull())
      .addColumn("employee_id", t.id, (c) => c.notNull())
      .addColumn("enrolment_id", t.id)
      .addColumn("lesson_id", t.id)
      .addColumn("item_id", "text", (c) => c.notNull())
      .addColumn("attempt_no", "integer", (c) => c.notNull())
      .addColumn("cmi", t.json, (c) => c.notNull())
      .addColumn("completion", "text", (c) => c.notNull())
      .addColumn("success", "text", (c) => c.notNull())
      .addColumn("score_scaled", t.real)
      .addColumn("total_seconds", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("commits", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("suspended", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("terminated_at", t.timestamp)
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .addUniqueConstraint("content_attempts_uq", ["package_id", "employee_id", "enrolment_id", "item_id", "attempt_no"])
      .execute();
    await db.schema.createIndex("content_attempts_learner_idx").on("content_attempts").columns(["employee_id", "package_id"]).execute();

    await db.schema
      .createTable("cmi5_registrations")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("package_id", t.id, (c) => c.notNull().references("content_packages.id").onDelete("cascade"))
      .addColumn("agency_id", t.id, (c) => c.notNull())
      .addColumn("employee_id", t.id, (c) => c.notNull())
      /** "" for an author's preview. */
      .addColumn("enrolment_id", "text", (c) => c.notNull())
      .addColumn("lesson_id", t.id)
      .addColumn("satisfied_at", t.timestamp)
      .addColumn("satisfied_blocks", t.json, (c) => c.notNull())
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addUniqueConstraint("cmi5_registrations_uq", ["package_id", "employee_id", "enrolment_id"])
      .execute();

    await db.schema
      .createTable("cmi5_au_states")
      .addColumn("registration_id", t.id, (c) => c.notNull().references("cmi5_registrations.id").onDelete("cascade"))
      .addColumn("au_id", "text", (c) => c.notNull())
      .addColumn("completed", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("passed", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("failed", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("waived", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("score_scaled", t.real)
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint("cmi5_au_states_pk", ["registration_id", "au_id"])
      .execute();

    await db.schema
      .createTable("cmi5_sessions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("registration_id", t.id, (c) => c.notNull().references("cmi5_registrations.id").onDelete("cascade"))
      .addColumn("au_id", "text", (c) => c.notNull())
      .addColumn("au_activity_id", "text", (c) => c.notNull())
      .addColumn("launch_mode", "text", (c) => c.notNull())
      .addColumn("mastery_score", t.real)
      .addColumn("move_on", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("verbs", t.json, (c) => c.notNull())
      .addColumn("fetch_token_hash", "text", (c) => c.notNull().unique())
      .addColumn("fetch_used", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("credential_key", "text")
      .addColumn("expires_at", t.timestamp, (c) => c.notNull())
      .addColumn("launched_at", t.timestamp, (c) => c.notNull())
      .addColumn("last_statement_at", t.timestamp)
      .addColumn("ended_at", t.timestamp)
      .execute();
    await db.schema.createIndex("cmi5_sessions_registration_idx").on("cmi5_sessions").columns(["registration_id", "au_id"]).execute();
    await db.schema.createIndex("cmi5_sessions_key_idx").on("cmi5_sessions").column("credential_key").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("cmi5_sessions").execute();
    await db.schema.dropTable("cmi5_au_states").execute();
    await db.schema.dropTable("cmi5_registrations").execute();
    await db.schema.dropTable("content_attempts").execute();
    await db.schema.dropTable("content_launches").execute();
    await db.schema.dropTable("content_files").execute();
    await db.schema.dropTable("content_packages").execute();
  },
};
