import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { assignmentRoutes } from "./assignments/routes.js";
import { verifyCertificate } from "./credit/certificates.js";
import { creditRoutes } from "./credit/routes.js";
import { NumberParams, VerifyOut } from "./credit/schema.js";
import { creditSummary } from "./credit/service.js";
import { setCreditSummaryProvider } from "./progress/dashboard.js";
import { quizRoutes } from "./quizzes/routes.js";

/**
 * Quizzes, assignments, the JP ledger and certificates: their routes under
 * /learning, and the public certificate verification at
 * /public/certificates/:number (register this plugin under /api/v1).
 */
export async function assessmentRoutes(fastify: FastifyInstance): Promise<void> {
  setCreditSummaryProvider(creditSummary);
  await fastify.register(
    async (learning) => {
      await learning.register(quizRoutes);
      await learning.register(assignmentRoutes);
      await learning.register(creditRoutes);
    },
    { prefix: "/learning" },
  );
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/public/certificates/:number",
    {
      config: { public: true },
      schema: {
        tags: ["learning: JP and certificates"],
        summary: "Verify a certificate (public, no sign-in)",
        description:
          "The number as printed (URL-encoded: ABDI%2F2026%2F000123) or with dashes (ABDI-2026-000123). Unknown: 404. Revoked: valid false with revokedAt.",
        params: NumberParams,
        security: [],
        response: { 200: VerifyOut },
      },
    },
    async (req, reply) => reply.header("cache-control", "no-store").send(await verifyCertificate(req.server.db, req.params.number)),
  );
}
