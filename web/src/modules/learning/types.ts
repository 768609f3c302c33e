/** The lesson formats a course can hold; `scorm` and `cmi5` are standard content packages. */
export const LESSON_KINDS = ["text", "video", "pdf", "link", "live", "quiz", "assignment", "scorm", "cmi5"] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

export type LessonStatus = "not_started" | "in_progress" | "completed";

export interface CourseCard {
  id: string;
  title: string;
  summary: string | null;
  topic: string | null;
  competency: string | null;
  language: string;
  jp: number;
  formats: LessonKind[];
  status?: "draft" | "published" | "archived";
}

export interface Facet {
  value: string;
  count?: number;
}

export interface Facets {
  topics: Facet[];
  competencies: Facet[];
  formats: Facet[];
  languages: Facet[];
}

export interface CatalogFilter {
  q?: string;
  topic?: string;
  competency?: string;
  format?: string;
  jpMin?: number;
  jpMax?: number;
  language?: string;
  page?: number;
}

export interface OutlineLesson {
  id: string;
  title: string;
  kind: LessonKind;
  durationMinutes?: number | null;
  /** Learner view only. */
  status?: LessonStatus;
  locked?: boolean;
  /** A quiz whose attempts so far all failed: not completed. */
  failed?: boolean;
}

export interface OutlineModule {
  id: string;
  title: string;
  lessons: OutlineLesson[];
}

export interface Run {
  id: string;
  courseId?: string;
  kind: "self_paced" | "cohort";
  title: string;
  /** Dates (YYYY-MM-DD) of a cohort run. */
  startsOn: string | null;
  endsOn: string | null;
  enrolOpen: boolean;
  selfPacedDays?: number | null;
  capacity: number | null;
  seatsTaken?: number;
  seatsLeft?: number | null;
  facilitators: Person[];
}

export interface Person {
  employeeId: string;
  name: string;
}

export interface CourseDetail extends CourseCard {
  modules: OutlineModule[];
  prerequisites: { id: string; title: string; completed?: boolean }[];
  facilitators: Person[];
  runs: Run[];
  myEnrolment: { id: string; runId: string; status: string } | null;
  canAuthor?: boolean;
}

export interface Enrolment {
  id: string;
  runId: string;
  courseId: string;
  courseTitle: string;
  jp: number;
  status: "active" | "completed" | "withdrawn" | string;
  /** 0–100. */
  progress: number;
  dueOn: string | null;
  completedAt: string | null;
}

export interface Certificate {
  id: string;
  number: string;
  courseTitle: string;
  jp: number;
  issuedOn: string;
  revokedAt: string | null;
}

export interface JpSummary {
  year: number;
  earned: number;
  target: number;
}

export interface Claim {
  id: string;
  title: string;
  provider: string | null;
  startedOn: string;
  endedOn: string;
  jp: number;
  status: "pending" | "approved" | "rejected";
  note: string | null;
  employeeName?: string;
  evidenceUrl?: string | null;
}

export interface Dashboard {
  enrolments: Enrolment[];
  jp: JpSummary;
  certificates: Certificate[];
  claims?: Claim[];
}

export interface PlayerOutline {
  id: string;
  course: { id: string; title: string; jp: number };
  status: string;
  progress: number;
  modules: OutlineModule[];
  certificate?: Certificate | null;
}

export interface LessonProgress {
  status: LessonStatus;
  position: number;
  watchedSeconds: number;
  completed: boolean;
  score?: number | null;
}

export interface LessonContent {
  id: string;
  title: string;
  kind: LessonKind;
  /** Markdown for text lessons, an optional note for the others. */
  body?: string | null;
  url?: string | null;
  mediaUrl?: string | null;
  durationSeconds?: number | null;
  startsAt?: string | null;
  endsAt?: string | null;
  meetingUrl?: string | null;
  location?: string | null;
  attendance?: "present" | "absent" | "excused" | null;
  progress: LessonProgress;
  prev?: string | null;
  next?: string | null;
  /** Quiz lessons: what a learner needs before starting. */
  quiz?: QuizInfo | null;
  /** Assignment lessons. */
  assignment?: AssignmentInfo | null;
}

export type QuestionType = "single" | "multiple" | "true_false" | "short" | "matching" | "ordering" | "essay";

export interface AttemptQuestion {
  id: string;
  type: QuestionType;
  prompt: string;
  points?: number;
  options?: { id: string; text: string }[];
  /** Matching: the left items, each to be paired with one of `choices`. */
  items?: { id: string; text: string }[];
  choices?: { id: string; text: string }[];
}

export type Answer = string | string[] | Record<string, string> | boolean | null;

export interface Attempt {
  id: string;
  number?: number;
  secondsLeft?: number | null;
  status: "in_progress" | "submitted" | "graded";
  startedAt: string;
  deadline: string | null;
  submittedAt: string | null;
  questions: AttemptQuestion[];
  answers: Record<string, Answer>;
  score: number | null;
  passed: boolean | null;
  /** Review as the quiz settings allow. */
  review?: { questionId: string; correct: boolean | null; points: number | null; feedback?: string | null; correctAnswer?: Answer }[];
}

export interface QuizInfo {
  attemptsAllowed: number | null;
  attemptsUsed: number;
  timeLimitMinutes: number | null;
  passingScore: number;
  bestScore: number | null;
  passed: boolean;
  openAttemptId: string | null;
  lastAttemptId?: string | null;
}

export interface RubricCriterion {
  id: string;
  title: string;
  maxPoints: number;
}

export interface AssignmentInfo {
  instructions: string | null;
  submissionType: "text" | "file" | "both";
  dueAt?: string | null;
  rubric: RubricCriterion[];
  maxPoints?: number;
  passingScore?: number;
  allowResubmission?: boolean;
  canSubmit?: boolean;
  submission: Submission | null;
  history?: Submission[];
}

export interface Submission {
  id: string;
  status: "submitted" | "returned" | "graded";
  text: string | null;
  fileUrl: string | null;
  fileName?: string | null;
  submittedAt: string;
  revision?: number;
  late?: boolean;
  /** 0..100 */
  grade: number | null;
  points?: number | null;
  maxPoints?: number | null;
  passed?: boolean | null;
  feedback: string | null;
  rubricScores?: { criterionId: string; points: number; comment?: string | null }[];
  learnerName?: string;
}

export interface GradingItem {
  kind: "essay" | "submission";
  /** The attempt (essays) or the submission. */
  id: string;
  questionId?: string;
  learnerName: string;
  lessonTitle: string;
  courseTitle?: string;
  submittedAt: string;
  /** Essay answers: the question and the answer text. */
  prompt?: string;
  answer?: string | null;
  fileUrl?: string | null;
  text?: string | null;
  rubric?: RubricCriterion[];
  maxPoints?: number;
}

export interface VerifyResult {
  valid: boolean;
  revokedAt: string | null;
  name: string;
  nipMasked: string;
  course: string;
  jp: number;
  issuedOn: string;
  number?: string;
}

export interface JpScopeRow {
  employeeId: string;
  name: string;
  unitName: string;
  earned: number;
  target: number;
  behind: boolean;
}

export interface JpScope {
  year: number;
  items: JpScopeRow[];
  byUnit: { unitId: string; unitName: string; average: number; behind: number; people: number; total?: number }[];
}
