import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import { EVIDENCE_MAX_BYTES, readFile, uploadEvidence } from "./files.js";
import { readSingleFile, refuseLargeBodies } from "./multipart.js";
import { FileOut, IdParams } from "./schema.js";

const tags = ["logbook"];

/** RFC 6266 filename parameters: an ASCII fallback and the UTF-8 name. */
function disposition(kind: "inline" | "attachment", filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export async function fileRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/me/files",
    {
      onRequest: refuseLargeBodies(EVIDENCE_MAX_BYTES),
      schema: {
        tags,
        summary: "Upload evidence (PNG, JPEG, WebP or PDF; at most 10 MiB)",
        description:
          "multipart/form-data: text field `purpose` = evidence (optional), then one `file` part. The type is judged by the content, not the name: anything else is 415, a bigger file 413. Use the answer's `id` as `evidence.fileId` in an activity.",
        consumes: ["multipart/form-data"],
        response: { 201: FileOut },
      },
    },
    async (req, reply) => reply.status(201).send(await uploadEvidence(ctxOf(req), () => readSingleFile(req, EVIDENCE_MAX_BYTES))),
  );

  app.get(
    "/files/:id",
    {
      schema: {
        tags,
        summary: "An uploaded file (its owner, and whoever may see the owner's day)",
        params: IdParams,
        querystring: z.object({ download: z.stringbool().default(false) }),
      },
    },
    async (req, reply) => {
      const file = await readFile(ctxOf(req), req.params.id);
      return reply
        .header("content-disposition", disposition(req.query.download ? "attachment" : "inline", file.filename))
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "private, max-age=3600")
        .header("etag", `"${file.sha256}"`)
        .type(file.mime)
        .send(file.data);
    },
  );
}
