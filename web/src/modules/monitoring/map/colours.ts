import type { ByGeofence, Geofence } from "../types";

/** A colour per geofence result: dark enough to read on the plain background and on tiles. */
export const GEOFENCE_COLOURS: Record<Geofence, string> = {
  office: "#0b468f",
  home: "#2b8a3e",
  other_place: "#a04d00",
  outside: "#c92a2a",
  poor_fix: "#862e9c",
  unavailable: "#495057",
};

export const PLACE_COLOUR = "#1f59b0";

/** The result most check-ins of a cluster have. */
export function dominant(by: ByGeofence): Geofence {
  let best: Geofence = "unavailable";
  let most = -1;
  for (const [g, n] of Object.entries(by) as [Geofence, number][]) {
    if (n > most) {
      best = g;
      most = n;
    }
  }
  return best;
}
