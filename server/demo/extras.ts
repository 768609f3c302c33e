import type { SystemCtx } from "../platform/context.js";
import { seedDemoActivity } from "./activity.js";
import { seedDemoLearning } from "./learning.js";
import { seedDemoLrs } from "./lrs.js";

/** What the demo holds beyond the organisation: recent logbook activity, courses and an LRS client. */
export async function loadDemoExtras(ctx: SystemCtx): Promise<void> {
  await seedDemoActivity(ctx);
  await seedDemoLearning(ctx);
  await seedDemoLrs(ctx);
}
