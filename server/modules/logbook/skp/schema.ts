import { z } from "zod";

/** An SKP period: the year, e.g. "2026". */
export const Period = z.string().regex(/^(19|20|21)\d{2}$/, "a year such as 2026");

const text = (max: number) => z.string().trim().min(1).max(max);

export const Indicator = z.object({
  name: text(500),
  target: z.number().positive().max(1_000_000_000),
  unit: text(50),
});
export type Indicator = z.infer<typeof Indicator>;

/** A blank code means "no code". */
const Code = z
  .string()
  .trim()
  .max(40)
  .nullable()
  .transform((c) => c || null);

export const TargetCreate = z.object({
  period: Period,
  code: Code.default(null),
  title: text(1000),
  indicators: z.array(Indicator).min(1).max(20),
});
export type TargetCreate = z.infer<typeof TargetCreate>;

export const TargetUpdate = z
  .object({
    code: Code,
    title: text(1000),
    indicators: z.array(Indicator).min(1).max(20),
    /** false restores an archived target. */
    archived: z.boolean(),
  })
  .partial()
  .refine((o) => Object.keys(o).length > 0, { message: "send at least one field" });
export type TargetUpdate = z.infer<typeof TargetUpdate>;

export const TargetOut = z.object({
  id: z.string(),
  employeeId: z.string(),
  period: z.string(),
  code: z.string().nullable(),
  title: z.string(),
  indicators: z.array(z.object({ name: z.string(), target: z.number(), unit: z.string() })),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TargetDto = z.infer<typeof TargetOut>;

export const TargetList = z.object({ employeeId: z.string(), period: z.string(), items: z.array(TargetOut) });

export const TargetQuery = z.object({
  /** Defaults to the employee's current year. */
  period: Period.optional(),
  includeArchived: z.stringbool().default(false),
});

export const IdParams = z.object({ id: z.uuid() });

export const ImportQuery = z.object({ agencyId: z.uuid().optional() });

export const ImportOut = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  targets: z.number(),
  created: z.number(),
  updated: z.number(),
});
export type ImportResult = z.infer<typeof ImportOut>;
