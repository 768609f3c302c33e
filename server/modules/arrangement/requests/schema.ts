import { z } from "zod";
import { ConflictOut, ConflictText, Lang } from "../roster/schema.js";

const Id = z.uuid();
const DateStr = z.iso.date();

/** A request of the signed-in person: the body names nobody else (an unknown field is refused). */
export const RequestCreate = z.strictObject({
  date: DateStr,
  mode: z.enum(["WFO", "WFH"]),
  reason: z.string().trim().min(1).max(500),
});
export type RequestCreate = z.infer<typeof RequestCreate>;

export const REQUEST_STATUSES = ["pending", "approved", "declined", "cancelled"] as const;

export const RequestOut = z.object({
  id: z.string(),
  employee: z.object({ id: z.string(), name: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }),
  date: z.string(),
  mode: z.enum(["WFO", "WFH"]),
  reason: z.string(),
  status: z.enum(REQUEST_STATUSES),
  /** After approval: applied to the published roster, in conflict (HR decides), or waiting for the week's roster. */
  outcome: z.enum(["applied", "conflict", "awaiting_roster"]).nullable(),
  rosterId: z.string().nullable(),
  decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  createdAt: z.string(),
  /** Whether the viewer may approve or decline it now. */
  canDecide: z.boolean(),
});
export type RequestOut = z.infer<typeof RequestOut>;

export const MyRequestsQuery = z.object({ status: z.enum(REQUEST_STATUSES).optional() });
export const RequestListQuery = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  agencyId: Id.optional(),
});
export const RequestList = z.object({ items: z.array(RequestOut) });
export const RequestPage = z.object({ items: z.array(RequestOut), total: z.number(), page: z.number(), pageSize: z.number() });

export const Decision = z.strictObject({
  decision: z.enum(["approve", "decline"]),
  comment: z.string().trim().max(500).nullable().default(null),
});
export const DecisionOut = RequestOut.extend({
  /** Why an approved request could not change the roster (outcome "conflict"). */
  conflicts: z.array(ConflictText),
});

export const ConflictListQuery = z.object({
  status: z.enum(["open", "resolved", "all"]).default("open"),
  source: z.enum(["roster", "request"]).optional(),
  week: DateStr.optional(),
  rosterId: Id.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  lang: Lang.optional(),
  agencyId: Id.optional(),
});
export const ConflictPage = z.object({ items: z.array(ConflictOut), total: z.number(), page: z.number(), pageSize: z.number() });
export const ConflictResolve = z.strictObject({
  /** dismiss: the roster stays as it is; override: HR sets the requested mode anyway (an audited override, also on a published roster). */
  action: z.enum(["dismiss", "override"]),
  note: z.string().trim().max(500).nullable().default(null),
});
export const IdParams = z.object({ id: Id });
