import type { Migration } from "../migrate.js";
import { foundation } from "./0001_foundation.js";
import { logbook } from "./0002_logbook.js";
import { arrangement } from "./0003_arrangement.js";

/** Every migration, in order. A new migration is a new file added here. */
export const migrations: Migration[] = [foundation, logbook, arrangement];
