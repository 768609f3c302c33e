import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ctxOf } from "../../../platform/http.js";
import { CommuteVerification, EmployeeParams, FactorListQuery, FactorPage, FactorsDeclare, FactorsOut } from "./schema.js";
import * as service from "./service.js";

const tags = ["arrangement: factors"];

/** Work-from-home factors: the employee declares, HR verifies the commute; comorbidity and pregnancy only for sensitive readers. */
export async function factorRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get("/me/arrangement-factors", { schema: { tags, summary: "My work-from-home factors", response: { 200: FactorsOut } } }, async (req) =>
    service.getOwnFactors(ctxOf(req)),
  );
  app.put(
    "/me/arrangement-factors",
    {
      schema: { tags, summary: "Declare my factors (a changed commute waits for HR's verification)", body: FactorsDeclare, response: { 200: FactorsOut } },
    },
    async (req) => service.declareOwnFactors(ctxOf(req), req.body),
  );
  app.get(
    "/arrangement/factors",
    { schema: { tags, summary: "Declared commutes in the HR admin's scope, for verification", querystring: FactorListQuery, response: { 200: FactorPage } } },
    async (req) => service.listDeclaredCommutes(ctxOf(req), req.query),
  );
  app.get(
    "/arrangement/factors/:employeeId",
    {
      schema: {
        tags,
        summary: "Someone's factors: sensitive ones for the person, HR admins and health officers in scope (logged)",
        params: EmployeeParams,
        response: { 200: FactorsOut },
      },
    },
    async (req) => service.getFactors(ctxOf(req), req.params.employeeId),
  );
  app.post(
    "/arrangement/factors/:employeeId/commute-verification",
    {
      schema: {
        tags,
        summary: "Verify a declared commute (HR admins in scope)",
        params: EmployeeParams,
        body: CommuteVerification,
        response: { 200: FactorsOut },
      },
    },
    async (req) => service.verifyCommute(ctxOf(req), req.params.employeeId, req.body.verified),
  );
}
