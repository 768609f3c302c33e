import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ping } from "../db/dialect.js";

const HealthResponse = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  database: z.object({ engine: z.enum(["sqlite", "postgres"]), status: z.enum(["up", "down"]), latencyMs: z.number() }),
});

export function registerHealth(app: FastifyInstance, version: string): void {
  app.get(
    "/api/health",
    {
      config: { public: true },
      schema: { tags: ["platform"], summary: "Liveness and database state", response: { 200: HealthResponse, 503: HealthResponse } },
    },
    async (_req, reply) => {
      const t0 = performance.now();
      let up = true;
      try {
        await Promise.race([ping(app.db), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000).unref())]);
      } catch {
        up = false;
      }
      const body = {
        status: up ? ("ok" as const) : ("degraded" as const),
        version,
        database: { engine: app.engine, status: up ? ("up" as const) : ("down" as const), latencyMs: Math.round(performance.now() - t0) },
      };
      return reply.status(up ? 200 : 503).send(body);
    },
  );
}
