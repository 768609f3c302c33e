import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, get, post } from "../../api/client";
import { toSearch } from "../logbook/api";
import { BASE, learningKeys } from "./api";
import type { Claim, JpScope } from "./types";

export const jpKeys = {
  claims: (status: string) => ["learning", "claims", status] as const,
  scope: (year: number, unitId: string | null) => ["learning", "jp-scope", year, unitId] as const,
};

/** My own claims (`who=me`) or, for HR, the claims in scope to decide (`who=scope`). */
export function useClaims(who: "me" | "scope", status: string | null) {
  return useQuery({
    queryKey: jpKeys.claims(`${who}-${status ?? "all"}`),
    queryFn: () => get<Claim[]>(`${BASE}/jp/claims${toSearch({ who, status })}`),
  });
}

export interface ClaimInput {
  title: string;
  provider: string;
  jp: number;
  startedOn: string;
  endedOn: string;
  evidence: File;
}

export function useCreateClaim() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: ClaimInput) => {
      const form = new FormData();
      form.append("title", v.title);
      form.append("provider", v.provider);
      form.append("jp", String(v.jp));
      form.append("startedOn", v.startedOn);
      form.append("endedOn", v.endedOn);
      form.append("file", v.evidence);
      return api<Claim>("POST", `${BASE}/jp/claims`, form);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["learning", "claims"] });
      void qc.invalidateQueries({ queryKey: learningKeys.dashboard });
    },
  });
}

export function useDecideClaim() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; approve: boolean; note: string }) =>
      post<Claim>(`${BASE}/jp/claims/${v.id}/decide`, { approve: v.approve, note: v.note || null }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["learning", "claims"] }),
  });
}

export function useJpScope(year: number, unitId: string | null) {
  return useQuery({ queryKey: jpKeys.scope(year, unitId), queryFn: () => get<JpScope>(`${BASE}/jp/scope${toSearch({ year, unitId })}`) });
}

export const jpXlsxUrl = (year: number, unitId: string | null) => `/api/v1${BASE}/jp/scope.xlsx${toSearch({ year, unitId })}`;
