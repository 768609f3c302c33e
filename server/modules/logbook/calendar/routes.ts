import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import { CalendarOut, CalendarQuery, DayCreate, DayOut, DayUpdate, PeriodCreate, PeriodOut, PeriodUpdate } from "./schema.js";
import * as calendar from "./service.js";

const IdParams = z.object({ id: z.uuid() });
const tags = ["logbook: calendar"];

/** The working calendar: national holidays, cuti bersama and Ramadan periods. */
export async function calendarRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/calendar",
    { schema: { tags, summary: "Days off and Ramadan periods of a year (default: this year)", querystring: CalendarQuery, response: { 200: CalendarOut } } },
    async (req) => calendar.getCalendar(ctxOf(req), req.query.year),
  );

  app.post(
    "/calendar/days",
    { schema: { tags, summary: "Add a holiday or cuti bersama day (operator)", body: DayCreate, response: { 201: DayOut } } },
    async (req, reply) => reply.status(201).send(await calendar.createDay(ctxOf(req), req.body)),
  );
  app.patch(
    "/calendar/days/:id",
    { schema: { tags, summary: "Correct a day (operator); the row becomes operator data", params: IdParams, body: DayUpdate, response: { 200: DayOut } } },
    async (req) => calendar.updateDay(ctxOf(req), req.params.id, req.body),
  );
  app.delete("/calendar/days/:id", { schema: { tags, summary: "Remove a day (operator)", params: IdParams } }, async (req, reply) => {
    await calendar.deleteDay(ctxOf(req), req.params.id);
    return reply.status(204).send();
  });

  app.post(
    "/calendar/periods",
    { schema: { tags, summary: "Add a Ramadan period (operator)", body: PeriodCreate, response: { 201: PeriodOut } } },
    async (req, reply) => reply.status(201).send(await calendar.createPeriod(ctxOf(req), req.body)),
  );
  app.patch(
    "/calendar/periods/:id",
    { schema: { tags, summary: "Correct a period (operator)", params: IdParams, body: PeriodUpdate, response: { 200: PeriodOut } } },
    async (req) => calendar.updatePeriod(ctxOf(req), req.params.id, req.body),
  );
  app.delete("/calendar/periods/:id", { schema: { tags, summary: "Remove a period (operator)", params: IdParams } }, async (req, reply) => {
    await calendar.deletePeriod(ctxOf(req), req.params.id);
    return reply.status(204).send();
  });
}
