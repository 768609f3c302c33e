import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { get, post } from "../../api/client";

export const WEIGHT_KEYS = ["krl", "mrt", "lrt", "bus", "comorbidity", "pregnancy", "age", "caregiving", "healthNotCleared"] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];

export interface CapRule {
  unitId: string | null;
  date: string | null;
  pct?: number;
  level?: number;
}

export interface PolicyWindow {
  name: string;
  startsOn: string;
  endsOn: string;
  capPct: number;
  legalBasis: string;
}

/** The office cap that goes with a risk level. */
export interface RiskLevel {
  level: number;
  pct: number;
}

/** The risk level of a unit subtree (null: the whole agency) over a period. */
export interface RiskArea {
  unitId: string | null;
  level: number;
  startsOn: string;
  endsOn: string | null;
  legalBasis?: string;
}

/** The rule set as the server returns it; fields not edited here are sent back unchanged. */
export interface Rules extends Record<string, unknown> {
  weights: Record<WeightKey, number>;
  ageThreshold: number;
  pinnedEchelons: number;
  defaultCapPct: number;
  caps: CapRule[];
  windows: PolicyWindow[];
  riskLevels?: RiskLevel[];
  riskAreas?: RiskArea[];
}

export interface Policy {
  id: string | null;
  effectiveFrom: string | null;
  legalBasis: string | null;
  note: string | null;
  rules: Rules;
  inForceUntil: string | null;
}

export type PolicySummary = Omit<Policy, "rules">;

export interface PolicyInput {
  effectiveFrom: string;
  legalBasis: string;
  note: string | null;
  rules: Rules;
}

const keys = { list: ["arrangement", "policies"] as const, inForce: ["arrangement", "policies", "in-force"] as const };

export function usePolicies() {
  return useQuery({ queryKey: keys.list, queryFn: async () => (await get<{ items: PolicySummary[] }>("/arrangement/policies")).items });
}

export function usePolicyInForce() {
  return useQuery({ queryKey: keys.inForce, queryFn: () => get<Policy>("/arrangement/policies/in-force") });
}

export function useCreatePolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PolicyInput) => post<Policy>("/arrangement/policies", body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.list }),
  });
}
