import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, del, get, patch, post } from "../../api/client";
import type { Paged } from "../../api/types";
import { toSearch } from "./api";

/** Hooks of the SKP targets, working calendar and e-Kinerja export pages. */

export interface Indicator {
  name: string;
  target: number;
  unit: string;
}

export interface FullTarget {
  id: string;
  employeeId: string;
  period: string;
  code: string | null;
  title: string;
  indicators: Indicator[];
  archived: boolean;
}

export interface TargetInput {
  code: string | null;
  title: string;
  indicators: Indicator[];
}

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  targets: number;
  created: number;
  updated: number;
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export type DayKind = "holiday" | "cuti_bersama";

export interface CalendarDay {
  id: string;
  date: string;
  kind: DayKind;
  nameId: string;
  nameEn: string;
  legalBasis: string;
  dataset: string;
}

export interface CalendarPeriod {
  id: string;
  kind: "ramadan";
  startsOn: string;
  endsOn: string;
  nameId: string;
  nameEn: string;
  legalBasis: string;
  dataset: string;
}

export interface DayInput {
  date: string;
  kind: DayKind;
  nameId: string;
  nameEn: string;
  legalBasis: string;
}

export interface PeriodInput {
  startsOn: string;
  endsOn: string;
  nameId: string;
  nameEn: string;
  legalBasis: string;
}

export interface PickedEmployee {
  id: string;
  name: string;
  nip: string;
  unit: { id: string; name: string };
}

export const targetKeys = {
  targets: ["logbook", "targets"] as const,
  list: (employeeId: string | null, period: string) => ["logbook", "targets", "list", employeeId ?? "me", period] as const,
  calendar: (year: number) => ["logbook", "calendar", year] as const,
  employees: (q: string) => ["logbook", "employee-pick", q] as const,
};

/** Targets of a period: one's own (employeeId null) or an employee's. */
export function useTargetList(employeeId: string | null, period: string, enabled = true) {
  const url = employeeId ? `/employees/${employeeId}/targets` : "/me/targets";
  return useQuery({
    queryKey: targetKeys.list(employeeId, period),
    queryFn: async () => (await get<{ employeeId: string; items: FullTarget[] }>(`${url}${toSearch({ period })}`)).items,
    enabled,
  });
}

function useInvalidateTargets() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: targetKeys.targets });
}

export function useSaveTarget() {
  const done = useInvalidateTargets();
  return useMutation({
    mutationFn: (v: { id: string | null; employeeId: string; period: string; input: TargetInput }) =>
      v.id ? patch<FullTarget>(`/targets/${v.id}`, v.input) : post<FullTarget>(`/employees/${v.employeeId}/targets`, { ...v.input, period: v.period }),
    onSuccess: done,
  });
}

export function useArchiveTarget() {
  const done = useInvalidateTargets();
  return useMutation({ mutationFn: (id: string) => del<FullTarget>(`/targets/${id}`), onSuccess: done });
}

export function useEmployeePick(q: string) {
  return useQuery({
    queryKey: targetKeys.employees(q),
    queryFn: async () => (await get<Paged<PickedEmployee>>(`/employees${toSearch({ q, pageSize: 20 })}`)).items,
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** The row errors of a refused import file, or none. */
export function rowErrorsOf(error: unknown): RowError[] {
  if (!(error instanceof ApiError)) return [];
  const rows = error.body.rowErrors;
  return Array.isArray(rows) ? (rows as RowError[]) : [];
}

export function useImportTargets() {
  const done = useInvalidateTargets();
  return useMutation({
    mutationFn: (v: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append("dryRun", String(v.dryRun));
      form.append("file", v.file);
      return api<ImportResult>("POST", "/targets/import", form);
    },
    onSuccess: (r) => {
      if (!r.dryRun) void done();
    },
  });
}

export function useCalendar(year: number) {
  return useQuery({
    queryKey: targetKeys.calendar(year),
    queryFn: () => get<{ year: number; days: CalendarDay[]; periods: CalendarPeriod[] }>(`/calendar${toSearch({ year })}`),
  });
}

function useInvalidateCalendar() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ["logbook", "calendar"] });
}

export function useSaveDay() {
  const done = useInvalidateCalendar();
  return useMutation({
    mutationFn: (v: { id: string | null; input: DayInput }) =>
      v.id ? patch<CalendarDay>(`/calendar/days/${v.id}`, v.input) : post<CalendarDay>("/calendar/days", v.input),
    onSuccess: done,
  });
}

export function useSavePeriod() {
  const done = useInvalidateCalendar();
  return useMutation({
    mutationFn: (v: { id: string | null; input: PeriodInput }) =>
      v.id ? patch<CalendarPeriod>(`/calendar/periods/${v.id}`, v.input) : post<CalendarPeriod>("/calendar/periods", { ...v.input, kind: "ramadan" }),
    onSuccess: done,
  });
}

export function useDeleteCalendarEntry() {
  const done = useInvalidateCalendar();
  return useMutation({
    mutationFn: (v: { what: "days" | "periods"; id: string }) => del<void>(`/calendar/${v.what}/${v.id}`),
    onSuccess: done,
  });
}

/** Units to narrow the export to; asked only by those who see others' reports. */
export function useExportUnits(enabled: boolean) {
  return useQuery({
    queryKey: ["logbook", "export-units"],
    queryFn: () => get<{ id: string; name: string; depth: number }[]>("/units"),
    enabled,
    staleTime: 300_000,
  });
}
