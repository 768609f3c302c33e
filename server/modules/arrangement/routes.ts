import type { FastifyInstance } from "fastify";
import { factorRoutes } from "./factors/routes.js";
import { policyRoutes } from "./policy/routes.js";
import { requestRoutes } from "./requests/routes.js";
import { rosterRoutes } from "./roster/routes.js";

/** Work arrangement: policy versions, WFH factors, weekly rosters, requests and conflicts, all under /api/v1. */
export async function arrangementRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(policyRoutes);
  await fastify.register(factorRoutes);
  await fastify.register(rosterRoutes);
  await fastify.register(requestRoutes);
}
