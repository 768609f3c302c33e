import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { type Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";
import { rebuildRollups } from "../rollup/service.js";
import { DAYS, seedWeek, WEEK } from "../trends/test-support.js";
import { buildWeeklyReport } from "./service.js";

describe.each(ENGINES)("monitoring weekly unit report on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let leader: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    leader = (await signInAll(t, w)).leader;
    await seedWeek(t, w);
    await rebuildRollups(t.database.db, { agencyId: w.A.id, from: DAYS[0], to: "2026-11-22" });
  });
  afterAll(() => t.close());

  it("counts staff per mode, health and reports per workday of the subtree", async () => {
    const unit = await t.database.db.selectFrom("units").selectAll().where("id", "=", w.X.id).executeTakeFirstOrThrow();
    const r = await buildWeeklyReport(t.database.db, unit, WEEK, new Date("2026-12-01T00:00:00Z"));
    expect(r.days.map((d) => d.date)).toEqual(DAYS);
    expect(r.days[0]).toEqual({
      date: DAYS[0],
      employees: 5,
      modes: { WFO: 2, WFH: 1, DL: 0, CUTI: 0, SAKIT: 0 },
      noCheckin: 2,
      health: { filled: 1, cleared: 1, notCleared: 0 },
      reports: { submitted: 1, approved: 1, returned: 0 },
    });
    expect(r.days[3].noCheckin).toBe(3);
    expect(r.totals).toMatchObject({
      employees: 5,
      modes: { WFO: 10, WFH: 3 },
      noCheckin: 12,
      health: { filled: 5, cleared: 4, notCleared: 1 },
      reports: { submitted: 3, approved: 2 },
    });
  });

  it("renders a PDF and a workbook in the viewer's language", async () => {
    const pdf = await leader.get(`/api/v1/monitoring/weekly-report?unitId=${w.X.id}&week=${WEEK}&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.headers["content-disposition"]).toContain(`laporan-mingguan-${WEEK}.pdf`);
    const xlsx = await leader.get(`/api/v1/monitoring/weekly-report?unitId=${w.X.id}&week=${WEEK}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Kehadiran per mode kerja", "Cek kesehatan", "Laporan harian"]);
    const first = book.worksheets[0];
    expect(first.getRow(2).values).toEqual([undefined, `Senin ${DAYS[0]}`, 5, 2, 1, 0, 0, 0, 2]);
    expect(first.getRow(7).getCell(1).value).toBe("Jumlah");
    await t.database.db.updateTable("users").set({ locale: "en" }).where("id", "=", w.leaderX.userId).execute();
    const en = await leader.get(`/api/v1/monitoring/weekly-report?unitId=${w.X.id}&week=${WEEK}&format=xlsx`);
    const bookEn = new ExcelJS.Workbook();
    await bookEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(bookEn.worksheets[0].name).toBe("Attendance by work mode");
  });

  it("refuses bad weeks and formats with 400 problem+json", async () => {
    for (const q of ["week=2026-W60", "week=2025-W53", "week=abc", "week=2026-W47&format=doc", "format=pdf"]) {
      const res = await leader.get(`/api/v1/monitoring/weekly-report?unitId=${w.X.id}&${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });
});
