import { z } from "zod";
import { Lat, Lng } from "../places/schema.js";
import { POSITION_ERRORS } from "./geofence.js";

export const WORK_MODES = ["WFO", "WFH", "DL", "CUTI", "SAKIT"] as const;
export const WorkModeSchema = z.enum(WORK_MODES);
export const GEOFENCES = ["office", "home", "other_place", "outside", "poor_fix", "unavailable"] as const;
const PositionErrorSchema = z.enum(POSITION_ERRORS);

/** The browser's fix: centre and accuracy radius in metres. */
export const Position = z.strictObject({ lat: Lat, lng: Lng, accuracy: z.number().positive().max(10_000_000) });

/**
 * A check-in or check-out of the signed-in person. Without a position the
 * browser's reason is required; with one it must be absent. The person is
 * always the signed-in one: the body names nobody.
 */
export const CheckinCreate = z
  .strictObject({
    kind: z.enum(["in", "out"]),
    mode: WorkModeSchema,
    position: Position.nullable(),
    positionError: PositionErrorSchema.optional(),
    deviceTime: z.iso.datetime({ offset: true }),
    note: z.string().trim().max(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.position === null && v.positionError === undefined) {
      ctx.addIssue({ code: "custom", path: ["positionError"], message: "give the browser's reason when there is no position" });
    }
    if (v.position !== null && v.positionError !== undefined) {
      ctx.addIssue({ code: "custom", path: ["positionError"], message: "only without a position" });
    }
  });
export type CheckinCreate = z.infer<typeof CheckinCreate>;

export const RangeQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });

export const CheckinOut = z.object({
  id: z.string(),
  employeeId: z.string(),
  workDate: z.string(),
  kind: z.enum(["in", "out"]),
  mode: WorkModeSchema,
  /** The mode the published roster expected that day; null without a published roster. */
  expectedMode: WorkModeSchema.nullable(),
  /** The check-in does not match the roster: another mode declared, or a rostered office day checked in at home (or the reverse). */
  mismatch: z.boolean(),
  serverTime: z.string(),
  deviceTime: z.string().nullable(),
  /** The device clock was more than 24 h off the server's. */
  deviceTimeSkewed: z.boolean(),
  geofence: z.enum(GEOFENCES),
  place: z.object({ id: z.string(), name: z.string() }).nullable(),
  positionError: z.string().nullable(),
  /** Late minutes (in) or early minutes (out); null when nothing was expected (day off, leave, sick). */
  minutesOff: z.number().nullable(),
  note: z.string().nullable(),
  /** Only for viewers of coordinates (the person, HR in scope): the fix and its distance to the place. */
  position: z.object({ lat: z.number(), lng: z.number(), accuracy: z.number() }).nullable().optional(),
  distanceM: z.number().nullable().optional(),
  coordinatesPurged: z.boolean().optional(),
});
export type CheckinOut = z.infer<typeof CheckinOut>;

const Hours = z.object({ start: z.string(), end: z.string() });

export const TodayOut = z.object({
  date: z.string(),
  timezone: z.string(),
  workday: z.boolean(),
  weekend: z.boolean(),
  dayOff: z.object({ kind: z.enum(["holiday", "cuti_bersama"]), nameId: z.string(), nameEn: z.string() }).nullable(),
  ramadan: z.boolean(),
  /** Working hours in effect today; null on a day off. */
  hours: Hours.nullable(),
  lateGraceMinutes: z.number(),
  accuracyThresholdM: z.number(),
  expectedMode: WorkModeSchema.nullable(),
  /** The mode of today's check-in, if any. */
  mode: WorkModeSchema.nullable(),
  checkin: CheckinOut.nullable(),
  checkout: CheckinOut.nullable(),
});
