import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import { healthCases } from "./cases.js";
import { healthHistory, submitHealthCheck, todayOfSelf } from "./checks.js";
import { formForEmployee, getFormVersion, listForms, publishForm } from "./forms.js";
import {
  CasesOut,
  CasesQuery,
  FormDefinition,
  FormOut,
  HistoryOut,
  HistoryQuery,
  IdempotencyHeaders,
  Lang,
  LocalizedFormOut,
  SubmitBody,
  SubmitOut,
  TodayOut,
} from "./schema.js";

const tags = ["logbook: health"];
const AgencyQuery = z.object({ agencyId: z.uuid().optional() });

/** Health self-check: the versioned questionnaire, the daily submission, history by viewer, the day's cases. */
export async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/me/health/form",
    {
      schema: {
        tags,
        summary: "The current health form of my agency, in my language (or ?lang=)",
        querystring: z.object({ lang: Lang.optional() }),
        response: { 200: LocalizedFormOut },
      },
    },
    async (req) => formForEmployee(ctxOf(req), req.query.lang),
  );

  app.get(
    "/me/health/today",
    { schema: { tags, summary: "My health check of today (my unit's time zone), if any", response: { 200: TodayOut } } },
    async (req) => todayOfSelf(ctxOf(req)),
  );

  app.post(
    "/me/health",
    {
      schema: {
        tags,
        summary: "Submit today's health check (201 new, 200 replaced the day's earlier answers; 409 stale form version)",
        headers: IdempotencyHeaders,
        body: SubmitBody,
        response: { 200: SubmitOut, 201: SubmitOut },
      },
    },
    async (req, reply) => {
      const r = await submitHealthCheck(ctxOf(req), req.body, {
        key: req.headers["idempotency-key"],
        method: req.method,
        path: req.routeOptions.url ?? req.url,
      });
      return reply
        .status(r.status === 201 ? 201 : 200)
        .header("idempotent-replayed", String(r.replayed))
        .send(r.body);
    },
  );

  app.get(
    "/employees/:id/health",
    {
      schema: {
        tags,
        summary: "Someone's health checks: answers for the person and health officers in scope (logged), date + cleared for others",
        params: z.object({ id: z.uuid() }),
        querystring: HistoryQuery,
        response: { 200: HistoryOut },
      },
    },
    async (req) => healthHistory(ctxOf(req), req.params.id, req.query),
  );

  app.get(
    "/health/cases",
    {
      schema: {
        tags,
        summary: "The day's health picture: cases with answers for health officers (logged), counts for HR/leaders, direct reports for supervisors",
        querystring: CasesQuery,
        response: { 200: CasesOut },
      },
    },
    async (req) => healthCases(ctxOf(req), req.query),
  );

  app.get(
    "/health/forms",
    { schema: { tags, summary: "Every version of the agency's health form, newest first", querystring: AgencyQuery, response: { 200: z.array(FormOut) } } },
    async (req) => listForms(ctxOf(req), req.query.agencyId),
  );

  app.get(
    "/health/forms/:version",
    {
      schema: {
        tags,
        summary: "One version of the health form with both languages",
        params: z.object({ version: z.coerce.number().int().min(1) }),
        querystring: AgencyQuery,
        response: { 200: FormOut },
      },
    },
    async (req) => getFormVersion(ctxOf(req), req.params.version, req.query.agencyId),
  );

  app.post(
    "/health/forms",
    {
      schema: {
        tags,
        summary: "Publish the next version of the health form (agency-wide HR admins or health officers)",
        querystring: AgencyQuery,
        body: FormDefinition,
        response: { 201: FormOut },
      },
    },
    async (req, reply) => reply.status(201).send(await publishForm(ctxOf(req), req.body, req.query.agencyId)),
  );
}
