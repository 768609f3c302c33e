import ExcelJS from "exceljs";

/** A table to download: column labels, then rows of plain values. */
export interface Table {
  sheet: string;
  columns: { label: string; width?: number; text?: boolean }[];
  rows: (string | number | null)[][];
}

export interface Download {
  filename: string;
  contentType: string;
  body: Buffer;
}

/** A cell a spreadsheet would run as a formula is written as text (a leading apostrophe). */
function defused(v: string): string {
  return /^[=@\t\r]/.test(v) || /^[+-][^\d\s]/.test(v) ? `'${v}` : v;
}

function csvCell(v: string | number | null): string {
  if (v === null) return "";
  const s = typeof v === "number" ? String(v) : defused(v);
  return /[",;\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a BOM (so spreadsheet programs read it as UTF-8), comma separated, quoting any cell with a comma, semicolon, quote or line break. */
export function toCsv(t: Table): Buffer {
  const lines = [t.columns.map((c) => csvCell(c.label)).join(","), ...t.rows.map((r) => r.map(csvCell).join(","))];
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

export async function toXlsx(t: Table, created: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = created;
  const sheet = workbook.addWorksheet(t.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = t.columns.map((c, i) => ({ header: c.label, key: `c${i}`, width: c.width ?? 14, style: c.text ? { numFmt: "@" } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const r of t.rows) sheet.addRow(r);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function render(t: Table, format: "csv" | "xlsx", basename: string, created: Date): Promise<Download> {
  if (format === "csv") return { filename: `${basename}.csv`, contentType: "text/csv; charset=utf-8", body: toCsv(t) };
  return {
    filename: `${basename}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await toXlsx(t, created),
  };
}

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
