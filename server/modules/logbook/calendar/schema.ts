import { z } from "zod";

const DateStr = z.iso.date();
const Name = z.string().trim().min(1).max(200);
const LegalBasis = z.string().trim().min(1).max(500);

export const CalendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const DayKind = z.enum(["holiday", "cuti_bersama"]);
export const DayCreate = z.strictObject({ date: DateStr, kind: DayKind, nameId: Name, nameEn: Name, legalBasis: LegalBasis });
export const DayUpdate = DayCreate.partial().refine((v) => Object.keys(v).length > 0, "nothing to change");

export const PeriodCreate = z.strictObject({
  kind: z.literal("ramadan"),
  startsOn: DateStr,
  endsOn: DateStr,
  nameId: Name,
  nameEn: Name,
  legalBasis: LegalBasis,
});
export const PeriodUpdate = PeriodCreate.partial().refine((v) => Object.keys(v).length > 0, "nothing to change");

export const DayOut = z.object({
  id: z.string(),
  date: z.string(),
  kind: DayKind,
  nameId: z.string(),
  nameEn: z.string(),
  legalBasis: z.string(),
  /** "operator" for rows an operator created or edited, else the shipped dataset tag. */
  dataset: z.string(),
});

export const PeriodOut = z.object({
  id: z.string(),
  kind: z.literal("ramadan"),
  startsOn: z.string(),
  endsOn: z.string(),
  nameId: z.string(),
  nameEn: z.string(),
  legalBasis: z.string(),
  dataset: z.string(),
});

export const CalendarOut = z.object({ year: z.number(), days: z.array(DayOut), periods: z.array(PeriodOut) });

export type DayCreate = z.infer<typeof DayCreate>;
export type DayUpdate = z.infer<typeof DayUpdate>;
export type PeriodCreate = z.infer<typeof PeriodCreate>;
export type PeriodUpdate = z.infer<typeof PeriodUpdate>;
