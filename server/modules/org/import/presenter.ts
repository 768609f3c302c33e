import { fromJson } from "../../../db/dialect.js";
import type { ImportJob } from "../../../db/schema.js";
import type { ImportJobDto } from "./schema.js";
import type { RowError } from "./types.js";

export function presentJob(j: ImportJob): ImportJobDto {
  return {
    id: j.id,
    kind: "employees",
    filename: j.filename,
    mode: j.mode,
    dryRun: j.dry_run === 1,
    status: j.status,
    totalRows: j.total_rows,
    processedRows: j.processed_rows,
    createdCount: j.created_count,
    updatedCount: j.updated_count,
    errorCount: j.error_count,
    errors: fromJson<RowError[] | null>(j.errors) ?? [],
    message: j.message,
    createdAt: j.created_at,
    finishedAt: j.finished_at,
  };
}
