import type { Kysely } from "kysely";
import type { Migration } from "../migrate.js";

/** Counters of monitoring_unit_days, all integers that default to 0 (see schema-monitoring.ts). */
export const UNIT_DAY_COUNTERS = [
  "employees",
  "checked_in",
  "late",
  "wfo",
  "wfh",
  "dl",
  "cuti",
  "sakit",
  "health_filled",
  "health_not_cleared",
  "reports_submitted",
  "reports_approved",
  "reports_returned",
  "review_in",
  "review_out",
  "reviewed",
  "rd_0",
  "rd_1",
  "rd_2",
  "rd_3",
  "rd_4",
  "rd_5",
  "rd_6",
  "rd_7",
  "rd_8",
  "rd_9",
  "rd_10",
] as const;

/** Monitoring rollups and export jobs. */
export const monitoring: Migration = {
  name: "0004_monitoring",
  async up(db: Kysely<unknown>, t) {
    let unitDays = db.schema
      .createTable("monitoring_unit_days")
      .addColumn("unit_id", t.id, (c) => c.notNull().references("units.id").onDelete("cascade"))
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("work_date", t.date, (c) => c.notNull());
    for (const col of UNIT_DAY_COUNTERS) unitDays = unitDays.addColumn(col, "integer", (c) => c.notNull().defaultTo(0));
    await unitDays
      .addColumn("refreshed_at", t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint("monitoring_unit_days_pk", ["unit_id", "work_date"])
      .execute();
    await db.schema.createIndex("monitoring_unit_days_agency_idx").on("monitoring_unit_days").columns(["agency_id", "work_date"]).execute();

    await db.schema
      .createTable("monitoring_rollup_state")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("watermark", t.timestamp, (c) => c.notNull())
      .addColumn("last_result", t.json)
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();

    // What the refresh job scans for changes since its watermark.
    await db.schema.createIndex("checkins_created_idx").on("checkins").column("created_at").execute();
    await db.schema.createIndex("health_checks_updated_idx").on("health_checks").column("updated_at").execute();
    await db.schema.createIndex("daily_reports_updated_idx").on("daily_reports").column("updated_at").execute();
    await db.schema.createIndex("report_events_created_idx").on("report_events").column("created_at").execute();

    await db.schema
      .createTable("monitoring_exports")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("created_by", t.id, (c) => c.notNull().references("users.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("format", "text", (c) => c.notNull())
      .addColumn("params", t.json, (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("total", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("processed", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("filename", "text")
      .addColumn("error", "text")
      .addColumn("file_id", t.id, (c) => c.references("files.id").onDelete("set null"))
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .addColumn("finished_at", t.timestamp)
      .execute();
    await db.schema.createIndex("monitoring_exports_creator_idx").on("monitoring_exports").columns(["created_by", "created_at"]).execute();
    await db.schema.createIndex("monitoring_exports_status_idx").on("monitoring_exports").columns(["status", "updated_at"]).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("monitoring_exports").execute();
    await db.schema.dropIndex("report_events_created_idx").execute();
    await db.schema.dropIndex("daily_reports_updated_idx").execute();
    await db.schema.dropIndex("health_checks_updated_idx").execute();
    await db.schema.dropIndex("checkins_created_idx").execute();
    await db.schema.dropTable("monitoring_rollup_state").execute();
    await db.schema.dropTable("monitoring_unit_days").execute();
  },
};
