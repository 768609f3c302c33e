import { fromJson } from "../../../db/dialect.js";
import type { Geofence } from "../../../db/schema-logbook.js";
import { logAccess } from "../../../platform/access-log.js";
import type { Ctx } from "../../../platform/context.js";
import { resolveTarget } from "../board/service.js";
import { canSeeExactLocation } from "../scope.js";
import * as repo from "./repository.js";
import type { MapOut } from "./schema.js";

type ByGeofence = Partial<Record<Geofence, number>>;

/**
 * The day's check-ins of a subtree on a map: office outlines, grid clusters
 * (about 1 km, centred on the cell so no single position can be read off) and,
 * only for viewers allowed exact positions, the points, whose every read is
 * written to the access log.
 */
export async function getMap(ctx: Ctx, q: { unitId?: string; date?: string }): Promise<MapOut> {
  const { unit, date } = await resolveTarget(ctx, q);
  const day = { agencyId: unit.agency_id, path: unit.path, date };
  const exact = canSeeExactLocation(ctx, unit);
  const [places, cells, totals, points] = await Promise.all([
    repo.offices(ctx.db, unit.agency_id),
    repo.cells(ctx.db, ctx.engine, day),
    repo.countsByGeofence(ctx.db, day),
    exact ? repo.points(ctx.db, day) : Promise.resolve(null),
  ]);
  const clusters = new Map<string, { lat: number; lng: number; count: number; byGeofence: ByGeofence }>();
  for (const c of cells) {
    const key = `${c.cy}|${c.cx}`;
    let cluster = clusters.get(key);
    if (!cluster) {
      const lat = (c.cy + 0.5) / repo.CELLS_PER_DEGREE - 90;
      const lng = (c.cx + 0.5) / repo.CELLS_PER_DEGREE - 180;
      cluster = { lat: round(lat), lng: round(lng), count: 0, byGeofence: {} };
      clusters.set(key, cluster);
    }
    cluster.count += c.n;
    cluster.byGeofence[c.geofence] = (cluster.byGeofence[c.geofence] ?? 0) + c.n;
  }
  const out: MapOut = {
    exact,
    places: places.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      lat: Number(p.lat),
      lng: Number(p.lng),
      radiusM: p.radius_m === null ? null : Number(p.radius_m),
      polygon: p.polygon === null ? null : fromJson<[number, number][]>(p.polygon),
    })),
    clusters: [...clusters.values()],
    totals: { byGeofence: Object.fromEntries(totals.map((t) => [t.geofence, t.n])) },
  };
  if (points) {
    const subjects = points.map((p) => p.employee_id).filter((id) => id !== ctx.actor.employeeId);
    await logAccess(ctx.db, ctx, { category: "location", agencyId: unit.agency_id, subjectEmployeeIds: subjects, detail: `monitoring map ${unit.id} ${date}` });
    out.points = points.map((p) => ({
      employeeId: p.employee_id,
      name: p.name,
      lat: p.lat,
      lng: p.lng,
      geofence: p.geofence,
      mode: p.mode,
      at: p.server_time,
    }));
  }
  return out;
}

const round = (v: number) => Math.round(v * 1e5) / 1e5;
