import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ctxOf } from "../../../platform/http.js";
import { CalendarOut, CalendarParams, CalendarQuery } from "./schema.js";
import { employeeCalendar } from "./service.js";

const tags = ["monitoring"];

export async function employeeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/monitoring/employees/:id/calendar",
    {
      schema: {
        tags,
        summary: "One employee's days (check-in, mode, lateness, report, health) and SKP targets with progress",
        params: CalendarParams,
        querystring: CalendarQuery,
        response: { 200: CalendarOut },
      },
    },
    async (req) => employeeCalendar(ctxOf(req), req.params.id, req.query),
  );
}
