import type { Checkin } from "../../../db/schema-logbook.js";
import type { CheckinOut } from "./schema.js";
import { deviceTimeSkewed } from "./worktime.js";

/**
 * A check-in as a viewer may see it. Everyone allowed to see the day gets the
 * result (geofence, place name, mode, minutes off); the fix itself and the
 * distance to the place only when `showCoordinates` (the person, HR in scope).
 * The caller writes the access log for HR's reads.
 */
export function presentCheckin(c: Checkin, opts: { showCoordinates: boolean }): CheckinOut {
  const base: CheckinOut = {
    id: c.id,
    employeeId: c.employee_id,
    workDate: c.work_date,
    kind: c.kind,
    mode: c.mode,
    expectedMode: c.expected_mode,
    mismatch: modeMismatch(c),
    serverTime: c.server_time,
    deviceTime: c.device_time,
    deviceTimeSkewed: deviceTimeSkewed(c.device_time, c.server_time),
    geofence: c.geofence,
    place: c.place_id && c.place_name ? { id: c.place_id, name: c.place_name } : null,
    positionError: c.position_error,
    minutesOff: c.minutes_off,
    note: c.note,
  };
  if (!opts.showCoordinates) return base;
  return {
    ...base,
    position: c.lat !== null && c.lng !== null && c.accuracy_m !== null ? { lat: c.lat, lng: c.lng, accuracy: c.accuracy_m } : null,
    distanceM: c.distance_m === null ? null : Math.round(c.distance_m),
    coordinatesPurged: c.coords_purged_at !== null,
  };
}

/**
 * Rostered one way, checked in another: a mode other than the roster's, or a
 * rostered office day checked in at a registered home (or a home day at the
 * office). Nothing is a mismatch without a published roster.
 */
export function modeMismatch(c: Pick<Checkin, "expected_mode" | "mode" | "geofence">): boolean {
  if (c.expected_mode === null) return false;
  if (c.mode !== c.expected_mode) return true;
  if (c.expected_mode === "WFO") return c.geofence === "home";
  if (c.expected_mode === "WFH") return c.geofence === "office";
  return false;
}

/** Whether a row still holds an exact position (reading it is a sensitive read). */
export function holdsCoordinates(c: Checkin): boolean {
  return c.lat !== null && c.coords_purged_at === null;
}
