import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, get } from "../../api/client";
import { type DailyRequest, sendDaily } from "./offline/daily";
import type {
  ActivityIn,
  Answers,
  Checkin,
  CheckinInput,
  HealthForm,
  HealthResult,
  HealthToday,
  Report,
  ReportDetail,
  Target,
  Today,
  UploadedFile,
} from "./types";

/** Query keys of the module; everything below ["logbook"] is read again after an offline replay. */
export const logbookKeys = {
  all: ["logbook"] as const,
  today: ["logbook", "today"] as const,
  healthForm: (lang: string) => ["logbook", "health", "form", lang] as const,
  healthToday: ["logbook", "health", "today"] as const,
  targets: ["logbook", "targets"] as const,
  report: (date: string) => ["logbook", "reports", "mine", date] as const,
  reports: (from: string, to: string) => ["logbook", "reports", "list", from, to] as const,
  reportDetail: (id: string) => ["logbook", "reports", "detail", id] as const,
};

/**
 * The daily page must open without a connection: the first read is tried even
 * offline (the service worker answers from its cache), retries wait.
 */
const daily = { networkMode: "offlineFirst" } as const;

/** Builds "?a=1&b=2" from the defined values. */
export function toSearch(params: Record<string, string | number | undefined | null>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : "";
}

/** A request that may be retried under its idempotency key. */
export function idempotent<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body: unknown, key: string): Promise<T> {
  return api<T>(method, url, body, { "idempotency-key": key });
}

export function useToday() {
  return useQuery({ queryKey: logbookKeys.today, queryFn: () => get<Today>("/me/today"), ...daily });
}

export function useHealthForm(lang: string) {
  return useQuery({ queryKey: logbookKeys.healthForm(lang), queryFn: () => get<HealthForm>(`/me/health/form?lang=${lang}`), staleTime: 300_000, ...daily });
}

export function useHealthToday() {
  return useQuery({ queryKey: logbookKeys.healthToday, queryFn: () => get<HealthToday>("/me/health/today"), ...daily });
}

export function useTargets() {
  return useQuery({
    queryKey: logbookKeys.targets,
    queryFn: async () => (await get<{ items: Target[] }>("/me/targets")).items,
    staleTime: 300_000,
    ...daily,
  });
}

/** The own report of a date; null while none was saved. */
export function useMyReport(date: string) {
  return useQuery({
    queryKey: logbookKeys.report(date),
    queryFn: async () => {
      try {
        return await get<Report>(`/me/reports/${date}`);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(date),
    ...daily,
  });
}

export function useMyReports(from: string, to: string) {
  return useQuery({
    queryKey: logbookKeys.reports(from, to),
    queryFn: async () => (await get<{ items: Report[] }>(`/me/reports${toSearch({ from, to })}`)).items,
    ...daily,
  });
}

export function useReportDetail(id: string | undefined) {
  return useQuery({ queryKey: logbookKeys.reportDetail(id ?? ""), queryFn: () => get<ReportDetail>(`/reports/${id}`), enabled: Boolean(id) });
}

/** A daily submission: sent now, or queued while offline (then `state` is "queued"). */
function useDaily<TIn, TOut>(toRequest: (input: TIn) => DailyRequest, onSent: (data: TOut, qc: ReturnType<typeof useQueryClient>) => void) {
  const qc = useQueryClient();
  return useMutation({
    // Offline the outbox keeps the request; the mutation must run to hand it over.
    networkMode: "always",
    mutationFn: (input: TIn) => sendDaily<TOut>(toRequest(input)),
    onSuccess: (result) => {
      if (result.state === "sent") onSent(result.data, qc);
    },
  });
}

export function useCheckin() {
  return useDaily<CheckinInput, Checkin>(
    (input) => ({
      intent: `checkin:${input.kind}`,
      method: "POST",
      url: "/me/checkins",
      body: input,
      label: input.kind === "in" ? "outbox.checkin" : "outbox.checkout",
      params: { mode: input.mode },
    }),
    (checkin, qc) => {
      qc.setQueryData<Today>(logbookKeys.today, (t) =>
        t ? { ...t, [checkin.kind === "in" ? "checkin" : "checkout"]: checkin, mode: t.mode ?? checkin.mode } : t,
      );
      void qc.invalidateQueries({ queryKey: logbookKeys.today });
    },
  );
}

export function useSubmitHealth() {
  return useDaily<{ formVersion: number; answers: Answers }, HealthResult>(
    (body) => ({ intent: "health", method: "POST", url: "/me/health", body, label: "outbox.health" }),
    (_r, qc) => void qc.invalidateQueries({ queryKey: logbookKeys.healthToday }),
  );
}

export function useSaveDraft(date: string) {
  return useDaily<ActivityIn[], Report>(
    (activities) => ({
      intent: `report:${date}:draft`,
      method: "PUT",
      url: `/me/reports/${date}`,
      body: { activities },
      label: "outbox.draft",
      params: { date },
    }),
    (report, qc) => {
      qc.setQueryData(logbookKeys.report(date), report);
      void qc.invalidateQueries({ queryKey: ["logbook", "reports"] });
    },
  );
}

export function useSubmitReport(date: string) {
  return useDaily<void, Report>(
    () => ({ intent: `report:${date}:submit`, method: "POST", url: `/me/reports/${date}/submit`, body: {}, label: "outbox.submit", params: { date } }),
    (report, qc) => {
      qc.setQueryData(logbookKeys.report(date), report);
      void qc.invalidateQueries({ queryKey: ["logbook", "reports"] });
    },
  );
}

/** Uploads an evidence file (needs a connection: files do not go through the outbox). */
export function useUploadEvidence() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("purpose", "evidence");
      form.append("file", file);
      return api<UploadedFile>("POST", "/me/files", form);
    },
  });
}
