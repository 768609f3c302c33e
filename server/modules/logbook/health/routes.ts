import type { FastifyInstance } from "fastify";

export async function healthRoutes(_app: FastifyInstance): Promise<void> {}
