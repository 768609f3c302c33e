import type { Kysely } from "kysely";
import type { Migration } from "../migrate.js";

/** Daily logbook: places, check-ins, health self-checks, SKP targets, daily reports, files, calendar; plus idempotency and notifications. */
export const logbook: Migration = {
  name: "0002_logbook",
  async up(db: Kysely<unknown>, t) {
    await db.schema
      .createTable("places")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("unit_id", t.id, (c) => c.references("units.id"))
      .addColumn("employee_id", t.id, (c) => c.references("employees.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("lat", t.real, (c) => c.notNull())
      .addColumn("lng", t.real, (c) => c.notNull())
      .addColumn("radius_m", "integer")
      .addColumn("polygon", t.json)
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("decided_by", t.id)
      .addColumn("decided_at", t.timestamp)
      .addColumn("created_by", t.id)
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("places_agency_idx").on("places").columns(["agency_id", "kind"]).execute();
    await db.schema.createIndex("places_employee_idx").on("places").column("employee_id").execute();

    await db.schema
      .createTable("checkins")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("unit_id", t.id, (c) => c.notNull().references("units.id"))
      .addColumn("employee_id", t.id, (c) => c.notNull().references("employees.id"))
      .addColumn("work_date", t.date, (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("mode", "text", (c) => c.notNull())
      .addColumn("expected_mode", "text")
      .addColumn("server_time", t.timestamp, (c) => c.notNull())
      .addColumn("device_time", t.timestamp)
      .addColumn("lat", t.real)
      .addColumn("lng", t.real)
      .addColumn("accuracy_m", t.real)
      .addColumn("position_error", "text")
      .addColumn("geofence", "text", (c) => c.notNull())
      .addColumn("place_id", t.id)
      .addColumn("place_name", "text")
      .addColumn("distance_m", t.real)
      .addColumn("minutes_off", "integer")
      .addColumn("coords_purged_at", t.timestamp)
      .addColumn("note", "text")
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addUniqueConstraint("checkins_day_uq", ["employee_id", "work_date", "kind"])
      .execute();
    await db.schema.createIndex("checkins_agency_date_idx").on("checkins").columns(["agency_id", "work_date"]).execute();
    await db.schema.createIndex("checkins_unit_date_idx").on("checkins").columns(["unit_id", "work_date"]).execute();
    await db.schema.createIndex("checkins_purge_idx").on("checkins").columns(["coords_purged_at", "work_date"]).execute();

    await db.schema
      .createTable("health_forms")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("questions", t.json, (c) => c.notNull())
      .addColumn("rule", t.json, (c) => c.notNull())
      .addColumn("created_by", t.id)
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addUniqueConstraint("health_forms_version_uq", ["agency_id", "version"])
      .execute();

    await db.schema
      .createTable("health_checks")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("unit_id", t.id, (c) => c.notNull().references("units.id"))
      .addColumn("employee_id", t.id, (c) => c.notNull().references("employees.id"))
      .addColumn("work_date", t.date, (c) => c.notNull())
      .addColumn("form_id", t.id, (c) => c.notNull().references("health_forms.id"))
      .addColumn("answers", t.json)
      .addColumn("cleared", t.bool, (c) => c.notNull())
      .addColumn("reasons", t.json, (c) => c.notNull())
      .addColumn("answers_purged_at", t.timestamp)
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .addUniqueConstraint("health_checks_day_uq", ["employee_id", "work_date"])
      .execute();
    await db.schema.createIndex("health_agency_date_idx").on("health_checks").columns(["agency_id", "work_date"]).execute();
    await db.schema.createIndex("health_purge_idx").on("health_checks").columns(["answers_purged_at", "work_date"]).execute();

    await db.schema
      .createTable("skp_targets")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("employee_id", t.id, (c) => c.notNull().references("employees.id"))
      .addColumn("period", "text", (c) => c.notNull())
      .addColumn("code", "text")
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("indicators", t.json, (c) => c.notNull())
      .addColumn("archived", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("created_by", t.id)
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("skp_employee_period_idx").on("skp_targets").columns(["employee_id", "period"]).execute();

    await db.schema
      .createTable("files")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("owner_user_id", t.id, (c) => c.notNull().references("users.id"))
      .addColumn("purpose", "text", (c) => c.notNull())
      .addColumn("filename", "text", (c) => c.notNull())
      .addColumn("mime", "text", (c) => c.notNull())
      .addColumn("size", "integer", (c) => c.notNull())
      .addColumn("sha256", "text", (c) => c.notNull())
      .addColumn("data", t.blob, (c) => c.notNull())
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("files_owner_idx").on("files").column("owner_user_id").execute();

    await db.schema
      .createTable("daily_reports")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("unit_id", t.id, (c) => c.notNull().references("units.id"))
      .addColumn("employee_id", t.id, (c) => c.notNull().references("employees.id"))
      .addColumn("work_date", t.date, (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("deadline_at", t.timestamp, (c) => c.notNull())
      .addColumn("submitted_at", t.timestamp)
      .addColumn("reviewed_at", t.timestamp)
      .addColumn("reviewer_employee_id", t.id)
      .addColumn("review_comment", "text")
      .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .addUniqueConstraint("daily_reports_day_uq", ["employee_id", "work_date"])
      .execute();
    await db.schema.createIndex("reports_agency_date_idx").on("daily_reports").columns(["agency_id", "work_date", "status"]).execute();
    await db.schema.createIndex("reports_status_idx").on("daily_reports").columns(["status", "employee_id"]).execute();

    await db.schema
      .createTable("report_activities")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("report_id", t.id, (c) => c.notNull().references("daily_reports.id").onDelete("cascade"))
      .addColumn("ordinal", "integer", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("rhk_id", t.id, (c) => c.references("skp_targets.id"))
      .addColumn("output_qty", t.real, (c) => c.notNull())
      .addColumn("output_unit", "text", (c) => c.notNull())
      .addColumn("minutes", "integer", (c) => c.notNull())
      .addColumn("evidence_url", "text")
      .addColumn("evidence_file_id", t.id, (c) => c.references("files.id"))
      .execute();
    await db.schema.createIndex("activities_report_idx").on("report_activities").column("report_id").execute();
    await db.schema.createIndex("activities_rhk_idx").on("report_activities").column("rhk_id").execute();

    await db.schema
      .createTable("report_events")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("report_id", t.id, (c) => c.notNull().references("daily_reports.id").onDelete("cascade"))
      .addColumn("actor_user_id", t.id)
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("comment", "text")
      .addColumn("snapshot", t.json, (c) => c.notNull())
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("report_events_report_idx").on("report_events").column("report_id").execute();

    await db.schema
      .createTable("calendar_days")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("date", t.date, (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("name_id", "text", (c) => c.notNull())
      .addColumn("name_en", "text", (c) => c.notNull())
      .addColumn("legal_basis", "text", (c) => c.notNull())
      .addColumn("dataset", "text", (c) => c.notNull())
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .addUniqueConstraint("calendar_days_uq", ["date", "kind"])
      .execute();

    await db.schema
      .createTable("calendar_periods")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("starts_on", t.date, (c) => c.notNull())
      .addColumn("ends_on", t.date, (c) => c.notNull())
      .addColumn("name_id", "text", (c) => c.notNull())
      .addColumn("name_en", "text", (c) => c.notNull())
      .addColumn("legal_basis", "text", (c) => c.notNull())
      .addColumn("dataset", "text", (c) => c.notNull())
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("idempotency_keys")
      .addColumn("user_id", t.id, (c) => c.notNull())
      .addColumn("key", "text", (c) => c.notNull())
      .addColumn("method", "text", (c) => c.notNull())
      .addColumn("path", "text", (c) => c.notNull())
      .addColumn("body_hash", "text", (c) => c.notNull())
      .addColumn("status_code", "integer", (c) => c.notNull())
      .addColumn("response", t.json, (c) => c.notNull())
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint("idempotency_keys_pk", ["user_id", "key"])
      .execute();
    await db.schema.createIndex("idempotency_created_idx").on("idempotency_keys").column("created_at").execute();

    await db.schema
      .createTable("notifications")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("user_id", t.id, (c) => c.notNull().references("users.id"))
      .addColumn("agency_id", t.id)
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("params", t.json, (c) => c.notNull())
      .addColumn("link", "text")
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("read_at", t.timestamp)
      .execute();
    await db.schema.createIndex("notifications_user_idx").on("notifications").columns(["user_id", "created_at"]).execute();

    await db.schema
      .createTable("job_leases")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("locked_until", t.timestamp, (c) => c.notNull())
      .addColumn("holder", "text")
      .addColumn("last_started_at", t.timestamp)
      .addColumn("last_finished_at", t.timestamp)
      .addColumn("last_result", t.json)
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      "job_leases",
      "notifications",
      "idempotency_keys",
      "calendar_periods",
      "calendar_days",
      "report_events",
      "report_activities",
      "daily_reports",
      "files",
      "skp_targets",
      "health_checks",
      "health_forms",
      "checkins",
      "places",
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
