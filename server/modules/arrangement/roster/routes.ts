import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import { discardRoster, overrideCell } from "./change.js";
import { startGeneration, waitForGenerations } from "./generate.js";
import { publishRoster } from "./publish.js";
import { getRosterMeta, listRosters, rosterGrid } from "./read.js";
import {
  CellChangeOut,
  CellParams,
  CellPatch,
  GenerateBody,
  GridOut,
  GridQuery,
  LangQuery,
  RosterList,
  RosterListQuery,
  RosterOut,
  RosterParams,
  ScheduleOut,
  ScheduleQuery,
  WeekOut,
  WeekQuery,
} from "./schema.js";
import { employeeWeek, myWeek, teamSchedule } from "./week-view.js";

const tags = ["arrangement: rosters"];

/** Weekly rosters: HR generates, overrides and publishes; employees, supervisors, leaders and HR read the weeks. */
export async function rosterRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // A generation still running when the server stops finishes (or fails) before the database closes.
  app.addHook("onClose", async () => {
    await waitForGenerations();
  });

  app.post(
    "/arrangement/rosters",
    {
      schema: {
        tags,
        summary: "Generate a week's draft roster for a unit subtree (unitId) or the agency (unitId null); replaces that scope's earlier draft",
        description:
          "Answers 201 with the draft when it is ready within a few seconds, else 202: poll GET /arrangement/rosters/{id} (status, processedCount/totalCount).",
        querystring: z.object({ agencyId: z.uuid().optional() }),
        body: GenerateBody,
        response: { 201: RosterOut, 202: RosterOut },
      },
    },
    async (req, reply) => {
      const r = await startGeneration(ctxOf(req), req.body, req.query.agencyId);
      if (r.status === 202) reply.header("location", `/api/v1/arrangement/rosters/${r.body.id}`);
      return reply.status(r.status).send(r.body);
    },
  );
  app.get(
    "/arrangement/rosters",
    { schema: { tags, summary: "Rosters the viewer may read, newest week first", querystring: RosterListQuery, response: { 200: RosterList } } },
    async (req) => listRosters(ctxOf(req), req.query),
  );
  app.get(
    "/arrangement/rosters/:id",
    { schema: { tags, summary: "One roster: status and generation progress", params: RosterParams, response: { 200: RosterOut } } },
    async (req) => getRosterMeta(ctxOf(req), req.params.id),
  );
  app.get(
    "/arrangement/rosters/:id/grid",
    {
      schema: {
        tags,
        summary: "Units × days with cap use, a page of employee rows with each cell's reason, and the open conflicts",
        params: RosterParams,
        querystring: GridQuery,
        response: { 200: GridOut },
      },
    },
    async (req) => rosterGrid(ctxOf(req), req.params.id, req.query),
  );
  app.patch(
    "/arrangement/rosters/:id/cells/:employeeId/:date",
    {
      schema: {
        tags,
        summary: "Override one cell of a draft (audited, marked as override; conflicts recomputed and reported, never refused)",
        params: CellParams,
        querystring: LangQuery,
        body: CellPatch,
        response: { 200: CellChangeOut },
      },
    },
    async (req) => overrideCell(ctxOf(req), req.params.id, req.params.employeeId, req.params.date, req.body, req.query.lang),
  );
  app.post(
    "/arrangement/rosters/:id/publish",
    { schema: { tags, summary: "Publish a draft: cells frozen, employees notified (roster.published)", params: RosterParams, response: { 200: RosterOut } } },
    async (req) => publishRoster(ctxOf(req), req.params.id),
  );
  app.delete("/arrangement/rosters/:id", { schema: { tags, summary: "Discard a draft or a failed generation", params: RosterParams } }, async (req, reply) => {
    await discardRoster(ctxOf(req), req.params.id);
    return reply.status(204).send();
  });
  app.get(
    "/arrangement/schedule",
    {
      schema: {
        tags,
        summary: "The published week of the people I oversee: my direct reports, and my scope as HR admin or leader",
        querystring: ScheduleQuery,
        response: { 200: ScheduleOut },
      },
    },
    async (req) => teamSchedule(ctxOf(req), req.query),
  );
  app.get(
    "/arrangement/employees/:employeeId/roster",
    {
      schema: {
        tags,
        summary: "Someone's published week (the person, their supervisor, HR admins and leaders in scope)",
        params: z.object({ employeeId: z.uuid() }),
        querystring: WeekQuery,
        response: { 200: WeekOut },
      },
    },
    async (req) => employeeWeek(ctxOf(req), req.params.employeeId, req.query),
  );
  app.get(
    "/me/roster",
    { schema: { tags, summary: "My published week (default this week) with the reason for every day", querystring: WeekQuery, response: { 200: WeekOut } } },
    async (req) => myWeek(ctxOf(req), req.query),
  );
}
