import type { FastifyInstance } from "fastify";

export async function boardRoutes(_fastify: FastifyInstance): Promise<void> {}
