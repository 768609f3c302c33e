import ExcelJS from "exceljs";
import { composeNip } from "../nip.js";
import { COLUMNS, type ColumnKey, type RowCells } from "./columns.js";

export interface Download {
  body: Buffer;
  contentType: string;
  filename: string;
}

/** The example row of the template: a valid NIP (born 17 May 1990, appointed March 2015, female, serial 001). */
export function exampleRow(unitCode: string): RowCells {
  return {
    nip: composeNip({ y: 1990, m: 5, d: 17 }, { y: 2015, m: 3 }, "F", 1),
    nama: "Siti Rahmawati",
    email: "siti.rahmawati@example.go.id",
    telepon: "+62 812 3456 7890",
    kode_unit: unitCode,
    jabatan: "Analis Kepegawaian",
    jenis_pegawai: "PNS",
    status: "aktif",
    nip_atasan: "",
  };
}

const NOTES: Record<ColumnKey, string> = {
  nip: "Wajib. 18 digit; format kolom sebagai Teks agar digit terakhir tidak hilang.",
  nama: "Wajib. Nama lengkap.",
  email: "Opsional. Harus unik.",
  telepon: "Opsional. Contoh: +62 812 3456 7890.",
  kode_unit: "Wajib. Kode unit kerja yang sudah ada di instansi.",
  jabatan: "Opsional. Nama jabatan di unit itu; dibuat sebagai jabatan pelaksana bila belum ada.",
  jenis_pegawai: "Wajib. PNS atau PPPK.",
  status: "Opsional. aktif (bawaan) atau nonaktif.",
  nip_atasan: "Opsional. NIP atasan langsung: pegawai instansi ini atau baris lain di berkas ini.",
};

function csvCell(v: string): string {
  return /[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function csvTemplate(example: RowCells): Buffer {
  const header = COLUMNS.map((c) => c.key).join(",");
  const row = COLUMNS.map((c) => csvCell(example[c.key])).join(",");
  // The BOM makes spreadsheet programs open the file as UTF-8.
  return Buffer.from(`\uFEFF${header}\r\n${row}\r\n`, "utf8");
}

async function xlsxTemplate(example: RowCells): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Pegawai", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({
    header: c.key,
    key: c.key,
    width: c.key === "nama" || c.key === "email" || c.key === "jabatan" ? 30 : 22,
    // Text format: NIPs and phone numbers must not become numbers.
    style: c.key === "nip" || c.key === "nip_atasan" || c.key === "telepon" ? { numFmt: "@" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(example);
  for (let r = 2; r <= 1000; r++) {
    sheet.getCell(r, COLUMNS.findIndex((c) => c.key === "jenis_pegawai") + 1).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ['"PNS,PPPK"'],
    };
    sheet.getCell(r, COLUMNS.findIndex((c) => c.key === "status") + 1).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ['"aktif,nonaktif"'],
    };
  }
  const notes = workbook.addWorksheet("Petunjuk");
  notes.columns = [
    { header: "kolom", key: "column", width: 18 },
    { header: "keterangan", key: "note", width: 90 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of COLUMNS) notes.addRow({ column: c.key, note: NOTES[c.key] });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function buildTemplate(format: "csv" | "xlsx", unitCode: string): Promise<Download> {
  const example = exampleRow(unitCode);
  if (format === "csv") return { body: csvTemplate(example), contentType: "text/csv; charset=utf-8", filename: "template-impor-pegawai.csv" };
  return {
    body: await xlsxTemplate(example),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename: "template-impor-pegawai.xlsx",
  };
}
