import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { get, patch, post } from "../../api/client";
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
