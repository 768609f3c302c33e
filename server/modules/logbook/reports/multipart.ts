import type {} from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError, invalid } from "../../../platform/errors.js";

export const MIB = 1024 * 1024;

/** Room for the multipart boundaries, part headers and a few text fields around the file. */
const FORM_OVERHEAD = 64 * 1024;

export interface UploadedFile {
  filename: string;
  content: Buffer;
  fields: Record<string, string>;
}

const tooLarge = (maxBytes: number) => new AppError("payload_too_large", `The file is larger than ${Math.round(maxBytes / MIB)} MiB`);

/**
 * Route hook: refuses a body whose declared length cannot fit under the limit
 * before a byte of it is read, and asks the client to close the connection.
 */
export function refuseLargeBodies(maxBytes: number) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > maxBytes + FORM_OVERHEAD) {
      reply.header("connection", "close");
      throw tooLarge(maxBytes);
    }
  };
}

/** A display name for an upload: no folders, no control characters, bounded. */
export function safeFilename(name: string | undefined, fallback: string): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is stripped.
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  return clean.slice(0, 200) || fallback;
}

/**
 * Reads a multipart form with one part named `file` (buffered, at most
 * `maxBytes`: beyond it 413) and a few text fields.
 */
export async function readSingleFile(req: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  if (!req.isMultipart()) throw invalid([{ path: "file", message: "send the file as multipart/form-data" }], "Expected a multipart/form-data upload");
  const fields: Record<string, string> = {};
  let file: { filename: string; content: Buffer } | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10 } })) {
      if (part.type === "file") {
        const content = await part.toBuffer();
        if (part.fieldname === "file" && !file) file = { filename: part.filename, content };
      } else if (typeof part.value === "string") {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: unknown }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge(maxBytes);
    if (code === "FST_FILES_LIMIT") throw invalid([{ path: "file", message: "send exactly one file" }]);
    if (code === "FST_FIELDS_LIMIT" || code === "FST_PARTS_LIMIT") throw invalid([{ path: "file", message: "the form has too many fields" }]);
    throw new AppError("bad_request", "The multipart/form-data body cannot be read");
  }
  if (!file) throw invalid([{ path: "file", message: 'a file part named "file" is required' }]);
  return { filename: file.filename, content: file.content, fields };
}
