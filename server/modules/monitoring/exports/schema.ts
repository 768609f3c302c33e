import { z } from "zod";
import { BUCKETS } from "../board/schema.js";
import { Granularity } from "../trends/schema.js";

export const ExportCreate = z.object({
  kind: z.enum(["people", "trends", "weekly"]),
  format: z.enum(["xlsx", "csv", "pdf"]),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type ExportCreate = z.infer<typeof ExportCreate>;

/** Which formats each kind can be written as. */
export const FORMATS = { people: ["csv", "xlsx"], trends: ["csv", "xlsx"], weekly: ["pdf", "xlsx"] } as const;

export const PeopleParams = z.strictObject({
  unitId: z.uuid().optional(),
  date: z.iso.date().optional(),
  bucket: z.enum(BUCKETS).default("employees"),
  q: z.string().trim().max(100).optional(),
});
export const TrendsParams = z.strictObject({
  unitId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  granularity: Granularity.default("day"),
});
export const WeeklyParams = z.strictObject({ unitId: z.uuid().optional(), week: z.string().min(1).max(10) });

/** What a job runs with, resolved and checked when it was created. */
export type StoredParams =
  | { kind: "people"; unitId: string; date: string; bucket: (typeof BUCKETS)[number]; q?: string; healthNames: boolean }
  | { kind: "trends"; unitId: string; from: string; to: string; granularity: z.infer<typeof Granularity>; today: string }
  | { kind: "weekly"; unitId: string; week: string };

export const ExportParams = z.object({ id: z.uuid() });

export const ExportOut = z.object({
  id: z.string(),
  kind: z.enum(["people", "trends", "weekly"]),
  format: z.enum(["xlsx", "csv", "pdf"]),
  status: z.enum(["queued", "running", "done", "failed"]),
  total: z.number(),
  processed: z.number(),
  filename: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ExportOut = z.infer<typeof ExportOut>;
