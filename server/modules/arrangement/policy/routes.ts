import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ctxOf } from "../../../platform/http.js";
import { AgencyQuery, IdParams, InForceQuery, PolicyCreate, PolicyList, PolicyOut } from "./schema.js";
import * as service from "./service.js";

const tags = ["arrangement: policy"];

/** Versions of the work-arrangement policy: HR admins of the whole agency edit, HR admins and leaders read. */
export async function policyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/arrangement/policies",
    { schema: { tags, summary: "Policy versions of the agency, oldest first", querystring: AgencyQuery, response: { 200: PolicyList } } },
    async (req) => service.listPolicies(ctxOf(req), req.query.agencyId),
  );
  app.get(
    "/arrangement/policies/in-force",
    {
      schema: {
        tags,
        summary: "The version in force on a date (default today): the latest effectiveFrom on or before it; the defaults (id null) when none",
        querystring: InForceQuery,
        response: { 200: PolicyOut },
      },
    },
    async (req) => service.policyInForce(ctxOf(req), req.query),
  );
  app.get("/arrangement/policies/:id", { schema: { tags, summary: "One policy version", params: IdParams, response: { 200: PolicyOut } } }, async (req) =>
    service.getPolicy(ctxOf(req), req.params.id),
  );
  app.post(
    "/arrangement/policies",
    {
      schema: {
        tags,
        summary: "Add a policy version taking effect on a date (409 when one already starts that day)",
        querystring: AgencyQuery,
        body: PolicyCreate,
        response: { 201: PolicyOut },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createPolicy(ctxOf(req), req.body, req.query.agencyId)),
  );
  app.put(
    "/arrangement/policies/:id",
    { schema: { tags, summary: "Replace a policy version (audited field by field)", params: IdParams, body: PolicyCreate, response: { 200: PolicyOut } } },
    async (req) => service.updatePolicy(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    "/arrangement/policies/:id",
    { schema: { tags, summary: "Remove a version no roster was generated with", params: IdParams } },
    async (req, reply) => {
      await service.deletePolicy(ctxOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
