import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import type { IdempotentResult } from "../../../platform/idempotency.js";
import { type Submission, saveDraft, submitReport } from "./drafts.js";
import { exportReports } from "./export.js";
import { fileRoutes } from "./file-routes.js";
import * as reading from "./reading.js";
import { reviewRoutes } from "./review-routes.js";
import { DateParams, DraftIn, ExportQuery, IdParams, RangeQuery, ReportDetail, ReportList, ReportOut } from "./schema.js";

const tags = ["logbook"];

/** The Idempotency-Key header, documented on every route that takes it. */
export const IdempotencyHeaders = z.looseObject({
  "idempotency-key": z.string().optional().describe("8-100 characters; a retry with the same key gets the first answer, another body is refused (422)"),
});

export function submissionOf(req: FastifyRequest): Submission {
  const key = req.headers["idempotency-key"];
  return { key: typeof key === "string" ? key : undefined, path: req.url.split("?")[0] };
}

export function sendIdempotent<T>(reply: FastifyReply, r: IdempotentResult<T>) {
  if (r.replayed) reply.header("idempotent-replayed", "true");
  return reply.status(r.status).send(r.body);
}

export async function reportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(reviewRoutes);
  await app.register(fileRoutes);

  app.put(
    "/me/reports/:date",
    {
      schema: {
        tags,
        summary: "Save the day's activities as a draft (or revise a returned report)",
        description:
          "Creates the report (201) or replaces its activities (200). A submitted report is refused (409 conflict) until returned; an approved one is locked (409 locked).",
        params: DateParams,
        headers: IdempotencyHeaders,
        body: DraftIn,
        response: { 200: ReportOut, 201: ReportOut },
      },
    },
    async (req, reply) => sendIdempotent(reply, await saveDraft(ctxOf(req), req.params.date, req.body, submissionOf(req))),
  );

  app.post(
    "/me/reports/:date/submit",
    {
      schema: {
        tags,
        summary: "Submit the day's report to the supervisor (a returned report is resubmitted as the next revision)",
        params: DateParams,
        headers: IdempotencyHeaders,
        response: { 200: ReportOut },
      },
    },
    async (req, reply) => sendIdempotent(reply, await submitReport(ctxOf(req), req.params.date, submissionOf(req))),
  );

  app.get(
    "/me/reports",
    { schema: { tags, summary: "Own reports in a range (default: the last 31 days)", querystring: RangeQuery, response: { 200: ReportList } } },
    async (req) => reading.listMyReports(ctxOf(req), req.query),
  );

  app.get(
    "/me/reports/:date",
    { schema: { tags, summary: "Own report of one date (404 when none was saved)", params: DateParams, response: { 200: ReportOut } } },
    async (req) => reading.getMyReport(ctxOf(req), req.params.date),
  );

  app.get(
    "/employees/:id/reports",
    { schema: { tags, summary: "An employee's reports in a range", params: IdParams, querystring: RangeQuery, response: { 200: ReportList } } },
    async (req) => reading.listEmployeeReports(ctxOf(req), req.params.id, req.query),
  );

  app.get(
    "/reports/export.xlsx",
    {
      schema: {
        tags,
        summary: "Daily reports as XLSX for e-Kinerja: one row per activity",
        description:
          "Oneself, direct reports, and the employees in an HR or leader scope; `unitId` narrows to a unit subtree. Drafts are left out unless asked for.",
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const file = await exportReports(ctxOf(req), req.query, `${req.protocol}://${req.host}`);
      return reply
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .header("cache-control", "no-store")
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .send(file.body);
    },
  );

  app.get("/reports/:id", { schema: { tags, summary: "One report with its history", params: IdParams, response: { 200: ReportDetail } } }, async (req) =>
    reading.getReport(ctxOf(req), req.params.id),
  );
}
