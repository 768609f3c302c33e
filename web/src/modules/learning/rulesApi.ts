import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { del, get, patch, post } from "../../api/client";
import { BASE } from "./api";

/** A mandatory-enrolment rule: who (unit subtree, position, new hires) is enrolled in which run. */
export interface Rule {
  id: string;
  runId: string;
  courseId: string;
  name: string;
  unitId: string | null;
  positionName: string | null;
  newHireMonths: number | null;
  dueDays: number | null;
  active: boolean;
  lastAppliedAt: string | null;
  courseTitle: string;
  runTitle: string;
  runKind: "self_paced" | "cohort";
  unitName: string | null;
}

export interface RuleInput {
  runId: string;
  name: string;
  unitId: string | null;
  positionName: string | null;
  newHireMonths: number | null;
  dueDays: number | null;
  active: boolean;
}

export interface ApplyResult {
  enrolled: number;
  /** Why the rule stopped enrolling (the run is full, closed, ended); null when everyone matching was enrolled. */
  skipped: string | null;
}

const rulesKey = ["learning", "rules"] as const;

export function useRules() {
  return useQuery({ queryKey: rulesKey, queryFn: () => get<Rule[]>(`${BASE}/rules`) });
}

/** Position names of the agency (rules match people by the name of their position). */
export function usePositionNames() {
  return useQuery({
    queryKey: ["learning", "position-names"],
    queryFn: async () => [...new Set((await get<{ name: string }[]>("/positions")).map((p) => p.name))].sort((a, b) => a.localeCompare(b, "id")),
    staleTime: 60_000,
  });
}

function useRuleMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: rulesKey }) });
}

export const useCreateRule = () => useRuleMutation((v: RuleInput) => post<Rule>(`${BASE}/rules`, v));
export const useSetRuleActive = () => useRuleMutation((v: { id: string; active: boolean }) => patch<Rule>(`${BASE}/rules/${v.id}`, { active: v.active }));
export const useDeleteRule = () => useRuleMutation((id: string) => del<unknown>(`${BASE}/rules/${id}`));
export const useApplyRule = () => useRuleMutation((id: string) => post<ApplyResult>(`${BASE}/rules/${id}/apply`));
