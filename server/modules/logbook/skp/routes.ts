import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import { MIB, readSingleFile, refuseLargeBodies, safeFilename } from "../reports/multipart.js";
import { importTargets, targetImportAgency, targetTemplate } from "./import.js";
import { IdParams, ImportOut, ImportQuery, TargetCreate, TargetList, TargetOut, TargetQuery, TargetUpdate } from "./schema.js";
import * as service from "./service.js";

const tags = ["logbook"];
const IMPORT_MAX_BYTES = 10 * MIB;

export async function skpRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/me/targets",
    { schema: { tags, summary: "Own SKP targets (RHK) of a period", querystring: TargetQuery, response: { 200: TargetList } } },
    async (req) => service.listMyTargets(ctxOf(req), req.query),
  );

  app.get(
    "/employees/:id/targets",
    { schema: { tags, summary: "An employee's SKP targets of a period", params: IdParams, querystring: TargetQuery, response: { 200: TargetList } } },
    async (req) => service.listTargets(ctxOf(req), req.params.id, req.query),
  );

  app.post(
    "/employees/:id/targets",
    { schema: { tags, summary: "Add a target (the employee or HR in scope)", params: IdParams, body: TargetCreate, response: { 201: TargetOut } } },
    async (req, reply) => reply.status(201).send(await service.createTarget(ctxOf(req), req.params.id, req.body)),
  );

  app.patch(
    "/targets/:id",
    { schema: { tags, summary: "Change a target, or restore it with archived: false", params: IdParams, body: TargetUpdate, response: { 200: TargetOut } } },
    async (req) => service.updateTarget(ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    "/targets/:id",
    { schema: { tags, summary: "Archive a target (reports that used it keep it)", params: IdParams, response: { 200: TargetOut } } },
    async (req) => service.archiveTarget(ctxOf(req), req.params.id),
  );

  app.get("/targets/import/template.xlsx", { schema: { tags, summary: "The target import template", querystring: ImportQuery } }, async (req, reply) => {
    targetImportAgency(ctxOf(req), req.query.agencyId);
    return reply
      .header("content-disposition", 'attachment; filename="template-rhk.xlsx"')
      .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .send(await targetTemplate());
  });

  app.post(
    "/targets/import",
    {
      onRequest: refuseLargeBodies(IMPORT_MAX_BYTES),
      schema: {
        tags,
        summary: "Import targets from XLSX (HR admins; all rows or none)",
        description:
          "multipart/form-data: optional text field `dryRun` (true | false), then one `file` part (XLSX, columns nip, periode, kode, rhk, indikator, target, satuan; one row per indicator). " +
          "Any invalid row refuses the file with 422 and `rowErrors: [{ row, column, message }]`.",
        consumes: ["multipart/form-data"],
        querystring: ImportQuery,
        response: { 200: ImportOut },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const agencyId = targetImportAgency(ctx, req.query.agencyId);
      const upload = await readSingleFile(req, IMPORT_MAX_BYTES);
      const dryRun = z
        .stringbool()
        .catch(false)
        .parse(upload.fields.dryRun ?? "false");
      return importTargets(ctx, agencyId, { ...upload, filename: safeFilename(upload.filename, "targets.xlsx") }, dryRun);
    },
  );
}
