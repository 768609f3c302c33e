import type { ColumnType } from "kysely";
import type { Bool, Json } from "./schema.js";

export type LrsClientKind = "client" | "launch";

/** Credentials of an xAPI client (HTTP Basic key:secret), or short-lived credentials of one launch. */
export interface LrsClientTable {
  id: string;
  agency_id: string;
  name: string;
  key: string;
  /** "salt:hex(HMAC-SHA256(salt, secret))". */
  secret_hash: string;
  /** string[] of xAPI scopes. */
  scopes: Json;
  enabled: Bool;
  kind: LrsClientKind;
  /** For launch credentials: the learner, registration and activity they are tied to. */
  employee_id: string | null;
  registration: string | null;
  activity_id: string | null;
  expires_at: string | null;
  created_by: string | null;
  created_at: string;
}

export interface LrsStatementTable {
  seq: ColumnType<number, never, never>;
  agency_id: string;
  statement_id: string;
  stored: string;
  verb_id: string;
  actor_key: string;
  client_id: string;
  voided: Bool;
  /** The statement id this voiding statement voids. */
  voids: string | null;
  has_attachments: Bool;
  body: string;
}

/** One filterable fact of a statement: its hash (`lrs/fact-hash.ts`) and the statement's seq. */
export interface LrsStatementFactTable {
  h: number;
  seq: number;
}

export interface LrsAttachmentTable {
  agency_id: string;
  sha2: string;
  content_type: string;
  content: Buffer;
}

export type LrsDocumentKind = "state" | "activity_profile" | "agent_profile";

export interface LrsDocumentTable {
  id: string;
  agency_id: string;
  kind: LrsDocumentKind;
  activity_id: string;
  agent_key: string;
  registration: string;
  doc_id: string;
  content_type: string;
  content: Buffer;
  etag: string;
  updated: string;
}

export interface LrsActivityTable {
  agency_id: string;
  activity_id: string;
  definition: string;
  updated: string;
}

/** Tables of this module; see its migration. */
export interface LrsTables {
  lrs_clients: LrsClientTable;
  lrs_statements: LrsStatementTable;
  lrs_statement_facts: LrsStatementFactTable;
  lrs_attachments: LrsAttachmentTable;
  lrs_documents: LrsDocumentTable;
  lrs_activities: LrsActivityTable;
}
