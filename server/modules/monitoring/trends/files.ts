import { type Download, pct, type Sheet, sheetsFile } from "../reports/files.js";
import { FILE_STRINGS, type Lang } from "../reports/strings.js";
import type { RhkOut, TrendsOut } from "./schema.js";

/** The trends as a file: the series, the per-unit table and the RHK activity, one sheet (or CSV block) each. */
export function trendsSheets(t: TrendsOut, rhk: RhkOut["rhk"], lang: Lang): Sheet[] {
  const s = FILE_STRINGS[lang];
  const c = s.cols;
  return [
    {
      name: s.trends.series,
      rows: [
        [
          c.period,
          c.workdays,
          c.employees,
          c.checkinCompliance,
          c.reportCompliance,
          c.officeShare,
          c.officeCap,
          c.healthNotCleared,
          c.reviewBacklog,
          c.medianReviewHours,
        ],
        ...t.series.map((p) => [
          p.period,
          p.workdays,
          p.employees,
          pct(p.checkinCompliance),
          pct(p.reportCompliance),
          pct(p.officeShare),
          pct(p.officeCap),
          p.healthNotCleared,
          p.reviewBacklog,
          p.medianReviewHours,
        ]),
      ],
    },
    {
      name: s.trends.units,
      rows: [
        [c.unit, c.checkinCompliance, c.reportCompliance, c.officeShare],
        ...t.units.map((u) => [u.name, pct(u.checkinCompliance), pct(u.reportCompliance), pct(u.officeShare)]),
      ],
    },
    { name: s.trends.rhk, rows: [[c.rhk, c.activities, c.minutes], ...rhk.map((r) => [r.title, r.activities, r.minutes])] },
  ];
}

export function trendsFile(t: TrendsOut, rhk: RhkOut["rhk"], format: "csv" | "xlsx", lang: Lang): Promise<Download> {
  return sheetsFile(format, trendsSheets(t, rhk, lang), `tren-${t.from}-${t.to}`);
}
