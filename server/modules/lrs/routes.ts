import type { FastifyInstance } from "fastify";

/** The xAPI Learning Record Store under /xapi. */
export async function lrsRoutes(_fastify: FastifyInstance): Promise<void> {}
