import { formatLatLng, parseLatLng, parsePolygon } from "../../geo";
import type { Place, Shape } from "../../types";

/** An office while it is drawn or typed: centre and radius, or polygon points one per line. */
export interface OfficeDraft {
  name: string;
  unitId: string | null;
  type: "circle" | "polygon";
  centre: string;
  radius: number | string;
  points: string;
}

export const emptyOffice = (unitId: string | null): OfficeDraft => ({ name: "", unitId, type: "circle", centre: "", radius: 100, points: "" });

export function fromPlace(p: Place): OfficeDraft {
  const base = { name: p.name, unitId: p.unitId, centre: "", radius: 100 as number | string, points: "" };
  if (!p.shape) return { ...base, type: "circle" };
  if (p.shape.type === "circle") return { ...base, type: "circle", centre: formatLatLng(p.shape), radius: p.shape.radiusM };
  return { ...base, type: "polygon", points: p.shape.points.map(([lat, lng]) => formatLatLng({ lat, lng })).join("\n") };
}

export type OfficeProblems = Partial<Record<"name" | "centre" | "radius" | "points", string>>;

/** The shape the draft describes, or null while it is incomplete. */
export function draftShape(d: OfficeDraft): Shape | null {
  if (d.type === "polygon") {
    const points = parsePolygon(d.points);
    return points ? { type: "polygon", points } : null;
  }
  const c = parseLatLng(d.centre);
  const r = typeof d.radius === "number" ? d.radius : Number.NaN;
  return c && r >= 10 && r <= 5000 ? { type: "circle", lat: c.lat, lng: c.lng, radiusM: Math.round(r) } : null;
}

/** What is missing or wrong, as keys of `logbook:places.problem`. */
export function officeProblems(d: OfficeDraft): OfficeProblems {
  const p: OfficeProblems = {};
  if (!d.name.trim()) p.name = "required";
  if (d.type === "circle") {
    if (!parseLatLng(d.centre)) p.centre = "latLng";
    if (typeof d.radius !== "number" || d.radius < 10 || d.radius > 5000) p.radius = "radius";
  } else if (!parsePolygon(d.points)) p.points = "polygon";
  return p;
}
