import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { del, get, put } from "../../api/client";
import { newIdempotencyKey as newKey } from "../../offline/outbox";
import { idempotent, toSearch } from "./api";
import type { FormVersion, HealthCases, HealthHistory, LogbookSettings, Place, Proposal, QueueItem, Report, Shape } from "./types";

/** Hooks for the people who look after others' logbooks: supervisors, health officers, HR. */
export const manageKeys = {
  queue: (status: string) => ["logbook", "reviews", status] as const,
  cases: (date: string) => ["logbook", "health", "cases", date] as const,
  history: (id: string, from: string, to: string) => ["logbook", "health", "history", id, from, to] as const,
  formVersion: (v: number) => ["logbook", "health", "forms", v] as const,
  offices: ["logbook", "places", "offices"] as const,
  proposals: ["logbook", "places", "proposals"] as const,
  ownPlaces: (employeeId: string) => ["logbook", "places", "own", employeeId] as const,
  settings: ["logbook", "settings"] as const,
};

// ---------- review ----------

export type QueueStatus = "submitted" | "returned" | "approved";

export function useReviewQueue(status: QueueStatus) {
  return useQuery({ queryKey: manageKeys.queue(status), queryFn: () => get<{ total: number; items: QueueItem[] }>(`/reviews?status=${status}`) });
}

function useInvalidateReviews() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ["logbook", "reviews"] });
}

export function useReview() {
  const done = useInvalidateReviews();
  return useMutation({
    mutationFn: (v: { id: string; action: "approve" | "return"; comment?: string; key: string }) =>
      idempotent<Report>("POST", `/reports/${v.id}/${v.action}`, v.action === "return" ? { comment: v.comment } : {}, v.key),
    onSuccess: done,
  });
}

export function useBulkApprove() {
  const done = useInvalidateReviews();
  return useMutation({
    mutationFn: (v: { ids: string[]; key: string }) => idempotent<{ approved: number }>("POST", "/reviews/approve", { ids: v.ids }, v.key),
    onSuccess: done,
  });
}

// ---------- health ----------

export function useHealthCases(date: string) {
  return useQuery({ queryKey: manageKeys.cases(date), queryFn: () => get<HealthCases>(`/health/cases${toSearch({ date })}`) });
}

export function useHealthHistory(id: string, from: string, to: string) {
  return useQuery({ queryKey: manageKeys.history(id, from, to), queryFn: () => get<HealthHistory>(`/employees/${id}/health${toSearch({ from, to })}`) });
}

/** Labels of a published form version, to read old answers with. */
export function useFormVersion(version: number | undefined) {
  return useQuery({
    queryKey: manageKeys.formVersion(version ?? 0),
    queryFn: () => get<FormVersion>(`/health/forms/${version}`),
    enabled: Boolean(version),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

// ---------- places ----------

export function useOffices() {
  return useQuery({ queryKey: manageKeys.offices, queryFn: () => get<Place[]>("/places") });
}

export interface OfficeInput {
  name: string;
  unitId: string | null;
  shape: Shape;
}

export function useSaveOffice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string | null; input: OfficeInput }) =>
      v.id ? idempotent<Place>("PATCH", `/places/${v.id}`, v.input, newKey()) : idempotent<Place>("POST", "/places", v.input, newKey()),
    onSuccess: () => qc.invalidateQueries({ queryKey: manageKeys.offices }),
  });
}

export function useDeletePlace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del<void>(`/places/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["logbook", "places"] }),
  });
}

export function useProposals() {
  return useQuery({ queryKey: manageKeys.proposals, queryFn: () => get<Proposal[]>("/place-proposals") });
}

export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; decision: "approve" | "reject"; key: string }) =>
      idempotent<Place>("POST", `/places/${v.id}/decision`, { decision: v.decision }, v.key),
    onSuccess: () => qc.invalidateQueries({ queryKey: manageKeys.proposals }),
  });
}

export function useOwnPlaces(employeeId: string | null) {
  return useQuery({
    queryKey: manageKeys.ownPlaces(employeeId ?? ""),
    queryFn: () => get<Place[]>(`/employees/${employeeId}/places`),
    enabled: Boolean(employeeId),
  });
}

export function useProposePlace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { kind: "home" | "other"; name: string; shape: Shape; key: string }) =>
      idempotent<Place>("POST", "/me/places", { kind: v.kind, name: v.name, shape: v.shape }, v.key),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["logbook", "places", "own"] }),
  });
}

// ---------- settings ----------

export function useLogbookSettings() {
  return useQuery({ queryKey: manageKeys.settings, queryFn: () => get<LogbookSettings>("/logbook/settings") });
}

export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: LogbookSettings) => put<LogbookSettings>("/logbook/settings", s),
    onSuccess: (s) => {
      qc.setQueryData(manageKeys.settings, s);
      void qc.invalidateQueries({ queryKey: ["logbook", "today"] });
    },
  });
}
