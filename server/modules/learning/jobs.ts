import type { Engine } from "../../config.js";
import type { RecurringJob } from "../../platform/scheduler.js";
import { applyAllRules } from "./runs/rules.js";

const HOUR = 3_600_000;

/** Recurring jobs of this module. */
export function learningJobs(engine: Engine): RecurringJob[] {
  return [{ name: "learning.enrolment_rules", everyMs: HOUR, run: (db, now) => applyAllRules(db, engine, now) }];
}
