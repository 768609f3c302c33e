import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { fromJson } from "../../db/dialect.js";
import { notFound } from "../../platform/errors.js";
import { ctxOf } from "../../platform/http.js";

const tags = ["notifications"];

export async function notificationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/notifications",
    {
      schema: {
        tags,
        summary: "Own notifications, newest first",
        querystring: z.object({ unread: z.enum(["true", "false"]).optional(), limit: z.coerce.number().int().min(1).max(100).default(30) }),
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      let q = ctx.db.selectFrom("notifications").selectAll().where("user_id", "=", ctx.actor.userId);
      if (req.query.unread === "true") q = q.where("read_at", "is", null);
      const rows = await q.orderBy("created_at", "desc").orderBy("id", "desc").limit(req.query.limit).execute();
      const unread = await ctx.db
        .selectFrom("notifications")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("user_id", "=", ctx.actor.userId)
        .where("read_at", "is", null)
        .executeTakeFirstOrThrow();
      return {
        unread: Number(unread.n),
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          params: fromJson<Record<string, unknown>>(n.params),
          link: n.link,
          createdAt: n.created_at,
          readAt: n.read_at,
        })),
      };
    },
  );

  app.post("/notifications/:id/read", { schema: { tags, summary: "Mark one as read", params: z.object({ id: z.uuid() }) } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const r = await ctx.db
      .updateTable("notifications")
      .set({ read_at: ctx.now().toISOString() })
      .where("id", "=", req.params.id)
      .where("user_id", "=", ctx.actor.userId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound("Notification");
    return reply.status(204).send();
  });

  app.post("/notifications/read-all", { schema: { tags, summary: "Mark all own notifications as read" } }, async (req, reply) => {
    const ctx = ctxOf(req);
    await ctx.db
      .updateTable("notifications")
      .set({ read_at: ctx.now().toISOString() })
      .where("user_id", "=", ctx.actor.userId)
      .where("read_at", "is", null)
      .execute();
    return reply.status(204).send();
  });
}
