import type { FastifyInstance } from "fastify";

export async function placeRoutes(_app: FastifyInstance): Promise<void> {}
