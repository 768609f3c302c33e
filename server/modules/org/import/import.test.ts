import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { NO_PASSWORD } from "../employees.js";
import { settleImports } from "./service.js";
import { csv, HEADER, nipFor, row, uploadFile, waitForJob } from "./test-support.js";

describe.each(ENGINES)("employee import on %s", (engine) => {
  let t: TestApp;
  let agency: Awaited<ReturnType<TestApp["factory"]["agency"]>>;
  let bureau: Awaited<ReturnType<TestApp["factory"]["unit"]>>;
  let hr: Client;

  const db = () => t.database.db;
  const count = async (table: "employees" | "users" | "positions" | "import_jobs") =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const employeeByNip = (nip: string) => db().selectFrom("employees").selectAll().where("nip", "=", nip).executeTakeFirst();

  async function importAs(c: Client, file: Buffer, opts: Parameters<typeof uploadFile>[2] = {}) {
    const res = await uploadFile(c, file, opts);
    expect(res.statusCode, res.body).toBe(202);
    return (await waitForJob(c, res.json().id)).job;
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    agency = await t.factory.agency();
    bureau = await t.factory.unit({ agencyId: agency.id, parent: agency.root, code: "BIRO-UMUM", name: "Biro Umum" });
    const admin = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id, roles: [{ role: "hr_admin" }] });
    hr = await Client.signIn(t.app, admin.nip);
  });
  afterAll(async () => {
    await settleImports();
    await t.close();
  });

  it("imports a comma-separated CSV: employees, accounts, a new position and a supervisor from a later row", async () => {
    const [a, b] = [nipFor(101), nipFor(102, "F")];
    const file = csv([
      HEADER,
      row({ nip: a, nama: "Budi Santoso", email: "Budi.S@example.go.id", telepon: "0812-3456-7890", jabatan: "Pengolah Data", nip_atasan: b }),
      row({ nip: b, nama: "Sri Wahyuni", jabatan: "pengolah  DATA" }),
    ]);
    const res = await uploadFile(hr, file, { filename: "C:\\Users\\hr\\pegawai baru.csv" });
    expect(res.statusCode).toBe(202);
    const accepted = res.json();
    expect(accepted).toMatchObject({ kind: "employees", filename: "pegawai baru.csv", mode: "valid_rows", dryRun: false, totalRows: 2, errors: [] });
    expect(res.headers.location).toBe(`/api/v1/imports/${accepted.id}`);

    const { job } = await waitForJob(hr, accepted.id);
    expect(job).toMatchObject({ status: "done", totalRows: 2, processedRows: 2, createdCount: 2, updatedCount: 0, errorCount: 0, errors: [] });
    expect(job.finishedAt).not.toBeNull();
    expect(job.message).toMatch(/2 employees created/);

    const ea = await employeeByNip(a);
    const eb = await employeeByNip(b);
    expect(ea).toMatchObject({ name: "Budi Santoso", email: "budi.s@example.go.id", phone: "0812-3456-7890", unit_id: bureau.id, status: "active" });
    expect(ea?.supervisor_id).toBe(eb?.id);
    expect(eb).toMatchObject({ gender: "F", supervisor_id: null, employment_type: "PNS" });
    expect(ea?.position_id).toBeTruthy();
    expect(eb?.position_id).toBe(ea?.position_id);
    const pos = await db()
      .selectFrom("positions")
      .selectAll()
      .where("id", "=", ea?.position_id ?? "")
      .executeTakeFirstOrThrow();
    expect(pos).toMatchObject({ name: "Pengolah Data", kind: "executor", is_head: 0, unit_id: bureau.id, agency_id: agency.id });

    const accounts = await db()
      .selectFrom("users")
      .select(["employee_id", "password_hash", "must_change_password", "display_name"])
      .where("employee_id", "in", [ea?.id ?? "", eb?.id ?? ""])
      .execute();
    expect(accounts).toHaveLength(2);
    for (const u of accounts) expect(u).toMatchObject({ password_hash: NO_PASSWORD, must_change_password: 1 });

    const actions = await db().selectFrom("audit_events").select("action").where("subject_id", "=", job.id).orderBy("created_at").execute();
    expect(actions.map((x) => x.action)).toEqual(["import.started", "employee.imported", "import.completed"]);
  });

  it("reads a semicolon-separated CSV with a BOM, English headers in any case and extra columns", async () => {
    const n = nipFor(111, "F");
    const text = `\uFEFF${["NIP ; Name;Unit Code;EMPLOYMENT_TYPE;Status;Catatan", `${n};Dewi Lestari;biro-umum;pppk;inactive;diabaikan`].join("\r\n")}\r\n`;
    const job = await importAs(hr, Buffer.from(text, "utf8"));
    expect(job).toMatchObject({ status: "done", createdCount: 1, errorCount: 0 });
    expect(await employeeByNip(n)).toMatchObject({ name: "Dewi Lestari", unit_id: bureau.id, employment_type: "PPPK", status: "inactive", email: null });
  });

  it("imports an XLSX workbook, detected by content, and reports a NIP that Excel stored as a number", async () => {
    const [a, b] = [nipFor(121), nipFor(122)];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Data");
    sheet.addRow(["NIP", "Nama", "Email", "Kode_Unit", "Jenis_Pegawai", "Jabatan"]);
    sheet.addRow([a, "Agus Salim", { text: "agus.salim@example.go.id", hyperlink: "mailto:agus.salim@example.go.id" }, "BIRO-UMUM", "PNS", "Arsiparis"]);
    sheet.addRow([]);
    sheet.addRow([b, { richText: [{ text: "Rina " }, { font: { bold: true }, text: "Marlina" }] }, null, "BIRO-UMUM", "PPPK", null]);
    sheet.addRow([Number(nipFor(123)), "Angka Hilang", null, "BIRO-UMUM", "PNS", null]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());

    const job = await importAs(hr, content, { filename: "pegawai.dat", contentType: "application/octet-stream" });
    expect(job).toMatchObject({ status: "done", totalRows: 3, createdCount: 2, errorCount: 1 });
    expect(job.errors).toEqual([{ row: 5, column: "NIP", message: expect.stringMatching(/lost its last digits/) }]);
    expect(await employeeByNip(a)).toMatchObject({ name: "Agus Salim", email: "agus.salim@example.go.id" });
    expect(await employeeByNip(b)).toMatchObject({ name: "Rina Marlina", employment_type: "PPPK", position_id: null });
  });

  it("updates an existing employee found by NIP, keeps what blank cells leave out, and ends sessions of deactivated people", async () => {
    const existing = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id, name: "Nama Lama", email: "lama@example.go.id" });
    const session = await Client.signIn(t.app, existing.nip);
    const before = await count("employees");
    const file = csv([HEADER, row({ nip: existing.nip, nama: "Nama Baru", jabatan: "Kepala Subbagian Umum", jenis_pegawai: "PPPK" })]);

    const job = await importAs(hr, file);
    expect(job).toMatchObject({ status: "done", createdCount: 0, updatedCount: 1, errorCount: 0 });
    expect(await count("employees")).toBe(before);
    expect(await employeeByNip(existing.nip)).toMatchObject({
      name: "Nama Baru",
      unit_id: bureau.id,
      employment_type: "PPPK",
      email: "lama@example.go.id",
      status: "active",
    });
    const user = await db().selectFrom("users").select("display_name").where("employee_id", "=", existing.id).executeTakeFirstOrThrow();
    expect(user.display_name).toBe("Nama Baru");
    expect((await session.get("/api/v1/auth/me")).statusCode).toBe(200);

    const again = await importAs(hr, file);
    expect(again).toMatchObject({ status: "done", createdCount: 0, updatedCount: 0 });
    expect(again.message).toMatch(/1 unchanged/);

    const off = await importAs(hr, csv([HEADER, row({ nip: existing.nip, nama: "Nama Baru", jenis_pegawai: "PPPK", status: "nonaktif" })]));
    expect(off).toMatchObject({ updatedCount: 1 });
    expect(await employeeByNip(existing.nip)).toMatchObject({ status: "inactive", unit_id: bureau.id });
    expect((await session.get("/api/v1/auth/me")).statusCode).toBe(401);
  });

  function fileWithBadRows(base: number) {
    return csv([
      HEADER,
      row({ nip: nipFor(base + 1), jabatan: `Jabatan Baru ${base}` }),
      row({ nip: nipFor(base + 2), jenis_pegawai: "Honorer" }),
      row({ nip: nipFor(base + 3), status: "aktif" }),
      row({ nip: nipFor(base + 4), email: "bukan-email", kode_unit: "TIDAK-ADA" }),
      row({ nip: "12345", nama: "" }),
    ]);
  }

  it("valid_rows: imports the valid rows and reports every invalid one with row, column and message", async () => {
    const job = await importAs(hr, fileWithBadRows(200));
    expect(job).toMatchObject({ status: "done", totalRows: 5, processedRows: 5, createdCount: 2, errorCount: 5 });
    expect(job.errors).toEqual([
      { row: 3, column: "jenis_pegawai", message: "Employment type must be PNS or PPPK" },
      { row: 5, column: "email", message: "Not a valid email address" },
      { row: 5, column: "kode_unit", message: 'Unit code "TIDAK-ADA" does not exist in this agency' },
      { row: 6, column: "nip", message: "NIP must be exactly 18 digits" },
      { row: 6, column: "nama", message: "Name is required" },
    ]);
    expect(job.message).toMatch(/3 invalid rows skipped/);
    expect(await employeeByNip(nipFor(201))).toBeDefined();
    expect(await employeeByNip(nipFor(203))).toBeDefined();
    expect(await employeeByNip(nipFor(202))).toBeUndefined();
    expect(await employeeByNip(nipFor(204))).toBeUndefined();
  });

  it("all_or_nothing: the same kind of file is rejected and nothing at all is written", async () => {
    const before = { employees: await count("employees"), users: await count("users"), positions: await count("positions") };
    const job = await importAs(hr, fileWithBadRows(300), { mode: "all_or_nothing" });
    expect(job).toMatchObject({ status: "rejected", mode: "all_or_nothing", createdCount: 0, updatedCount: 0, errorCount: 5, processedRows: 5 });
    expect(job.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "jenis_pegawai"],
      [5, "email"],
      [5, "kode_unit"],
      [6, "nip"],
      [6, "nama"],
    ]);
    expect(job.message).toMatch(/nothing was imported/);
    expect({ employees: await count("employees"), users: await count("users"), positions: await count("positions") }).toEqual(before);
    expect(await employeeByNip(nipFor(301))).toBeUndefined();
  });

  it("a dry run validates and counts but writes nothing", async () => {
    const existing = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id, name: "Tetap Sama" });
    const before = { employees: await count("employees"), users: await count("users"), positions: await count("positions") };
    const file = csv([HEADER, row({ nip: nipFor(401), jabatan: "Jabatan Uji Coba" }), row({ nip: existing.nip, nama: "Berubah" }), row({ nip: "x" })]);
    const job = await importAs(hr, file, { dryRun: "true" });
    expect(job).toMatchObject({ status: "done", dryRun: true, createdCount: 1, updatedCount: 1, errorCount: 1, processedRows: 3 });
    expect(job.message).toMatch(/^Dry run: 1 employee would be created, 1 would be updated, 1 new position would be added, 1 invalid row would be skipped/);
    expect({ employees: await count("employees"), users: await count("users"), positions: await count("positions") }).toEqual(before);
    expect(await employeeByNip(existing.nip)).toMatchObject({ name: "Tetap Sama", unit_id: agency.root.id });
  });

  it("reports another agency's NIP, duplicates in the file, taken emails and unresolvable supervisors", async () => {
    const other = await t.factory.agency();
    const foreign = await t.factory.employee({ agencyId: other.id, unitId: other.root.id, name: "Orang Lain" });
    const colleague = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id, email: "dipakai@example.go.id" });
    const n = (i: number) => nipFor(500 + i);
    const file = csv([
      HEADER,
      row({ nip: foreign.nip, nama: "Diambil Alih" }), // 2
      row({ nip: n(1) }), // 3
      row({ nip: n(1) }), // 4
      row({ nip: n(2), email: "DIPAKAI@example.go.id" }), // 5
      row({ nip: n(3), nip_atasan: n(99) }), // 6
      row({ nip: n(4), nip_atasan: foreign.nip }), // 7
      row({ nip: n(5), nip_atasan: n(6) }), // 8
      row({ nip: n(6), jenis_pegawai: "" }), // 9
      row({ nip: n(7), nip_atasan: colleague.nip }), // 10
      row({ nip: n(8), nip_atasan: n(8) }), // 11
    ]);
    const job = await importAs(hr, file);
    expect(job.errors).toEqual([
      { row: 2, column: "nip", message: "This NIP belongs to an employee of another agency" },
      { row: 4, column: "nip", message: "This NIP already appears on row 3" },
      { row: 5, column: "email", message: "Another employee already uses this email" },
      { row: 6, column: "nip_atasan", message: "No employee with this supervisor NIP in this agency or in this file" },
      { row: 7, column: "nip_atasan", message: "The supervisor's row 2 is invalid" },
      { row: 8, column: "nip_atasan", message: "The supervisor's row 9 is invalid" },
      { row: 9, column: "jenis_pegawai", message: "Employment type is required: PNS or PPPK" },
      { row: 11, column: "nip_atasan", message: "An employee cannot be their own supervisor" },
    ]);
    expect(job).toMatchObject({ status: "done", createdCount: 2, errorCount: 8 });
    expect(await employeeByNip(n(1))).toBeDefined();
    expect((await employeeByNip(n(7)))?.supervisor_id).toBe(colleague.id);
    expect(await employeeByNip(foreign.nip)).toMatchObject({ name: "Orang Lain", agency_id: other.id });
  });

  it("checks each row against a unit-scoped HR admin's scope and shows them only their own jobs", async () => {
    const scoped = await t.factory.employee({ agencyId: agency.id, unitId: bureau.id, roles: [{ role: "hr_admin", unitId: bureau.id }] });
    const c = await Client.signIn(t.app, scoped.nip);
    const outsider = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id, name: "Di Luar" });
    const file = csv([HEADER, row({ nip: nipFor(601) }), row({ nip: nipFor(602), kode_unit: agency.code }), row({ nip: outsider.nip, nama: "Dipindah" })]);
    const job = await importAs(c, file);
    expect(job).toMatchObject({ createdCount: 1, updatedCount: 0, errorCount: 2 });
    expect(job.errors).toEqual([
      { row: 3, column: "kode_unit", message: `Unit "${agency.code}" is outside your HR scope` },
      { row: 4, column: "nip", message: "This employee works in a unit outside your HR scope" },
    ]);
    expect(await employeeByNip(outsider.nip)).toMatchObject({ name: "Di Luar", unit_id: agency.root.id });

    const mine = (await c.get("/api/v1/imports")).json();
    expect(mine.items.map((j: { id: string }) => j.id)).toEqual([job.id]);
    const all = (await hr.get("/api/v1/imports?pageSize=100")).json();
    expect(all.items.map((j: { id: string }) => j.id)).toContain(job.id);
    expect(all.total).toBeGreaterThan(1);
    const someoneElses = all.items.find((j: { id: string }) => j.id !== job.id);
    expect((await c.get(`/api/v1/imports/${someoneElses.id}`)).statusCode).toBe(403);
  });

  it("lets only HR admins of the agency import or read jobs", async () => {
    const jobs = (await hr.get("/api/v1/imports")).json();
    const jobId = jobs.items[0].id as string;
    const staff = await t.factory.employee({ agencyId: agency.id, unitId: bureau.id });
    const plain = await Client.signIn(t.app, staff.nip);
    const jobCount = await count("import_jobs");

    const refused = await uploadFile(plain, csv([HEADER, row({ nip: nipFor(701) })]));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("forbidden");
    expect((await plain.get("/api/v1/imports/employees/template")).statusCode).toBe(403);
    expect((await plain.get("/api/v1/imports")).statusCode).toBe(403);
    expect((await plain.get(`/api/v1/imports/${jobId}`)).statusCode).toBe(403);

    const other = await t.factory.agency();
    const otherHrEmp = await t.factory.employee({ agencyId: other.id, unitId: other.root.id, roles: [{ role: "hr_admin" }] });
    const otherHr = await Client.signIn(t.app, otherHrEmp.nip);
    const hidden = await otherHr.get(`/api/v1/imports/${jobId}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe("not_found");
    expect((await otherHr.get("/api/v1/imports")).json()).toMatchObject({ items: [], total: 0 });
    expect((await uploadFile(otherHr, csv([HEADER, row({ nip: nipFor(702) })]), { agencyId: agency.id })).statusCode).toBe(403);

    const anonymous = await t.app.inject({ method: "GET", url: `/api/v1/imports/${jobId}` });
    expect(anonymous.statusCode).toBe(401);
    expect(await count("import_jobs")).toBe(jobCount);
    expect(await employeeByNip(nipFor(701))).toBeUndefined();
  });

  it("lists the agency's jobs newest first, paged", async () => {
    const page1 = (await hr.get("/api/v1/imports?page=1&pageSize=2")).json();
    const page2 = (await hr.get("/api/v1/imports?page=2&pageSize=2")).json();
    expect(page1).toMatchObject({ page: 1, pageSize: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBe(page2.total);
    const stamps = [...page1.items, ...page2.items].map((j: { createdAt: string }) => j.createdAt);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    expect(page1.items[0]).toHaveProperty("errors");
  });
});
