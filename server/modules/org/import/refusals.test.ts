import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { decodeNip } from "../nip.js";
import { settleImports } from "./service.js";
import { csv, HEADER, multipartBody, nipFor, postOverSocket, row, uploadFile, waitForJob } from "./test-support.js";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2048)]);
const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nnip,nama,kode_unit,jenis_pegawai\n");

describe.each(ENGINES)("employee import refusals and template on %s", (engine) => {
  let t: TestApp;
  let agency: Awaited<ReturnType<TestApp["factory"]["agency"]>>;
  let hr: Client;
  let before: { jobs: number; employees: number };

  const count = async (table: "employees" | "import_jobs") =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const unchanged = async () => expect({ jobs: await count("import_jobs"), employees: await count("employees") }).toEqual(before);

  beforeAll(async () => {
    t = await createTestApp(engine);
    agency = await t.factory.agency();
    await t.factory.unit({ agencyId: agency.id, parent: agency.root, code: "BIRO-UMUM" });
    const admin = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id, roles: [{ role: "hr_admin" }] });
    hr = await Client.signIn(t.app, admin.nip);
  });
  beforeEach(async () => {
    before = { jobs: await count("import_jobs"), employees: await count("employees") };
  });
  afterAll(async () => {
    await settleImports();
    await t.close();
  });

  it("answers 422 with the missing columns and creates no job", async () => {
    const res = await uploadFile(
      hr,
      csv([
        ["NIP", "Nama", "Jenis Pegawai"],
        [nipFor(1), "A", "PNS"],
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: "unprocessable", errors: [{ path: "columns", message: "missing column kode_unit" }] });
    await unchanged();
  });

  it("answers 422 for a file with a header but no data rows, and for an empty file", async () => {
    const headerOnly = await uploadFile(hr, csv([HEADER, [], ["", "", ""]]));
    expect(headerOnly.statusCode).toBe(422);
    expect(headerOnly.json().detail).toBe("The file has no data rows");
    const empty = await uploadFile(hr, Buffer.alloc(0));
    expect(empty.statusCode).toBe(422);
    await unchanged();
  });

  it("answers 422 above the row limit", async () => {
    const lines = [HEADER.join(",")];
    for (let i = 0; i < 50_001; i++) lines.push(`${nipFor(i)},P,,,BIRO-UMUM,,PNS,,`);
    const res = await uploadFile(hr, Buffer.from(lines.join("\n")));
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toBe("The file has more than 50000 data rows");
    await unchanged();
  });

  it("answers 415 for images, PDFs, random bytes, other zip files and broken workbooks", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Data");
    sheet.addRow(HEADER);
    for (let i = 0; i < 100; i++) sheet.addRow(row({ nip: nipFor(i) }));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    // Garbled inside while the zip directory stays intact: passes the zip check, fails to open.
    const garbled = Buffer.from(xlsx);
    for (let i = 600; i < 664; i++) garbled[i] = (garbled[i] + 77) & 0xff;
    const notAWorkbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(600)]);
    const cases: [string, Buffer, RegExp][] = [
      ["foto.png", PNG, /PNG image/],
      ["dokumen.pdf", PDF, /PDF document/],
      ["acak.csv", randomBytes(4096), /neither CSV text nor an XLSX/],
      ["terpotong.xlsx", xlsx.subarray(0, Math.floor(xlsx.length / 2)), /damaged or incomplete/],
      ["rusak.xlsx", garbled, /XLSX workbook but it cannot be opened/],
      ["bukan.xlsx", notAWorkbook, /damaged or incomplete/],
      ["lama.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /Excel 97-2003/],
    ];
    for (const [filename, content, detail] of cases) {
      const res = await uploadFile(hr, content, { filename, contentType: "text/csv" });
      expect(res.statusCode, filename).toBe(415);
      expect(res.json().code, filename).toBe("unsupported_file");
      expect(res.json().detail, filename).toMatch(detail);
    }
    await unchanged();
  });

  it("answers 413 to a 50 MB upload over a real connection, cleanly and without writing anything", async () => {
    const line = Buffer.from(`${row({ nip: nipFor(9) }).join(",")}\n`);
    const content = Buffer.concat([Buffer.from(`${HEADER.join(",")}\n`), Buffer.alloc(50 * 1024 * 1024, line)]);
    const { body, contentType } = multipartBody([
      { name: "mode", value: "valid_rows" },
      { name: "dryRun", value: "false" },
      { name: "file", filename: "besar.csv", content },
    ]);
    const headers = { "content-type": contentType, cookie: hr.cookie, "x-csrf-token": hr.csrf };
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await postOverSocket(t.app, "/api/v1/imports/employees", body, headers);
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ code: "payload_too_large", status: 413 });
    }
    const justOver = await uploadFile(hr, Buffer.alloc(20 * 1024 * 1024 + 1, "a"));
    expect(justOver.statusCode).toBe(413);
    await unchanged();
    // The server keeps working afterwards.
    expect((await hr.get("/api/v1/imports")).statusCode).toBe(200);
  });

  it("answers 400 for a bad mode or dryRun, a missing file, or a body that is not multipart", async () => {
    const file = csv([HEADER, row({ nip: nipFor(2) })]);
    const badMode = await uploadFile(hr, file, { mode: "semua" });
    expect(badMode.statusCode).toBe(400);
    expect(badMode.json()).toMatchObject({ code: "validation_failed", errors: [{ path: "mode" }] });
    const noMode = await uploadFile(hr, file, { mode: null });
    expect(noMode.json().errors[0].path).toBe("mode");
    const badDryRun = await uploadFile(hr, file, { dryRun: "ya" });
    expect(badDryRun.statusCode).toBe(400);
    expect(badDryRun.json().errors[0]).toMatchObject({ path: "dryRun", message: "dryRun must be true or false" });

    const { body, contentType } = multipartBody([
      { name: "mode", value: "valid_rows" },
      { name: "dryRun", value: "false" },
    ]);
    const noFile = await hr.request("POST", "/api/v1/imports/employees", body, { "content-type": contentType });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().errors).toEqual([{ path: "file", message: 'a file part named "file" is required' }]);
    const json = await hr.post("/api/v1/imports/employees", { mode: "valid_rows" });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe("validation_failed");
    await unchanged();
  });

  it("accepts the fields after the file part and defaults dryRun to false", async () => {
    const { body, contentType } = multipartBody([
      { name: "file", filename: "akhir.csv", content: csv([HEADER, row({ nip: nipFor(3) })]) },
      { name: "mode", value: "all_or_nothing" },
    ]);
    const res = await hr.request("POST", "/api/v1/imports/employees", body, { "content-type": contentType });
    expect(res.statusCode).toBe(202);
    const { job } = await waitForJob(hr, res.json().id);
    expect(job).toMatchObject({ status: "done", mode: "all_or_nothing", dryRun: false, createdCount: 1 });
  });

  it("serves the template as CSV with a valid example NIP and the agency's unit code", async () => {
    const res = await hr.get("/api/v1/imports/employees/template?format=csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="template-impor-pegawai.csv"');
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, example, rest] = res.body.replace(/^\uFEFF/, "").split("\r\n");
    expect(header.split(",")).toEqual(HEADER);
    const cells = example.split(",");
    expect(decodeNip(cells[0]).ok).toBe(true);
    expect(cells[4]).toBe(agency.code);
    expect(rest).toBe("");
    expect((await hr.get("/api/v1/imports/employees/template")).headers["content-type"]).toMatch(/^text\/csv/);
    expect((await hr.get("/api/v1/imports/employees/template?format=pdf")).statusCode).toBe(400);
  });

  it("serves the template as XLSX, and the untouched template imports as one valid row", async () => {
    const res = await hr.get("/api/v1/imports/employees/template?format=xlsx");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="template-impor-pegawai.xlsx"');
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(decodeNip(String(sheet.getCell("A2").value)).ok).toBe(true);

    const upload = await uploadFile(hr, res.rawPayload, { filename: "template-impor-pegawai.xlsx", dryRun: "true" });
    expect(upload.statusCode).toBe(202);
    const { job } = await waitForJob(hr, upload.json().id);
    expect(job).toMatchObject({ status: "done", dryRun: true, totalRows: 1, createdCount: 1, errorCount: 0 });
  });
});
