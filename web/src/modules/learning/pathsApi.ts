import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { del, get, patch, post } from "../../api/client";
import { BASE } from "./api";

export interface PathSummary {
  id: string;
  title: string;
  descriptionMd: string;
  competency: string | null;
  status: "draft" | "published";
  courseCount: number;
  completedCount: number;
}

export interface PathCourse {
  id: string;
  code: string;
  title: string;
  jp: number;
  status: "draft" | "published" | "archived";
  completed: boolean;
  /** The viewer's enrolment in the course (a completed one wins), null when not enrolled. */
  myEnrolment: { id: string; status: string; progressPct: number } | null;
}

export interface PathDetail extends Omit<PathSummary, "courseCount"> {
  courses: PathCourse[];
  nextCourseId: string | null;
}

export interface PathInput {
  title: string;
  descriptionMd: string;
  competency: string | null;
  status: "draft" | "published";
  courseIds: string[];
}

export const pathKeys = {
  all: ["learning", "paths"] as const,
  one: (id: string) => ["learning", "paths", id] as const,
};

/** Published paths (drafts too for learning admins), with how many courses the viewer has completed. */
export function usePaths() {
  return useQuery({ queryKey: pathKeys.all, queryFn: () => get<PathSummary[]>(`${BASE}/paths`) });
}

export function usePath(id: string) {
  return useQuery({ queryKey: pathKeys.one(id), queryFn: () => get<PathDetail>(`${BASE}/paths/${id}`), enabled: Boolean(id) });
}

/** Creates a path, or edits the one with `id`. */
export function useSavePath() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: PathInput }) =>
      v.id ? patch<PathDetail>(`${BASE}/paths/${v.id}`, v.body) : post<PathDetail>(`${BASE}/paths`, v.body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: pathKeys.all }),
  });
}

export function useDeletePath() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del<unknown>(`${BASE}/paths/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: pathKeys.all }),
  });
}
