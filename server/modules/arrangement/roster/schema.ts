import { z } from "zod";

const Id = z.uuid();
const DateStr = z.iso.date();
export const WORK_MODES = ["WFO", "WFH", "CUTI", "DL", "SAKIT"] as const;
export const WorkMode = z.enum(WORK_MODES);
export const Lang = z.enum(["id", "en"]);
const Bool = z
  .enum(["true", "false"])
  .default("true")
  .transform((v) => v === "true");

export const GenerateBody = z.strictObject({
  /** Monday of the week. */
  week: DateStr,
  /** Root of the unit subtree to roster; null for the whole agency. */
  unitId: Id.nullable().default(null),
});
export type GenerateBody = z.infer<typeof GenerateBody>;

export const ROSTER_STATUSES = ["generating", "draft", "published", "superseded", "failed"] as const;

export const RosterOut = z.object({
  id: z.string(),
  week: z.string(),
  dates: z.array(z.string()),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  status: z.enum(ROSTER_STATUSES),
  /** Progress while generating: employees stored of the total. */
  totalCount: z.number(),
  processedCount: z.number(),
  conflictCount: z.number(),
  /** sha256 of the engine input: two rosters with the same hash were made from the same inputs. */
  inputHash: z.string().nullable(),
  policyIds: z.array(z.string()),
  message: z.string().nullable(),
  createdAt: z.string(),
  generatedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type RosterOut = z.infer<typeof RosterOut>;

export const RosterListQuery = z.object({ week: DateStr.optional(), status: z.enum(ROSTER_STATUSES).optional(), agencyId: Id.optional() });
export const RosterList = z.object({ items: z.array(RosterOut) });
export const RosterParams = z.object({ id: Id });
export const CellParams = z.object({ id: Id, employeeId: Id, date: DateStr });
export const LangQuery = z.object({ lang: Lang.optional() });

export const GridQuery = z.object({
  unitId: Id.optional(),
  includeSubunits: Bool,
  /** Rows with this mode on `date` (or on any day without a date). */
  mode: WorkMode.optional(),
  date: DateStr.optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  lang: Lang.optional(),
});
export type GridQuery = z.infer<typeof GridQuery>;

export const CellOut = z.object({
  date: z.string(),
  mode: WorkMode,
  source: z.enum(["generated", "override", "request"]),
  reasonCode: z.string(),
  /** The reason in the requested language, e.g. "WFH: pengguna KRL, prioritas 2; kuota kantor Unit X Selasa 50 % sudah terpenuhi". */
  reason: z.string(),
});
export const GridRow = z.object({
  employeeId: z.string(),
  name: z.string(),
  unitId: z.string(),
  pinned: z.enum(["echelon", "essential", "front_desk"]).nullable(),
  priority: z.number(),
  /** Priority factors; comorbidity and pregnancy only for sensitive readers. */
  factors: z.array(z.string()),
  cells: z.array(CellOut),
});
export const UnitDayOut = z.object({
  date: z.string(),
  headcount: z.number(),
  available: z.number(),
  absent: z.number(),
  office: z.number(),
  home: z.number(),
  pinnedOffice: z.number(),
  cap: z.number(),
  capPct: z.number(),
  minOnSite: z.number(),
  window: z.string().nullable(),
});
export const GridUnit = z.object({ unitId: z.string(), unitName: z.string(), parentId: z.string().nullable(), depth: z.number(), days: z.array(UnitDayOut) });

export const ConflictText = z.object({
  unitId: z.string(),
  unitName: z.string(),
  date: z.string(),
  rule: z.string(),
  employeeId: z.string().nullable(),
  employeeName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  /** One line in the requested language. */
  text: z.string(),
});
export const ConflictOut = ConflictText.extend({
  id: z.string(),
  rosterId: z.string(),
  week: z.string(),
  rosterStatus: z.enum(ROSTER_STATUSES),
  source: z.enum(["roster", "request"]),
  requestId: z.string().nullable(),
  status: z.enum(["open", "resolved"]),
  resolution: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});

export const GridOut = z.object({
  roster: RosterOut,
  units: z.array(GridUnit),
  rows: z.array(GridRow),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  conflicts: z.array(ConflictOut),
});

export const CellPatch = z.strictObject({ mode: WorkMode, note: z.string().trim().max(500).nullable().default(null) });
export const CellChangeOut = z.object({ row: GridRow, unit: GridUnit, conflicts: z.array(ConflictOut), newConflicts: z.array(ConflictText) });

export const WeekQuery = z.object({ week: DateStr.optional(), lang: Lang.optional() });
export const WeekDay = z.object({
  date: z.string(),
  workday: z.boolean(),
  dayOff: z.object({ nameId: z.string(), nameEn: z.string() }).nullable(),
  cell: CellOut.nullable(),
});
export const WeekOut = z.object({
  employeeId: z.string(),
  name: z.string(),
  week: z.string(),
  rosterId: z.string().nullable(),
  publishedAt: z.string().nullable(),
  days: z.array(WeekDay),
});

export const ScheduleQuery = z.object({
  week: DateStr.optional(),
  unitId: Id.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  lang: Lang.optional(),
  agencyId: Id.optional(),
});
export const ScheduleOut = z.object({
  week: z.string(),
  dates: z.array(z.string()),
  items: z.array(
    z.object({
      employeeId: z.string(),
      name: z.string(),
      unit: z.object({ id: z.string(), name: z.string() }),
      rosterId: z.string().nullable(),
      cells: z.array(CellOut),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
