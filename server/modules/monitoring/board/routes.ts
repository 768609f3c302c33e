import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import { liveRoutes } from "../live/routes.js";
import { mapRoutes } from "../map/routes.js";
import { boardFile, peopleFile } from "./export.js";
import { attachment, type Download } from "./files.js";
import { BoardOut, BoardQuery, PeopleOut, PeopleQuery, ScopeOut } from "./schema.js";
import { getBoard, getScope, listPeople } from "./service.js";

const tags = ["monitoring"];
const Format = z.object({ format: z.enum(["csv", "xlsx"]) });
const DownloadQuery = PeopleQuery.omit({ page: true, pageSize: true });

function sendFile(reply: FastifyReply, file: Download) {
  return reply.header("content-disposition", attachment(file.filename)).header("cache-control", "private, no-store").type(file.contentType).send(file.body);
}

/** The today board, its drill-down lists and their downloads; also mounts the live feed and the map. */
export async function boardRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get("/monitoring/scope", { schema: { tags, summary: "The units the viewer may monitor", response: { 200: ScopeOut } } }, async (req) =>
    getScope(ctxOf(req)),
  );

  app.get(
    "/monitoring/board",
    { schema: { tags, summary: "The today board of a unit subtree", querystring: BoardQuery, response: { 200: BoardOut } } },
    async (req) => getBoard(ctxOf(req), req.query),
  );

  app.get(
    "/monitoring/board.:format",
    { schema: { tags, summary: "The board's per-unit table as CSV or XLSX", params: Format, querystring: BoardQuery } },
    async (req, reply) => sendFile(reply, await boardFile(ctxOf(req), req.query, req.params.format)),
  );

  app.get(
    "/monitoring/board/people",
    { schema: { tags, summary: "The people behind a number of the board", querystring: PeopleQuery, response: { 200: PeopleOut } } },
    async (req) => listPeople(ctxOf(req), req.query),
  );

  app.get(
    "/monitoring/board/people.:format",
    {
      schema: {
        tags,
        summary: "The people behind a number as CSV or XLSX (at most 5,000 rows; larger lists: POST /monitoring/exports)",
        params: Format,
        querystring: DownloadQuery,
      },
    },
    async (req, reply) => sendFile(reply, await peopleFile(ctxOf(req), req.query, req.params.format)),
  );

  await fastify.register(liveRoutes);
  await fastify.register(mapRoutes);
}
