import type { Fix, PositionError, Shape } from "./types";

export type Located = { position: Fix; positionError?: undefined } | { position: null; positionError: PositionError };

const REASONS: Record<number, PositionError> = { 1: "permission_denied", 2: "position_unavailable", 3: "timeout" };

/**
 * One high-accuracy fix from the browser (15 s at most). Never rejects: a
 * refusal, a missing fix or a timeout comes back as the browser's reason,
 * which the server records instead of a position.
 */
export function locate(): Promise<Located> {
  return new Promise((resolve) => {
    if (!("geolocation" in navigator)) {
      resolve({ position: null, positionError: "position_unavailable" });
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ position: { lat: p.coords.latitude, lng: p.coords.longitude, accuracy: Math.max(1, Math.round(p.coords.accuracy)) } }),
      (err) => resolve({ position: null, positionError: REASONS[err.code] ?? "position_unavailable" }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    );
  });
}

/** "lat, lng" typed by a person, e.g. "-6.1754, 106.8272"; null when it is not a coordinate pair. */
export function parseLatLng(text: string): { lat: number; lng: number } | null {
  const m = text.trim().match(/^(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)$/);
  if (!m) return null;
  const lat = Number(m[1]);
  const lng = Number(m[2]);
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { lat, lng };
}

export const formatLatLng = (p: { lat: number; lng: number }) => `${p.lat.toFixed(6)}, ${p.lng.toFixed(6)}`;

/** A polygon typed one "lat, lng" per line; null when any line is not a coordinate pair or there are fewer than 3. */
export function parsePolygon(text: string): [number, number][] | null {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const points = lines.map(parseLatLng);
  if (points.length < 3 || points.some((p) => p === null)) return null;
  return points.map((p) => [p?.lat ?? 0, p?.lng ?? 0]);
}

/** The centre of a shape, for labels and for fitting the map. */
export function shapeCentre(shape: Shape): { lat: number; lng: number } {
  if (shape.type === "circle") return { lat: shape.lat, lng: shape.lng };
  const n = shape.points.length;
  return { lat: shape.points.reduce((s, p) => s + p[0], 0) / n, lng: shape.points.reduce((s, p) => s + p[1], 0) / n };
}
