import { newId } from "../../../db/ids.js";
import type { Place } from "../../../db/schema-logbook.js";
import { audit, diff } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { invalid, notFound } from "../../../platform/errors.js";
import { agencyOf, authorize } from "../../org/policies.js";
import { getUnit } from "../../org/repository.js";
import { shapeErrors } from "../checkin/geofence.js";
import { placePolicy } from "./policies.js";
import { presentPlace, shapeColumns, shapeOf } from "./presenter.js";
import * as repo from "./repository.js";
import type { OfficeCreate, PlaceUpdate, ShapeIn } from "./schema.js";

/** Offices: named places of a unit (or of the whole agency) where a check-in counts as "in the office". */

export async function listOffices(ctx: Ctx, q: { agencyId?: string; unitId?: string }) {
  const agencyId = agencyOf(ctx.actor, q.agencyId);
  authorize(placePolicy.viewOffices(ctx.actor, agencyId));
  const rows = await repo.listOffices(ctx.db, agencyId, q.unitId);
  return rows.map((p) => presentPlace(p, { showCoordinates: true }));
}

/** The scope an office sits in: its unit's path, or null for an agency-wide office. */
async function officeTarget(ctx: Ctx, agencyId: string, unitId: string | null, path = "unitId") {
  if (unitId === null) return { agencyId, unitPath: null };
  const unit = await getUnit(ctx.db, unitId);
  if (!unit || unit.agency_id !== agencyId) throw invalid([{ path, message: "unknown unit" }]);
  return { agencyId, unitPath: unit.path };
}

export function checkShape(shape: ShapeIn): void {
  const errors = shapeErrors(shape);
  if (errors.length) throw invalid(errors);
}

export async function createOffice(ctx: Ctx, input: OfficeCreate, agencyIdQuery?: string) {
  const agencyId = agencyOf(ctx.actor, agencyIdQuery);
  authorize(placePolicy.viewOffices(ctx.actor, agencyId));
  authorize(placePolicy.manageOffice(ctx.actor, await officeTarget(ctx, agencyId, input.unitId)));
  checkShape(input.shape);
  const at = ctx.now().toISOString();
  const row = {
    id: newId(),
    agency_id: agencyId,
    unit_id: input.unitId,
    employee_id: null,
    kind: "office" as const,
    name: input.name,
    ...shapeColumns(input.shape),
    status: "approved" as const,
    decided_by: ctx.actor.userId,
    decided_at: at,
    created_by: ctx.actor.userId,
    created_at: at,
    updated_at: at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPlace(trx, row);
    await audit(trx, ctx, { action: "place.office_created", subjectType: "place", subjectId: row.id, agencyId, changes: { ...input } });
  });
  return presentPlace(row, { showCoordinates: true });
}

export async function loadOffice(ctx: Ctx, place: Place) {
  if (!placePolicy.viewOffices(ctx.actor, place.agency_id)) throw notFound("Place");
  const target = await officeTarget(ctx, place.agency_id, place.unit_id);
  authorize(placePolicy.manageOffice(ctx.actor, target));
}

export async function updateOffice(ctx: Ctx, place: Place, patch: PlaceUpdate) {
  await loadOffice(ctx, place);
  if (patch.unitId !== undefined && patch.unitId !== place.unit_id) {
    authorize(placePolicy.manageOffice(ctx.actor, await officeTarget(ctx, place.agency_id, patch.unitId)));
  }
  if (patch.shape) checkShape(patch.shape);
  const columns = patch.shape ? shapeColumns(patch.shape) : null;
  const set = {
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.unitId === undefined ? {} : { unit_id: patch.unitId }),
    ...(columns ?? {}),
    updated_at: ctx.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updatePlace(trx, place.id, set);
    const changes = { ...diff(place, { name: set.name, unit_id: set.unit_id }), ...(patch.shape ? { shape: [shapeOf(place), patch.shape] } : {}) };
    await audit(trx, ctx, { action: "place.office_updated", subjectType: "place", subjectId: place.id, agencyId: place.agency_id, changes });
  });
  return presentPlace({ ...place, ...set }, { showCoordinates: true });
}

export async function deleteOffice(ctx: Ctx, place: Place): Promise<void> {
  await loadOffice(ctx, place);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deletePlace(trx, place.id);
    await audit(trx, ctx, {
      action: "place.office_deleted",
      subjectType: "place",
      subjectId: place.id,
      agencyId: place.agency_id,
      changes: { name: place.name, unitId: place.unit_id, shape: shapeOf(place) },
    });
  });
}
