import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ctxOf } from "../../../platform/http.js";
import { employeeRoutes } from "../employee/routes.js";
import { exportRoutes } from "../exports/routes.js";
import { attachmentHeader } from "../reports/files.js";
import { weeklyReportRoutes } from "../reports/routes.js";
import { langOf } from "../reports/strings.js";
import { trendsFile } from "./files.js";
import { RhkOut, RhkQuery, TrendsOut, TrendsQuery } from "./schema.js";
import { getRhkActivity, getTrends, getTrendsWithRhk } from "./service.js";

const tags = ["monitoring"];

/** Trends (and, registered from here, the employee calendar, the weekly report and export jobs). */
export async function trendRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/monitoring/trends",
    {
      schema: { tags, summary: "Compliance, office share, health and review trends of a unit subtree", querystring: TrendsQuery, response: { 200: TrendsOut } },
    },
    async (req) => getTrends(ctxOf(req), req.query),
  );

  app.get(
    "/monitoring/trends/rhk",
    { schema: { tags, summary: "Activities and time spent per RHK in the reports of a unit subtree", querystring: RhkQuery, response: { 200: RhkOut } } },
    async (req) => getRhkActivity(ctxOf(req), req.query),
  );

  for (const format of ["csv", "xlsx"] as const) {
    app.get(
      `/monitoring/trends.${format}`,
      {
        schema: {
          tags,
          summary: `The trends as ${format.toUpperCase()}`,
          querystring: TrendsQuery,
          produces: [format === "csv" ? "text/csv" : "application/octet-stream"],
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const { trends, rhk } = await getTrendsWithRhk(ctx, req.query);
        const file = await trendsFile(trends, rhk, format, langOf(ctx.actor.locale));
        return reply.header("content-disposition", attachmentHeader(file.filename)).header("cache-control", "no-store").type(file.contentType).send(file.body);
      },
    );
  }

  await fastify.register(employeeRoutes);
  await fastify.register(weeklyReportRoutes);
  await fastify.register(exportRoutes);
}
