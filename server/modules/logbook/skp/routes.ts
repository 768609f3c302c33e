import type { FastifyInstance } from "fastify";

export async function skpRoutes(_app: FastifyInstance): Promise<void> {}
