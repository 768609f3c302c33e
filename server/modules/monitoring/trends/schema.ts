import { z } from "zod";

export const Id = z.uuid();
export const DateStr = z.iso.date();
export const Granularity = z.enum(["day", "week", "month"]);

export const TrendsQuery = z.object({
  unitId: Id.optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
  granularity: Granularity.default("day"),
});
export type TrendsQuery = z.infer<typeof TrendsQuery>;

const Share = z.number().nullable();

export const TrendsOut = z.object({
  from: z.string(),
  to: z.string(),
  granularity: Granularity,
  unit: z.object({ id: z.string(), name: z.string() }),
  series: z.array(
    z.object({
      period: z.string(),
      workdays: z.number(),
      employees: z.number(),
      checkinCompliance: Share,
      reportCompliance: Share,
      officeShare: Share,
      officeCap: Share,
      healthNotCleared: z.number(),
      reviewBacklog: z.number(),
      medianReviewHours: z.number().nullable(),
    }),
  ),
  units: z.array(z.object({ id: z.string(), name: z.string(), depth: z.number(), checkinCompliance: Share, reportCompliance: Share, officeShare: Share })),
});
export type TrendsOut = z.infer<typeof TrendsOut>;

export const RhkQuery = TrendsQuery.omit({ granularity: true });
export type RhkQuery = z.infer<typeof RhkQuery>;

export const RhkOut = z.object({
  from: z.string(),
  to: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  rhk: z.array(z.object({ rhkId: z.string(), title: z.string(), activities: z.number(), minutes: z.number() })),
});
export type RhkOut = z.infer<typeof RhkOut>;
