import { z } from "zod";

export const COMMUTE_MODES = ["KRL", "MRT", "LRT", "BUS"] as const;
export const CommuteMode = z.enum(COMMUTE_MODES);

/** What an employee declares about themself. A changed commute waits for HR's verification again. */
export const FactorsDeclare = z.strictObject({
  commute: CommuteMode.nullable(),
  comorbidity: z.boolean(),
  pregnancy: z.boolean(),
  caregiving: z.boolean(),
});
export type FactorsDeclare = z.infer<typeof FactorsDeclare>;

export const CommuteVerification = z.strictObject({ verified: z.boolean() });

const Commute = z.object({ mode: CommuteMode.nullable(), verified: z.boolean(), verifiedAt: z.string().nullable() });

export const FactorsOut = z.object({
  employeeId: z.string(),
  name: z.string(),
  commute: Commute,
  caregiving: z.boolean(),
  /** Age from the NIP birth date: the person and HR admins in scope. */
  age: z.number().optional(),
  /** Specific personal data: only for the person, HR admins and health officers in scope (each read by someone else is logged). */
  sensitive: z.object({ comorbidity: z.boolean(), pregnancy: z.boolean(), healthNotCleared: z.boolean() }).optional(),
  updatedAt: z.string().nullable(),
});
export type FactorsOut = z.infer<typeof FactorsOut>;

export const FactorListQuery = z.object({
  unitId: z.uuid().optional(),
  commute: z.enum(["unverified", "verified", "any"]).default("unverified"),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  agencyId: z.uuid().optional(),
});

export const FactorListItem = z.object({
  employeeId: z.string(),
  name: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  commute: Commute,
  caregiving: z.boolean(),
});
export const FactorPage = z.object({ items: z.array(FactorListItem), total: z.number(), page: z.number(), pageSize: z.number() });
export const EmployeeParams = z.object({ employeeId: z.uuid() });
