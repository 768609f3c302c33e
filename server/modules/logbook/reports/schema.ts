import { z } from "zod";

const DateStr = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const DateParams = z.object({ date: DateStr });
export const IdParams = z.object({ id: z.uuid() });

/** Evidence: a link, an uploaded file (POST /me/files), or none. */
export const EvidenceIn = z.union([z.strictObject({ url: z.url({ protocol: /^https?$/ }).max(2000) }), z.strictObject({ fileId: z.uuid() })]).nullable();

export const ActivityIn = z.object({
  description: text(2000),
  /** One of the employee's own active targets of the period that covers the date. */
  rhkId: z.uuid().nullable().default(null),
  outputQty: z.number().positive().max(1_000_000),
  outputUnit: text(50),
  minutes: z.number().int().min(1).max(1440),
  evidence: EvidenceIn.default(null),
});
export type ActivityIn = z.infer<typeof ActivityIn>;

export const MAX_DAY_MINUTES = 1440;

export const DraftIn = z.object({
  activities: z
    .array(ActivityIn)
    .max(50)
    .refine((list) => list.reduce((sum, a) => sum + a.minutes, 0) <= MAX_DAY_MINUTES, {
      message: `the activities of one day add up to at most ${MAX_DAY_MINUTES} minutes`,
    }),
});
export type DraftIn = z.infer<typeof DraftIn>;

export const ReturnIn = z.object({ comment: text(1000) });
export const ApproveIn = z.object({ comment: text(1000).optional() }).optional();
export const BulkApproveIn = z.object({ ids: z.array(z.uuid()).min(1).max(200) });

export const RangeQuery = z.object({ from: DateStr.optional(), to: DateStr.optional() });

export const STATUSES = ["draft", "submitted", "returned", "approved"] as const;
export const QueueQuery = z.object({
  status: z.enum(["submitted", "returned", "approved"]).default("submitted"),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const ExportQuery = z.object({
  from: DateStr,
  to: DateStr,
  unitId: z.uuid().optional(),
  /** Default: everything except drafts. */
  status: z.enum(STATUSES).optional(),
});

const EvidenceOut = z.union([
  z.object({ url: z.string() }),
  z.object({ fileId: z.string(), filename: z.string(), mime: z.string(), size: z.number(), href: z.string() }),
]);

export const ActivityOut = z.object({
  ordinal: z.number(),
  description: z.string(),
  rhk: z.object({ id: z.string(), code: z.string().nullable(), title: z.string() }).nullable(),
  outputQty: z.number(),
  outputUnit: z.string(),
  minutes: z.number(),
  evidence: EvidenceOut.nullable(),
});
export type ActivityDto = z.infer<typeof ActivityOut>;

export const ReportOut = z.object({
  id: z.string(),
  employeeId: z.string(),
  workDate: z.string(),
  status: z.enum(STATUSES),
  /** 0 while never submitted; 1 at the first submission, +1 at each resubmission. */
  revision: z.number(),
  deadlineAt: z.string(),
  /** The first submission (lateness is judged on it). */
  submittedAt: z.string().nullable(),
  /** Submitted after the deadline. */
  late: z.boolean(),
  /** Not submitted yet and the deadline has passed. */
  overdue: z.boolean(),
  reviewedAt: z.string().nullable(),
  reviewerId: z.string().nullable(),
  reviewComment: z.string().nullable(),
  totalMinutes: z.number(),
  activities: z.array(ActivityOut),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReportDto = z.infer<typeof ReportOut>;

export const ReportList = z.object({ from: z.string(), to: z.string(), items: z.array(ReportOut) });

export const HistoryItem = z.object({
  action: z.enum(["submitted", "resubmitted", "returned", "approved"]),
  at: z.string(),
  by: z.object({ userId: z.string(), name: z.string() }).nullable(),
  comment: z.string().nullable(),
  activities: z.array(ActivityOut),
});

export const ReportDetail = ReportOut.extend({
  employee: z.object({ id: z.string(), name: z.string(), unitName: z.string() }),
  history: z.array(HistoryItem),
});

/** What a supervisor sees of the day besides the report: results only, never coordinates or health answers. */
export const DayResults = z.object({
  checkins: z.array(z.object({ kind: z.enum(["in", "out"]), mode: z.string(), geofence: z.string(), placeName: z.string().nullable() })),
  cleared: z.boolean().nullable(),
});

export const QueueItem = ReportOut.extend({
  employee: z.object({ id: z.string(), name: z.string(), nip: z.string(), unit: z.object({ id: z.string(), name: z.string() }) }),
  day: DayResults,
});
export const QueueOut = z.object({ total: z.number(), items: z.array(QueueItem) });

export const BulkApproveOut = z.object({ approved: z.number(), items: z.array(ReportOut) });

export const FileOut = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  href: z.string(),
  createdAt: z.string(),
});
export type FileDto = z.infer<typeof FileOut>;
