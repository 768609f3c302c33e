import { insertClient } from "../modules/lrs/clients-repo.js";
import type { SystemCtx } from "../platform/context.js";

/** The demo installation's LRS client (every scope), with fixed credentials documented in the README. */
export const DEMO_LRS_KEY = "demo-lrs-key";
export const DEMO_LRS_SECRET = "demo-lrs-secret-2026";

export async function seedDemoLrs(ctx: SystemCtx): Promise<void> {
  const agency = await ctx.db.selectFrom("agencies").select("id").orderBy("created_at").limit(1).executeTakeFirst();
  if (!agency) return;
  const exists = await ctx.db.selectFrom("lrs_clients").select("id").where("key", "=", DEMO_LRS_KEY).executeTakeFirst();
  if (exists) return;
  await insertClient(ctx.db, { agencyId: agency.id, name: "Demo LRS client", scopes: ["all"], createdBy: null, key: DEMO_LRS_KEY, secret: DEMO_LRS_SECRET });
}
