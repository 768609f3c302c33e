import { z } from "zod";

export const TIMEZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Pontianak"] as const;
export const Timezone = z.enum(TIMEZONES);
export const Id = z.uuid();
const DateStr = z.iso.date();
const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const AgencyCreate = z.object({
  code: z
    .string()
    .trim()
    .min(2)
    .max(20)
    .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only"),
  name: trimmed(200),
  timezone: Timezone,
});

export const UnitCreate = z.object({
  parentId: Id.nullable(),
  code: z.string().trim().min(1).max(40),
  name: trimmed(200),
  timezone: Timezone,
});
export const UnitUpdate = z.object({ parentId: Id, code: z.string().trim().min(1).max(40), name: trimmed(200), timezone: Timezone }).partial();

export const PositionCreate = z.object({
  unitId: Id,
  name: trimmed(200),
  kind: z.enum(["structural", "functional", "executor"]),
  echelon: z.number().int().min(1).max(4).nullable().default(null),
  isHead: z.boolean().default(false),
});
export const PositionUpdate = z
  .object({
    name: trimmed(200),
    kind: z.enum(["structural", "functional", "executor"]),
    echelon: z.number().int().min(1).max(4).nullable(),
    isHead: z.boolean(),
  })
  .partial();

/** Indonesian and international phone numbers as people type them. */
export const PHONE_RE = /^\+?[0-9 ()-]{6,20}$/;
const Phone = z.string().trim().regex(PHONE_RE, "not a phone number");

const EmployeeFields = z.object({
  nip: z.string().trim(),
  name: trimmed(200),
  email: z.email().max(200).nullable(),
  phone: Phone.nullable(),
  unitId: Id,
  positionId: Id.nullable(),
  employmentType: z.enum(["PNS", "PPPK"]),
  status: z.enum(["active", "inactive"]),
  supervisorId: Id.nullable(),
});
export const EmployeeCreate = EmployeeFields.extend({
  email: EmployeeFields.shape.email.default(null),
  phone: EmployeeFields.shape.phone.default(null),
  positionId: EmployeeFields.shape.positionId.default(null),
  status: EmployeeFields.shape.status.default("active"),
  supervisorId: EmployeeFields.shape.supervisorId.default(null),
});
/** A patch: absent fields stay as they are (no defaults here). */
export const EmployeeUpdate = EmployeeFields.partial();

export const EmployeeListQuery = z.object({
  q: z.string().max(100).optional(),
  unitId: Id.optional(),
  includeSubunits: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  status: z.enum(["active", "inactive"]).optional(),
  employmentType: z.enum(["PNS", "PPPK"]).optional(),
  sort: z.enum(["name", "nip", "unit"]).default("name"),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  agencyId: Id.optional(),
});

export const ActingCreate = z
  .object({
    unitId: Id,
    employeeId: Id,
    kind: z.enum(["plt", "plh"]),
    startsOn: DateStr,
    endsOn: DateStr,
    note: z.string().max(500).nullable().default(null),
  })
  .refine((v) => v.endsOn >= v.startsOn, { message: "endsOn must not be before startsOn", path: ["endsOn"] });

export const GrantCreate = z.object({
  employeeId: Id,
  role: z.enum(["hr_admin", "leader", "health_officer", "learning_admin", "facilitator"]),
  unitId: Id.nullable().default(null),
});

export const EmployeeOut = z.object({
  id: z.string(),
  nip: z.string(),
  nipMasked: z.boolean(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  unit: z.object({ id: z.string(), name: z.string() }),
  position: z.object({ id: z.string(), name: z.string(), echelon: z.number().nullable(), isHead: z.boolean() }).nullable(),
  employmentType: z.enum(["PNS", "PPPK"]),
  status: z.enum(["active", "inactive"]),
  supervisorId: z.string().nullable(),
  supervisor: z.object({ id: z.string(), name: z.string() }).nullable(),
  supervisorExplicit: z.boolean(),
  birthDate: z.string().optional(),
  gender: z.enum(["M", "F"]).optional(),
  appointedOn: z.string().optional(),
  hasAccount: z.boolean().optional(),
});

export const UnitOut = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  timezone: z.string(),
  depth: z.number(),
  employeeCount: z.number().optional(),
});

export const Page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
