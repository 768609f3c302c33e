import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import type { Client, TestApp } from "../../../test/harness.js";
import { createTestApp } from "../../../test/harness.js";
import { buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";
import { upload } from "../reports/test-support.js";

const HEADER = ["NIP", "Periode", "Kode", "RHK", "Indikator", "Target", "Satuan"];

async function xlsx(rows: (string | number)[][], header = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("RHK");
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(ENGINES)("SKP target import on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let c: Awaited<ReturnType<typeof signInAll>>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    c = await signInAll(t, w);
  });
  afterAll(() => t.close());

  const send = (client: Client, content: Buffer, fields?: Record<string, string>) =>
    upload(t, client, "/api/v1/targets/import", { name: "rhk.xlsx", content }, fields);
  const targetsOf = (employeeId: string) =>
    t.database.db.selectFrom("skp_targets").selectAll().where("employee_id", "=", employeeId).where("archived", "=", 0).orderBy("title").execute();

  it("groups rows into targets by (nip, period, code or title), and updates instead of duplicating on a second upload", async () => {
    const file = await xlsx([
      [w.e1.nip, 2026, "A.1", "Tersusunnya kebijakan", "Jumlah draf", 4, "dokumen"],
      [w.e1.nip, 2026, "A.1", "Tersusunnya kebijakan", "Ketepatan waktu", "2,5", "bulan"],
      [w.e1.nip, 2026, "", "Terlaksananya layanan", "Jumlah layanan", 120, "layanan"],
      [w.e1.nip, 2026, "", "Terlaksananya layanan", "Kepuasan", 90, "persen"],
      [w.eY.nip, 2026, "A.1", "Target lain", "Jumlah", 1, "laporan"],
    ]);
    const dry = await send(c.hr, file, { dryRun: "true" });
    expect(dry.json()).toEqual({ dryRun: true, rows: 5, targets: 3, created: 3, updated: 0 });
    expect(await targetsOf(w.e1.id)).toHaveLength(0);

    const res = await send(c.hr, file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ dryRun: false, rows: 5, targets: 3, created: 3, updated: 0 });
    const e1 = await targetsOf(w.e1.id);
    expect(e1.map((x) => [x.code, x.title])).toEqual([
      [null, "Terlaksananya layanan"],
      ["A.1", "Tersusunnya kebijakan"],
    ]);
    const listed = (await c.employee.get("/api/v1/me/targets?period=2026")).json().items;
    expect(listed.find((x: { code: string }) => x.code === "A.1").indicators).toEqual([
      { name: "Jumlah draf", target: 4, unit: "dokumen" },
      { name: "Ketepatan waktu", target: 2.5, unit: "bulan" },
    ]);

    const again = await send(c.hr, await xlsx([[w.e1.nip, "2026", "A.1", "Tersusunnya kebijakan (revisi)", "Jumlah draf", 6, "dokumen"]]));
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
    const revised = (await targetsOf(w.e1.id)).find((x) => x.code === "A.1");
    expect(revised?.title).toBe("Tersusunnya kebijakan (revisi)");
    const audit = await t.database.db.selectFrom("audit_events").select("action").where("action", "=", "skp.targets_imported").execute();
    expect(audit).toHaveLength(2);
  });

  it("imports nothing when any row is invalid, and reports every invalid row", async () => {
    const before = (await targetsOf(w.hX.id)).length;
    const res = await send(
      c.hr,
      await xlsx([
        [w.hX.nip, 2026, "C.1", "Valid", "Jumlah", 1, "laporan"],
        ["12345", 2026, "C.2", "NIP salah", "Jumlah", 1, "laporan"],
        [w.hX.nip, "26", "C.3", "Periode salah", "Jumlah", 1, "laporan"],
        [w.hX.nip, 2026, "C.4", "Target nol", "Jumlah", 0, "laporan"],
        [w.hX.nip, 2026, "C.1", "Judul lain", "Jumlah 2", 1, "laporan"],
        [w.hX.nip, 2026, "C.5", "", "", 1, ""],
        [w.eB.nip, 2026, "C.6", "Instansi lain", "Jumlah", 1, "laporan"],
      ]),
    );
    expect(res.statusCode).toBe(422);
    const errors = res.json().rowErrors as { row: number; column: string }[];
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(["3:nip", "4:periode", "5:target", "6:rhk", "7:rhk", "7:indikator", "7:satuan", "8:nip"]);
    expect(res.json().detail).toContain("nothing was imported");
    expect(await targetsOf(w.hX.id)).toHaveLength(before);
  });

  it("imports only for employees inside the importer's HR scope, and only for HR admins", async () => {
    const file = await xlsx([[w.e1.nip, 2026, "D.1", "Di luar lingkup Y", "Jumlah", 1, "laporan"]]);
    const scoped = await send(c.hrScoped, file);
    expect(scoped.statusCode).toBe(422);
    expect(scoped.json().rowErrors[0].message).toContain("outside your HR scope");
    expect((await send(c.hrScoped, await xlsx([[w.eY.nip, 2026, "D.1", "Dalam lingkup", "Jumlah", 1, "laporan"]]))).statusCode).toBe(200);
    for (const actor of ["employee", "supervisor", "leader", "health"] as const) expect((await send(c[actor], file)).statusCode, actor).toBe(403);
    expect((await send(c.outsider, file)).statusCode).toBe(401);
    expect((await send(c.hrOtherAgency, file)).json().rowErrors[0].message).toContain("No employee with this NIP");
  });

  it("refuses files that are not a workbook with the right columns", async () => {
    expect((await send(c.hr, Buffer.from("nip,periode\n1,2\n"))).statusCode).toBe(415);
    expect((await send(c.hr, Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100)]))).statusCode).toBe(415);
    const missing = await send(c.hr, await xlsx([[w.e1.nip, 2026, "x"]], ["NIP", "Periode", "RHK"]));
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors.map((e: { message: string }) => e.message)).toContain("missing column indikator");
    expect((await send(c.hr, await xlsx([]))).statusCode).toBe(422);
    const template = await c.hr.get("/api/v1/targets/import/template.xlsx");
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(["nip", "periode", "kode", "rhk", "indikator", "target", "satuan"]);
    expect((await c.employee.get("/api/v1/targets/import/template.xlsx")).statusCode).toBe(403);
  });
});
