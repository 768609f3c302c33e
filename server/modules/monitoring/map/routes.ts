import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ctxOf } from "../../../platform/http.js";
import { MapOut, MapQuery } from "./schema.js";
import { getMap } from "./service.js";

/** The map of the day's check-ins: exact points only for viewers allowed (each read logged), else grid clusters. */
export async function mapRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/monitoring/map",
    { schema: { tags: ["monitoring"], summary: "The day's check-ins on a map", querystring: MapQuery, response: { 200: MapOut } } },
    async (req) => getMap(ctxOf(req), req.query),
  );
}
