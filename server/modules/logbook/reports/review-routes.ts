import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ctxOf } from "../../../platform/http.js";
import { approveMany, reviewOne, reviewQueue } from "./review.js";
import { IdempotencyHeaders, sendIdempotent, submissionOf } from "./routes.js";
import { ApproveIn, BulkApproveIn, BulkApproveOut, IdParams, QueueOut, QueueQuery, ReportOut, ReturnIn } from "./schema.js";

const tags = ["logbook"];

export async function reviewRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/reviews",
    {
      schema: {
        tags,
        summary: "The review queue: reports of one's direct reports (acting Plt/Plh included), oldest first",
        description:
          "Each item carries the day's check-in results (geofence, place name, mode) and cleared / not cleared; never coordinates or health answers.",
        querystring: QueueQuery,
        response: { 200: QueueOut },
      },
    },
    async (req) => reviewQueue(ctxOf(req), req.query),
  );

  app.post(
    "/reports/:id/approve",
    {
      schema: {
        tags,
        summary: "Approve a submitted report (the supervisor); it is locked from then on",
        params: IdParams,
        headers: IdempotencyHeaders,
        body: ApproveIn,
        response: { 200: ReportOut },
      },
    },
    async (req, reply) =>
      sendIdempotent(reply, await reviewOne(ctxOf(req), req.params.id, { action: "approved", comment: req.body?.comment ?? null }, submissionOf(req))),
  );

  app.post(
    "/reports/:id/return",
    {
      schema: {
        tags,
        summary: "Return a submitted report with a comment; the employee revises and resubmits",
        params: IdParams,
        headers: IdempotencyHeaders,
        body: ReturnIn,
        response: { 200: ReportOut },
      },
    },
    async (req, reply) =>
      sendIdempotent(reply, await reviewOne(ctxOf(req), req.params.id, { action: "returned", comment: req.body.comment }, submissionOf(req))),
  );

  app.post(
    "/reviews/approve",
    {
      schema: {
        tags,
        summary: "Approve many submitted reports at once (all or none)",
        description:
          "When any id cannot be approved by the actor, nothing is approved: 403 (not theirs / not found) or 409 (not submitted / locked) with `refused: [{ id, reason }]`.",
        headers: IdempotencyHeaders,
        body: BulkApproveIn,
        response: { 200: BulkApproveOut },
      },
    },
    async (req, reply) => sendIdempotent(reply, await approveMany(ctxOf(req), req.body.ids, submissionOf(req))),
  );
}
