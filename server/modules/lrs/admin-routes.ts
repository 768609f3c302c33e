import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../platform/http.js";
import * as clients from "./clients.js";
import { LRS_SCOPES } from "./credentials.js";
import * as records from "./records.js";

const tags = ["lrs"];
const scopes = z.array(z.enum(LRS_SCOPES)).min(1);
const paging = z.object({ before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(100).default(30) });

/** Administration of the LRS (clients) and the learning-record pages, under /api/v1. */
export async function lrsAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get("/lrs/clients", { schema: { tags, summary: "The agency's LRS clients" } }, async (req) => ({ items: await clients.listClients(ctxOf(req)) }));

  app.post(
    "/lrs/clients",
    {
      schema: {
        tags,
        summary: "Create an LRS client; the answer carries its secret, shown once",
        body: z.object({ name: z.string().trim().min(1).max(120), scopes }),
      },
    },
    async (req, reply) => reply.status(201).send(await clients.createClient(ctxOf(req), req.body)),
  );

  app.patch(
    "/lrs/clients/:id",
    {
      schema: {
        tags,
        summary: "Rename, enable/disable or change the scopes of an LRS client",
        params: z.object({ id: z.uuid() }),
        body: z.object({ name: z.string().trim().min(1).max(120).optional(), enabled: z.boolean().optional(), scopes: scopes.optional() }),
      },
    },
    async (req) => clients.updateClient(ctxOf(req), req.params.id, req.body),
  );

  app.delete("/lrs/clients/:id", { schema: { tags, summary: "Delete an LRS client", params: z.object({ id: z.uuid() }) } }, async (req, reply) => {
    await clients.deleteClient(ctxOf(req), req.params.id);
    return reply.status(204).send();
  });

  app.get("/lrs/me/statements", { schema: { tags, summary: "Own learning record (xAPI statements), newest first", querystring: paging } }, async (req) =>
    records.myStatements(ctxOf(req), req.query.before ?? null, req.query.limit),
  );

  app.get(
    "/lrs/employees/:id/statements",
    { schema: { tags, summary: "An employee's learning record, for admins in scope", params: z.object({ id: z.uuid() }), querystring: paging } },
    async (req) => records.employeeStatements(ctxOf(req), req.params.id, req.query.before ?? null, req.query.limit),
  );
}
