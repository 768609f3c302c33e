import { newId } from "../../../db/ids.js";
import type { Place } from "../../../db/schema-logbook.js";
import { logAccess } from "../../../platform/access-log.js";
import { scopeOf } from "../../../platform/actor.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { conflict, invalid } from "../../../platform/errors.js";
import { idempotent } from "../../../platform/idempotency.js";
import { agencyOf, authorize } from "../../org/policies.js";
import { loadSubject, type Subject } from "../subject.js";
import { checkShape } from "./offices.js";
import { placePolicy } from "./policies.js";
import { presentPlace, shapeColumns } from "./presenter.js";
import * as repo from "./repository.js";
import type { Decision, OwnPlaceCreate, PlaceUpdate } from "./schema.js";

/**
 * A person's own places (home, other): proposed by the person, decided by HR
 * in scope. Where they are is personal data: shown to the person and HR in
 * scope only, and every read by HR is written to the access log.
 */

/** Pending and approved own places a person may hold at once. */
export const MAX_OWN_PLACES = 10;

export async function presentOwnPlaces(db: Db, ctx: Ctx, subject: Subject, rows: Place[], detail: string) {
  const show = placePolicy.viewOwnPlaceCoordinates(ctx.actor, subject.target);
  if (show && rows.length > 0 && subject.employee.id !== ctx.actor.employeeId) {
    await logAccess(db, ctx, { category: "location", agencyId: subject.employee.agency_id, subjectEmployeeIds: [subject.employee.id], detail });
  }
  return rows.map((r) => presentPlace(r, { showCoordinates: show }));
}

export async function listEmployeePlaces(ctx: Ctx, employeeId: string) {
  const subject = await loadSubject(ctx, employeeId);
  authorize(placePolicy.listOwnPlaces(ctx.actor, subject.target));
  return presentOwnPlaces(ctx.db, ctx, subject, await repo.placesOfEmployee(ctx.db, employeeId), "registered places");
}

/**
 * Registers a home or other place for an employee. Proposed by the person it
 * is pending until HR decides; registered by HR in scope it is approved at once.
 */
export async function createOwnPlace(ctx: Ctx, employeeId: string, input: OwnPlaceCreate, req: { key: string | undefined; path: string }) {
  const subject = await loadSubject(ctx, employeeId);
  authorize(placePolicy.propose(ctx.actor, subject.target));
  checkShape(input.shape);
  return idempotent(ctx, { key: req.key, method: "POST", path: req.path, body: input }, async (trx) => {
    if ((await repo.countLiveOwnPlaces(trx, employeeId)) >= MAX_OWN_PLACES) {
      throw conflict(`At most ${MAX_OWN_PLACES} pending or approved places per person; withdraw one first`);
    }
    const at = ctx.now().toISOString();
    const approved = placePolicy.approvesOnCreate(ctx.actor, subject.target);
    const row = {
      id: newId(),
      agency_id: subject.employee.agency_id,
      unit_id: null,
      employee_id: employeeId,
      kind: input.kind,
      name: input.name,
      ...shapeColumns(input.shape),
      status: approved ? ("approved" as const) : ("pending" as const),
      decided_by: approved ? ctx.actor.userId : null,
      decided_at: approved ? at : null,
      created_by: ctx.actor.userId,
      created_at: at,
      updated_at: at,
    };
    await repo.insertPlace(trx, row);
    await audit(trx, ctx, {
      action: approved ? "place.registered" : "place.proposed",
      subjectType: "place",
      subjectId: row.id,
      agencyId: row.agency_id,
      // The audit trail is read by HR agency-wide: it records that a place changed, not where it is.
      changes: { employeeId, kind: input.kind, name: input.name, status: row.status },
    });
    const [body] = await presentOwnPlaces(trx, ctx, subject, [row], "registered place");
    return { status: 201, body };
  });
}

async function subjectOf(ctx: Ctx, place: Place): Promise<Subject> {
  if (!place.employee_id) throw new Error("an own place has an employee");
  return loadSubject(ctx, place.employee_id);
}

export async function updateOwnPlace(ctx: Ctx, place: Place, patch: PlaceUpdate) {
  const subject = await subjectOf(ctx, place);
  authorize(placePolicy.change(ctx.actor, subject.target));
  if (patch.unitId !== undefined) throw invalid([{ path: "unitId", message: "only offices belong to a unit" }]);
  if (patch.shape) checkShape(patch.shape);
  const at = ctx.now().toISOString();
  // The person moving their own place sends it back to HR; HR's own correction keeps the decision.
  const reopen = patch.shape !== undefined && !placePolicy.approvesOnCreate(ctx.actor, subject.target);
  const set = {
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.shape ? shapeColumns(patch.shape) : {}),
    ...(reopen ? { status: "pending" as const, decided_by: null, decided_at: null } : {}),
    updated_at: at,
  };
  const after = { ...place, ...set };
  return ctx.db.transaction().execute(async (trx) => {
    await repo.updatePlace(trx, place.id, set);
    await audit(trx, ctx, {
      action: "place.updated",
      subjectType: "place",
      subjectId: place.id,
      agencyId: place.agency_id,
      changes: {
        ...(patch.name === undefined ? {} : { name: [place.name, patch.name] }),
        ...(patch.shape ? { shape: "[changed]" } : {}),
        ...(reopen && place.status !== "pending" ? { status: [place.status, "pending"] } : {}),
      },
    });
    const [body] = await presentOwnPlaces(trx, ctx, subject, [after], "registered place");
    return body;
  });
}

export async function deleteOwnPlace(ctx: Ctx, place: Place): Promise<void> {
  const subject = await subjectOf(ctx, place);
  authorize(placePolicy.change(ctx.actor, subject.target));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deletePlace(trx, place.id);
    await audit(trx, ctx, {
      action: "place.deleted",
      subjectType: "place",
      subjectId: place.id,
      agencyId: place.agency_id,
      changes: { employeeId: place.employee_id, kind: place.kind, name: place.name, status: place.status },
    });
  });
}

export async function decidePlace(ctx: Ctx, place: Place, input: Decision, req: { key: string | undefined; path: string }) {
  if (place.kind === "office") throw conflict("Offices need no decision");
  const subject = await subjectOf(ctx, place);
  authorize(placePolicy.decide(ctx.actor, subject.target));
  const status = input.decision === "approve" ? ("approved" as const) : ("rejected" as const);
  return idempotent(ctx, { key: req.key, method: "POST", path: req.path, body: input }, async (trx) => {
    const current = await repo.getPlace(trx, place.id);
    if (!current) throw conflict("The place was withdrawn");
    if (current.status === status) throw conflict(`The place is already ${status}`, { status });
    const at = ctx.now().toISOString();
    const set = { status, decided_by: ctx.actor.userId, decided_at: at, updated_at: at };
    await repo.updatePlace(trx, place.id, set);
    await audit(trx, ctx, {
      action: `place.${status}`,
      subjectType: "place",
      subjectId: place.id,
      agencyId: place.agency_id,
      changes: { employeeId: place.employee_id, status: [current.status, status], ...(input.comment ? { comment: input.comment } : {}) },
    });
    const [body] = await presentOwnPlaces(trx, ctx, subject, [{ ...current, ...set }], "registered place decision");
    return { status: 200, body };
  });
}

/** HR's queue: own places of a status in the HR scope, with where they are (each person read is logged). */
export async function listProposals(ctx: Ctx, q: { agencyId?: string; status: Place["status"] }) {
  const agencyId = agencyOf(ctx.actor, q.agencyId);
  authorize(placePolicy.viewProposals(ctx.actor));
  const rows = await repo.proposalsInScope(ctx.db, agencyId, scopeOf(ctx.actor, ["hr_admin"]), q.status);
  const others = [...new Set(rows.map((r) => r.employee_id).filter((id): id is string => id !== null && id !== ctx.actor.employeeId))];
  await logAccess(ctx.db, ctx, { category: "location", agencyId, subjectEmployeeIds: others, detail: `place proposals (${q.status})` });
  return rows.map((r) => ({
    ...presentPlace(r, { showCoordinates: true }),
    employee: { id: r.employee_id ?? "", name: r.employee_name, unitName: r.unit_name },
  }));
}
