import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../platform/http.js";
import * as employees from "./employees.js";
import * as grants from "./grants.js";
import {
  ActingCreate,
  AgencyCreate,
  EmployeeCreate,
  EmployeeListQuery,
  EmployeeOut,
  EmployeeUpdate,
  GrantCreate,
  Id,
  Page,
  PositionCreate,
  PositionUpdate,
  UnitCreate,
  UnitOut,
  UnitUpdate,
} from "./schema.js";
import * as structure from "./structure.js";

const IdParams = z.object({ id: Id });
const AgencyQuery = z.object({ agencyId: Id.optional() });
const tags = ["org"];

export async function orgRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get("/agencies", { schema: { tags, summary: "Agencies the viewer belongs to or administers" } }, async (req) => grants.listAgencies(ctxOf(req)));
  app.post("/agencies", { schema: { tags, summary: "Create an agency (operator)", body: AgencyCreate } }, async (req, reply) =>
    reply.status(201).send(await grants.createAgency(ctxOf(req), req.body)),
  );

  app.get(
    "/units",
    { schema: { tags, summary: "The unit tree of an agency, ordered by path", querystring: AgencyQuery, response: { 200: z.array(UnitOut) } } },
    async (req) => structure.listUnits(ctxOf(req), req.query.agencyId),
  );
  app.post(
    "/units",
    { schema: { tags, summary: "Create a unit", querystring: AgencyQuery, body: UnitCreate, response: { 201: UnitOut } } },
    async (req, reply) => reply.status(201).send(await structure.createUnit(ctxOf(req), req.body, req.query.agencyId)),
  );
  app.patch(
    "/units/:id",
    { schema: { tags, summary: "Rename, move or re-zone a unit", params: IdParams, body: UnitUpdate, response: { 200: UnitOut } } },
    async (req) => structure.updateUnit(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/positions",
    { schema: { tags, summary: "Positions, optionally of one unit", querystring: AgencyQuery.extend({ unitId: Id.optional() }) } },
    async (req) => structure.listPositions(ctxOf(req), req.query.unitId, req.query.agencyId),
  );
  app.post("/positions", { schema: { tags, summary: "Create a position", body: PositionCreate } }, async (req, reply) =>
    reply.status(201).send(await structure.createPosition(ctxOf(req), req.body)),
  );
  app.patch("/positions/:id", { schema: { tags, summary: "Update a position", params: IdParams, body: PositionUpdate } }, async (req) =>
    structure.updatePosition(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/employees",
    {
      schema: { tags, summary: "Employees visible to the viewer, searchable and paged", querystring: EmployeeListQuery, response: { 200: Page(EmployeeOut) } },
    },
    async (req) => employees.listEmployees(ctxOf(req), req.query),
  );
  app.get("/employees/:id", { schema: { tags, summary: "One employee", params: IdParams, response: { 200: EmployeeOut } } }, async (req) =>
    employees.getEmployee(ctxOf(req), req.params.id),
  );
  app.post(
    "/employees",
    { schema: { tags, summary: "Create an employee (and their account)", querystring: AgencyQuery, body: EmployeeCreate, response: { 201: EmployeeOut } } },
    async (req, reply) => reply.status(201).send(await employees.createEmployee(ctxOf(req), req.body, req.query.agencyId)),
  );
  app.patch(
    "/employees/:id",
    { schema: { tags, summary: "Update an employee", params: IdParams, body: EmployeeUpdate, response: { 200: EmployeeOut } } },
    async (req) => employees.updateEmployee(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    "/employees/:id/reset-password",
    {
      schema: {
        tags,
        summary: "Set a one-time password that must be changed at sign-in",
        params: IdParams,
        response: { 200: z.object({ temporaryPassword: z.string() }) },
      },
    },
    async (req) => employees.resetPassword(ctxOf(req), req.params.id),
  );

  app.get("/acting", { schema: { tags, summary: "Acting officials (Plt/Plh)", querystring: AgencyQuery } }, async (req) =>
    structure.listActing(ctxOf(req), req.query.agencyId),
  );
  app.post("/acting", { schema: { tags, summary: "Appoint an acting official", body: ActingCreate } }, async (req, reply) =>
    reply.status(201).send(await structure.createActing(ctxOf(req), req.body)),
  );
  app.delete("/acting/:id", { schema: { tags, summary: "End an acting appointment", params: IdParams } }, async (req, reply) => {
    await structure.deleteActing(ctxOf(req), req.params.id);
    return reply.status(204).send();
  });

  app.get("/grants", { schema: { tags, summary: "Role grants of an agency", querystring: AgencyQuery.extend({ employeeId: Id.optional() }) } }, async (req) =>
    grants.listGrants(ctxOf(req), req.query.agencyId, req.query.employeeId),
  );
  app.post("/grants", { schema: { tags, summary: "Grant a role over the agency or a unit subtree", body: GrantCreate } }, async (req, reply) =>
    reply.status(201).send(await grants.createGrant(ctxOf(req), req.body)),
  );
  app.delete("/grants/:id", { schema: { tags, summary: "Withdraw a role", params: IdParams } }, async (req, reply) => {
    await grants.deleteGrant(ctxOf(req), req.params.id);
    return reply.status(204).send();
  });
}
