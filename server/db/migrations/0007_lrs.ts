import type { Kysely } from "kysely";
import type { Migration } from "../migrate.js";

/** The xAPI Learning Record Store. */
export const lrs: Migration = {
  name: "0007_lrs",
  async up(_db: Kysely<unknown>, _t) {},
  async down(_db: Kysely<unknown>, _t) {},
};
