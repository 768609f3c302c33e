import type { Kysely } from "kysely";
import type { Migration } from "../migrate.js";

/** Flexi learning: courses, runs, enrolments, progress, paths. */
export const learning: Migration = {
  name: "0005_learning",
  async up(_db: Kysely<unknown>, _t) {},
  async down(_db: Kysely<unknown>, _t) {},
};
