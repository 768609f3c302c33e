import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { get, post } from "../../api/client";
import type { Paged } from "../../api/types";
import { submit } from "../../offline/outbox";
import { toSearch } from "../logbook/api";
import { normalizeCoursePage, normalizeDashboard, normalizeLesson, normalizeOutline } from "./normalize";
import { getWithOfflineCopy } from "./offline";
import type { CatalogFilter, CourseCard, CourseDetail, Dashboard, Facets, VerifyResult } from "./types";

export const BASE = "/learning";

export const learningKeys = {
  all: ["learning"] as const,
  catalog: (f: CatalogFilter) => ["learning", "catalog", f] as const,
  facets: ["learning", "facets"] as const,
  course: (id: string) => ["learning", "course", id] as const,
  dashboard: ["learning", "dashboard"] as const,
  outline: (id: string) => ["learning", "enrolment", id] as const,
  lesson: (enrolmentId: string, lessonId: string) => ["learning", "enrolment", enrolmentId, "lesson", lessonId] as const,
  verify: (number: string) => ["learning", "verify", number] as const,
};

export const CATALOG_PAGE_SIZE = 12;

export function useCatalog(filter: CatalogFilter) {
  return useQuery({
    queryKey: learningKeys.catalog(filter),
    queryFn: () => get<Paged<CourseCard>>(`${BASE}/catalog${toSearch({ ...filter, pageSize: CATALOG_PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
}

/** Facet values arrive either as plain strings or as `{ value, count }`. */
function facetList(raw: unknown): { value: string; count?: number }[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((f: unknown) => {
    if (typeof f === "string") return [{ value: f }];
    if (f && typeof f === "object" && "value" in f && typeof f.value === "string") {
      const count = "count" in f && typeof f.count === "number" ? f.count : undefined;
      return [{ value: f.value, count }];
    }
    return [];
  });
}

export function useFacets() {
  return useQuery({
    queryKey: learningKeys.facets,
    queryFn: async (): Promise<Facets> => {
      const raw = await get<Record<string, unknown>>(`${BASE}/catalog/facets`);
      return {
        topics: facetList(raw.topics),
        competencies: facetList(raw.competencies),
        formats: facetList(raw.formats),
        languages: facetList(raw.languages),
      };
    },
    staleTime: 5 * 60_000,
  });
}

export function useCourse(id: string) {
  return useQuery({
    queryKey: learningKeys.course(id),
    queryFn: async (): Promise<CourseDetail> => normalizeCoursePage(await get<unknown>(`${BASE}/courses/${id}`)),
    enabled: Boolean(id),
  });
}

export function useEnrol(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) => post<{ id: string }>(`${BASE}/runs/${runId}/enrol`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: learningKeys.course(courseId) });
      void qc.invalidateQueries({ queryKey: learningKeys.dashboard });
    },
  });
}

export function useDashboard() {
  return useQuery({
    queryKey: learningKeys.dashboard,
    queryFn: async (): Promise<Dashboard> => normalizeDashboard(await get<unknown>(`${BASE}/me/dashboard`)),
  });
}

export function useOutline(enrolmentId: string) {
  return useQuery({
    queryKey: learningKeys.outline(enrolmentId),
    queryFn: async () => normalizeOutline(await getWithOfflineCopy<unknown>(`${BASE}/enrolments/${enrolmentId}`)),
  });
}

export function lessonUrl(enrolmentId: string, lessonId: string): string {
  return `${BASE}/enrolments/${enrolmentId}/lessons/${lessonId}`;
}

export function useLesson(enrolmentId: string, lessonId: string | undefined) {
  return useQuery({
    queryKey: learningKeys.lesson(enrolmentId, lessonId ?? ""),
    queryFn: async () => normalizeLesson(await getWithOfflineCopy<unknown>(lessonUrl(enrolmentId, lessonId ?? ""))),
    enabled: Boolean(lessonId),
    // Resuming a video must start from the last saved position, not a stale one.
    staleTime: 0,
  });
}

export interface ProgressInput {
  position?: number;
  watchedSeconds?: number;
  /** The video's length, when the lesson does not state it. */
  duration?: number;
  completed?: boolean;
}

/**
 * Reports lesson progress through the outbox: sent at once when online,
 * queued with its idempotency key when offline and replayed later.
 */
export function sendProgress(enrolmentId: string, lessonId: string, body: ProgressInput, title: string) {
  return submit<unknown>({
    key: crypto.randomUUID(),
    method: "POST",
    url: `${lessonUrl(enrolmentId, lessonId)}/progress`,
    body,
    label: { key: "learning:outbox.progress", params: { title } },
  });
}

export function useMarkDone(enrolmentId: string, lessonId: string, title: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => sendProgress(enrolmentId, lessonId, { completed: true }, title),
    // The outbox keeps it when offline: the mutation must not wait for the network.
    networkMode: "always",
    onSuccess: () => invalidatePlayer(qc, enrolmentId),
  });
}

export function invalidatePlayer(qc: ReturnType<typeof useQueryClient>, enrolmentId: string): Promise<void> {
  void qc.invalidateQueries({ queryKey: learningKeys.dashboard });
  return qc.invalidateQueries({ queryKey: learningKeys.outline(enrolmentId) });
}

/** Public: no sign-in needed. */
export function useVerify(number: string) {
  return useQuery({
    queryKey: learningKeys.verify(number),
    queryFn: () => get<VerifyResult>(`/public/certificates/${encodeURIComponent(number)}`),
    retry: false,
  });
}
