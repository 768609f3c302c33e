import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ctxOf } from "../../../platform/http.js";
import { AgencyQuery, ImportJobOut, ImportJobPage, JobListQuery, JobParams, TemplateQuery } from "./schema.js";
import * as service from "./service.js";
import { readUpload } from "./upload.js";

const tags = ["org"];

export async function importRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/imports/employees/template",
    { schema: { tags, summary: "Download the employee import template (header and one example row)", querystring: TemplateQuery } },
    async (req, reply) => {
      const t = await service.employeeTemplate(ctxOf(req), req.query.format, req.query.agencyId);
      return reply.header("content-disposition", `attachment; filename="${t.filename}"`).type(t.contentType).send(t.body);
    },
  );

  app.post(
    "/imports/employees",
    {
      schema: {
        tags,
        summary: "Import employees from a CSV or XLSX file (HR admins)",
        description:
          "multipart/form-data with the text fields `mode` (valid_rows | all_or_nothing) and `dryRun` (true | false), then one `file` part. " +
          "Answers 202 with the job; poll GET /imports/{id} for progress and the per-row report.",
        consumes: ["multipart/form-data"],
        querystring: AgencyQuery,
        response: { 202: ImportJobOut },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const agencyId = service.importAgency(ctx, req.query.agencyId);
      const upload = await readUpload(req);
      const job = await service.startImport(ctx, agencyId, upload, req.log);
      return reply.status(202).header("location", `/api/v1/imports/${job.id}`).send(job);
    },
  );

  app.get(
    "/imports/:id",
    { schema: { tags, summary: "One import job: status, progress and the per-row error report", params: JobParams, response: { 200: ImportJobOut } } },
    async (req) => service.getJob(ctxOf(req), req.params.id),
  );

  app.get(
    "/imports",
    { schema: { tags, summary: "Import jobs of the agency, newest first", querystring: JobListQuery, response: { 200: ImportJobPage } } },
    async (req) => service.listJobs(ctxOf(req), req.query),
  );
}
