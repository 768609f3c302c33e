import type { FastifyInstance } from "fastify";

export async function trendRoutes(_fastify: FastifyInstance): Promise<void> {}
