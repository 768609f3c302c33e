import { z } from "zod";

const Id = z.uuid();
const DateStr = z.iso.date();

export const RunCreate = z
  .strictObject({
    kind: z.enum(["self_paced", "cohort"]),
    title: z.string().trim().min(1).max(200),
    startsOn: DateStr.nullable().default(null),
    endsOn: DateStr.nullable().default(null),
    enrolOpen: z.boolean().default(true),
    selfPacedDays: z.number().int().min(1).max(3650).nullable().default(null),
    capacity: z.number().int().min(1).max(100000).nullable().default(null),
    facilitatorIds: z.array(Id).max(50).default([]),
  })
  .superRefine((r, c) => {
    if (r.kind === "cohort" && (!r.startsOn || !r.endsOn)) c.addIssue({ code: "custom", path: ["startsOn"], message: "a cohort run has start and end dates" });
    if (r.startsOn && r.endsOn && r.endsOn < r.startsOn) c.addIssue({ code: "custom", path: ["endsOn"], message: "ends on or after it starts" });
    if (r.kind === "self_paced" && !r.selfPacedDays)
      c.addIssue({ code: "custom", path: ["selfPacedDays"], message: "a self-paced run gives a number of days" });
  });
export type RunCreate = z.infer<typeof RunCreate>;

export const RunPatch = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  startsOn: DateStr.nullable().optional(),
  endsOn: DateStr.nullable().optional(),
  enrolOpen: z.boolean().optional(),
  selfPacedDays: z.number().int().min(1).max(3650).nullable().optional(),
  capacity: z.number().int().min(1).max(100000).nullable().optional(),
  facilitatorIds: z.array(Id).max(50).optional(),
});
export type RunPatch = z.infer<typeof RunPatch>;

export const EnrolOthers = z.strictObject({
  employeeIds: z.array(Id).min(1).max(1000),
  dueOn: DateStr.nullable().default(null),
});

export const AttendancePut = z.strictObject({
  entries: z
    .array(z.strictObject({ employeeId: Id, present: z.boolean() }))
    .min(1)
    .max(2000),
});

export const RunLessonParams = z.object({ id: Id, lessonId: Id });

export const RuleCreate = z
  .strictObject({
    runId: Id,
    name: z.string().trim().min(1).max(200),
    unitId: Id.nullable().default(null),
    positionName: z.string().trim().min(1).max(200).nullable().default(null),
    newHireMonths: z.number().int().min(1).max(120).nullable().default(null),
    dueDays: z.number().int().min(1).max(3650).nullable().default(null),
    active: z.boolean().default(true),
  })
  .refine((r) => r.unitId !== null || r.positionName !== null || r.newHireMonths !== null, {
    path: ["unitId"],
    message: "a rule needs a unit, a position or a new-hire window",
  });
export type RuleCreate = z.infer<typeof RuleCreate>;

export const RulePatch = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  dueDays: z.number().int().min(1).max(3650).nullable().optional(),
  active: z.boolean().optional(),
});
