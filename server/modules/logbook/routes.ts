import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { audit } from "../../platform/audit.js";
import { ctxOf } from "../../platform/http.js";
import { agencyOf, authorize, orgPolicy } from "../org/policies.js";
import { calendarRoutes } from "./calendar/routes.js";
import { checkinRoutes } from "./checkin/routes.js";
import { healthRoutes } from "./health/routes.js";
import { placeRoutes } from "./places/routes.js";
import { privacyRoutes } from "./privacy/routes.js";
import { reportRoutes } from "./reports/routes.js";
import { getLogbookSettings, LogbookSettings, saveLogbookSettings } from "./settings.js";
import { skpRoutes } from "./skp/routes.js";

/** The daily logbook: one plugin per part, all under /api/v1. */
export async function logbookRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(checkinRoutes);
  await app.register(placeRoutes);
  await app.register(calendarRoutes);
  await app.register(healthRoutes);
  await app.register(skpRoutes);
  await app.register(reportRoutes);
  await app.register(privacyRoutes);

  app.get(
    "/logbook/settings",
    { schema: { tags: ["logbook"], summary: "Logbook settings of the agency", querystring: z.object({ agencyId: z.uuid().optional() }) } },
    async (req) => {
      const ctx = ctxOf(req);
      const agencyId = agencyOf(ctx.actor, req.query.agencyId);
      authorize(orgPolicy.viewStructure(ctx.actor, agencyId));
      return getLogbookSettings(ctx.db, agencyId);
    },
  );

  app.put(
    "/logbook/settings",
    {
      schema: {
        tags: ["logbook"],
        summary: "Change logbook settings (agency-wide HR admin)",
        querystring: z.object({ agencyId: z.uuid().optional() }),
        body: LogbookSettings,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const agencyId = agencyOf(ctx.actor, req.query.agencyId);
      authorize(orgPolicy.manageAgencyWide(ctx.actor, agencyId));
      const before = await getLogbookSettings(ctx.db, agencyId);
      await ctx.db.transaction().execute(async (trx) => {
        await saveLogbookSettings(trx, agencyId, req.body, ctx.now().toISOString());
        await audit(trx, ctx, {
          action: "logbook.settings_changed",
          subjectType: "agency",
          subjectId: agencyId,
          agencyId,
          changes: { before, after: req.body },
        });
      });
      return req.body;
    },
  );
}
