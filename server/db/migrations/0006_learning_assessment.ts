import type { Kysely } from "kysely";
import type { Migration } from "../migrate.js";

/** Quizzes, assignments, the JP ledger and certificates. */
export const learningAssessment: Migration = {
  name: "0006_learning_assessment",
  async up(_db: Kysely<unknown>, _t) {},
  async down(_db: Kysely<unknown>, _t) {},
};
