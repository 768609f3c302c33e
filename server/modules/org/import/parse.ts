import { parse as parseCsv } from "csv-parse/sync";
import { AppError, type FieldError } from "../../../platform/errors.js";
import { COLUMNS, type ColumnKey, type ColumnLabels, columnOf, defaultLabels, emptyCells, type RowCells } from "./columns.js";
import { readXlsxRows } from "./xlsx.js";

/** Larger files must be split: keeps one import's memory and report bounded. */
export const MAX_ROWS = 50_000;

/** One line of a sheet as read from the file, with its spreadsheet row number (header = 1). */
export interface RawRow {
  row: number;
  values: string[];
}

export interface ParsedRow {
  row: number;
  cells: RowCells;
}

export interface ParsedFile {
  format: "csv" | "xlsx";
  /** Column labels as written in the file's header (canonical names for absent columns). */
  labels: ColumnLabels;
  present: ColumnKey[];
  rows: ParsedRow[];
}

const unsupported = (what: string) => new AppError("unsupported_file", `${what} Upload a CSV (UTF-8) or XLSX file.`);
const unprocessable = (detail: string, errors: FieldError[]) => new AppError("unprocessable", detail, { errors });

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "The file is a PNG image." },
  { bytes: [0xff, 0xd8, 0xff], what: "The file is a JPEG image." },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "The file is a GIF image." },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: "The file is a PDF document." },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: "The file is an old Excel 97-2003 (.xls) workbook; save it as .xlsx first." },
];

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

/** What the upload is, judged by its content: the name and the declared type are not trusted. */
export function detectFormat(buf: Buffer): "csv" | "xlsx" {
  if (startsWith(buf, ZIP_MAGIC)) return "xlsx";
  for (const s of SIGNATURES) if (startsWith(buf, s.bytes)) throw unsupported(s.what);
  return "csv";
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9f (Node's TextDecoder treats the two alike).
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(buf: Buffer): string {
  return buf.toString("latin1").replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** UTF-8 (with or without BOM) first; UTF-16 with a BOM; else Windows-1252, as older Excel versions save CSV. */
export function decodeText(buf: Buffer): string {
  let text: string;
  if (startsWith(buf, [0xff, 0xfe])) text = new TextDecoder("utf-16le").decode(buf.subarray(2));
  else if (startsWith(buf, [0xfe, 0xff])) text = new TextDecoder("utf-16be").decode(buf.subarray(2));
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(buf);
    } catch {
      text = decodeWindows1252(buf);
    }
  }
  if (!looksLikeText(text)) throw unsupported("The file is neither CSV text nor an XLSX workbook.");
  return text;
}

function looksLikeText(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return false;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) control++;
  }
  return control <= text.length / 200;
}

/** The separator used by the header line: comma, semicolon (Excel with Indonesian locale) or tab. */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const first = end === -1 ? text : text.slice(0, end);
  let best = ",";
  let bestCount = 0;
  for (const d of [",", ";", "\t"]) {
    const n = first.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

export function readCsvRows(buf: Buffer): RawRow[] {
  const text = decodeText(buf);
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw unprocessable("The CSV file cannot be read", [{ path: "file", message: reason }]);
  }
  return records.map((values, i) => ({ row: i + 1, values }));
}

/** `="0812..."` is how spreadsheets are told to keep a value as text; take the text. */
function cellValue(raw: string | undefined): string {
  const v = (raw ?? "").trim();
  const forced = /^="(.*)"$/s.exec(v);
  return forced ? forced[1].trim() : v;
}

/** Maps the header to columns and the following lines to cells; refuses files that cannot be imported at all. */
export function toTable(raw: RawRow[], format: "csv" | "xlsx", maxRows = MAX_ROWS): ParsedFile {
  const headerIndex = raw.findIndex((r) => r.values.some((v) => cellValue(v) !== ""));
  if (headerIndex === -1) throw unprocessable("The file is empty", [{ path: "file", message: "the file has no header row and no data rows" }]);
  const header = raw[headerIndex].values;
  const labels = defaultLabels();
  const positions = new Map<ColumnKey, number>();
  const errors: FieldError[] = [];
  header.forEach((cell, i) => {
    const key = columnOf(cell ?? "");
    if (!key) return;
    if (positions.has(key)) errors.push({ path: "columns", message: `column ${key} appears more than once` });
    else {
      positions.set(key, i);
      labels[key] = (cell ?? "").trim();
    }
  });
  for (const c of COLUMNS) if (c.required && !positions.has(c.key)) errors.push({ path: "columns", message: `missing column ${c.key}` });
  if (errors.length) throw unprocessable("The header row is missing required columns or repeats a column", errors);

  const rows: ParsedRow[] = [];
  for (const r of raw.slice(headerIndex + 1)) {
    const cells = emptyCells();
    let blank = true;
    for (const [key, i] of positions) {
      cells[key] = cellValue(r.values[i]);
      if (cells[key] !== "") blank = false;
    }
    if (blank) continue;
    rows.push({ row: r.row, cells });
    if (rows.length > maxRows) {
      throw unprocessable(`The file has more than ${maxRows} data rows`, [
        { path: "rows", message: `at most ${maxRows} rows can be imported at once; split the file` },
      ]);
    }
  }
  if (rows.length === 0) throw unprocessable("The file has no data rows", [{ path: "rows", message: "the file has a header but no data rows" }]);
  return { format, labels, present: [...positions.keys()], rows };
}

/** Reads an uploaded CSV or XLSX file into rows of cells by column. Throws 415 or 422 problems. */
export async function parseEmployeeFile(buf: Buffer, maxRows = MAX_ROWS): Promise<ParsedFile> {
  const format = detectFormat(buf);
  const raw = format === "xlsx" ? await readXlsxRows(buf) : readCsvRows(buf);
  return toTable(raw, format, maxRows);
}
