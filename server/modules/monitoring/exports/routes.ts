import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ctxOf } from "../../../platform/http.js";
import { attachmentHeader } from "../reports/files.js";
import { ExportCreate, ExportOut, ExportParams } from "./schema.js";
import { createExport, downloadExport, getExport } from "./service.js";

const tags = ["monitoring"];

export async function exportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/monitoring/exports",
    {
      schema: {
        tags,
        summary: "Start a background export (people list, trends or weekly report); poll GET /monitoring/exports/{id}",
        body: ExportCreate,
        response: { 202: ExportOut },
      },
    },
    async (req, reply) => reply.status(202).send(await createExport(ctxOf(req), req.body, req.log)),
  );

  app.get(
    "/monitoring/exports/:id",
    { schema: { tags, summary: "An export job's state and progress (own jobs only)", params: ExportParams, response: { 200: ExportOut } } },
    async (req) => getExport(ctxOf(req), req.params.id),
  );

  app.get("/monitoring/exports/:id/download", { schema: { tags, summary: "The finished export's file", params: ExportParams } }, async (req, reply) => {
    const file = await downloadExport(ctxOf(req), req.params.id);
    return reply.header("content-disposition", attachmentHeader(file.filename)).header("cache-control", "no-store").type(file.contentType).send(file.body);
  });
}
