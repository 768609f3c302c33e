import type { FastifyInstance } from "fastify";

export async function privacyRoutes(_app: FastifyInstance): Promise<void> {}
