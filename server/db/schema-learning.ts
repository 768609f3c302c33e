import type { Selectable } from "kysely";
import type { Bool, Json } from "./schema.js";

export type CourseStatus = "draft" | "published" | "archived";
export type CourseLanguage = "id" | "en";
export type LessonKind = "text" | "video" | "pdf" | "link" | "live" | "quiz" | "assignment" | "scorm" | "cmi5";
export type RunKind = "self_paced" | "cohort";
export type EnrolmentSource = "self" | "assigned" | "rule";
export type EnrolmentStatus = "active" | "completed" | "withdrawn";
export type LessonProgressStatus = "not_started" | "in_progress" | "completed";
export type MediaKind = "video" | "pdf" | "image";

/** A course of an agency: its outline lives in course_modules and lessons. */
export interface CourseTable {
  id: string;
  agency_id: string;
  code: string;
  title: string;
  summary: string;
  description_md: string;
  topic: string | null;
  competency: string | null;
  language: CourseLanguage;
  /** Jam pelajaran credited on completion. */
  jp: number;
  status: CourseStatus;
  /** {requireAllLessons, requireQuizzesPassed, minScore}: see learning/progress/completion.ts. */
  completion_rule: Json;
  /** Ids of courses the learner must have completed before enrolling (JSON array). */
  prerequisite_ids: Json;
  /** Folded, stemmed words of the title, summary, topic and competency, space-separated with a leading and trailing space. */
  search_text: string;
  /** Words of the title alone, folded and stemmed the same way: search ranks title matches first. */
  title_search: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface CourseModuleTable {
  id: string;
  course_id: string;
  ordinal: number;
  title: string;
  created_at: string;
  updated_at: string;
}

export interface LessonTable {
  id: string;
  course_id: string;
  module_id: string;
  ordinal: number;
  kind: LessonKind;
  title: string;
  body_md: string;
  /** Per kind: video {mediaId|url, durationSeconds, completionThreshold}, pdf {mediaId|url}, link {url}, live {startsAt, endsAt, location, meetingUrl}, scorm/cmi5 {packageId}. */
  config: Json;
  required: Bool;
  duration_min: number;
  created_at: string;
  updated_at: string;
}

export interface CourseRunTable {
  id: string;
  course_id: string;
  agency_id: string;
  kind: RunKind;
  title: string;
  starts_on: string | null;
  ends_on: string | null;
  enrol_open: Bool;
  /** Self-paced: the personal deadline is the enrolment date plus this many days. */
  self_paced_days: number | null;
  capacity: number | null;
  created_at: string;
  updated_at: string;
}

export interface RunFacilitatorTable {
  run_id: string;
  employee_id: string;
}

export interface EnrolmentTable {
  id: string;
  run_id: string;
  course_id: string;
  agency_id: string;
  unit_id: string;
  employee_id: string;
  source: EnrolmentSource;
  status: EnrolmentStatus;
  due_on: string | null;
  started_at: string | null;
  completed_at: string | null;
  /** 0..100 */
  progress_pct: number;
  /** Average score of the scored lessons (0..100), null when none is scored. */
  score: number | null;
  created_at: string;
  updated_at: string;
}

export interface LessonProgressTable {
  enrolment_id: string;
  lesson_id: string;
  status: LessonProgressStatus;
  position_s: number;
  watched_s: number;
  duration_s: number | null;
  /** 0..100 */
  score: number | null;
  passed: Bool | null;
  completed_at: string | null;
  updated_at: string;
}

export interface LearningPathTable {
  id: string;
  agency_id: string;
  title: string;
  description_md: string;
  competency: string | null;
  status: "draft" | "published";
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LearningPathCourseTable {
  path_id: string;
  course_id: string;
  ordinal: number;
}

/**
 * A mandatory-enrolment rule: everyone matching all its set criteria (unit
 * subtree, position name, appointed within the last N months) is enrolled in
 * the run, with a deadline `due_days` after the enrolment.
 */
export interface EnrolmentRuleTable {
  id: string;
  agency_id: string;
  run_id: string;
  course_id: string;
  name: string;
  unit_id: string | null;
  position_name: string | null;
  new_hire_months: number | null;
  due_days: number | null;
  active: Bool;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  last_applied_at: string | null;
}

export interface LiveAttendanceTable {
  lesson_id: string;
  run_id: string;
  employee_id: string;
  present: Bool;
  recorded_by: string;
  recorded_at: string;
}

/** An uploaded video, PDF or image, stored under the data folder (media/<id>). */
export interface LearningMediaTable {
  id: string;
  agency_id: string;
  kind: MediaKind;
  mime: string;
  size: number;
  filename: string;
  sha256: string;
  created_by: string;
  created_at: string;
}

/** Tables of this module; see its migration. */
export interface LearningTables {
  courses: CourseTable;
  course_modules: CourseModuleTable;
  lessons: LessonTable;
  course_runs: CourseRunTable;
  run_facilitators: RunFacilitatorTable;
  enrolments: EnrolmentTable;
  lesson_progress: LessonProgressTable;
  learning_paths: LearningPathTable;
  learning_path_courses: LearningPathCourseTable;
  enrolment_rules: EnrolmentRuleTable;
  live_attendance: LiveAttendanceTable;
  learning_media: LearningMediaTable;
}

export type Course = Selectable<CourseTable>;
export type CourseModule = Selectable<CourseModuleTable>;
export type Lesson = Selectable<LessonTable>;
export type CourseRun = Selectable<CourseRunTable>;
export type Enrolment = Selectable<EnrolmentTable>;
export type LessonProgress = Selectable<LessonProgressTable>;
export type LearningPath = Selectable<LearningPathTable>;
export type EnrolmentRule = Selectable<EnrolmentRuleTable>;
export type LearningMedia = Selectable<LearningMediaTable>;
