import type { CourseCard, LessonKind, Run } from "./types";

export interface CompletionRule {
  requireAllLessons: boolean;
  requireQuizzesPassed: boolean;
  minScore: number | null;
}

export interface LessonConfig {
  mediaId?: string;
  url?: string;
  durationSeconds?: number;
  completionThreshold?: number;
  startsAt?: string;
  endsAt?: string;
  location?: string;
  meetingUrl?: string;
  /** SCORM and cmi5 lessons: the content package. */
  packageId?: string;
}

export interface AdminLesson {
  id: string;
  kind: LessonKind;
  title: string;
  bodyMd: string;
  config: LessonConfig;
  required: boolean;
  durationMin: number;
}

export interface AdminModule {
  id: string;
  title: string;
  lessons: AdminLesson[];
}

export interface AdminCourse extends CourseCard {
  code: string;
  status: "draft" | "published" | "archived";
  descriptionMd: string;
  completionRule: CompletionRule;
  prerequisiteIds: string[];
  modules: AdminModule[];
  updatedAt?: string;
}

export interface CourseInput {
  code: string;
  title: string;
  summary: string;
  topic: string | null;
  competency: string | null;
  language: "id" | "en";
  jp: number;
  completionRule: CompletionRule;
  prerequisiteIds: string[];
}

export interface RunInput {
  kind: "self_paced" | "cohort";
  title: string;
  startsOn: string | null;
  endsOn: string | null;
  selfPacedDays: number | null;
  capacity: number | null;
  facilitatorIds: string[];
}

export interface ClassMember {
  enrolmentId: string;
  employeeId: string;
  name: string;
  unitName?: string;
  status: string;
  progressPct: number;
  dueOn: string | null;
}

export interface ClassView {
  run: Run;
  learners: ClassMember[];
}

export interface QuizSettings {
  draws: { bankId: string; count: number }[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  maxAttempts: number | null;
  timeLimitMinutes: number | null;
  passingScore: number;
  review: "none" | "score" | "answers";
}

export interface AssignmentSettings {
  instructions: string;
  submissionType: "text" | "file" | "both";
  dueAt: string | null;
  rubric: { id: string; title: string; maxPoints: number }[];
  passingScore: number;
  allowResubmission: boolean;
}

export interface Bank {
  id: string;
  title: string;
  description: string;
  questionCount?: number;
}

export interface BankQuestion {
  id: string;
  /** As answered by the API; `kind` is what a new question is sent with. */
  type?: string;
  kind?: string;
  prompt: string;
  points: number;
  content: Record<string, unknown>;
}

export interface Media {
  id: string;
  url: string;
  mime: string;
  size: number;
}
