import type { Db } from "../../platform/context.js";

/**
 * Learning facts other modules listen to. The LRS records each as an xAPI
 * statement about the learner, so a learner's whole record is in one place.
 */
export type LearningEvent =
  | { kind: "course_started"; agencyId: string; employeeId: string; courseId: string; enrolmentId: string; at: string }
  | { kind: "course_completed"; agencyId: string; employeeId: string; courseId: string; enrolmentId: string; jp: number; at: string }
  | { kind: "lesson_completed"; agencyId: string; employeeId: string; courseId: string; lessonId: string; enrolmentId: string; at: string }
  | {
      kind: "quiz_answered";
      agencyId: string;
      employeeId: string;
      courseId: string;
      lessonId: string;
      attemptId: string;
      questionId: string;
      correct: boolean | null;
      at: string;
    }
  | {
      kind: "quiz_submitted";
      agencyId: string;
      employeeId: string;
      courseId: string;
      lessonId: string;
      attemptId: string;
      /** 0..1 */
      scaled: number;
      passed: boolean;
      at: string;
    }
  | { kind: "certificate_issued"; agencyId: string; employeeId: string; courseId: string; certificateId: string; number: string; at: string };

export type LearningListener = (trx: Db, event: LearningEvent) => Promise<void>;

const listeners: LearningListener[] = [];

/** Register a listener (at start); it runs inside the transaction that made the fact. */
export function onLearningEvent(listener: LearningListener): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

export async function emitLearningEvent(trx: Db, event: LearningEvent): Promise<void> {
  for (const l of listeners) await l(trx, event);
}
