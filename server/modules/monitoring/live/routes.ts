import type { ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import { monitoringScope, resolveUnit } from "../scope.js";
import { busFor, type Change, forgetBus } from "./bus.js";

const tags = ["monitoring"];
/** A comment line this often keeps proxies from closing an idle stream (tests shorten it). */
export const liveTiming = { heartbeatMs: 15_000 };

/** `data:` of a change event: only what the subscriber's views need to refresh. */
export function changeEvent(c: Change): string {
  return `event: change\ndata: ${JSON.stringify({ unitId: c.unitId, kind: c.kind, workDate: c.workDate })}\n\n`;
}

/** The live feed: server-sent events for changes inside a unit subtree, across all instances. */
export async function liveRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const bus = busFor(fastify.db, fastify.engine, fastify.log);
  const streams = new Set<ServerResponse>();

  // Open streams would keep the server from closing: end them first.
  fastify.addHook("preClose", async () => {
    for (const res of streams) res.end();
    streams.clear();
  });
  fastify.addHook("onClose", async () => {
    forgetBus(fastify.db);
    await bus.close();
  });

  app.get(
    "/monitoring/live",
    {
      schema: {
        tags,
        summary: "Server-sent events: `event: change` with { unitId, kind, workDate } for changes inside the subtree; a comment every 15 s",
        querystring: z.object({ unitId: z.uuid().optional() }),
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const unit = await resolveUnit(ctx, await monitoringScope(ctx), req.query.unitId);
      const res = reply.raw;
      const send = (text: string) => {
        if (!res.destroyed && !res.writableEnded) res.write(text);
      };
      const unsubscribe = await bus.subscribe((c) => {
        if (c.agencyId === unit.agency_id && c.unitPath.startsWith(unit.path)) send(changeEvent(c));
      });
      reply.hijack();
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
        "x-content-type-options": "nosniff",
        "x-request-id": req.id,
      });
      res.write(`retry: 5000\n: ${unit.id}\n\n`);
      streams.add(res);
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), liveTiming.heartbeatMs);
      const cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(res);
      };
      // The socket's close is the reliable signal that the client went away.
      res.on("close", cleanup);
      res.on("error", cleanup);
      req.raw.socket.on("close", cleanup);
    },
  );
}
