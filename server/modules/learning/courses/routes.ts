import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import { copyCourse } from "./copy.js";
import * as outline from "./outline.js";
import { AdminCourseQuery, CourseCopy, CourseCreate, CoursePatch, IdParams, LessonCreate, LessonPatch, ModuleCreate, ModulePatch, Reorder } from "./schema.js";
import * as service from "./service.js";

const tags = ["learning: authoring"];

/** Authoring: courses, modules, lessons, publishing, copies, the authors' preview (learning admins). */
export async function courseRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get("/admin/courses", { schema: { tags, summary: "The authors' list, drafts included", querystring: AdminCourseQuery } }, async (req) =>
    service.listAdminCourses(ctxOf(req), req.query),
  );
  app.post("/courses", { schema: { tags, summary: "Create a draft course", body: CourseCreate } }, async (req, reply) =>
    reply.status(201).send(await service.createCourse(ctxOf(req), req.body)),
  );
  app.patch("/courses/:id", { schema: { tags, summary: "Edit a course", params: IdParams, body: CoursePatch } }, async (req) =>
    service.patchCourse(ctxOf(req), req.params.id, req.body),
  );
  app.post("/courses/:id/publish", { schema: { tags, summary: "Publish (every lesson complete, prerequisites published)", params: IdParams } }, async (req) =>
    service.publishCourse(ctxOf(req), req.params.id),
  );
  app.post(
    "/courses/:id/unpublish",
    {
      schema: {
        tags,
        summary: "Back to draft, or archive",
        params: IdParams,
        body: z.strictObject({ archive: z.boolean().default(false) }).default({ archive: false }),
      },
    },
    async (req) => service.unpublishCourse(ctxOf(req), req.params.id, req.body.archive),
  );
  app.post(
    "/courses/:id/copy",
    { schema: { tags, summary: "Copy the outline into a new draft course", params: IdParams, body: CourseCopy } },
    async (req, reply) => reply.status(201).send(await copyCourse(ctxOf(req), req.params.id, req.body)),
  );
  app.get("/courses/:id/preview", { schema: { tags, summary: "The learner view for authors, without an enrolment", params: IdParams } }, async (req) =>
    service.previewCourse(ctxOf(req), req.params.id),
  );

  app.post("/courses/:id/modules", { schema: { tags, summary: "Add a module", params: IdParams, body: ModuleCreate } }, async (req, reply) =>
    reply.status(201).send(await outline.addModule(ctxOf(req), req.params.id, req.body.title)),
  );
  app.post(
    "/courses/:id/modules/reorder",
    { schema: { tags, summary: "Order the modules (exactly the course's module ids)", params: IdParams, body: Reorder } },
    async (req) => outline.reorderModules(ctxOf(req), req.params.id, req.body.ids),
  );
  app.patch("/modules/:id", { schema: { tags, summary: "Rename a module", params: IdParams, body: ModulePatch } }, async (req) =>
    outline.renameModule(ctxOf(req), req.params.id, req.body.title),
  );
  app.delete("/modules/:id", { schema: { tags, summary: "Remove a module and its lessons (none started)", params: IdParams } }, async (req, reply) => {
    await outline.removeModule(ctxOf(req), req.params.id);
    return reply.status(204).send();
  });

  app.post("/modules/:id/lessons", { schema: { tags, summary: "Add a lesson", params: IdParams, body: LessonCreate } }, async (req, reply) =>
    reply.status(201).send(await outline.addLesson(ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    "/modules/:id/lessons/reorder",
    { schema: { tags, summary: "Order the lessons (exactly the module's lesson ids)", params: IdParams, body: Reorder } },
    async (req) => outline.reorderLessons(ctxOf(req), req.params.id, req.body.ids),
  );
  app.patch("/lessons/:id", { schema: { tags, summary: "Edit a lesson (or move it to another module)", params: IdParams, body: LessonPatch } }, async (req) =>
    outline.patchLesson(ctxOf(req), req.params.id, req.body),
  );
  app.delete("/lessons/:id", { schema: { tags, summary: "Remove a lesson (none started)", params: IdParams } }, async (req, reply) => {
    await outline.removeLesson(ctxOf(req), req.params.id);
    return reply.status(204).send();
  });
}
