import type { WeeklyDay, WeeklyReport } from "./service.js";
import { FILE_STRINGS, type Lang } from "./strings.js";

type Row = (string | number)[];

/** The weekly report's three tables (attendance, health, reports) as header + rows, shared by the PDF and the workbook. */
export function weeklyTables(r: WeeklyReport, lang: Lang): { title: string; header: string[]; rows: Row[] }[] {
  const s = FILE_STRINGS[lang];
  const c = s.cols;
  const label = (d: WeeklyDay) => `${s.days[new Date(`${d.date}T00:00:00Z`).getUTCDay()]} ${d.date}`;
  const all = [...r.days.map((d) => ({ name: label(d), d })), { name: c.total, d: { ...r.totals, date: "" } }];
  return [
    {
      title: s.weekly.attendance,
      header: [c.date, c.employees, "WFO", "WFH", "DL", "CUTI", "SAKIT", c.noCheckin],
      rows: all.map(({ name, d }) => [name, d.employees, d.modes.WFO, d.modes.WFH, d.modes.DL, d.modes.CUTI, d.modes.SAKIT, d.noCheckin]),
    },
    {
      title: s.weekly.health,
      header: [c.date, c.healthFilled, c.healthCleared, c.notCleared],
      rows: all.map(({ name, d }) => [name, d.health.filled, d.health.cleared, d.health.notCleared]),
    },
    {
      title: s.weekly.reports,
      header: [c.date, c.reportsSubmitted, c.reportsApproved, c.reportsReturned],
      rows: all.map(({ name, d }) => [name, d.reports.submitted, d.reports.approved, d.reports.returned]),
    },
  ];
}
