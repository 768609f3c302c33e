import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import { notify } from "../../../platform/notifications.js";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { buildOrgWorld, type OrgWorld } from "../../../test/org-world.js";
import { daysAgo, FEVER, submitHealth, today } from "../health/test-support.js";
import { insertCheckin, pdfText } from "./test-support.js";

describe.each(ENGINES)("my data on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let e1: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    const db = t.database.db;
    e1 = await Client.signIn(t.app, w.e1.nip);
    expect((await submitHealth(e1, FEVER)).statusCode).toBe(201);
    await insertCheckin(db, { agencyId: w.A.id, unitId: w.X1.id, employeeId: w.e1.id, workDate: today() });
    const now = new Date().toISOString();
    const rhk = newId();
    await db
      .insertInto("skp_targets")
      .values({
        id: rhk,
        agency_id: w.A.id,
        employee_id: w.e1.id,
        period: "2026",
        code: "RHK-1",
        title: "Tersusunnya kajian kebijakan kerja fleksibel",
        indicators: toJson([{ name: "Dokumen", target: 2, unit: "dokumen" }]),
        archived: 0,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const report = newId();
    await db
      .insertInto("daily_reports")
      .values({
        id: report,
        agency_id: w.A.id,
        unit_id: w.X1.id,
        employee_id: w.e1.id,
        work_date: daysAgo(1),
        status: "submitted",
        deadline_at: now,
        submitted_at: now,
        reviewed_at: null,
        reviewer_employee_id: null,
        review_comment: null,
        revision: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto("report_activities")
      .values({
        id: newId(),
        report_id: report,
        ordinal: 1,
        description: "Menyusun draf kajian bab 2",
        rhk_id: rhk,
        output_qty: 1,
        output_unit: "draf",
        minutes: 240,
        evidence_url: "https://example.go.id/draf",
        evidence_file_id: null,
      })
      .execute();
    await notify(db, { userIds: [w.e1.userId], agencyId: w.A.id, kind: "report.reminder", params: { workDate: daysAgo(1) }, now });
    // Someone else reads e1's sensitive data: HR the full NIP, the health officer the answers.
    const hr = await Client.signIn(t.app, w.hrA.nip);
    expect((await hr.get(`/api/v1/employees/${w.e1.id}`)).statusCode).toBe(200);
    const health = await Client.signIn(t.app, w.healthX.nip);
    expect((await health.get(`/api/v1/employees/${w.e1.id}/health`)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const accessRows = () => t.database.db.selectFrom("access_log").select("id").where("subject_employee_id", "=", w.e1.id).execute();

  it("gives the person everything about them, with the access trail, as JSON", async () => {
    const before = (await accessRows()).length;
    const res = await e1.get("/api/v1/me/data.json");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="abdi-data-saya-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = res.json();
    expect(data.profile).toMatchObject({ id: w.e1.id, nip: w.e1.nip, name: "Staf X1", unit: { name: "Unit X1" } });
    expect(data.account.userId).toBe(w.e1.userId);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.sessions.some((s: { current: boolean }) => s.current)).toBe(true);
    expect(JSON.stringify(data.sessions)).not.toContain(e1.csrf);
    expect(data.checkins[0]).toMatchObject({ lat: -6.175392, lng: 106.827153, geofence: "office", coordinatesPurgedAt: null });
    expect(data.healthChecks[0]).toMatchObject({ workDate: today(), cleared: false, formVersion: 1, answers: { temperature: 38.4 } });
    expect(data.healthForms.map((f: { version: number }) => f.version)).toEqual([1]);
    expect(data.dailyReports[0]).toMatchObject({
      status: "submitted",
      activities: [{ description: "Menyusun draf kajian bab 2", rhk: "Tersusunnya kajian kebijakan kerja fleksibel", minutes: 240 }],
    });
    expect(data.skpTargets[0]).toMatchObject({ code: "RHK-1", indicators: [{ name: "Dokumen" }] });
    expect(data.notifications[0]).toMatchObject({ kind: "report.reminder" });
    expect(data.accessTrail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ who: "HR A", category: "nip_detail" }),
        expect.objectContaining({ who: "Petugas Kesehatan X", category: "health" }),
      ]),
    );
    expect(data.auditEvents.map((e: { action: string }) => e.action)).toContain("health.submitted");
    // Reading one's own data is not someone else's access; the export itself is audited.
    expect(await accessRows()).toHaveLength(before);
    const exported = await t.database.db.selectFrom("audit_events").selectAll().where("action", "=", "privacy.exported").execute();
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ actor_user_id: w.e1.userId, subject_id: w.e1.id, agency_id: w.A.id });
  });

  it("renders the same as a PDF with Indonesian headings, page numbers and the access trail", async () => {
    const res = await e1.get("/api/v1/me/data.pdf");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="abdi-data-saya-.*\.pdf"$/);
    const body = res.rawPayload;
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(body.length).toBeGreaterThan(1024);
    expect(body.subarray(-6).toString("latin1")).toContain("%%EOF");
    const text = pdfText(body);
    const flat = text.replace(/\s*\n\s*/g, " ");
    for (const s of [
      "Data Pribadi Saya",
      "Dibuat pada",
      "Presensi",
      "Pemeriksaan kesehatan",
      "Laporan harian",
      "Jejak akses data sensitif",
      "HR A",
      "NIP lengkap",
      "Halaman 1 dari",
    ]) {
      expect(text, s).toContain(s);
    }
    expect(text).toContain("Menyusun draf kajian bab 2");
    expect(flat).toContain("Suhu tubuh: 38.4; Gejala yang Anda alami hari ini: Demam, Batuk; Kontak erat");
    expect(text).toContain(w.e1.nip);
  });

  it("speaks English on request and breaks long tables over several pages", async () => {
    for (let i = 2; i < 90; i++) await insertCheckin(t.database.db, { agencyId: w.A.id, unitId: w.X1.id, employeeId: w.e1.id, workDate: daysAgo(i) });
    const res = await e1.get("/api/v1/me/data.pdf?lang=en");
    const text = pdfText(res.rawPayload);
    for (const s of ["My Personal Data", "Generated at", "Check-ins", "Access trail of sensitive data", "full NIP", "Page 1 of", "Page 2 of"])
      expect(text, s).toContain(s);
    expect(text).not.toContain("Data Pribadi Saya");
    expect((await e1.get("/api/v1/me/data.pdf?lang=fr")).statusCode).toBe(400);
  });

  it("is for signed-in people with an employee record only", async () => {
    const outsider = new Client(t.app);
    expect((await outsider.get("/api/v1/me/data.json")).statusCode).toBe(401);
    expect((await outsider.get("/api/v1/me/data.pdf")).statusCode).toBe(401);
  });
});
