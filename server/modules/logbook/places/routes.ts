import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../../platform/errors.js";
import { ctxOf } from "../../../platform/http.js";
import { IdempotencyHeaders, idempotencyOf } from "../checkin/idempotency-key.js";
import { createOffice, listOffices } from "./offices.js";
import { createOwnPlace, listEmployeePlaces, listProposals } from "./own.js";
import { Decision, OfficeCreate, OfficeListQuery, OwnPlaceCreate, PlaceOut, PlaceUpdate, ProposalOut, ProposalQuery } from "./schema.js";
import * as places from "./service.js";

const IdParams = z.object({ id: z.uuid() });
const AgencyQuery = z.object({ agencyId: z.uuid().optional() });
const tags = ["logbook: places"];

/** Offices (per unit or agency-wide) and people's own registered places (home, other). */
export async function placeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/places",
    { schema: { tags, summary: "Offices of the agency, optionally of one unit", querystring: OfficeListQuery, response: { 200: z.array(PlaceOut) } } },
    async (req) => listOffices(ctxOf(req), req.query),
  );
  app.post(
    "/places",
    { schema: { tags, summary: "Create an office (HR in scope)", querystring: AgencyQuery, body: OfficeCreate, response: { 201: PlaceOut } } },
    async (req, reply) => reply.status(201).send(await createOffice(ctxOf(req), req.body, req.query.agencyId)),
  );
  app.patch(
    "/places/:id",
    {
      schema: {
        tags,
        summary: "Change an office (HR in scope) or an own place (the person: back to pending; HR in scope)",
        params: IdParams,
        body: PlaceUpdate,
        response: { 200: PlaceOut },
      },
    },
    async (req) => places.updatePlace(ctxOf(req), req.params.id, req.body),
  );
  app.delete("/places/:id", { schema: { tags, summary: "Delete an office, or withdraw an own place", params: IdParams } }, async (req, reply) => {
    await places.deletePlace(ctxOf(req), req.params.id);
    return reply.status(204).send();
  });
  app.post(
    "/places/:id/decision",
    {
      schema: {
        tags,
        summary: "Approve or reject a person's place (HR in scope, never one's own)",
        params: IdParams,
        headers: IdempotencyHeaders,
        body: Decision,
        response: { 200: PlaceOut },
      },
    },
    async (req, reply) => {
      const r = await places.decide(ctxOf(req), req.params.id, req.body, idempotencyOf(req));
      return reply.header("idempotent-replayed", String(r.replayed)).status(200).send(r.body);
    },
  );

  app.get(
    "/place-proposals",
    {
      schema: {
        tags,
        summary: "People's places in the HR scope by status (default pending)",
        querystring: ProposalQuery,
        response: { 200: z.array(ProposalOut) },
      },
    },
    async (req) => listProposals(ctxOf(req), req.query),
  );
  app.get(
    "/employees/:id/places",
    {
      schema: {
        tags,
        summary: "A person's own places; where they are only for the person and HR in scope",
        params: IdParams,
        response: { 200: z.array(PlaceOut) },
      },
    },
    async (req) => listEmployeePlaces(ctxOf(req), req.params.id),
  );
  app.post(
    "/employees/:id/places",
    {
      schema: {
        tags,
        summary: "Register a place for a person (HR in scope: approved at once)",
        params: IdParams,
        headers: IdempotencyHeaders,
        body: OwnPlaceCreate,
        response: { 201: PlaceOut },
      },
    },
    async (req, reply) => {
      const r = await createOwnPlace(ctxOf(req), req.params.id, req.body, idempotencyOf(req));
      return reply.header("idempotent-replayed", String(r.replayed)).status(201).send(r.body);
    },
  );
  app.post(
    "/me/places",
    {
      schema: {
        tags,
        summary: "Propose one of my places (home, other) for HR approval",
        headers: IdempotencyHeaders,
        body: OwnPlaceCreate,
        response: { 201: PlaceOut },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      if (!ctx.actor.employeeId) throw new AppError("not_found", "Employee record of this account not found");
      const r = await createOwnPlace(ctx, ctx.actor.employeeId, req.body, idempotencyOf(req));
      return reply.header("idempotent-replayed", String(r.replayed)).status(201).send(r.body);
    },
  );
}
