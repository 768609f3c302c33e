import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ctxOf } from "../../../platform/http.js";
import { attachmentHeader } from "./files.js";
import { WeeklyQuery } from "./schema.js";
import { getWeeklyReport } from "./service.js";

export async function weeklyReportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/monitoring/weekly-report",
    {
      schema: {
        tags: ["monitoring"],
        summary: "The weekly unit report (staff per work mode, health checks, reports per workday) as PDF or XLSX",
        querystring: WeeklyQuery,
        produces: ["application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      },
    },
    async (req, reply) => {
      const file = await getWeeklyReport(ctxOf(req), req.query);
      return reply.header("content-disposition", attachmentHeader(file.filename)).header("cache-control", "no-store").type(file.contentType).send(file.body);
    },
  );
}
