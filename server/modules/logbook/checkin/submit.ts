import type { Transaction } from "kysely";
import { newId } from "../../../db/ids.js";
import type { DB } from "../../../db/schema.js";
import type { Checkin } from "../../../db/schema-logbook.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, invalid, notFound } from "../../../platform/errors.js";
import { idempotent } from "../../../platform/idempotency.js";
import { publishChange } from "../../monitoring/live/bus.js";
import { authorize } from "../../org/policies.js";
import { isRetryableConflict, isUniqueViolation } from "../calendar/db-errors.js";
import { loadCalendarDay } from "../calendar/workdays.js";
import { placesThatApply } from "../places/applicable.js";
import { getLogbookSettings } from "../settings.js";
import { expectedModeFor } from "./expected-mode.js";
import { evaluateFix, fixErrors } from "./geofence.js";
import { groupCommitRunner } from "./group-commit.js";
import { checkinPolicy } from "./policies.js";
import { presentCheckin } from "./presenter.js";
import * as repo from "./repository.js";
import type { CheckinCreate, CheckinOut } from "./schema.js";
import { dayRules, localDate, minutesOff } from "./worktime.js";

/** The signed-in person as the subject of their own check-in. */
export async function loadCheckinSelf(ctx: Ctx) {
  const id = ctx.actor.employeeId;
  const e = id ? await repo.employeeForCheckin(ctx.db, id) : undefined;
  if (!e) throw notFound("Employee record of this account");
  // Checking in is only ever for oneself; supervision plays no part in it.
  const target = { agencyId: e.agency_id, unitPath: e.unit_path, employeeId: e.id, supervisorId: null };
  return { ...e, target, today: localDate(ctx.now(), e.timezone) };
}

const self = { showCoordinates: true };

/**
 * Records the signed-in person's check-in or check-out. The server's clock
 * decides the time and the day (the person's "today" in their unit's zone);
 * the device time is kept as given. The position is judged against the places
 * that apply to the person; lateness against the day's working hours. Runs
 * under the Idempotency-Key, and commits together with concurrent check-ins.
 */
export async function submitCheckin(ctx: Ctx, input: CheckinCreate, req: { key: string | undefined; path: string }) {
  const me = await loadCheckinSelf(ctx);
  authorize(checkinPolicy.checkIn(ctx.actor, me.target));
  if (input.position) {
    const errors = fixErrors(input.position, "body.position");
    if (errors.length) throw invalid(errors);
  }
  const serverTime = ctx.now();
  const workDate = localDate(serverTime, me.timezone);
  const [settings, calendar, places, expected] = await Promise.all([
    getLogbookSettings(ctx.db, me.agency_id),
    loadCalendarDay(ctx.db, workDate),
    placesThatApply(ctx.db, { agencyId: me.agency_id, unitPath: me.unit_path, employeeId: me.id }),
    expectedModeFor({ id: me.id, agencyId: me.agency_id, unitId: me.unit_id }, workDate, ctx.db),
  ]);
  const fix = input.position ? { lat: input.position.lat, lng: input.position.lng, accuracyM: input.position.accuracy } : null;
  const judged = evaluateFix({ fix, positionError: input.positionError ?? null, places, accuracyThresholdM: settings.accuracyThresholdM });
  const rules = dayRules(workDate, calendar, settings);
  const row: Checkin = {
    id: newId(serverTime.getTime()),
    agency_id: me.agency_id,
    unit_id: me.unit_id,
    employee_id: me.id,
    work_date: workDate,
    kind: input.kind,
    mode: input.mode,
    expected_mode: expected,
    server_time: serverTime.toISOString(),
    device_time: new Date(input.deviceTime).toISOString(),
    lat: fix?.lat ?? null,
    lng: fix?.lng ?? null,
    accuracy_m: fix?.accuracyM ?? null,
    position_error: judged.positionError,
    geofence: judged.geofence,
    place_id: judged.place?.id ?? null,
    place_name: judged.place?.name ?? null,
    distance_m: judged.distanceM,
    minutes_off: minutesOff({
      kind: input.kind,
      mode: input.mode,
      instant: serverTime,
      timezone: me.timezone,
      rules,
      graceMinutes: settings.lateGraceMinutes,
    }),
    coords_purged_at: null,
    note: input.note ?? null,
    created_at: serverTime.toISOString(),
  };
  for (let attempt = 1; ; attempt++) {
    try {
      const out = await idempotent(ctx, { key: req.key, method: "POST", path: req.path, body: input }, (trx) => store(trx, row), groupCommitRunner(ctx.db));
      publishChange(ctx.db, { agencyId: me.agency_id, unitId: me.unit_id, unitPath: me.unit_path, kind: "checkin", workDate });
      return out;
    } catch (err) {
      // The day already holds this kind (an earlier or concurrent submission): answer 409 with it.
      if (isUniqueViolation(err)) assertFree(await repo.dayCheckins(ctx.db, me.id, workDate), row.kind);
      // Two writers of the same person's rows crossed (several instances): once more, now in order.
      if (attempt === 1 && isRetryableConflict(err)) continue;
      throw err;
    }
  }
}

/**
 * The write, inside the (shared) transaction. A check-in relies on the
 * (employee, day, kind) unique key to refuse a second one; a check-out first
 * needs the day's check-in.
 */
async function store(trx: Transaction<DB>, row: Checkin): Promise<{ status: number; body: CheckinOut }> {
  if (row.kind === "out") assertFree(await repo.dayCheckins(trx, row.employee_id, row.work_date), "out");
  await repo.insertCheckin(trx, row);
  return { status: 201, body: presentCheckin(row, self) };
}

function assertFree(day: { in?: Checkin; out?: Checkin }, kind: "in" | "out"): void {
  if (kind === "in" && day.in) throw conflict("Already checked in today", { existing: presentCheckin(day.in, self) });
  if (kind === "out" && !day.in) throw conflict("Check in before checking out");
  if (kind === "out" && day.out) throw conflict("Already checked out today", { existing: presentCheckin(day.out, self) });
}
