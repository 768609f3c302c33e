import type { FactorKey, PinBasis, PriorityWeights, RosterEmployee, RosterPolicy, RosterPolicyInput } from "./types.js";
import { roundScore } from "./util.js";

/** Fixed order in which factors are summed and listed in reasons. */
export const FACTOR_KEYS: readonly FactorKey[] = ["krl", "mrt", "lrt", "bus", "comorbidity", "pregnancy", "age", "caregiving", "healthNotCleared"];

/** Starting weights; HR edits them in the policy tables. */
export const DEFAULT_WEIGHTS: PriorityWeights = {
  krl: 2,
  mrt: 2,
  lrt: 2,
  bus: 1,
  comorbidity: 3,
  pregnancy: 3,
  age: 2,
  caregiving: 1,
  healthNotCleared: 3,
};

export const DEFAULT_POLICY: RosterPolicy = {
  weights: DEFAULT_WEIGHTS,
  ageThreshold: 50,
  pinnedEchelons: 2,
  capBase: "headcount",
  historyWeeks: 4,
};

export function resolvePolicy(input: RosterPolicyInput | undefined): RosterPolicy {
  const weights: Record<FactorKey, number> = { ...DEFAULT_WEIGHTS };
  for (const key of FACTOR_KEYS) {
    const w = input?.weights?.[key];
    if (w !== undefined) weights[key] = w;
  }
  return {
    weights,
    ageThreshold: input?.ageThreshold ?? DEFAULT_POLICY.ageThreshold,
    pinnedEchelons: input?.pinnedEchelons ?? DEFAULT_POLICY.pinnedEchelons,
    capBase: input?.capBase ?? DEFAULT_POLICY.capBase,
    historyWeeks: input?.historyWeeks ?? DEFAULT_POLICY.historyWeeks,
  };
}

/** The factors that apply to an employee, in `FACTOR_KEYS` order, regardless of weight. */
export function factorsOf(employee: RosterEmployee, ageThreshold: number): FactorKey[] {
  const f = employee.factors;
  if (!f) return [];
  const out: FactorKey[] = [];
  if (f.commute === "KRL") out.push("krl");
  if (f.commute === "MRT") out.push("mrt");
  if (f.commute === "LRT") out.push("lrt");
  if (f.commute === "BUS") out.push("bus");
  if (f.comorbidity) out.push("comorbidity");
  if (f.pregnancy) out.push("pregnancy");
  if (f.age != null && f.age >= ageThreshold) out.push("age");
  if (f.caregiving) out.push("caregiving");
  if (f.healthNotCleared) out.push("healthNotCleared");
  return out;
}

export interface Priority {
  /** Σ weights of the employee's factors, rounded to 6 decimals. Higher = more home days. */
  score: number;
  /** Factors with a positive weight (the ones that raise the score). */
  factors: FactorKey[];
}

const NO_FACTORS: FactorKey[] = [];

export function priorityOf(employee: RosterEmployee, policy: RosterPolicy): Priority {
  const all = factorsOf(employee, policy.ageThreshold);
  if (all.length === 0) return { score: 0, factors: NO_FACTORS };
  let sum = 0;
  const counted: FactorKey[] = [];
  for (const key of all) {
    const w = policy.weights[key];
    if (w > 0) {
      sum += w;
      counted.push(key);
    }
  }
  return { score: roundScore(sum), factors: counted.length === 0 ? NO_FACTORS : counted };
}

/** Why an employee is pinned to the office, or null. Echelon comes first, then essential, then front desk. */
export function pinBasisOf(employee: RosterEmployee, pinnedEchelons: number): PinBasis | null {
  if (employee.echelon != null && employee.echelon >= 1 && employee.echelon <= pinnedEchelons) return "echelon";
  if (employee.essential) return "essential";
  if (employee.frontDesk) return "front_desk";
  return null;
}

/** Sum of the last `weeks` entries of an office-day history. */
export function recentOfficeTotal(history: readonly number[] | undefined, weeks: number): number {
  if (!history || history.length === 0) return 0;
  let sum = 0;
  for (let i = Math.max(0, history.length - weeks); i < history.length; i++) sum += history[i];
  return sum;
}
