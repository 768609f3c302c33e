import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import { idempotent } from "../../../platform/idempotency.js";
import { IdParams } from "../courses/schema.js";
import { getDashboard } from "./dashboard.js";
import { getEnrolmentView, getLessonForLearner, prepareProgress, reportProgress } from "./learner.js";
import { createPath, deletePath, getPath, listPaths, patchPath } from "./paths.js";
import { EnrolmentLessonParams, PathCreate, PathPatch, ProgressIn } from "./schema.js";

const tags = ["learning: learner"];

export async function progressRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get("/me/dashboard", { schema: { tags, summary: "My enrolments with progress and deadlines, JP this year, certificates" } }, async (req) =>
    getDashboard(ctxOf(req)),
  );
  app.get("/enrolments/:id", { schema: { tags, summary: "The course player's outline with per-lesson progress and locks", params: IdParams } }, async (req) =>
    getEnrolmentView(ctxOf(req), req.params.id),
  );
  app.get(
    "/enrolments/:id/lessons/:lessonId",
    { schema: { tags, summary: "A lesson's content for the learner", params: EnrolmentLessonParams } },
    async (req) => getLessonForLearner(ctxOf(req), req.params.id, req.params.lessonId),
  );
  app.post(
    "/enrolments/:id/lessons/:lessonId/progress",
    {
      schema: {
        tags,
        summary: "Report progress (video position and watched seconds, or a done mark); Idempotency-Key supported",
        params: EnrolmentLessonParams,
        body: ProgressIn,
        headers: z.object({ "idempotency-key": z.string().optional() }),
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const target = await prepareProgress(ctx, req.params.id, req.params.lessonId);
      const r = await idempotent(ctx, { key: req.headers["idempotency-key"], method: "POST", path: req.url.split("?")[0], body: req.body }, async (trx) => ({
        status: 200,
        body: await reportProgress(ctx, trx, target, req.body),
      }));
      return reply.status(r.status).header("idempotent-replayed", String(r.replayed)).send(r.body);
    },
  );

  const AgencyQuery = z.object({ agencyId: z.uuid().optional() });
  app.get("/paths", { schema: { tags, summary: "Learning paths (published; drafts for learning admins)", querystring: AgencyQuery } }, async (req) =>
    listPaths(ctxOf(req), req.query),
  );
  app.get("/paths/:id", { schema: { tags, summary: "A path's courses in order, with my enrolment and progress in each", params: IdParams } }, async (req) =>
    getPath(ctxOf(req), req.params.id),
  );
  app.post("/paths", { schema: { tags, summary: "Create a learning path", body: PathCreate } }, async (req, reply) =>
    reply.status(201).send(await createPath(ctxOf(req), req.body)),
  );
  app.patch("/paths/:id", { schema: { tags, summary: "Edit a learning path", params: IdParams, body: PathPatch } }, async (req) =>
    patchPath(ctxOf(req), req.params.id, req.body),
  );
  app.delete("/paths/:id", { schema: { tags, summary: "Delete a learning path (its courses and enrolments stay)", params: IdParams } }, async (req, reply) => {
    await deletePath(ctxOf(req), req.params.id);
    return reply.status(204).send();
  });
}
