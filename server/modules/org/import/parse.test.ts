import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.js";
import { decodeText, detectDelimiter, detectFormat, parseEmployeeFile, readCsvRows, toTable } from "./parse.js";
import { cellText, inspectZip } from "./xlsx.js";

const problem = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an AppError");
};

describe("reading import files", () => {
  it("picks the separator the header line uses", () => {
    expect(detectDelimiter("nip;nama;kode_unit\n1,5;x;y")).toBe(";");
    expect(detectDelimiter("nip,nama,kode_unit;x")).toBe(",");
    expect(detectDelimiter("nip\tnama\tkode_unit")).toBe("\t");
    expect(detectDelimiter("nip")).toBe(",");
  });

  it("decodes UTF-8 with a BOM, UTF-16 with a BOM, and falls back to Windows-1252", () => {
    expect(decodeText(Buffer.from("\uFEFFnip,nama", "utf8"))).toBe("nip,nama");
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("nip;nama", "utf16le")]))).toBe("nip;nama");
    // 0x92 is a right single quote in Windows-1252 and invalid on its own in UTF-8.
    expect(decodeText(Buffer.from([0x4e, 0x75, 0x72, 0x92, 0x61, 0x69, 0x6e, 0x69]))).toBe("Nur\u2019aini");
  });

  it("refuses binary content by its bytes, whatever the file is called", () => {
    expect(problem(() => decodeText(Buffer.from([0x6e, 0x69, 0x70, 0x00, 0x01, 0x02]))).code).toBe("unsupported_file");
    expect(problem(() => detectFormat(Buffer.from("%PDF-1.4 nip,nama"))).message).toMatch(/PDF document/);
    expect(problem(() => detectFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).message).toMatch(/JPEG/);
    expect(detectFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe("xlsx");
    expect(detectFormat(Buffer.from("nip,nama"))).toBe("csv");
  });

  it("maps Indonesian and English headers in any case and spacing, and numbers rows as a spreadsheet does", () => {
    const raw = readCsvRows(Buffer.from(' NIP ,NAME,Kode Unit,employment-type,Email,Catatan\n\n"1990 0517",Siti,BIRO,PNS,="s@x.id",x\n,,,,,\n2,Budi,,PPPK,,'));
    const t = toTable(raw, "csv");
    expect(t.labels).toMatchObject({ nip: "NIP", nama: "NAME", kode_unit: "Kode Unit", jenis_pegawai: "employment-type", email: "Email", status: "status" });
    expect(t.present).not.toContain("status");
    expect(t.rows.map((r) => r.row)).toEqual([3, 5]);
    expect(t.rows[0].cells).toMatchObject({ nip: "1990 0517", nama: "Siti", kode_unit: "BIRO", jenis_pegawai: "PNS", email: "s@x.id", status: "" });
  });

  it("refuses a header that repeats a column or lacks required ones, listing each", () => {
    const err = problem(() => toTable([{ row: 1, values: ["nip", "NIP", "name"] }], "csv"));
    expect(err.code).toBe("unprocessable");
    expect(err.errors).toEqual([
      { path: "columns", message: "column nip appears more than once" },
      { path: "columns", message: "missing column kode_unit" },
      { path: "columns", message: "missing column jenis_pegawai" },
    ]);
  });

  it("refuses more rows than the limit", () => {
    const raw = [{ row: 1, values: ["nip", "nama", "kode_unit", "jenis_pegawai"] }, ...[2, 3, 4].map((row) => ({ row, values: ["1", "a", "b", "PNS"] }))];
    expect(toTable(raw, "csv", 3).rows).toHaveLength(3);
    expect(problem(() => toTable(raw, "csv", 2)).message).toBe("The file has more than 2 data rows");
  });

  it("reports an unreadable CSV as 422 with the parser's reason", async () => {
    await expect(parseEmployeeFile(Buffer.from('nip,nama,kode_unit,jenis_pegawai\n"1,a,b,PNS\n'))).rejects.toMatchObject({
      code: "unprocessable",
      errors: [{ path: "file" }],
    });
  });

  it("reads spreadsheet cells as the text a person typed", () => {
    expect(cellText(Number("198503122010011001"))).toMatch(/e\+17$/);
    expect(cellText(123456)).toBe("123456");
    expect(cellText({ richText: [{ text: "Siti " }, { text: "Aminah" }] })).toBe("Siti Aminah");
    expect(cellText({ text: "a@b.id", hyperlink: "mailto:a@b.id" })).toBe("a@b.id");
    expect(cellText({ formula: "A1", result: "PNS" })).toBe("PNS");
    expect(cellText(new Date("2024-03-05T00:00:00Z"))).toBe("2024-03-05");
    expect(cellText(null)).toBe("");
  });

  it("does not take a damaged zip for a workbook", () => {
    expect(problem(() => inspectZip(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).code).toBe("unsupported_file");
  });
});
