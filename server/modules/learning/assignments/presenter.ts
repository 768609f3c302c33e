import { fromJson } from "../../../db/dialect.js";
import type { SubmissionMeta } from "./repository.js";

export const submissionFileHref = (id: string) => `/api/v1/learning/submissions/${id}/file`;

export function presentSubmission(s: SubmissionMeta, learnerName?: string) {
  const marks = s.marks === null ? {} : fromJson<Record<string, number>>(s.marks);
  return {
    id: s.id,
    enrolmentId: s.enrolment_id,
    lessonId: s.lesson_id,
    revision: s.revision,
    status: s.status,
    text: s.text,
    fileUrl: s.file_name ? submissionFileHref(s.id) : null,
    fileName: s.file_name,
    fileSize: s.file_size,
    submittedAt: s.submitted_at,
    late: s.late === 1,
    grade: s.percent,
    points: s.points,
    maxPoints: s.max_points,
    passed: s.passed === null ? null : s.passed === 1,
    feedback: s.feedback,
    rubricScores: Object.entries(marks).map(([criterionId, points]) => ({ criterionId, points })),
    ...(learnerName === undefined ? {} : { learnerName }),
  };
}
