import { z } from "zod";
import type { Db } from "../../platform/context.js";
import { getSetting, putSetting } from "../../platform/settings.js";

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");
const DayHours = z.object({ start: Hhmm, end: Hhmm });

/**
 * Per-agency logbook settings (HR admins edit them). Working hours follow
 * Perpres 21/2023: 37.5 h/week from 07:30, 60 min break (90 on Friday);
 * Ramadan 32.5 h/week from 08:00.
 */
export const LogbookSettings = z.object({
  /** A fix whose accuracy is worse than this is "poor", never "inside". */
  accuracyThresholdM: z.number().int().min(10).max(5000),
  /** Minutes of grace before a check-in counts as late. */
  lateGraceMinutes: z.number().int().min(0).max(120),
  hours: z.object({ monThu: DayHours, fri: DayHours }),
  ramadanHours: z.object({ monThu: DayHours, fri: DayHours }),
  /** Report deadline: the end of the Nth workday after the report's day. */
  reportDeadlineWorkdays: z.number().int().min(0).max(10),
  reportDeadlineTime: Hhmm,
  retention: z.object({
    coordinatesDays: z.number().int().min(1).max(3650),
    healthAnswersDays: z.number().int().min(1).max(3650),
  }),
});
export type LogbookSettings = z.infer<typeof LogbookSettings>;

export const DEFAULT_LOGBOOK_SETTINGS: LogbookSettings = {
  accuracyThresholdM: 150,
  lateGraceMinutes: 0,
  hours: { monThu: { start: "07:30", end: "16:00" }, fri: { start: "07:30", end: "16:30" } },
  ramadanHours: { monThu: { start: "08:00", end: "15:00" }, fri: { start: "08:00", end: "15:30" } },
  reportDeadlineWorkdays: 1,
  reportDeadlineTime: "23:59",
  retention: { coordinatesDays: 90, healthAnswersDays: 365 },
};

const key = (agencyId: string) => `logbook:${agencyId}`;

export async function getLogbookSettings(db: Db, agencyId: string): Promise<LogbookSettings> {
  const saved = await getSetting<Partial<LogbookSettings>>(db, key(agencyId));
  return { ...DEFAULT_LOGBOOK_SETTINGS, ...(saved ?? {}) };
}

export async function saveLogbookSettings(db: Db, agencyId: string, value: LogbookSettings, now: string): Promise<void> {
  await putSetting(db, key(agencyId), value, now);
}
