import type { FastifyInstance } from "fastify";

export async function checkinRoutes(_app: FastifyInstance): Promise<void> {}
