import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import { IdParams } from "../courses/schema.js";
import { getAttendance, putAttendance } from "./attendance.js";
import { enrolOthers, selfEnrol, withdraw } from "./enrol.js";
import * as rules from "./rules.js";
import { AttendancePut, EnrolOthers, RuleCreate, RulePatch, RunCreate, RunLessonParams, RunPatch } from "./schema.js";
import * as service from "./service.js";

const tags = ["learning: runs"];

/** Runs, facilitators, enrolment (self, by admins, by rule), class lists and live attendance. */
export async function runRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get("/courses/:id/runs", { schema: { tags, summary: "A course's runs with seats and facilitators", params: IdParams } }, async (req) =>
    service.listRuns(ctxOf(req), req.params.id),
  );
  app.post("/courses/:id/runs", { schema: { tags, summary: "Open a run (self-paced or cohort)", params: IdParams, body: RunCreate } }, async (req, reply) =>
    reply.status(201).send(await service.createRun(ctxOf(req), req.params.id, req.body)),
  );
  app.patch(
    "/runs/:id",
    { schema: { tags, summary: "Edit a run (dates, capacity, enrolment open, facilitators)", params: IdParams, body: RunPatch } },
    async (req) => service.patchRun(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    "/runs",
    {
      schema: {
        tags,
        summary: "The runs I facilitate (facilitating=me), with their course",
        querystring: z.strictObject({ facilitating: z.literal("me") }),
      },
    },
    async (req) => service.listFacilitatedRuns(ctxOf(req)),
  );
  app.get("/runs/:id/class", { schema: { tags, summary: "The class list (this run's facilitators and learning admins)", params: IdParams } }, async (req) =>
    service.getClassList(ctxOf(req), req.params.id),
  );

  app.post("/runs/:id/enrol", { schema: { tags, summary: "Enrol myself", params: IdParams } }, async (req, reply) =>
    reply.status(201).send(await selfEnrol(ctxOf(req), req.params.id)),
  );
  app.post("/runs/:id/enrolments", { schema: { tags, summary: "Enrol people in my scope (all or none)", params: IdParams, body: EnrolOthers } }, async (req) =>
    enrolOthers(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    "/enrolments/:id",
    { schema: { tags, summary: "Withdraw an enrolment (the learner, or an admin in scope)", params: IdParams } },
    async (req, reply) => {
      await withdraw(ctxOf(req), req.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    "/runs/:id/live/:lessonId/attendance",
    { schema: { tags, summary: "Attendance of a live session (facilitators)", params: RunLessonParams } },
    async (req) => getAttendance(ctxOf(req), req.params.id, req.params.lessonId),
  );
  app.put(
    "/runs/:id/live/:lessonId/attendance",
    { schema: { tags, summary: "Record attendance: present learners complete the lesson", params: RunLessonParams, body: AttendancePut } },
    async (req) => putAttendance(ctxOf(req), req.params.id, req.params.lessonId, req.body.entries),
  );

  const AgencyQuery = z.object({ agencyId: z.uuid().optional() });
  app.get("/rules", { schema: { tags, summary: "Mandatory-enrolment rules", querystring: AgencyQuery } }, async (req) =>
    rules.listRules(ctxOf(req), req.query),
  );
  app.post("/rules", { schema: { tags, summary: "Add a rule (by unit, position, new hires)", body: RuleCreate } }, async (req, reply) =>
    reply.status(201).send(await rules.createRule(ctxOf(req), req.body)),
  );
  app.patch("/rules/:id", { schema: { tags, summary: "Edit a rule", params: IdParams, body: RulePatch } }, async (req) =>
    rules.patchRule(ctxOf(req), req.params.id, req.body),
  );
  app.delete("/rules/:id", { schema: { tags, summary: "Delete a rule (enrolments stay)", params: IdParams } }, async (req, reply) => {
    await rules.deleteRule(ctxOf(req), req.params.id);
    return reply.status(204).send();
  });
  app.post("/rules/:id/apply", { schema: { tags, summary: "Apply a rule now", params: IdParams } }, async (req) =>
    rules.applyRuleNow(ctxOf(req), req.params.id),
  );
}
