import fs from "node:fs";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ctxOf } from "../../../platform/http.js";
import { loadMediaFor, parseRange, refuseHugeBodies, uploadMedia } from "./media.js";
import { mediaPath } from "./media-store.js";
import { IdParams } from "./schema.js";

const tags = ["learning: media"];

export async function mediaRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/media",
    {
      onRequest: refuseHugeBodies,
      schema: {
        tags,
        summary: "Upload a video (MP4/WebM, ≤ 500 MiB), PDF (≤ 50 MiB) or image (PNG/JPEG, ≤ 10 MiB)",
        description:
          "multipart/form-data: optional text field `kind` (video | pdf | image) first, then one `file` part. The content decides the type: a file that is not what `kind` says is 415; a larger file 413.",
        consumes: ["multipart/form-data"],
      },
    },
    async (req, reply) => reply.status(201).send(await uploadMedia(ctxOf(req), req)),
  );

  app.get("/media/:id", { schema: { tags, summary: "A media file, with range requests (206) for video", params: IdParams } }, async (req, reply) => {
    const media = await loadMediaFor(ctxOf(req), req.params.id);
    const size = Number(media.size);
    const range = parseRange(req.headers.range, size);
    reply
      .header("accept-ranges", "bytes")
      .header("content-security-policy", "default-src 'none'; sandbox")
      .header("cache-control", "private, max-age=3600")
      .header("etag", `"${media.sha256}"`)
      .type(media.mime);
    if (range === "invalid") return reply.status(416).header("content-range", `bytes */${size}`).send();
    if (range === null) return reply.header("content-length", size).send(fs.createReadStream(mediaPath(media.id)));
    return reply
      .status(206)
      .header("content-range", `bytes ${range.start}-${range.end}/${size}`)
      .header("content-length", range.end - range.start + 1)
      .send(fs.createReadStream(mediaPath(media.id), { start: range.start, end: range.end }));
  });
}
