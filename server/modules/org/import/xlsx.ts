import ExcelJS from "exceljs";
import { AppError } from "../../../platform/errors.js";
import type { RawRow } from "./parse.js";

/** A workbook that unpacks to more than this is refused before it is opened (a "zip bomb"). */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

const notAWorkbook = (why: string) => new AppError("unsupported_file", `${why} Upload a CSV (UTF-8) or XLSX file.`);

/**
 * Reads the zip central directory (without unpacking anything) to check that
 * the archive is a workbook and that its declared unpacked size is sane.
 */
export function inspectZip(buf: Buffer): { entries: string[]; unpackedBytes: number } {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw notAWorkbook("The file looks like a zip archive but it is damaged or incomplete.");
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const entries: string[] = [];
  let unpackedBytes = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL_SIGNATURE) {
      throw notAWorkbook("The file looks like a zip archive but it is damaged or incomplete.");
    }
    const size = buf.readUInt32LE(offset + 24);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    // 0xffffffff marks a ZIP64 entry (over 4 GiB): far beyond any sane workbook.
    unpackedBytes += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    entries.push(buf.toString("utf8", offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, unpackedBytes };
}

type Cell = ExcelJS.CellValue;

/** The text of a cell as the person typed it. Integers too large to be exact keep their exponent, so the loss shows. */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) && !Number.isSafeInteger(value) ? value.toExponential() : String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellText(value.text as Cell);
  if ("formula" in value || "sharedFormula" in value) return cellText((value.result ?? null) as Cell);
  if ("error" in value) return String(value.error);
  return "";
}

/** The first visible worksheet that has rows, as raw rows with their real row numbers. */
export async function readXlsxRows(buf: Buffer): Promise<RawRow[]> {
  const { entries, unpackedBytes } = inspectZip(buf);
  if (!entries.includes("xl/workbook.xml")) throw notAWorkbook("The file is a zip archive but not an XLSX workbook.");
  if (unpackedBytes > MAX_UNPACKED_BYTES) {
    throw new AppError("payload_too_large", "The workbook unpacks to more than 256 MB. Split it into smaller files.");
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw notAWorkbook("The file looks like an XLSX workbook but it cannot be opened.");
  }
  const sheet = workbook.worksheets.find((w) => w.state === "visible" && w.actualRowCount > 0) ?? workbook.worksheets[0];
  const rows: RawRow[] = [];
  if (!sheet) return rows;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      values[col - 1] = cellText(cell.value);
    });
    rows.push({ row: rowNumber, values: Array.from(values, (v) => v ?? "") });
  });
  return rows;
}
