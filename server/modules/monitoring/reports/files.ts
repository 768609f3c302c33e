import ExcelJS from "exceljs";

export interface Download {
  body: Buffer;
  contentType: string;
  filename: string;
}

export type Cell = string | number | null;
export interface Sheet {
  name: string;
  rows: Cell[][];
}

export const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;

function csvCell(v: Cell): string {
  if (v === null) return "";
  const s = String(v);
  // A leading =, +, - or @ would run as a formula in spreadsheet programs.
  const safe = /^[=+\-@]/.test(s) && typeof v === "string" ? `'${s}` : s;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Sheets one after another, separated by an empty line; UTF-8 with a BOM so spreadsheet programs read it right. */
export function csvOf(sheets: Sheet[]): Buffer {
  const blocks = sheets.map((s) => s.rows.map((r) => r.map(csvCell).join(",")).join("\r\n"));
  return Buffer.from(`\uFEFF${blocks.join("\r\n\r\n")}\r\n`, "utf8");
}

export async function xlsxOf(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Abdi";
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    for (const r of s.rows) sheet.addRow(r);
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((c) => {
      c.width = 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function sheetsFile(format: "csv" | "xlsx", sheets: Sheet[], basename: string): Promise<Download> {
  const body = format === "csv" ? csvOf(sheets) : await xlsxOf(sheets);
  return { body, contentType: CONTENT_TYPES[format], filename: `${basename}.${format}` };
}

/** A share 0..1 as a percentage with one decimal, or empty. */
export function pct(v: number | null): Cell {
  return v === null ? null : Math.round(v * 1000) / 10;
}

export function attachmentHeader(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`;
}
