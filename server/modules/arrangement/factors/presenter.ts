import type { ArrangementFactor } from "../../../db/schema-arrangement.js";
import type { FactorsOut } from "./schema.js";

/**
 * An employee's factors as the viewer may see them: the age only for those who
 * see the NIP's birth date (the person, HR in scope), comorbidity, pregnancy
 * and the health state only for sensitive readers. The caller logs those reads.
 */
export function presentFactors(
  e: { id: string; name: string },
  row: ArrangementFactor | undefined,
  opts: { age: number | null; sensitive: { healthNotCleared: boolean } | null },
): FactorsOut {
  return {
    employeeId: e.id,
    name: e.name,
    commute: { mode: row?.commute_mode ?? null, verified: row?.commute_verified === 1, verifiedAt: row?.commute_verified_at ?? null },
    caregiving: row?.caregiving === 1,
    ...(opts.age === null ? {} : { age: opts.age }),
    ...(opts.sensitive === null
      ? {}
      : { sensitive: { comorbidity: row?.comorbidity === 1, pregnancy: row?.pregnancy === 1, healthNotCleared: opts.sensitive.healthNotCleared } }),
    updatedAt: row?.updated_at ?? null,
  };
}
