import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import { authorize } from "../../org/policies.js";
import { auditExport, collectMyData } from "./my-data.js";
import { renderMyDataPdf } from "./pdf.js";
import { privacyPolicy } from "./policies.js";
import { runRetention } from "./retention.js";

const tags = ["privacy"];

const RetentionOut = z.object({
  ranAt: z.string(),
  agencies: z.array(
    z.object({
      agencyId: z.string(),
      coordinatesBefore: z.string(),
      healthAnswersBefore: z.string(),
      coordinatesPurged: z.number(),
      healthAnswersPurged: z.number(),
    }),
  ),
  idempotencyKeysPurged: z.number(),
});

const fileName = (ext: string, date: string) => `attachment; filename="abdi-data-saya-${date.slice(0, 10)}.${ext}"`;

/** The person's own data (UU 27/2022 right of access) and the retention job's manual trigger. */
export async function privacyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/me/data.json",
    { schema: { tags, summary: "Everything Abdi holds about me, with who read my sensitive data (the export is audited)" } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const data = await collectMyData(ctx);
      await auditExport(ctx, data, "json");
      return reply.header("content-disposition", fileName("json", data.generatedAt)).header("cache-control", "no-store").send(data);
    },
  );

  app.get(
    "/me/data.pdf",
    {
      schema: {
        tags,
        summary: "The same as a readable PDF (Indonesian; ?lang=en for English)",
        querystring: z.object({ lang: z.enum(["id", "en"]).default("id") }),
        produces: ["application/pdf"],
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const data = await collectMyData(ctx);
      await auditExport(ctx, data, "pdf");
      const doc = renderMyDataPdf(data, { lang: req.query.lang });
      return reply.type("application/pdf").header("content-disposition", fileName("pdf", data.generatedAt)).header("cache-control", "no-store").send(doc);
    },
  );

  app.post(
    "/admin/retention/run",
    { schema: { tags, summary: "Run the retention purge now over every agency (operators); answers the counts", response: { 200: RetentionOut } } },
    async (req) => {
      const ctx = ctxOf(req);
      authorize(privacyPolicy.runRetention(ctx.actor));
      return runRetention(ctx.db, ctx.now(), { by: ctx });
    },
  );
}
