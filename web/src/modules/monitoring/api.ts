import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { get, post } from "../../api/client";
import type { Paged } from "../../api/types";
import { toSearch } from "../logbook/api";
import type { Board, EmployeeCalendar, ExportFormat, ExportJob, ExportKind, Granularity, MapAnswer, PersonRow, RhkActivity, Scope, Trends } from "./types";

export interface BoardQuery {
  unitId?: string;
  date?: string;
}

export interface PeopleQuery extends BoardQuery {
  bucket: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface TrendQuery {
  unitId?: string;
  from: string;
  to: string;
  granularity: Granularity;
}

export const monitoringKeys = {
  all: ["monitoring"] as const,
  scope: ["monitoring", "scope"] as const,
  board: (q: BoardQuery) => ["monitoring", "board", q.unitId ?? "", q.date ?? ""] as const,
  people: (q: PeopleQuery) => ["monitoring", "people", q] as const,
  map: (q: BoardQuery) => ["monitoring", "map", q.unitId ?? "", q.date ?? ""] as const,
  trends: (q: TrendQuery) => ["monitoring", "trends", q] as const,
  rhk: (q: Omit<TrendQuery, "granularity">) => ["monitoring", "rhk", q.unitId ?? "", q.from, q.to] as const,
  calendar: (id: string, from: string, to: string) => ["monitoring", "calendar", id, from, to] as const,
  exportJob: (id: string) => ["monitoring", "export", id] as const,
};

/** The list files are built on the spot up to this many rows; larger lists go through an export job. */
export const DIRECT_EXPORT_LIMIT = 5000;

export const monitoringUrl = (path: string, params: Record<string, string | number | undefined | null> = {}) => `/monitoring${path}${toSearch(params)}`;

export function useScope() {
  return useQuery({ queryKey: monitoringKeys.scope, queryFn: () => get<Scope>(monitoringUrl("/scope")), staleTime: 5 * 60_000 });
}

export function useBoard(q: BoardQuery) {
  return useQuery({
    queryKey: monitoringKeys.board(q),
    queryFn: () => get<Board>(monitoringUrl("/board", { ...q })),
    placeholderData: keepPreviousData,
  });
}

export function usePeople(q: PeopleQuery | null) {
  return useQuery({
    queryKey: monitoringKeys.people(q ?? { bucket: "", page: 1, pageSize: 0 }),
    queryFn: () => get<Paged<PersonRow>>(monitoringUrl("/board/people", { ...q })),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}

export function useMapData(q: BoardQuery) {
  return useQuery({ queryKey: monitoringKeys.map(q), queryFn: () => get<MapAnswer>(monitoringUrl("/map", { ...q })) });
}

export function useTrends(q: TrendQuery, enabled: boolean) {
  return useQuery({
    queryKey: monitoringKeys.trends(q),
    queryFn: () => get<Trends>(monitoringUrl("/trends", { ...q })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** RHK activity of the trends' unit and range: a query of its own, as it reads every report activity of the range. */
export function useRhkActivity(q: Omit<TrendQuery, "granularity">, enabled: boolean) {
  return useQuery({
    queryKey: monitoringKeys.rhk(q),
    queryFn: () => get<RhkActivity>(monitoringUrl("/trends/rhk", { unitId: q.unitId, from: q.from, to: q.to })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCalendar(id: string, from: string, to: string) {
  return useQuery({
    queryKey: monitoringKeys.calendar(id, from, to),
    queryFn: () => get<EmployeeCalendar>(monitoringUrl(`/employees/${id}/calendar`, { from, to })),
  });
}

export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  params: Record<string, string | number>;
}

export function useStartExport() {
  return useMutation({ mutationFn: (body: ExportRequest) => post<ExportJob>("/monitoring/exports", body) });
}

/** An export job, polled every second until it is done or failed. */
export function useExportJob(id: string | null) {
  return useQuery({
    queryKey: monitoringKeys.exportJob(id ?? ""),
    queryFn: () => get<ExportJob>(`/monitoring/exports/${id}`),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === "done" || q.state.data.status === "failed") ? false : 1000),
  });
}
