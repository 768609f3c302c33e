import type { Engine } from "../../config.js";
import type { RecurringJob } from "../../platform/scheduler.js";

/** Recurring jobs of this module. */
export function learningJobs(_engine: Engine): RecurringJob[] {
  return [];
}
