import type { FastifyInstance } from "fastify";
import { boardRoutes } from "./board/routes.js";
import { trendRoutes } from "./trends/routes.js";

/** Monitoring: the board, live feed, map, trends, employee calendar, exports and weekly report, all under /api/v1/monitoring. */
export async function monitoringRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(boardRoutes);
  await fastify.register(trendRoutes);
}
