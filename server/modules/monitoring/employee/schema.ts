import { z } from "zod";

const WorkMode = z.enum(["WFO", "WFH", "DL", "CUTI", "SAKIT"]);

export const CalendarParams = z.object({ id: z.uuid() });
export const CalendarQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });
export type CalendarQuery = z.infer<typeof CalendarQuery>;

export const CalendarOut = z.object({
  employee: z.object({ id: z.string(), name: z.string(), unitId: z.string(), unitName: z.string() }),
  from: z.string(),
  to: z.string(),
  period: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      workday: z.boolean(),
      mode: WorkMode.nullable(),
      expectedMode: WorkMode.nullable(),
      checkinAt: z.string().nullable(),
      minutesLate: z.number().nullable(),
      onTime: z.boolean().nullable(),
      reportStatus: z.enum(["draft", "submitted", "returned", "approved"]).nullable(),
      healthCleared: z.boolean().nullable(),
    }),
  ),
  targets: z.array(
    z.object({
      id: z.string(),
      code: z.string().nullable(),
      title: z.string(),
      indicators: z.array(z.object({ name: z.string(), target: z.number().nullable().optional(), unit: z.string().nullable().optional() }).passthrough()),
      activities: z.number(),
      minutes: z.number(),
    }),
  ),
});
export type CalendarOut = z.infer<typeof CalendarOut>;
