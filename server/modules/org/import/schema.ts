import { z } from "zod";

export const IMPORT_MODES = ["valid_rows", "all_or_nothing"] as const;
export const IMPORT_STATUSES = ["validating", "importing", "done", "rejected", "failed"] as const;

/** The text fields of the upload form (the file is read separately). */
export const UploadFields = z.object({
  mode: z.enum(IMPORT_MODES, { error: "mode must be valid_rows or all_or_nothing" }),
  dryRun: z
    .enum(["true", "false"], { error: "dryRun must be true or false" })
    .default("false")
    .transform((v) => v === "true"),
});

export const ImportErrorOut = z.object({
  row: z.number().describe("Spreadsheet row number: the header is row 1, the first data row is 2"),
  column: z.string().describe("The column as named in the file's header"),
  message: z.string(),
});

export const ImportJobOut = z.object({
  id: z.string(),
  kind: z.literal("employees"),
  filename: z.string(),
  mode: z.enum(IMPORT_MODES),
  dryRun: z.boolean(),
  status: z.enum(IMPORT_STATUSES),
  totalRows: z.number(),
  processedRows: z.number(),
  createdCount: z.number(),
  updatedCount: z.number(),
  errorCount: z.number(),
  errors: z.array(ImportErrorOut),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobDto = z.infer<typeof ImportJobOut>;

export const ImportJobPage = z.object({ items: z.array(ImportJobOut), total: z.number(), page: z.number(), pageSize: z.number() });

export const AgencyQuery = z.object({ agencyId: z.uuid().optional() });
export const TemplateQuery = AgencyQuery.extend({ format: z.enum(["csv", "xlsx"]).default("csv") });
export const JobListQuery = AgencyQuery.extend({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const JobParams = z.object({ id: z.uuid() });
