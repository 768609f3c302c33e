import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Migration } from "../migrate.js";

export const foundation: Migration = {
  name: "0001_foundation",
  async up(db: Kysely<unknown>, t) {
    await db.schema
      .createTable("agencies")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("code", "text", (c) => c.notNull().unique())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("timezone", "text", (c) => c.notNull())
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("units")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("parent_id", t.id, (c) => c.references("units.id"))
      .addColumn("code", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("timezone", "text", (c) => c.notNull())
      .addColumn("path", "text", (c) => c.notNull())
      .addColumn("depth", "integer", (c) => c.notNull())
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .addUniqueConstraint("units_agency_code_uq", ["agency_id", "code"])
      .execute();
    await db.schema.createIndex("units_path_idx").on("units").column("path").execute();
    await db.schema.createIndex("units_parent_idx").on("units").column("parent_id").execute();

    await db.schema
      .createTable("positions")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("unit_id", t.id, (c) => c.notNull().references("units.id"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("echelon", "integer")
      .addColumn("is_head", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("positions_unit_idx").on("positions").column("unit_id").execute();

    await db.schema
      .createTable("employees")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("unit_id", t.id, (c) => c.notNull().references("units.id"))
      .addColumn("position_id", t.id, (c) => c.references("positions.id"))
      .addColumn("nip", "text", (c) => c.notNull().unique())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("email", "text")
      .addColumn("phone", "text")
      .addColumn("employment_type", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("supervisor_id", t.id, (c) => c.references("employees.id"))
      .addColumn("birth_date", t.date, (c) => c.notNull())
      .addColumn("gender", "text", (c) => c.notNull())
      .addColumn("appointed_on", "text", (c) => c.notNull())
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("employees_unit_idx").on("employees").columns(["unit_id", "status"]).execute();
    await db.schema.createIndex("employees_agency_name_idx").on("employees").columns(["agency_id", "name"]).execute();
    await db.schema.createIndex("employees_position_idx").on("employees").column("position_id").execute();
    await db.schema.createIndex("employees_supervisor_idx").on("employees").column("supervisor_id").execute();
    await db.schema.createIndex("employees_email_uq").on("employees").column("email").unique().where(sql.ref("email"), "is not", null).execute();

    await db.schema
      .createTable("acting_assignments")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("unit_id", t.id, (c) => c.notNull().references("units.id"))
      .addColumn("employee_id", t.id, (c) => c.notNull().references("employees.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("starts_on", t.date, (c) => c.notNull())
      .addColumn("ends_on", t.date, (c) => c.notNull())
      .addColumn("note", "text")
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("acting_unit_idx").on("acting_assignments").columns(["unit_id", "starts_on"]).execute();
    await db.schema.createIndex("acting_employee_idx").on("acting_assignments").column("employee_id").execute();

    await db.schema
      .createTable("users")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("employee_id", t.id, (c) => c.unique().references("employees.id"))
      .addColumn("email", "text", (c) => c.unique())
      .addColumn("display_name", "text", (c) => c.notNull())
      .addColumn("password_hash", "text", (c) => c.notNull())
      .addColumn("must_change_password", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("is_operator", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("is_demo", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("disabled", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("locale", "text", (c) => c.notNull().defaultTo("id"))
      .addColumn("password_changed_at", t.timestamp, (c) => c.notNull())
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("role_grants")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("user_id", t.id, (c) => c.notNull().references("users.id"))
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("unit_id", t.id, (c) => c.references("units.id"))
      .addColumn("created_by", t.id)
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("role_grants_user_idx").on("role_grants").column("user_id").execute();
    await db.schema.createIndex("role_grants_agency_idx").on("role_grants").columns(["agency_id", "role"]).execute();

    await db.schema
      .createTable("sessions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", t.id, (c) => c.notNull().references("users.id"))
      .addColumn("csrf_token", "text", (c) => c.notNull())
      .addColumn("ip", "text")
      .addColumn("user_agent", "text")
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("last_seen_at", t.timestamp, (c) => c.notNull())
      .addColumn("expires_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();
    await db.schema.createIndex("sessions_expires_idx").on("sessions").column("expires_at").execute();

    await db.schema
      .createTable("login_attempts")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("failures", "integer", (c) => c.notNull())
      .addColumn("first_failure_at", t.timestamp, (c) => c.notNull())
      .addColumn("last_failure_at", t.timestamp, (c) => c.notNull())
      .addColumn("locked_until", t.timestamp)
      .execute();

    await db.schema
      .createTable("audit_events")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id)
      .addColumn("actor_user_id", t.id)
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("subject_type", "text", (c) => c.notNull())
      .addColumn("subject_id", "text")
      .addColumn("changes", t.json, (c) => c.notNull())
      .addColumn("ip", "text")
      .addColumn("request_id", "text")
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("audit_agency_time_idx").on("audit_events").columns(["agency_id", "created_at"]).execute();
    await db.schema.createIndex("audit_subject_idx").on("audit_events").columns(["subject_type", "subject_id"]).execute();

    await db.schema
      .createTable("access_log")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id)
      .addColumn("actor_user_id", t.id)
      .addColumn("subject_employee_id", t.id)
      .addColumn("category", "text", (c) => c.notNull())
      .addColumn("detail", "text")
      .addColumn("ip", "text")
      .addColumn("request_id", "text")
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("access_agency_time_idx").on("access_log").columns(["agency_id", "created_at"]).execute();
    await db.schema.createIndex("access_subject_idx").on("access_log").column("subject_employee_id").execute();

    await db.schema
      .createTable("import_jobs")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("created_by", t.id, (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("filename", "text", (c) => c.notNull())
      .addColumn("mode", "text", (c) => c.notNull())
      .addColumn("dry_run", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("total_rows", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("processed_rows", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("updated_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("error_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("errors", t.json, (c) => c.notNull())
      .addColumn("message", "text")
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .addColumn("finished_at", t.timestamp)
      .execute();

    await db.schema
      .createTable("settings")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("value", t.json, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      "settings",
      "import_jobs",
      "access_log",
      "audit_events",
      "login_attempts",
      "sessions",
      "role_grants",
      "users",
      "acting_assignments",
      "employees",
      "positions",
      "units",
      "agencies",
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
