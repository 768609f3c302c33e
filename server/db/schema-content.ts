import type { Bool, Json } from "./schema.js";

export type ContentStandard = "scorm12" | "scorm2004" | "cmi5";

export interface ContentPackageTable {
  id: string;
  agency_id: string;
  standard: ContentStandard;
  title: string;
  filename: string;
  /** The parsed manifest (SCORM activity tree or cmi5 course structure). */
  manifest: Json;
  file_count: number;
  size: number;
  sha256: string;
  created_by: string | null;
  created_at: string;
}

export interface ContentFileTable {
  package_id: string;
  path: string;
  mime: string;
  size: number;
  data: Buffer;
}

export interface ContentLaunchTable {
  /** SHA-256 of the launch token; the token itself is only in the learner's player URL. */
  token_hash: string;
  package_id: string;
  agency_id: string;
  employee_id: string;
  enrolment_id: string | null;
  lesson_id: string | null;
  item_id: string;
  attempt_id: string | null;
  /** The content origin the player runs on and the platform origin allowed to frame it. */
  content_origin: string;
  platform_origin: string;
  expires_at: string;
  created_at: string;
}

export interface ContentAttemptTable {
  id: string;
  package_id: string;
  agency_id: string;
  employee_id: string;
  enrolment_id: string | null;
  lesson_id: string | null;
  item_id: string;
  attempt_no: number;
  /** The SCO's cmi data model as last committed. */
  cmi: Json;
  completion: "unknown" | "not_attempted" | "incomplete" | "completed";
  success: "unknown" | "passed" | "failed";
  score_scaled: number | null;
  total_seconds: number;
  commits: number;
  suspended: Bool;
  terminated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface Cmi5RegistrationTable {
  /** The registration UUID given to the AU. */
  id: string;
  package_id: string;
  agency_id: string;
  employee_id: string;
  /** "" for an author's preview. */
  enrolment_id: string;
  lesson_id: string | null;
  satisfied_at: string | null;
  /** Block ids already satisfied. */
  satisfied_blocks: Json;
  created_at: string;
}

export interface Cmi5AuStateTable {
  registration_id: string;
  au_id: string;
  completed: Bool;
  passed: Bool;
  failed: Bool;
  waived: Bool;
  score_scaled: number | null;
  updated_at: string;
}

export interface Cmi5SessionTable {
  /** The cmi5 session id. */
  id: string;
  registration_id: string;
  /** The AU id from the course structure (publisher id). */
  au_id: string;
  /** The generated activity id the AU is launched with. */
  au_activity_id: string;
  launch_mode: "Normal" | "Browse" | "Review";
  mastery_score: number | null;
  move_on: string;
  status: "launched" | "initialized" | "terminated" | "abandoned";
  /** cmi5 defined verbs the AU has sent in the session. */
  verbs: Json;
  fetch_token_hash: string;
  fetch_used: Bool;
  /** The LRS key of the credentials the fetch URL handed out (once). */
  credential_key: string | null;
  expires_at: string;
  launched_at: string;
  last_statement_at: string | null;
  ended_at: string | null;
}

export interface ContentTables {
  cmi5_registrations: Cmi5RegistrationTable;
  cmi5_au_states: Cmi5AuStateTable;
  cmi5_sessions: Cmi5SessionTable;
  content_packages: ContentPackageTable;
  content_files: ContentFileTable;
  content_launches: ContentLaunchTable;
  content_attempts: ContentAttemptTable;
}
