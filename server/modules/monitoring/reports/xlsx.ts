import { xlsxOf } from "./files.js";
import type { WeeklyReport } from "./service.js";
import type { Lang } from "./strings.js";
import { weeklyTables } from "./table.js";

/** The weekly report as a workbook: one sheet per table. */
export function weeklyXlsx(r: WeeklyReport, lang: Lang): Promise<Buffer> {
  return xlsxOf(weeklyTables(r, lang).map((t) => ({ name: t.title, rows: [t.header, ...t.rows] })));
}
