import type { Kysely } from "kysely";
import type { Migration } from "../migrate.js";

/** Monitoring rollups and export jobs. */
export const monitoring: Migration = {
  name: "0004_monitoring",
  async up(_db: Kysely<unknown>, _t) {},
  async down(_db: Kysely<unknown>, _t) {},
};
