import { fromJson } from "../../../db/dialect.js";
import type { SkpTarget } from "../../../db/schema-logbook.js";
import type { Indicator, TargetDto } from "./schema.js";

export function presentTarget(t: SkpTarget): TargetDto {
  return {
    id: t.id,
    employeeId: t.employee_id,
    period: t.period,
    code: t.code,
    title: t.title,
    indicators: fromJson<Indicator[]>(t.indicators).map((i) => ({ name: i.name, target: Number(i.target), unit: i.unit })),
    archived: t.archived === 1,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}

/** "A.1 — Title" (how an RHK is named in e-Kinerja and in the report snapshot). */
export function targetLabel(t: { code: string | null; title: string }): string {
  return t.code ? `${t.code} — ${t.title}` : t.title;
}
