import type {} from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { AppError, type FieldError, invalid } from "../../../platform/errors.js";
import { UploadFields } from "./schema.js";

export interface Upload {
  mode: "valid_rows" | "all_or_nothing";
  dryRun: boolean;
  filename: string;
  content: Buffer;
}

const LIMIT_ERRORS: Record<string, string> = {
  FST_FILES_LIMIT: "send exactly one file",
  FST_PARTS_LIMIT: "the form has too many parts",
  FST_FIELDS_LIMIT: "the form has too many fields",
};

/** A display name for the upload: no folders, no control characters, bounded. */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return clean.slice(0, 200) || "upload";
}

/**
 * Reads the multipart form: the `mode` and `dryRun` fields and one part named
 * `file`, buffered up to the plugin's size limit (beyond it: 413).
 */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw invalid([{ path: "file", message: "send the file as multipart/form-data" }], "Expected a multipart/form-data upload");
  const fields: Record<string, string> = {};
  let file: { filename: string; content: Buffer } | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === "file") {
        const content = await part.toBuffer();
        if (part.fieldname === "file" && !file) file = { filename: part.filename, content };
      } else if (typeof part.value === "string") {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE")
      throw new AppError("payload_too_large", "The file is larger than the upload limit of 20 MiB; split it into smaller files");
    if (typeof code === "string" && LIMIT_ERRORS[code]) throw invalid([{ path: "file", message: LIMIT_ERRORS[code] }]);
    if (err instanceof AppError) throw err;
    throw new AppError("bad_request", "The multipart/form-data body cannot be read");
  }
  const parsed = UploadFields.safeParse(fields);
  const errors: FieldError[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  if (!file) errors.push({ path: "file", message: 'a file part named "file" is required' });
  if (!parsed.success || !file) throw invalid(errors);
  return { ...parsed.data, filename: cleanFilename(file.filename), content: file.content };
}
