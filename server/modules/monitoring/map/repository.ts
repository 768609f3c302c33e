import { sql } from "kysely";
import type { Engine } from "../../../config.js";
import type { Geofence, WorkMode } from "../../../db/schema-logbook.js";
import type { Db } from "../../../platform/context.js";
import { inSubtree } from "../scope.js";

export interface MapDay {
  agencyId: string;
  path: string;
  date: string;
}

/** Grid cells per degree: 1/111° is about 1.0 km of latitude (and of longitude near the equator). */
export const CELLS_PER_DEGREE = 111;

/** The day's check-ins (kind in) of the active employees of the subtree. */
function dayCheckins(db: Db, d: MapDay) {
  return db
    .selectFrom("checkins as ci")
    .innerJoin("employees as e", "e.id", "ci.employee_id")
    .innerJoin("units as u", "u.id", "e.unit_id")
    .where("ci.agency_id", "=", d.agencyId)
    .where("ci.work_date", "=", d.date)
    .where("ci.kind", "=", "in")
    .where("e.status", "=", "active")
    .where(inSubtree(d, "u.path"));
}

export async function countsByGeofence(db: Db, d: MapDay): Promise<{ geofence: Geofence; n: number }[]> {
  const rows = await dayCheckins(db, d)
    .select(["ci.geofence", sql<number>`count(*)`.as("n")])
    .groupBy("ci.geofence")
    .execute();
  return rows.map((r) => ({ geofence: r.geofence, n: Number(r.n) }));
}

/** Positions counted per grid cell and geofence; no position leaves the database. */
export async function cells(db: Db, engine: Engine, d: MapDay): Promise<{ cy: number; cx: number; geofence: Geofence; n: number }[]> {
  const k = sql.lit(CELLS_PER_DEGREE);
  // Shifted to positive values, so truncation (SQLite's cast) equals floor.
  const cell = (col: "ci.lat" | "ci.lng", offset: number) =>
    engine === "postgres"
      ? sql<number>`floor((${sql.ref(col)} + ${sql.lit(offset)}) * ${k})`
      : sql<number>`cast((${sql.ref(col)} + ${sql.lit(offset)}) * ${k} as integer)`;
  const cy = cell("ci.lat", 90);
  const cx = cell("ci.lng", 180);
  const rows = await dayCheckins(db, d)
    .where("ci.lat", "is not", null)
    .where("ci.lng", "is not", null)
    .select([cy.as("cy"), cx.as("cx"), "ci.geofence", sql<number>`count(*)`.as("n")])
    .groupBy([cy, cx, "ci.geofence"])
    .execute();
  return rows.map((r) => ({ cy: Number(r.cy), cx: Number(r.cx), geofence: r.geofence, n: Number(r.n) }));
}

export interface PointRow {
  employee_id: string;
  name: string;
  lat: number;
  lng: number;
  geofence: Geofence;
  mode: WorkMode;
  server_time: string;
}

/** Exact positions (for viewers allowed to see them; the caller logs the read). */
export async function points(db: Db, d: MapDay): Promise<PointRow[]> {
  const rows = await dayCheckins(db, d)
    .where("ci.lat", "is not", null)
    .where("ci.lng", "is not", null)
    .select(["ci.employee_id", "e.name", "ci.lat", "ci.lng", "ci.geofence", "ci.mode", "ci.server_time"])
    .orderBy("e.name")
    .orderBy("ci.employee_id")
    .execute();
  return rows.map((r) => ({ ...r, lat: Number(r.lat), lng: Number(r.lng) }));
}

export function offices(db: Db, agencyId: string) {
  return db
    .selectFrom("places")
    .select(["id", "name", "kind", "lat", "lng", "radius_m", "polygon"])
    .where("agency_id", "=", agencyId)
    .where("kind", "=", "office")
    .where("status", "=", "approved")
    .orderBy("name")
    .execute();
}
