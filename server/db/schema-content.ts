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

export interface ContentTables {
  content_packages: ContentPackageTable;
  content_files: ContentFileTable;
  content_launches: ContentLaunchTable;
  content_attempts: ContentAttemptTable;
}
