import type { Selectable } from "kysely";
import type { Bool, Json } from "./schema.js";

export type QuestionKindColumn = "single" | "multiple" | "true_false" | "short" | "matching" | "ordering" | "essay";
export type AttemptStatus = "open" | "pending" | "graded";
export type SubmissionStatus = "submitted" | "returned" | "graded";
export type JpSource = "course" | "claim" | "manual";
export type ClaimStatus = "pending" | "approved" | "rejected";

export interface QuestionBankTable {
  id: string;
  agency_id: string;
  title: string;
  description: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface QuestionTable {
  id: string;
  bank_id: string;
  agency_id: string;
  kind: QuestionKindColumn;
  prompt: string;
  points: number;
  /** QuestionContent (quizzes/types.ts): options and key, per kind. */
  content: Json;
  ordinal: number;
  /** 1 once deleted from the bank: attempts that drew it keep their snapshot. */
  archived: Bool;
  created_at: string;
  updated_at: string;
}

export interface QuizSettingsTable {
  lesson_id: string;
  /** [{bankId, count}] */
  draws: Json;
  shuffle_questions: Bool;
  shuffle_options: Bool;
  /** null: unlimited */
  max_attempts: number | null;
  /** null: no time limit */
  time_limit_min: number | null;
  /** 0..100 */
  passing_score: number;
  review: "none" | "score" | "answers";
  updated_by: string | null;
  updated_at: string;
}

export interface QuizAttemptTable {
  id: string;
  agency_id: string;
  enrolment_id: string;
  lesson_id: string;
  run_id: string;
  employee_id: string;
  /** 1, 2, … per enrolment and lesson */
  number: number;
  seed: string;
  /** open → pending (an essay waits for its grade) → graded */
  status: AttemptStatus;
  /** "submitted" by the learner or closed at the "time_limit" */
  closed_reason: "submitted" | "time_limit" | null;
  started_at: string;
  deadline_at: string | null;
  submitted_at: string | null;
  points: number | null;
  max_points: number | null;
  /** 0..100 */
  percent: number | null;
  passed: Bool | null;
  graded_by: string | null;
  graded_at: string | null;
}

export interface QuizAttemptItemTable {
  attempt_id: string;
  question_id: string;
  ordinal: number;
  /** The question as drawn: {kind, prompt, points, content} (edits to the bank do not change a past attempt). */
  snapshot: Json;
  /** Option / right-side / item order shown to the learner: string[] */
  presented: Json;
  answer: Json | null;
  answered_at: string | null;
  points: number | null;
  pending: Bool;
  correct: Bool | null;
  feedback: string | null;
}

export interface AssignmentSettingsTable {
  lesson_id: string;
  instructions_md: string;
  submission: "text" | "file" | "both";
  due_at: string | null;
  /** [{id, title, maxPoints}]; empty: graded with an overall score 0..100 */
  rubric: Json;
  passing_score: number;
  allow_resubmission: Bool;
  updated_by: string | null;
  updated_at: string;
}

export interface AssignmentSubmissionTable {
  id: string;
  agency_id: string;
  enrolment_id: string;
  lesson_id: string;
  run_id: string;
  employee_id: string;
  revision: number;
  status: SubmissionStatus;
  text: string | null;
  file_name: string | null;
  file_mime: string | null;
  file_size: number | null;
  file_data: Buffer | null;
  late: Bool;
  submitted_at: string;
  /** {criterionId: points} */
  marks: Json | null;
  points: number | null;
  max_points: number | null;
  percent: number | null;
  passed: Bool | null;
  feedback: string | null;
  graded_by: string | null;
  graded_at: string | null;
}

export interface JpLedgerTable {
  id: string;
  agency_id: string;
  employee_id: string;
  year: number;
  jp: number;
  source: JpSource;
  /** The enrolment (course), the claim, or the manual entry itself. */
  ref_id: string;
  title: string;
  earned_on: string;
  created_at: string;
}

export interface JpClaimTable {
  id: string;
  agency_id: string;
  employee_id: string;
  title: string;
  provider: string;
  jp: number;
  started_on: string;
  ended_on: string;
  evidence_name: string;
  evidence_mime: string;
  evidence_size: number;
  evidence_sha256: string;
  evidence_data: Buffer;
  status: ClaimStatus;
  note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface CertificateTable {
  id: string;
  agency_id: string;
  employee_id: string;
  enrolment_id: string;
  course_id: string;
  /** "ABDI/2026/000123" */
  number: string;
  year: number;
  serial: number;
  /** As at issue. */
  employee_name: string;
  course_title: string;
  jp: number;
  issued_on: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  created_at: string;
}

/** Tables of this module; see its migration. */
export interface LearningAssessmentTables {
  question_banks: QuestionBankTable;
  questions: QuestionTable;
  quiz_settings: QuizSettingsTable;
  quiz_attempts: QuizAttemptTable;
  quiz_attempt_items: QuizAttemptItemTable;
  assignment_settings: AssignmentSettingsTable;
  assignment_submissions: AssignmentSubmissionTable;
  jp_ledger: JpLedgerTable;
  jp_claims: JpClaimTable;
  certificates: CertificateTable;
}

export type QuestionBank = Selectable<QuestionBankTable>;
export type QuestionRow = Selectable<QuestionTable>;
export type QuizSettings = Selectable<QuizSettingsTable>;
export type QuizAttempt = Selectable<QuizAttemptTable>;
export type QuizAttemptItem = Selectable<QuizAttemptItemTable>;
export type AssignmentSettings = Selectable<AssignmentSettingsTable>;
export type AssignmentSubmission = Selectable<AssignmentSubmissionTable>;
export type JpLedgerEntry = Selectable<JpLedgerTable>;
export type JpClaim = Selectable<JpClaimTable>;
export type Certificate = Selectable<CertificateTable>;
