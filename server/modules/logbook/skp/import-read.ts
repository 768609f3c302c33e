import ExcelJS from "exceljs";
import { AppError, type FieldError } from "../../../platform/errors.js";

export const COLUMNS = ["nip", "periode", "kode", "rhk", "indikator", "target", "satuan"] as const;
export type Column = (typeof COLUMNS)[number];
const OPTIONAL: readonly Column[] = ["kode"];

/** Header spellings accepted for each column (compared without case, spaces or punctuation). */
const ALIASES: Record<Column, string[]> = {
  nip: ["nip"],
  periode: ["periode", "period", "tahun"],
  kode: ["kode", "koderhk", "code"],
  rhk: ["rhk", "rencanahasilkerja", "judulrhk"],
  indikator: ["indikator", "indikatorkinerja", "indicator"],
  target: ["target"],
  satuan: ["satuan", "unit"],
};

export const MAX_IMPORT_ROWS = 10_000;
/** A workbook that would unpack to more than this is refused unopened. */
const MAX_UNPACKED = 64 * 1024 * 1024;

export interface SheetRow {
  row: number;
  cells: Record<Column, string>;
}

const notXlsx = (why: string) => new AppError("unsupported_file", `${why} Upload an XLSX workbook.`);
const unprocessable = (detail: string, errors: FieldError[]) => new AppError("unprocessable", detail, { errors });

/** Sum of the unpacked sizes declared in a zip's central directory, read without unpacking anything. */
export function declaredUnpackedSize(buf: Buffer): { names: string[]; bytes: number } | null {
  const end = buf.length - 22;
  let eocd = -1;
  for (let i = end; i >= 0 && i >= end - 0xffff; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  let bytes = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    bytes += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    names.push(buf.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return { names, bytes };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isSafeInteger(value) || !Number.isInteger(value) ? String(value) : value.toExponential();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .trim();
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  return "";
}

const normalize = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

function columnOf(header: string): Column | undefined {
  const h = normalize(header);
  return COLUMNS.find((c) => ALIASES[c].includes(h));
}

/** Reads the first sheet with data: a header row naming the columns, then one row per indicator. */
export async function readTargetSheet(buf: Buffer, maxRows = MAX_IMPORT_ROWS): Promise<SheetRow[]> {
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw notXlsx("The file is not an XLSX workbook.");
  const zip = declaredUnpackedSize(buf);
  if (!zip?.names.includes("xl/workbook.xml")) throw notXlsx("The file is a damaged workbook or another kind of zip archive.");
  if (zip.bytes > MAX_UNPACKED) throw new AppError("payload_too_large", "The workbook unpacks to more than 64 MiB; split it into smaller files");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw notXlsx("The workbook cannot be opened.");
  }
  const sheet = workbook.worksheets.find((w) => w.state === "visible" && w.actualRowCount > 0);
  const lines: { row: number; values: string[] }[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      values[col - 1] = cellText(cell.value);
    });
    if (values.some((v) => v)) lines.push({ row: rowNumber, values });
  });
  if (lines.length === 0) throw unprocessable("The workbook is empty", [{ path: "file", message: "no header row and no data rows" }]);

  const [header, ...data] = lines;
  const positions = new Map<Column, number>();
  const errors: FieldError[] = [];
  header.values.forEach((label, i) => {
    const col = columnOf(label ?? "");
    if (!col) return;
    if (positions.has(col)) errors.push({ path: "columns", message: `column ${col} appears more than once` });
    else positions.set(col, i);
  });
  for (const c of COLUMNS) if (!OPTIONAL.includes(c) && !positions.has(c)) errors.push({ path: "columns", message: `missing column ${c}` });
  if (errors.length) throw unprocessable(`The header row must name the columns ${COLUMNS.join(", ")}`, errors);
  if (data.length === 0) throw unprocessable("The workbook has no data rows", [{ path: "rows", message: "a header but no data rows" }]);
  if (data.length > maxRows) throw unprocessable(`At most ${maxRows} rows can be imported at once`, [{ path: "rows", message: "split the file" }]);

  return data.map((line) => {
    const cells = Object.fromEntries(COLUMNS.map((c) => [c, ""])) as Record<Column, string>;
    for (const [col, i] of positions) cells[col] = (line.values[i] ?? "").trim();
    return { row: line.row, cells };
  });
}
