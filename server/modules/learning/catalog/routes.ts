import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ctxOf } from "../../../platform/http.js";
import { IdParams } from "../courses/schema.js";
import { CatalogQuery } from "./schema.js";
import * as service from "./service.js";

const tags = ["learning: catalog"];

export async function catalogRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/catalog",
    { schema: { tags, summary: "Published courses of my agency: Indonesian-aware search (q), filters; title matches first", querystring: CatalogQuery } },
    async (req) => service.searchCatalog(ctxOf(req), req.query),
  );
  app.get("/catalog/facets", { schema: { tags, summary: "Topics, competencies, formats and languages of the catalog, with counts" } }, async (req) =>
    service.catalogFacets(ctxOf(req)),
  );
  app.get(
    "/courses/:id",
    { schema: { tags, summary: "A course page: outline, JP, prerequisites, runs and facilitators, my enrolment", params: IdParams } },
    async (req) => service.getCoursePage(ctxOf(req), req.params.id),
  );
}
