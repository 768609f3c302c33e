import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ctxOf } from "../../../platform/http.js";
import { ConflictOut } from "../roster/schema.js";
import { listConflicts, resolveConflict } from "./conflicts.js";
import { decideRequest } from "./decide.js";
import {
  ConflictListQuery,
  ConflictPage,
  ConflictResolve,
  Decision,
  DecisionOut,
  IdParams,
  MyRequestsQuery,
  RequestCreate,
  RequestList,
  RequestListQuery,
  RequestOut,
  RequestPage,
} from "./schema.js";
import * as service from "./service.js";

const tags = ["arrangement: requests"];

/** Requests to work from home or at the office: the employee asks (only for themself), the supervisor decides, HR settles what does not fit. */
export async function requestRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/me/requests",
    {
      schema: {
        tags,
        summary: "Ask for WFH or WFO on a workday from today on (there is no route to ask for someone else)",
        body: RequestCreate,
        response: { 201: RequestOut },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createOwnRequest(ctxOf(req), req.body)),
  );
  app.get(
    "/me/requests",
    { schema: { tags, summary: "My requests, latest day first", querystring: MyRequestsQuery, response: { 200: RequestList } } },
    async (req) => service.listOwnRequests(ctxOf(req), req.query.status),
  );
  app.post(
    "/me/requests/:id/cancel",
    { schema: { tags, summary: "Withdraw my pending request", params: IdParams, response: { 200: RequestOut } } },
    async (req) => service.cancelOwnRequest(ctxOf(req), req.params.id),
  );
  app.get(
    "/arrangement/requests",
    {
      schema: {
        tags,
        summary: "Requests of the people I supervise (canDecide) and, for HR admins and leaders, of their scope",
        querystring: RequestListQuery,
        response: { 200: RequestPage },
      },
    },
    async (req) => service.listRequests(ctxOf(req), req.query),
  );
  app.get("/arrangement/requests/:id", { schema: { tags, summary: "One request", params: IdParams, response: { 200: RequestOut } } }, async (req) =>
    service.getRequest(ctxOf(req), req.params.id),
  );
  app.post(
    "/arrangement/requests/:id/decision",
    {
      schema: {
        tags,
        summary:
          "Approve or decline (the supervisor of the day only); an approval changes the published roster when the caps allow, else it is a conflict for HR",
        params: IdParams,
        body: Decision,
        response: { 200: DecisionOut },
      },
    },
    async (req) => decideRequest(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    "/arrangement/conflicts",
    {
      schema: {
        tags,
        summary: "Conflicts of drafts and published rosters in scope (open by default)",
        querystring: ConflictListQuery,
        response: { 200: ConflictPage },
      },
    },
    async (req) => listConflicts(ctxOf(req), req.query),
  );
  app.post(
    "/arrangement/conflicts/:id/resolve",
    {
      schema: {
        tags,
        summary: "Settle a request conflict: dismiss it, or override the cell with the requested mode (HR admins in scope)",
        params: IdParams,
        body: ConflictResolve,
        response: { 200: ConflictOut },
      },
    },
    async (req) => resolveConflict(ctxOf(req), req.params.id, req.body),
  );
}
