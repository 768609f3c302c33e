import type { Db } from "../../../platform/context.js";
import type { GeoPlace } from "../checkin/geofence.js";
import { toGeoPlace } from "./presenter.js";
import { applicablePlaces } from "./repository.js";

/**
 * The places a check-in is judged against: approved offices of the person's
 * unit and every unit above it, agency-wide offices, and the person's own
 * approved home / other places. Pending or rejected places never count.
 */
export async function placesThatApply(db: Db, e: { agencyId: string; unitPath: string; employeeId: string }): Promise<GeoPlace[]> {
  const unitIds = e.unitPath.split("/").filter(Boolean);
  const rows = await applicablePlaces(db, { agencyId: e.agencyId, unitIds, employeeId: e.employeeId });
  return rows.map(toGeoPlace);
}
