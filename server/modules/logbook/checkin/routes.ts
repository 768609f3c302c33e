import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import { IdempotencyHeaders, idempotencyOf } from "./idempotency-key.js";
import { getToday, listEmployeeCheckins } from "./read.js";
import { CheckinCreate, CheckinOut, RangeQuery, TodayOut } from "./schema.js";
import { submitCheckin } from "./submit.js";

const tags = ["logbook: check-in"];

/** Check-in / check-out of the signed-in person, their day, and check-ins as others may see them. */
export async function checkinRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/me/checkins",
    {
      schema: {
        tags,
        summary: "Check in or out (send an Idempotency-Key: a replay returns the first answer)",
        headers: IdempotencyHeaders,
        body: CheckinCreate,
        response: { 201: CheckinOut },
      },
    },
    async (req, reply) => {
      const r = await submitCheckin(ctxOf(req), req.body, idempotencyOf(req));
      return reply.header("idempotent-replayed", String(r.replayed)).status(201).send(r.body);
    },
  );

  app.get(
    "/me/today",
    { schema: { tags, summary: "My day: workday or day off, hours in effect, check-in and check-out", response: { 200: TodayOut } } },
    async (req) => getToday(ctxOf(req)),
  );

  app.get(
    "/employees/:id/checkins",
    {
      schema: {
        tags,
        summary: "Someone's check-ins: results for those who see the day, exact positions only for the person and HR in scope",
        params: z.object({ id: z.uuid() }),
        querystring: RangeQuery,
        response: { 200: z.object({ employeeId: z.string(), from: z.string(), to: z.string(), items: z.array(CheckinOut) }) },
      },
    },
    async (req) => listEmployeeCheckins(ctxOf(req), req.params.id, req.query),
  );
}
