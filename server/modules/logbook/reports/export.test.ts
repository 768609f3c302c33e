import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import type { Client, TestApp } from "../../../test/harness.js";
import { createTestApp } from "../../../test/harness.js";
import { type ActorName, buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";
import { activity, addTarget, daysAgo, PNG, submitted, upload } from "./test-support.js";

async function sheetRows(payload: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((r) => {
    rows.push((r.values as unknown[]).slice(1));
  });
  return rows;
}

describe.each(ENGINES)("e-Kinerja export on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let c: Record<ActorName, Client>;
  let fileId: string;
  const d1 = daysAgo(3);
  const d2 = daysAgo(2);

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    c = await signInAll(t, w);
    const rhk = await addTarget(t, { agencyId: w.A.id, employeeId: w.e1.id, code: "RHK-7", title: "Tersusunnya kebijakan" });
    fileId = (await upload(t, c.employee, "/api/v1/me/files", { name: "foto.png", content: PNG })).json().id;
    await submitted(c.employee, d1, [
      activity({
        rhkId: rhk,
        description: "Menyusun draf kebijakan",
        outputQty: 2.5,
        outputUnit: "dokumen",
        minutes: 180,
        evidence: { url: "https://drive.example.go.id/x" },
      }),
      activity({ description: "Rapat", outputQty: 1, outputUnit: "kegiatan", minutes: 60, evidence: { fileId } }),
    ]);
    const second = await submitted(c.employee, d2, [activity({ description: "Verifikasi data", minutes: 90 })]);
    await c.supervisor.post(`/api/v1/reports/${second.id}/approve`);
    await c.employee.request("PUT", `/api/v1/me/reports/${daysAgo(1)}`, { activities: [activity({ description: "Masih draf" })] });
    await submitted(c.otherSupervisor, d1, [activity({ description: "Kegiatan Y" })]);
  });
  afterAll(() => t.close());

  it("writes one row per activity, in the shape e-Kinerja takes, for HR with full NIPs (logged)", async () => {
    const res = await c.hr.get(`/api/v1/reports/export.xlsx?from=${d1}&to=${daysAgo(0)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain(`kinerja-harian_${d1}_${daysAgo(0)}.xlsx`);
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(["NIP", "Nama", "Tanggal", "RHK", "Aktivitas", "Output", "Waktu (menit)", "Bukti", "Status"]);
    const e1Rows = rows.filter((r) => r[1] === "Staf X1");
    expect(e1Rows).toHaveLength(3);
    const [first, second, third] = e1Rows;
    expect(first.slice(0, 7)).toEqual([
      w.e1.nip,
      "Staf X1",
      new Date(`${d1}T00:00:00Z`),
      "RHK-7 Tersusunnya kebijakan",
      "Menyusun draf kebijakan",
      "2,5 dokumen",
      180,
    ]);
    expect(first[7]).toMatchObject({ text: "https://drive.example.go.id/x", hyperlink: "https://drive.example.go.id/x" });
    expect(first[8]).toBe("Diajukan");
    expect(second[7]).toMatchObject({ hyperlink: `http://localhost:80/api/v1/files/${fileId}` });
    expect(third.slice(3, 7)).toEqual(["", "Verifikasi data", "1 dokumen", 90]);
    expect(third[8]).toBe("Disetujui");
    expect(rows.some((r) => r[4] === "Masih draf")).toBe(false);
    expect(rows.some((r) => r[4] === "Kegiatan Y")).toBe(true);
    const logged = await t.database.db.selectFrom("access_log").select("subject_employee_id").where("actor_user_id", "=", w.hrA.userId).execute();
    expect(logged.map((l) => l.subject_employee_id)).toContain(w.e1.id);
  });

  it("masks the NIP for a supervisor, narrows to a unit, and includes drafts only when asked", async () => {
    const sup = await sheetRows((await c.supervisor.get(`/api/v1/reports/export.xlsx?from=${d1}&to=${d2}`)).rawPayload);
    expect(sup.slice(1).map((r) => r[1])).toEqual(["Staf X1", "Staf X1", "Staf X1"]);
    expect(sup[1][0]).toMatch(/^\d{4}\*{11}\d{3}$/);

    const unitY = await sheetRows((await c.hr.get(`/api/v1/reports/export.xlsx?from=${d1}&to=${d2}&unitId=${w.Y.id}`)).rawPayload);
    expect(unitY.slice(1).map((r) => r[4])).toEqual(["Kegiatan Y"]);
    const drafts = await sheetRows((await c.employee.get(`/api/v1/reports/export.xlsx?from=${d1}&to=${daysAgo(0)}&status=draft`)).rawPayload);
    expect(drafts.slice(1).map((r) => r[4])).toEqual(["Masih draf"]);
    expect(drafts[1][8]).toBe("Draf");
  });

  it("refuses a bad range and a unit of another agency", async () => {
    expect((await c.hr.get(`/api/v1/reports/export.xlsx?from=${d2}&to=${d1}`)).statusCode).toBe(400);
    expect((await c.hr.get(`/api/v1/reports/export.xlsx?from=${daysAgo(200)}&to=${d1}`)).statusCode).toBe(400);
    expect((await c.hr.get(`/api/v1/reports/export.xlsx?from=${d1}&to=${d2}&unitId=${w.B.root.id}`)).statusCode).toBe(400);
    expect((await c.hr.get(`/api/v1/reports/export.xlsx?to=${d2}`)).statusCode).toBe(400);
  });
});
