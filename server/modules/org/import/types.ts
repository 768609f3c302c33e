import type { Employee, EmployeeTable } from "../../../db/schema.js";

/** The shapes passed between validation, writing and reporting. */

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export type ExistingEmployee = Employee & { unit_path: string };

/** The columns an import writes; ids of the agency and timestamps are added by the writer. */
export type EmployeeValues = Omit<EmployeeTable, "id" | "agency_id" | "created_at" | "updated_at">;

/** A position named in the file that the unit does not have yet: created with the first row that needs it. */
export interface NewPosition {
  id: string;
  unitId: string;
  name: string;
}

/** A valid row, ready to write. `values.supervisor_id` is final once supervisors are resolved. */
export interface PlannedEmployee {
  row: number;
  id: string;
  existing: ExistingEmployee | null;
  values: EmployeeValues;
  supervisorNip: string | null;
  /** True when the supervisor is a new employee of this file (written by the import itself). */
  supervisorIsNew: boolean;
  /** Fields that differ from the stored employee (updates only); empty means unchanged. */
  changed: string[];
}

/** Batched reads the validator needs; each call gets at most a few hundred values. */
export interface LookupLoader {
  employeesByNip(nips: string[]): Promise<ExistingEmployee[]>;
  employeeIdsByEmail(emails: string[]): Promise<{ id: string; email: string | null }[]>;
  positionsOfUnits(unitIds: string[]): Promise<{ id: string; unit_id: string; name: string }[]>;
}
