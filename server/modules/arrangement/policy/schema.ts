import { z } from "zod";
import { DEFAULT_POLICY, DEFAULT_RISK_LEVELS, DEFAULT_WEIGHTS } from "../engine/index.js";

const Id = z.uuid();
const DateStr = z.iso.date();
const Pct = z.number().min(0, "a percentage is 0..100").max(100, "a percentage is 0..100");
const Level = z.number().int().min(1).max(9);
const Weight = z.number().min(0).max(100);
const LegalBasis = z.string().trim().min(1).max(500);

export const Weights = z.strictObject({
  krl: Weight.default(DEFAULT_WEIGHTS.krl),
  mrt: Weight.default(DEFAULT_WEIGHTS.mrt),
  lrt: Weight.default(DEFAULT_WEIGHTS.lrt),
  bus: Weight.default(DEFAULT_WEIGHTS.bus),
  comorbidity: Weight.default(DEFAULT_WEIGHTS.comorbidity),
  pregnancy: Weight.default(DEFAULT_WEIGHTS.pregnancy),
  age: Weight.default(DEFAULT_WEIGHTS.age),
  caregiving: Weight.default(DEFAULT_WEIGHTS.caregiving),
  healthNotCleared: Weight.default(DEFAULT_WEIGHTS.healthNotCleared),
});

/** Office cap of a unit subtree (null: the agency) on one date (null: every day): a fixed percentage or a risk level. */
const CapRule = z
  .strictObject({ unitId: Id.nullable(), date: DateStr.nullable().default(null), pct: Pct.optional(), level: Level.optional() })
  .refine((v) => (v.pct === undefined) !== (v.level === undefined), { message: "give exactly one of pct or level", path: ["pct"] });

/** The risk level of a region (a unit subtree, null: the agency) over a period. */
const RiskArea = z
  .strictObject({ unitId: Id.nullable(), level: Level, startsOn: DateStr, endsOn: DateStr.nullable().default(null), legalBasis: LegalBasis.optional() })
  .refine((v) => v.endsOn === null || v.endsOn >= v.startsOn, { message: "must not end before it starts", path: ["endsOn"] });

const Pin = z
  .strictObject({ positionId: Id.optional(), employeeId: Id.optional(), essential: z.boolean().default(false), frontDesk: z.boolean().default(false) })
  .refine((v) => (v.positionId === undefined) !== (v.employeeId === undefined), {
    message: "give exactly one of positionId or employeeId",
    path: ["positionId"],
  })
  .refine((v) => v.essential || v.frontDesk, { message: "mark essential, frontDesk or both", path: ["essential"] });

/** A national window (e.g. work from anywhere) with its own legal basis. */
export const Window = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    startsOn: DateStr,
    endsOn: DateStr,
    capPct: Pct.default(0),
    keepMinOnSite: z.boolean().default(true),
    legalBasis: LegalBasis,
  })
  .refine((v) => v.endsOn >= v.startsOn, { message: "the window must not end before it starts", path: ["endsOn"] });

const defaultRiskLevels = Object.entries(DEFAULT_RISK_LEVELS).map(([level, pct]) => ({ level: Number(level), pct }));

const overlap = (a: { startsOn: string; endsOn: string | null }, b: { startsOn: string; endsOn: string | null }) =>
  a.startsOn <= (b.endsOn ?? "9999-12-31") && b.startsOn <= (a.endsOn ?? "9999-12-31");

/** The rule set of a policy version. Every field has a default, so `{}` is the engine's default policy. */
export const Rules = z
  .strictObject({
    weights: Weights.default(Weights.parse({})),
    ageThreshold: z.number().int().min(0).max(100).default(DEFAULT_POLICY.ageThreshold),
    /** Echelons I..N stay in the office (0: nobody by echelon). */
    pinnedEchelons: z.number().int().min(0).max(4).default(DEFAULT_POLICY.pinnedEchelons),
    capBase: z.enum(["headcount", "available"]).default(DEFAULT_POLICY.capBase),
    historyWeeks: z.number().int().min(1).max(4).default(DEFAULT_POLICY.historyWeeks),
    /** "Health not cleared recently": a not-cleared self-check within this many days before the week (or during it). */
    healthLookbackDays: z.number().int().min(0).max(30).default(7),
    /** Count a public-transport commute only once HR has verified it. */
    requireVerifiedCommute: z.boolean().default(true),
    /** Cap where no rule applies. */
    defaultCapPct: Pct.default(100),
    riskLevels: z
      .array(z.strictObject({ level: Level, pct: Pct }))
      .max(9)
      .default(defaultRiskLevels),
    caps: z.array(CapRule).max(2000).default([]),
    riskAreas: z.array(RiskArea).max(2000).default([]),
    defaultMinOnSite: z.number().int().min(0).max(1000).default(0),
    minOnSite: z
      .array(z.strictObject({ unitId: Id, count: z.number().int().min(0).max(1000) }))
      .max(5000)
      .default([]),
    pinned: z.array(Pin).max(5000).default([]),
    windows: z.array(Window).max(200).default([]),
    keepApart: z
      .array(z.strictObject({ a: Id, b: Id }).refine((v) => v.a !== v.b, { message: "a pair needs two people", path: ["b"] }))
      .max(5000)
      .default([]),
  })
  .superRefine((r, ctx) => {
    const levels = new Set<number>();
    r.riskLevels.forEach((l, i) => {
      if (levels.has(l.level)) ctx.addIssue({ code: "custom", path: ["riskLevels", i, "level"], message: "level listed twice" });
      levels.add(l.level);
    });
    const capKeys = new Set<string>();
    r.caps.forEach((c, i) => {
      if (c.level !== undefined && !levels.has(c.level)) ctx.addIssue({ code: "custom", path: ["caps", i, "level"], message: "not in the risk-level table" });
      const key = `${c.unitId}|${c.date}`;
      if (capKeys.has(key)) ctx.addIssue({ code: "custom", path: ["caps", i], message: "a second cap for the same unit and date" });
      capKeys.add(key);
    });
    r.riskAreas.forEach((a, i) => {
      if (!levels.has(a.level)) ctx.addIssue({ code: "custom", path: ["riskAreas", i, "level"], message: "not in the risk-level table" });
      const clash = r.riskAreas.findIndex((b, j) => j < i && b.unitId === a.unitId && overlap(a, b));
      if (clash >= 0) ctx.addIssue({ code: "custom", path: ["riskAreas", i], message: `overlaps riskAreas[${clash}] for the same unit` });
    });
    const minUnits = new Set<string>();
    r.minOnSite.forEach((m, i) => {
      if (minUnits.has(m.unitId)) ctx.addIssue({ code: "custom", path: ["minOnSite", i, "unitId"], message: "unit listed twice" });
      minUnits.add(m.unitId);
    });
    r.windows.forEach((w, i) => {
      const clash = r.windows.findIndex((b, j) => j < i && overlap(w, b));
      if (clash >= 0) ctx.addIssue({ code: "custom", path: ["windows", i], message: `overlaps windows[${clash}]` });
    });
  });
export type Rules = z.infer<typeof Rules>;

export const PolicyCreate = z.strictObject({
  effectiveFrom: DateStr,
  legalBasis: LegalBasis,
  note: z.string().trim().max(1000).nullable().default(null),
  rules: Rules.default(Rules.parse({})),
});
export type PolicyCreate = z.infer<typeof PolicyCreate>;

export const PolicyOut = z.object({
  id: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  legalBasis: z.string().nullable(),
  note: z.string().nullable(),
  rules: Rules,
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** The last day this version is in force (the day before the next version), null while no later version exists. */
  inForceUntil: z.string().nullable(),
});

export const PolicySummary = PolicyOut.omit({ rules: true });
export const PolicyList = z.object({ items: z.array(PolicySummary) });
export const AgencyQuery = z.object({ agencyId: Id.optional() });
export const InForceQuery = AgencyQuery.extend({ date: DateStr.optional() });
export const IdParams = z.object({ id: Id });
