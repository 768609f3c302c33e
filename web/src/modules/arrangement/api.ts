import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { get, patch, post, put } from "../../api/client";
import { toSearch } from "../logbook/api";
import type { Grid, GridFilter, Mode, ModeRequest, RequestInput, Roster, Week } from "./types";

export const arrangementKeys = {
  all: ["arrangement"] as const,
  roster: (id: string) => ["arrangement", "roster", id] as const,
  grid: (id: string, filter: GridFilter, lang: string) => ["arrangement", "grid", id, filter, lang] as const,
  myWeek: (week: string, lang: string) => ["arrangement", "my-week", week, lang] as const,
  myRequests: ["arrangement", "my-requests"] as const,
  requests: ["arrangement", "requests"] as const,
};

export const GRID_PAGE_SIZE = 25;

export function useGenerate() {
  return useMutation({ mutationFn: (body: { week: string; unitId: string | null }) => post<Roster>("/arrangement/rosters", body) });
}

/** A roster's status; polled every 500 ms while it is being generated. */
export function useRoster(id: string | null) {
  return useQuery({
    queryKey: arrangementKeys.roster(id ?? ""),
    queryFn: () => get<Roster>(`/arrangement/rosters/${id}`),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data?.status === "generating" ? 500 : false),
  });
}

export function useGrid(id: string | null, filter: GridFilter, lang: string, enabled: boolean) {
  return useQuery({
    queryKey: arrangementKeys.grid(id ?? "", filter, lang),
    queryFn: () => get<Grid>(`/arrangement/rosters/${id}/grid${toSearch({ ...filter, pageSize: GRID_PAGE_SIZE, lang })}`),
    enabled: Boolean(id) && enabled,
    placeholderData: keepPreviousData,
  });
}

export function useOverrideCell(rosterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { employeeId: string; date: string; mode: Mode; note: string | null }) =>
      patch<unknown>(`/arrangement/rosters/${rosterId}/cells/${v.employeeId}/${v.date}`, { mode: v.mode, note: v.note }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["arrangement", "grid", rosterId] }),
  });
}

export function usePublish(rosterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<Roster>(`/arrangement/rosters/${rosterId}/publish`),
    onSuccess: (roster) => {
      qc.setQueryData(arrangementKeys.roster(rosterId), roster);
      void qc.invalidateQueries({ queryKey: ["arrangement", "grid", rosterId] });
    },
  });
}

export function useMyWeek(week: string, lang: string) {
  return useQuery({ queryKey: arrangementKeys.myWeek(week, lang), queryFn: () => get<Week>(`/me/roster${toSearch({ week, lang })}`) });
}

export function useMyRequests() {
  return useQuery({ queryKey: arrangementKeys.myRequests, queryFn: async () => (await get<{ items: ModeRequest[] }>("/me/requests")).items });
}

export function useCreateRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestInput) => post<ModeRequest>("/me/requests", body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: arrangementKeys.myRequests }),
  });
}

export function useRequests() {
  return useQuery({
    queryKey: arrangementKeys.requests,
    queryFn: async () => (await get<{ items: ModeRequest[] }>("/arrangement/requests?pageSize=200")).items,
  });
}

export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; decision: "approve" | "decline"; comment: string | null }) =>
      post<ModeRequest>(`/arrangement/requests/${v.id}/decision`, { decision: v.decision, comment: v.comment }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: arrangementKeys.requests }),
  });
}

export const COMMUTE_MODES = ["KRL", "MRT", "LRT", "BUS"] as const;
export type CommuteMode = (typeof COMMUTE_MODES)[number];

export interface Commute {
  mode: CommuteMode | null;
  verified: boolean;
  verifiedAt: string | null;
}

export interface Factors {
  employeeId: string;
  name: string;
  commute: Commute;
  caregiving: boolean;
  age?: number;
  sensitive?: { comorbidity: boolean; pregnancy: boolean; healthNotCleared: boolean };
  updatedAt: string | null;
}

export interface FactorsInput {
  commute: CommuteMode | null;
  comorbidity: boolean;
  pregnancy: boolean;
  caregiving: boolean;
}

export type CommuteFilter = "unverified" | "verified" | "any";

export interface FactorItem {
  employeeId: string;
  name: string;
  unit: { id: string; name: string };
  commute: Commute;
  caregiving: boolean;
}

export interface FactorPage {
  items: FactorItem[];
  total: number;
  page: number;
  pageSize: number;
}

export const FACTOR_PAGE_SIZE = 50;

const factorKeys = {
  mine: ["arrangement", "factors", "mine"] as const,
  list: (commute: CommuteFilter, page: number) => ["arrangement", "factors", "list", commute, page] as const,
};

export function useMyFactors() {
  return useQuery({ queryKey: factorKeys.mine, queryFn: () => get<Factors>("/me/arrangement-factors") });
}

export function useDeclareFactors() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FactorsInput) => put<Factors>("/me/arrangement-factors", body),
    onSuccess: (f) => qc.setQueryData(factorKeys.mine, f),
  });
}

export function useDeclaredCommutes(commute: CommuteFilter, page: number) {
  return useQuery({
    queryKey: factorKeys.list(commute, page),
    queryFn: () => get<FactorPage>(`/arrangement/factors${toSearch({ commute, page, pageSize: FACTOR_PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyCommute() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { employeeId: string; verified: boolean }) =>
      post<Factors>(`/arrangement/factors/${v.employeeId}/commute-verification`, { verified: v.verified }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["arrangement", "factors", "list"] }),
  });
}
