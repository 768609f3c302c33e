import { fromJson, toJson } from "../../../db/dialect.js";
import type { Place } from "../../../db/schema-logbook.js";
import { type GeoPlace, polygonCentre, type Shape } from "../checkin/geofence.js";
import type { PlaceOut } from "./schema.js";

export function shapeOf(p: Pick<Place, "lat" | "lng" | "radius_m" | "polygon">): Shape {
  if (p.polygon !== null && p.polygon !== undefined) return { type: "polygon", points: fromJson<[number, number][]>(p.polygon) };
  return { type: "circle", lat: p.lat, lng: p.lng, radiusM: p.radius_m ?? 0 };
}

export function toGeoPlace(p: Place): GeoPlace {
  return { id: p.id, name: p.name, kind: p.kind, shape: shapeOf(p) };
}

/**
 * A place as a viewer may see it. Offices are public within the agency; the
 * shape of someone's own place (home, other) is shown only when
 * `showCoordinates` (the person, HR in scope) — the caller logs HR's reads.
 */
export function presentPlace(p: Place, opts: { showCoordinates: boolean }): PlaceOut {
  const visible = p.kind === "office" || opts.showCoordinates;
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    agencyId: p.agency_id,
    unitId: p.unit_id,
    employeeId: p.employee_id,
    status: p.status,
    shape: visible ? shapeOf(p) : null,
    coordinatesHidden: !visible,
    decidedAt: p.decided_at,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

/** The columns that store a shape: circle centre and radius, or a polygon ring with its centre. */
export function shapeColumns(shape: Shape): { lat: number; lng: number; radius_m: number | null; polygon: string | null } {
  if (shape.type === "circle") return { lat: shape.lat, lng: shape.lng, radius_m: shape.radiusM, polygon: null };
  const centre = polygonCentre(shape.points);
  return { lat: centre.lat, lng: centre.lng, radius_m: null, polygon: toJson(shape.points) };
}
