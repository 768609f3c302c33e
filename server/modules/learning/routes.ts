import type { FastifyInstance } from "fastify";

/** Flexi learning, under /api/v1/learning (see README.md). */
export async function learningRoutes(_fastify: FastifyInstance): Promise<void> {}
