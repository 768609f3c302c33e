import type { Kysely } from "kysely";
import type { Migration } from "../migrate.js";

/** Work arrangement: policy versions, employees' WFH factors, weekly rosters with their conflicts, requests. */
export const arrangement: Migration = {
  name: "0003_arrangement",
  async up(db: Kysely<unknown>, t) {
    await db.schema
      .createTable("arrangement_policies")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("effective_from", t.date, (c) => c.notNull())
      .addColumn("legal_basis", "text", (c) => c.notNull())
      .addColumn("note", "text")
      .addColumn("rules", t.json, (c) => c.notNull())
      .addColumn("created_by", t.id)
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .addUniqueConstraint("arrangement_policies_from_uq", ["agency_id", "effective_from"])
      .execute();

    await db.schema
      .createTable("arrangement_factors")
      .addColumn("employee_id", t.id, (c) => c.primaryKey().references("employees.id"))
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("commute_mode", "text")
      .addColumn("commute_verified", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("commute_verified_by", t.id)
      .addColumn("commute_verified_at", t.timestamp)
      .addColumn("comorbidity", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("pregnancy", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("caregiving", t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("arrangement_factors_agency_idx").on("arrangement_factors").column("agency_id").execute();

    await db.schema
      .createTable("rosters")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("unit_id", t.id, (c) => c.references("units.id"))
      .addColumn("week_start", t.date, (c) => c.notNull())
      .addColumn("dates", t.json, (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("total_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("processed_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("conflict_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("settings", t.json)
      .addColumn("collisions", t.json, (c) => c.notNull())
      .addColumn("policy_ids", t.json, (c) => c.notNull())
      .addColumn("input_hash", "text")
      .addColumn("message", "text")
      .addColumn("created_by", t.id, (c) => c.notNull())
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .addColumn("generated_at", t.timestamp)
      .addColumn("published_by", t.id)
      .addColumn("published_at", t.timestamp)
      .execute();
    await db.schema.createIndex("rosters_agency_week_idx").on("rosters").columns(["agency_id", "week_start", "status"]).execute();

    await db.schema
      .createTable("roster_rows")
      .addColumn("roster_id", t.id, (c) => c.notNull().references("rosters.id").onDelete("cascade"))
      .addColumn("employee_id", t.id, (c) => c.notNull().references("employees.id"))
      .addColumn("unit_id", t.id, (c) => c.notNull())
      .addColumn("week_start", t.date, (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("pinned", "text")
      .addColumn("echelon", "integer")
      .addColumn("priority", t.real, (c) => c.notNull())
      .addColumn("factors", t.json, (c) => c.notNull())
      .addColumn("partners", t.json, (c) => c.notNull())
      .addColumn("modes", "text", (c) => c.notNull())
      .addColumn("office_days", "integer", (c) => c.notNull())
      // Plain text on both engines: written and read whole, and jsonb parsing would only slow a 100,000-row roster down.
      .addColumn("cells", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("roster_rows_pk", ["roster_id", "employee_id"])
      .execute();
    await db.schema.createIndex("roster_rows_unit_idx").on("roster_rows").columns(["roster_id", "unit_id"]).execute();
    await db.schema.createIndex("roster_rows_employee_week_idx").on("roster_rows").columns(["employee_id", "week_start"]).execute();

    await db.schema
      .createTable("roster_units")
      .addColumn("roster_id", t.id, (c) => c.notNull().references("rosters.id").onDelete("cascade"))
      .addColumn("unit_id", t.id, (c) => c.notNull())
      .addColumn("unit_name", "text", (c) => c.notNull())
      .addColumn("days", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("roster_units_pk", ["roster_id", "unit_id"])
      .execute();

    await db.schema
      .createTable("roster_conflicts")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("roster_id", t.id, (c) => c.notNull().references("rosters.id").onDelete("cascade"))
      .addColumn("agency_id", t.id, (c) => c.notNull())
      .addColumn("unit_id", t.id, (c) => c.notNull())
      .addColumn("date", t.date, (c) => c.notNull())
      .addColumn("rule", "text", (c) => c.notNull())
      .addColumn("employee_id", t.id)
      .addColumn("detail", t.json, (c) => c.notNull())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("request_id", t.id)
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("resolution", "text")
      .addColumn("resolved_by", t.id)
      .addColumn("resolved_at", t.timestamp)
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("roster_conflicts_roster_idx").on("roster_conflicts").columns(["roster_id", "unit_id", "date"]).execute();
    await db.schema.createIndex("roster_conflicts_agency_idx").on("roster_conflicts").columns(["agency_id", "status"]).execute();
    await db.schema.createIndex("roster_conflicts_request_idx").on("roster_conflicts").column("request_id").execute();

    await db.schema
      .createTable("arrangement_requests")
      .addColumn("id", t.id, (c) => c.primaryKey())
      .addColumn("agency_id", t.id, (c) => c.notNull().references("agencies.id"))
      .addColumn("unit_id", t.id, (c) => c.notNull().references("units.id"))
      .addColumn("employee_id", t.id, (c) => c.notNull().references("employees.id"))
      .addColumn("date", t.date, (c) => c.notNull())
      .addColumn("mode", "text", (c) => c.notNull())
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("outcome", "text")
      .addColumn("roster_id", t.id)
      .addColumn("decided_by", t.id)
      .addColumn("decided_at", t.timestamp)
      .addColumn("comment", "text")
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("arrangement_requests_employee_idx").on("arrangement_requests").columns(["employee_id", "date"]).execute();
    await db.schema.createIndex("arrangement_requests_agency_idx").on("arrangement_requests").columns(["agency_id", "status", "date"]).execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ["arrangement_requests", "roster_conflicts", "roster_units", "roster_rows", "rosters", "arrangement_factors", "arrangement_policies"]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
