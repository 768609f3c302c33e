import type { Geofence } from "../../../db/schema-logbook.js";
import type { FieldError } from "../../../platform/errors.js";

/**
 * Pure geofence rules: where a position fix is relative to a set of places.
 * Coordinates are WGS84 degrees; distances are metres. Indonesian places never
 * cross the antimeridian, so polygons are handled on plain (lat, lng) axes;
 * polygons that span the equator need nothing special on those axes.
 */

export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Why the browser gave no position (GeolocationPositionError codes 1, 2, 3). */
export const POSITION_ERRORS = ["permission_denied", "position_unavailable", "timeout"] as const;
export type PositionError = (typeof POSITION_ERRORS)[number];

export interface LatLng {
  lat: number;
  lng: number;
}

/** A browser position: centre and the radius (metres) it is probably within. */
export interface Fix extends LatLng {
  accuracyM: number;
}

export type Shape = { type: "circle"; lat: number; lng: number; radiusM: number } | { type: "polygon"; points: [number, number][] };

export type PlaceKind = "office" | "home" | "other";

export interface GeoPlace {
  id: string;
  name: string;
  kind: PlaceKind;
  shape: Shape;
}

export interface Evaluation {
  geofence: Geofence;
  /** The place the fix is in, or (outside, poor fix) the nearest place. */
  place: GeoPlace | null;
  /** Metres from the fix to that place's edge; 0 inside. */
  distanceM: number | null;
  positionError: PositionError | null;
}

export const CIRCLE_RADIUS_M = { min: 10, max: 5000 } as const;
export const POLYGON_POINTS = { min: 3, max: 200 } as const;
/** A polygon vertex may lie at most this far from the polygon's centre. */
export const POLYGON_MAX_EXTENT_M = 10_000;

export function haversineM(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function insideCircle(p: LatLng, c: { lat: number; lng: number; radiusM: number }): boolean {
  return haversineM(p, c) <= c.radiusM;
}

/** Ray casting with latitude as y and longitude as x; the ring closes itself. */
export function insidePolygon(p: LatLng, points: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [latI, lngI] = points[i];
    const [latJ, lngJ] = points[j];
    if (latI > p.lat !== latJ > p.lat) {
      const lngAtLat = lngI + ((p.lat - latI) / (latJ - latI)) * (lngJ - lngI);
      if (p.lng < lngAtLat) inside = !inside;
    }
  }
  return inside;
}

export function insideShape(p: LatLng, shape: Shape): boolean {
  return shape.type === "circle" ? insideCircle(p, shape) : insidePolygon(p, shape.points);
}

/** Distance from p to segment a-b, on a local flat projection centred on p (fine for places of a few km). */
function segmentDistanceM(p: LatLng, a: readonly [number, number], b: readonly [number, number]): number {
  const k = RAD * EARTH_RADIUS_M;
  const cos = Math.cos(p.lat * RAD);
  const ax = (a[1] - p.lng) * cos * k;
  const ay = (a[0] - p.lat) * k;
  const bx = (b[1] - p.lng) * cos * k;
  const by = (b[0] - p.lat) * k;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Metres from p to the edge of the shape; 0 when p is inside. */
export function distanceToShapeM(p: LatLng, shape: Shape): number {
  if (shape.type === "circle") return Math.max(0, haversineM(p, shape) - shape.radiusM);
  if (insidePolygon(p, shape.points)) return 0;
  let best = Number.POSITIVE_INFINITY;
  const pts = shape.points;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) best = Math.min(best, segmentDistanceM(p, pts[j], pts[i]));
  return best;
}

/** The centre stored with a polygon place (vertex mean; polygons never cross the antimeridian). */
export function polygonCentre(points: readonly (readonly [number, number])[]): LatLng {
  const lat = points.reduce((s, p) => s + p[0], 0) / points.length;
  const lng = points.reduce((s, p) => s + p[1], 0) / points.length;
  return { lat, lng };
}

const KIND_ORDER: Record<PlaceKind, number> = { office: 0, home: 1, other: 2 };
const RESULT_OF: Record<PlaceKind, Geofence> = { office: "office", home: "home", other: "other_place" };

/**
 * Judges a fix against the places that apply to the employee. A fix counts as
 * inside only when its centre is inside AND its accuracy is within the
 * threshold; a worse fix is "poor_fix" (never inside), still naming the
 * nearest place. Inside several places, an office wins over a home, a home
 * over another place, then the nearest centre.
 */
export function evaluateFix(input: {
  fix: Fix | null;
  positionError?: PositionError | null;
  places: readonly GeoPlace[];
  accuracyThresholdM: number;
}): Evaluation {
  const { fix, places } = input;
  if (!fix) return { geofence: "unavailable", place: null, distanceM: null, positionError: input.positionError ?? "position_unavailable" };
  const measured = places.map((place) => ({ place, distance: distanceToShapeM(fix, place.shape), centre: centreDistanceM(fix, place.shape) }));
  const nearest = measured.reduce<(typeof measured)[number] | null>((best, m) => (!best || m.distance < best.distance ? m : best), null);
  if (fix.accuracyM > input.accuracyThresholdM) {
    return { geofence: "poor_fix", place: nearest?.place ?? null, distanceM: nearest?.distance ?? null, positionError: null };
  }
  const inside = measured
    .filter((m) => insideShape(fix, m.place.shape))
    .sort((a, b) => KIND_ORDER[a.place.kind] - KIND_ORDER[b.place.kind] || a.centre - b.centre);
  if (inside.length > 0) return { geofence: RESULT_OF[inside[0].place.kind], place: inside[0].place, distanceM: 0, positionError: null };
  return { geofence: "outside", place: nearest?.place ?? null, distanceM: nearest?.distance ?? null, positionError: null };
}

function centreDistanceM(p: LatLng, shape: Shape): number {
  return haversineM(p, shape.type === "circle" ? shape : polygonCentre(shape.points));
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export function coordinateErrors(p: { lat: unknown; lng: unknown }, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!finite(p.lat) || p.lat < -90 || p.lat > 90) errors.push({ path: `${path}.lat`, message: "latitude must be a number in [-90, 90]" });
  if (!finite(p.lng) || p.lng < -180 || p.lng > 180) errors.push({ path: `${path}.lng`, message: "longitude must be a number in [-180, 180]" });
  return errors;
}

/** Impossible fixes (NaN, out-of-range coordinates, accuracy ≤ 0) as field errors. */
export function fixErrors(fix: { lat: unknown; lng: unknown; accuracy: unknown }, path = "position"): FieldError[] {
  const errors = coordinateErrors(fix, path);
  if (!finite(fix.accuracy) || fix.accuracy <= 0) errors.push({ path: `${path}.accuracy`, message: "accuracy must be a positive number of metres" });
  return errors;
}

/** Checks a place shape: radius bounds, ring size, coordinates, compactness. */
export function shapeErrors(shape: Shape, path = "shape"): FieldError[] {
  if (shape.type === "circle") {
    const errors = coordinateErrors(shape, path);
    if (!finite(shape.radiusM) || shape.radiusM < CIRCLE_RADIUS_M.min || shape.radiusM > CIRCLE_RADIUS_M.max) {
      errors.push({ path: `${path}.radiusM`, message: `radius must be ${CIRCLE_RADIUS_M.min}..${CIRCLE_RADIUS_M.max} m` });
    }
    return errors;
  }
  const pts = shape.points;
  if (pts.length < POLYGON_POINTS.min || pts.length > POLYGON_POINTS.max) {
    return [{ path: `${path}.points`, message: `a polygon has ${POLYGON_POINTS.min}..${POLYGON_POINTS.max} points` }];
  }
  const errors = pts.flatMap((p, i) => coordinateErrors({ lat: p[0], lng: p[1] }, `${path}.points.${i}`));
  if (errors.length) return errors;
  const centre = polygonCentre(pts);
  if (pts.some((p) => haversineM(centre, { lat: p[0], lng: p[1] }) > POLYGON_MAX_EXTENT_M)) {
    errors.push({ path: `${path}.points`, message: `every point must lie within ${POLYGON_MAX_EXTENT_M / 1000} km of the polygon's centre` });
  }
  return errors;
}
