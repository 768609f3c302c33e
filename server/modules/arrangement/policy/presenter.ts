import type { z } from "zod";
import { fromJson } from "../../../db/dialect.js";
import type { ArrangementPolicy } from "../../../db/schema-arrangement.js";
import { addDays } from "../week.js";
import { type PolicyOut, Rules } from "./schema.js";

/** A stored rule set, completed with today's defaults for fields added after it was written. */
export function rulesOf(row: Pick<ArrangementPolicy, "rules">): Rules {
  return Rules.parse(fromJson<unknown>(row.rules) ?? {});
}

/** A version; `next` is the version that follows it, if any. */
export function presentPolicy(row: ArrangementPolicy, next: ArrangementPolicy | undefined): z.infer<typeof PolicyOut> {
  return {
    id: row.id,
    effectiveFrom: row.effective_from,
    legalBasis: row.legal_basis,
    note: row.note,
    rules: rulesOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    inForceUntil: next ? addDays(next.effective_from, -1) : null,
  };
}

/** What applies when HR has written no version yet: the engine's defaults. */
export function presentDefaults(): z.infer<typeof PolicyOut> {
  return { id: null, effectiveFrom: null, legalBasis: null, note: null, rules: Rules.parse({}), createdAt: null, updatedAt: null, inForceUntil: null };
}
