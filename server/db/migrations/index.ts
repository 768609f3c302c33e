import type { Migration } from "../migrate.js";
import { foundation } from "./0001_foundation.js";

/** Every migration, in order. A new migration is a new file added here. */
export const migrations: Migration[] = [foundation];
