import type { z } from "zod";
import type { CalendarDayRow, CalendarPeriodRow } from "./repository.js";
import type { DayOut, PeriodOut } from "./schema.js";

export function presentDay(d: CalendarDayRow): z.infer<typeof DayOut> {
  return { id: d.id, date: d.date, kind: d.kind, nameId: d.name_id, nameEn: d.name_en, legalBasis: d.legal_basis, dataset: d.dataset };
}

export function presentPeriod(p: CalendarPeriodRow): z.infer<typeof PeriodOut> {
  return {
    id: p.id,
    kind: p.kind,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    nameId: p.name_id,
    nameEn: p.name_en,
    legalBasis: p.legal_basis,
    dataset: p.dataset,
  };
}
