import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { del, get, patch, post, put } from "../../api/client";
import type { Paged } from "../../api/types";
import type {
  AdminCourse,
  AdminLesson,
  AdminModule,
  AssignmentSettings,
  Bank,
  BankQuestion,
  ClassView,
  CourseInput,
  QuizSettings,
  RunInput,
} from "./adminTypes";
import { BASE } from "./api";
import { normalizeAdminCourse } from "./normalize";
import type { Run } from "./types";

export const adminKeys = {
  courses: ["learning", "admin", "courses"] as const,
  course: (id: string) => ["learning", "admin", "course", id] as const,
  runs: (courseId: string) => ["learning", "admin", "runs", courseId] as const,
  run: (id: string) => ["learning", "admin", "run", id] as const,
  class: (id: string) => ["learning", "admin", "class", id] as const,
  quiz: (lessonId: string) => ["learning", "admin", "quiz", lessonId] as const,
  assignment: (lessonId: string) => ["learning", "admin", "assignment", lessonId] as const,
  banks: ["learning", "admin", "banks"] as const,
  questions: (bankId: string) => ["learning", "admin", "questions", bankId] as const,
};

export function useAdminCourses() {
  return useQuery({ queryKey: adminKeys.courses, queryFn: async () => (await get<Paged<AdminCourse>>(`${BASE}/admin/courses?pageSize=200`)).items });
}

/** The author's view of a course: every lesson with its body and settings. */
export function useAdminCourse(id: string, enabled = true) {
  return useQuery({
    queryKey: adminKeys.course(id),
    queryFn: async () => normalizeAdminCourse(await get<unknown>(`${BASE}/courses/${id}/preview`)),
    enabled: enabled && Boolean(id),
  });
}

function useCourseMutation<V, R = unknown>(courseId: string, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: adminKeys.course(courseId) });
      void qc.invalidateQueries({ queryKey: adminKeys.courses });
    },
  });
}

export function useCreateCourse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: CourseInput) => post<AdminCourse>(`${BASE}/courses`, v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.courses }),
  });
}

export const useUpdateCourse = (id: string) => useCourseMutation(id, (v: Partial<CourseInput>) => patch<AdminCourse>(`${BASE}/courses/${id}`, v));
export const usePublish = (id: string) =>
  useCourseMutation(id, (publish: boolean) => post<AdminCourse>(`${BASE}/courses/${id}/${publish ? "publish" : "unpublish"}`));
export const useCopyCourse = (id: string) => useCourseMutation(id, (v: { code: string; title?: string }) => post<AdminCourse>(`${BASE}/courses/${id}/copy`, v));

export const useAddModule = (courseId: string) =>
  useCourseMutation(courseId, (title: string) => post<AdminModule>(`${BASE}/courses/${courseId}/modules`, { title }));
export const useRenameModule = (courseId: string) =>
  useCourseMutation(courseId, (v: { id: string; title: string }) => patch<AdminModule>(`${BASE}/modules/${v.id}`, { title: v.title }));
export const useDeleteModule = (courseId: string) => useCourseMutation(courseId, (id: string) => del<unknown>(`${BASE}/modules/${id}`));
export const useReorderModules = (courseId: string) =>
  useCourseMutation(courseId, (ids: string[]) => post<unknown>(`${BASE}/courses/${courseId}/modules/reorder`, { ids }));

export const useAddLesson = (courseId: string) =>
  useCourseMutation(courseId, (v: { moduleId: string; kind: string; title: string }) =>
    post<AdminLesson>(`${BASE}/modules/${v.moduleId}/lessons`, { kind: v.kind, title: v.title, bodyMd: "", config: {} }),
  );
export const useUpdateLesson = (courseId: string) =>
  useCourseMutation(courseId, (v: { id: string; patch: Partial<Omit<AdminLesson, "id" | "kind">> }) => patch<AdminLesson>(`${BASE}/lessons/${v.id}`, v.patch));
export const useDeleteLesson = (courseId: string) => useCourseMutation(courseId, (id: string) => del<unknown>(`${BASE}/lessons/${id}`));
export const useReorderLessons = (courseId: string) =>
  useCourseMutation(courseId, (v: { moduleId: string; ids: string[] }) => post<unknown>(`${BASE}/modules/${v.moduleId}/lessons/reorder`, { ids: v.ids }));

export function useRuns(courseId: string) {
  return useQuery({ queryKey: adminKeys.runs(courseId), queryFn: () => get<Run[]>(`${BASE}/courses/${courseId}/runs`) });
}

export function useCreateRun(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: RunInput) => post<Run>(`${BASE}/courses/${courseId}/runs`, v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.runs(courseId) }),
  });
}

export function useUpdateRun(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: Partial<RunInput> & { enrolOpen?: boolean }) => patch<Run>(`${BASE}/runs/${id}`, v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.class(id) }),
  });
}

/** A run the signed-in person facilitates, with its course. */
export interface FacilitatedRun extends Run {
  courseTitle: string;
  courseCode: string;
}

/** The runs I am named facilitator of (with the facilitator grant), newest first. */
export function useFacilitatedRuns() {
  return useQuery({ queryKey: ["learning", "admin", "facilitating"], queryFn: () => get<FacilitatedRun[]>(`${BASE}/runs?facilitating=me`) });
}

/** A run with its class list (the run's facilitators and learning admins). */
export function useClassView(runId: string) {
  return useQuery({ queryKey: adminKeys.class(runId), queryFn: () => get<ClassView>(`${BASE}/runs/${runId}/class`) });
}

export function useEnrolPeople(runId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { employeeIds: string[]; dueOn: string | null }) => post<unknown>(`${BASE}/runs/${runId}/enrolments`, v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.class(runId) }),
  });
}

export interface AttendanceRow {
  employeeId: string;
  name: string;
  unitName?: string;
  present: boolean | null;
}

export function useAttendance(runId: string, lessonId: string | null) {
  return useQuery({
    queryKey: ["learning", "admin", "attendance", runId, lessonId],
    queryFn: async () => (await get<{ entries: AttendanceRow[] }>(`${BASE}/runs/${runId}/live/${lessonId}/attendance`)).entries,
    enabled: Boolean(lessonId),
  });
}

export function useSaveAttendance(runId: string, lessonId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (entries: { employeeId: string; present: boolean }[]) => put<unknown>(`${BASE}/runs/${runId}/live/${lessonId}/attendance`, { entries }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["learning", "admin", "attendance", runId, lessonId] }),
  });
}

export function useQuizSettings(lessonId: string) {
  return useQuery({ queryKey: adminKeys.quiz(lessonId), queryFn: () => get<QuizSettings>(`${BASE}/lessons/${lessonId}/quiz`), retry: false });
}

export function useSaveQuizSettings(lessonId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: QuizSettings) => put<QuizSettings>(`${BASE}/lessons/${lessonId}/quiz`, v),
    onSuccess: (data) => qc.setQueryData(adminKeys.quiz(lessonId), data),
  });
}

export function useAssignmentSettings(lessonId: string) {
  return useQuery({ queryKey: adminKeys.assignment(lessonId), queryFn: () => get<AssignmentSettings>(`${BASE}/lessons/${lessonId}/assignment`), retry: false });
}

export function useSaveAssignmentSettings(lessonId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: AssignmentSettings) => put<AssignmentSettings>(`${BASE}/lessons/${lessonId}/assignment`, v),
    onSuccess: (data) => qc.setQueryData(adminKeys.assignment(lessonId), data),
  });
}

export function useBanks() {
  return useQuery({ queryKey: adminKeys.banks, queryFn: () => get<Bank[]>(`${BASE}/banks`) });
}

export function useCreateBank() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { title: string; description: string }) => post<Bank>(`${BASE}/banks`, v),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.banks }),
  });
}

export function useQuestions(bankId: string | null) {
  return useQuery({
    queryKey: adminKeys.questions(bankId ?? ""),
    queryFn: () => get<BankQuestion[]>(`${BASE}/banks/${bankId}/questions`),
    enabled: Boolean(bankId),
  });
}

export function useSaveQuestion(bankId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: Omit<BankQuestion, "id"> }) =>
      v.id ? patch<BankQuestion>(`${BASE}/banks/${bankId}/questions/${v.id}`, v.body) : post<BankQuestion>(`${BASE}/banks/${bankId}/questions`, v.body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: adminKeys.questions(bankId) });
      void qc.invalidateQueries({ queryKey: adminKeys.banks });
    },
  });
}

export function useDeleteQuestion(bankId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del<unknown>(`${BASE}/banks/${bankId}/questions/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: adminKeys.questions(bankId) }),
  });
}
