/** Shapes of the organisation API (server/modules/org/schema.ts and the import contract). */

export const TIMEZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Pontianak"] as const;
export type Timezone = (typeof TIMEZONES)[number];

export interface Unit {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  timezone: string;
  depth: number;
  employeeCount?: number;
}

export const POSITION_KINDS = ["structural", "functional", "executor"] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

export interface Position {
  id: string;
  unitId: string;
  name: string;
  kind: PositionKind;
  echelon: number | null;
  isHead: boolean;
}

export type EmploymentType = "PNS" | "PPPK";
export type EmployeeStatus = "active" | "inactive";

export interface Employee {
  id: string;
  nip: string;
  nipMasked: boolean;
  name: string;
  email: string | null;
  phone: string | null;
  unit: { id: string; name: string };
  position: { id: string; name: string; echelon: number | null; isHead: boolean } | null;
  employmentType: EmploymentType;
  status: EmployeeStatus;
  supervisorId: string | null;
  supervisor: { id: string; name: string } | null;
  supervisorExplicit: boolean;
  birthDate?: string;
  gender?: "M" | "F";
  appointedOn?: string;
  hasAccount?: boolean;
}

export interface EmployeeInput {
  nip: string;
  name: string;
  email: string | null;
  phone: string | null;
  unitId: string;
  positionId: string | null;
  employmentType: EmploymentType;
  status: EmployeeStatus;
  supervisorId: string | null;
}

export type EmployeeSort = "name" | "nip" | "unit";

export interface EmployeeQuery {
  q?: string;
  unitId?: string;
  includeSubunits?: boolean;
  status?: EmployeeStatus;
  employmentType?: EmploymentType;
  sort?: EmployeeSort;
  page: number;
  pageSize: number;
}

export type ActingKind = "plt" | "plh";

export interface Acting {
  id: string;
  unitId: string;
  unitName: string;
  employeeId: string;
  employeeName: string;
  kind: ActingKind;
  startsOn: string;
  endsOn: string;
  note: string | null;
}

export const ROLES = ["hr_admin", "leader", "health_officer", "learning_admin", "facilitator"] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  id: string;
  role: Role;
  employeeId: string | null;
  displayName: string;
  unitId: string | null;
  unitName: string | null;
  createdAt: string;
}

export type ImportMode = "valid_rows" | "all_or_nothing";
export type ImportStatus = "validating" | "importing" | "done" | "rejected" | "failed";
export const IMPORT_FINISHED: readonly ImportStatus[] = ["done", "rejected", "failed"];

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportJob {
  id: string;
  kind: string;
  filename: string;
  mode: ImportMode;
  dryRun: boolean;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  errorCount: number;
  errors: ImportRowError[];
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}
