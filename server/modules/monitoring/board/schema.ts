import { z } from "zod";

const Id = z.uuid();
const DateStr = z.iso.date();

export const MODES = ["WFO", "WFH", "DL", "CUTI", "SAKIT"] as const;
export const REPORT_STATES = ["draft", "submitted", "returned", "approved"] as const;

/** The numbers behind which `/board/people` lists the people. */
export const BUCKETS = [
  "employees",
  "checked_in",
  "not_checked_in",
  "late",
  "checked_out",
  "mode:WFO",
  "mode:WFH",
  "mode:DL",
  "mode:CUTI",
  "mode:SAKIT",
  "roster:differs",
  "health:not_filled",
  "health:not_cleared",
  "report:none",
  "report:draft",
  "report:submitted",
  "report:returned",
  "report:approved",
  "office",
] as const;
export type Bucket = (typeof BUCKETS)[number];

export const BoardQuery = z.object({ unitId: Id.optional(), date: DateStr.optional() });
export type BoardQuery = z.infer<typeof BoardQuery>;

export const PeopleQuery = BoardQuery.extend({
  bucket: z.enum(BUCKETS).default("employees"),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

const ModeCounts = z.object({ WFO: z.number(), WFH: z.number(), DL: z.number(), CUTI: z.number(), SAKIT: z.number() });

export const Counts = z.object({
  employees: z.number(),
  checkedIn: z.number(),
  notCheckedIn: z.number(),
  late: z.number(),
  checkedOut: z.number(),
  modes: ModeCounts,
  roster: z.object({ matched: z.number(), differs: z.number(), unrostered: z.number() }),
  health: z.object({ filled: z.number(), notFilled: z.number(), notCleared: z.number() }),
  reports: z.object({ none: z.number(), draft: z.number(), submitted: z.number(), returned: z.number(), approved: z.number() }),
  office: z.object({ present: z.number(), cap: z.number().nullable() }),
});
export type Counts = z.infer<typeof Counts>;

export const BoardOut = z.object({
  date: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  timezone: z.string(),
  generatedAt: z.string(),
  totals: Counts,
  units: z.array(Counts.extend({ id: z.string(), name: z.string(), depth: z.number() })),
});
export type BoardOut = z.infer<typeof BoardOut>;

const Mode = z.enum(MODES);

export const PersonOut = z.object({
  employeeId: z.string(),
  name: z.string(),
  nipMasked: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  phone: z.string().nullable(),
  checkinAt: z.string().nullable(),
  checkoutAt: z.string().nullable(),
  mode: Mode.nullable(),
  expectedMode: Mode.nullable(),
  minutesLate: z.number().nullable(),
  geofence: z.string().nullable(),
  reportStatus: z.enum(REPORT_STATES).nullable(),
  healthCleared: z.boolean().nullable(),
});
export type PersonOut = z.infer<typeof PersonOut>;

export const PeopleOut = z.object({ items: z.array(PersonOut), total: z.number(), page: z.number(), pageSize: z.number() });

export const ScopeOut = z.object({
  units: z.array(z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable(), path: z.string(), depth: z.number() })),
  root: z.string(),
  can: z.object({ healthNames: z.boolean(), exactLocation: z.boolean() }),
});
