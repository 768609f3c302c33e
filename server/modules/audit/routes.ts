import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../platform/http.js";
import { agencyOf, authorize, orgPolicy } from "../org/policies.js";
import { listAccess, listAuditEvents } from "./repository.js";

const tags = ["audit"];
const Paging = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  agencyId: z.uuid().optional(),
};

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/audit/events",
    {
      schema: {
        tags,
        summary: "Audit trail of changes (agency HR admins, operators)",
        querystring: z.object({
          ...Paging,
          action: z.string().max(100).optional(),
          subjectId: z.string().max(100).optional(),
          actorUserId: z.uuid().optional(),
        }),
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const agencyId = agencyOf(ctx.actor, req.query.agencyId);
      authorize(orgPolicy.viewAudit(ctx.actor, agencyId));
      const r = await listAuditEvents(ctx.db, { ...req.query, agencyId });
      return { ...r, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    "/audit/access",
    {
      schema: {
        tags,
        summary: "Reads of sensitive personal data (agency HR admins, operators)",
        querystring: z.object({
          ...Paging,
          category: z.enum(["nip_detail", "health", "location", "sensitive_profile"]).optional(),
          subjectEmployeeId: z.uuid().optional(),
          actorUserId: z.uuid().optional(),
        }),
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const agencyId = agencyOf(ctx.actor, req.query.agencyId);
      authorize(orgPolicy.viewAudit(ctx.actor, agencyId));
      const r = await listAccess(ctx.db, { ...req.query, agencyId });
      return { ...r, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    "/audit/my-data-access",
    { schema: { tags, summary: "Who read my sensitive data, and when (UU 27/2022 right of access)", querystring: z.object(Paging) } },
    async (req) => {
      const ctx = ctxOf(req);
      if (!ctx.actor.employeeId) return { items: [], total: 0, page: 1, pageSize: req.query.pageSize };
      const r = await listAccess(ctx.db, { ...req.query, agencyId: null, subjectEmployeeId: ctx.actor.employeeId });
      return { ...r, page: req.query.page, pageSize: req.query.pageSize };
    },
  );
}
