import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, get, post, put } from "../../api/client";
import { BASE, invalidatePlayer, lessonUrl } from "./api";
import type { Answer, AssignmentInfo, Attempt, GradingItem, QuizInfo, Submission } from "./types";

export const assessKeys = {
  attempt: (id: string) => ["learning", "attempt", id] as const,
  grading: (runId: string) => ["learning", "grading", runId] as const,
  quizInfo: (enrolmentId: string, lessonId: string) => ["learning", "quiz-info", enrolmentId, lessonId] as const,
  assignment: (enrolmentId: string, lessonId: string) => ["learning", "assignment-info", enrolmentId, lessonId] as const,
};

/** The assignment as the learner sees it, with their latest submission. */
export function useAssignmentInfo(enrolmentId: string, lessonId: string) {
  return useQuery({
    queryKey: assessKeys.assignment(enrolmentId, lessonId),
    queryFn: () => get<AssignmentInfo>(`${lessonUrl(enrolmentId, lessonId)}/assignment`),
    staleTime: 0,
  });
}

/** Attempts used and allowed, the best score, the open attempt. */
export function useQuizInfo(enrolmentId: string, lessonId: string) {
  return useQuery({
    queryKey: assessKeys.quizInfo(enrolmentId, lessonId),
    queryFn: () => get<QuizInfo>(`${lessonUrl(enrolmentId, lessonId)}/quiz`),
    staleTime: 0,
  });
}

export function useAttempt(id: string | null) {
  return useQuery({
    queryKey: assessKeys.attempt(id ?? ""),
    queryFn: () => get<Attempt>(`${BASE}/attempts/${id}`),
    enabled: Boolean(id),
    staleTime: 0,
  });
}

export function useStartAttempt(enrolmentId: string, lessonId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<Attempt>(`${lessonUrl(enrolmentId, lessonId)}/attempts`),
    onSuccess: (attempt) => {
      qc.setQueryData(assessKeys.attempt(attempt.id), attempt);
      void qc.invalidateQueries({ queryKey: assessKeys.quizInfo(enrolmentId, lessonId) });
    },
  });
}

/** Saves one answer as soon as it is given, so a lost connection or a closed tab loses little. */
export function useSaveAnswer(attemptId: string) {
  return useMutation({
    mutationFn: (v: { questionId: string; answer: Answer }) => put<unknown>(`${BASE}/attempts/${attemptId}/answers/${v.questionId}`, { answer: v.answer }),
  });
}

export function useSubmitAttempt(enrolmentId: string, lessonId: string, attemptId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<Attempt>(`${BASE}/attempts/${attemptId}/submit`),
    onSuccess: (attempt) => {
      qc.setQueryData(assessKeys.attempt(attempt.id), attempt);
      void qc.invalidateQueries({ queryKey: assessKeys.quizInfo(enrolmentId, lessonId) });
      void invalidatePlayer(qc, enrolmentId);
    },
  });
}

export function useSubmitAssignment(enrolmentId: string, lessonId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { text: string; file: File | null }) => {
      if (!v.file) return api<Submission>("POST", `${lessonUrl(enrolmentId, lessonId)}/submissions`, { text: v.text });
      const form = new FormData();
      if (v.text) form.append("text", v.text);
      form.append("file", v.file);
      return api<Submission>("POST", `${lessonUrl(enrolmentId, lessonId)}/submissions`, form);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: assessKeys.assignment(enrolmentId, lessonId) });
      void invalidatePlayer(qc, enrolmentId);
    },
  });
}

export function useGradingQueue(runId: string) {
  return useQuery({
    queryKey: assessKeys.grading(runId),
    queryFn: () => get<GradingItem[]>(`${BASE}/runs/${runId}/grading`),
    enabled: Boolean(runId),
  });
}

export interface GradeInput {
  /** Essays: points of the question; submissions without a rubric: a score 0..100. */
  points: number;
  feedback: string;
  rubricScores: { criterionId: string; points: number }[];
  /** Submissions only: hand it back for another try instead of a final grade. */
  returned?: boolean;
}

export function useGrade(runId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { item: GradingItem; input: GradeInput }) =>
      v.item.kind === "essay"
        ? post<unknown>(`${BASE}/attempts/${v.item.id}/grade`, {
            grades: [{ questionId: v.item.questionId, points: v.input.points, feedback: v.input.feedback || null }],
          })
        : post<unknown>(`${BASE}/submissions/${v.item.id}/grade`, {
            rubricScores: v.input.rubricScores,
            score: v.input.rubricScores.length ? null : v.input.points,
            feedback: v.input.feedback || null,
            decision: v.input.returned ? "returned" : "graded",
          }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: assessKeys.grading(runId) }),
  });
}
