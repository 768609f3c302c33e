import type { MonitoringExport } from "../../../db/schema-monitoring.js";
import type { ExportOut } from "./schema.js";

export function presentJob(
  j: Pick<MonitoringExport, "id" | "kind" | "format" | "status" | "total" | "processed" | "filename" | "error" | "created_at" | "finished_at">,
): ExportOut {
  return {
    id: j.id,
    kind: j.kind,
    format: j.format,
    status: j.status,
    total: j.total,
    processed: j.processed,
    filename: j.filename,
    error: j.error,
    createdAt: j.created_at,
    finishedAt: j.finished_at,
  };
}
