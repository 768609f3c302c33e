import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SystemCtx } from "../../../platform/context.js";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { PDF, upload } from "../../logbook/reports/test-support.js";
import { enrol, QUESTIONS, quizCourse } from "../quizzes/test-support.js";
import { buildLearningWorld, L, type LearningWorld, ok } from "../test-support.js";
import { creditCompletion } from "./service.js";

interface Cert {
  id: string;
  number: string;
  jp: number;
  pdfUrl: string;
  verifyPath: string;
  revokedAt: string | null;
}

const CLAIM = { title: "Pelatihan Kepemimpinan", provider: "LAN RI", jp: "12", startedOn: "2026-02-02", endedOn: "2026-02-04" };

describe.each(ENGINES)("learning JP ledger, claims and certificates on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  let cert: Cert;
  let enrolmentId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
    // e1 (unit X1) passes a one-question quiz course worth 5 JP.
    const q = await quizCourse(lw.c.admin, { code: "JP-1", facilitatorId: lw.w.fac1.id, questions: [QUESTIONS[0].body], jp: 5 });
    enrolmentId = await enrol(lw.c.employee, q.runId);
    const a = await ok<{ id: string }>(lw.c.employee.post(`${L}/enrolments/${enrolmentId}/lessons/${q.lessonId}/attempts`), 201);
    await ok(lw.c.employee.request("PUT", `${L}/attempts/${a.id}/answers/${q.questionIds[0]}`, { answer: "a" }));
    await ok(lw.c.employee.post(`${L}/attempts/${a.id}/submit`));
    [cert] = await ok<Cert[]>(lw.c.employee.get(`${L}/certificates`));
  });
  afterAll(() => t.close());

  const ledgerRows = (employeeId: string) => t.database.db.selectFrom("jp_ledger").selectAll().where("employee_id", "=", employeeId).execute();

  it("credits a completion once: one ledger entry, one certificate with a yearly number", async () => {
    expect(cert.number).toMatch(/^ABDI\/\d{4}\/\d{6}$/);
    expect(cert.jp).toBe(5);
    const ctx: SystemCtx = { db: t.database.db, engine, requestId: null, ip: null, actor: null, now: () => new Date() };
    await t.database.db.transaction().execute((trx) => creditCompletion(trx, ctx, enrolmentId));
    await t.database.db.transaction().execute((trx) => creditCompletion(trx, ctx, enrolmentId));
    expect((await ledgerRows(lw.w.e1.id)).filter((r) => r.source === "course")).toHaveLength(1);
    const certs = await t.database.db.selectFrom("certificates").select("number").where("enrolment_id", "=", enrolmentId).execute();
    expect(certs).toEqual([{ number: cert.number }]);
    const me = await ok<{ earned: number; target: number; entries: { source: string; refId: string }[] }>(lw.c.employee.get(`${L}/jp/me`));
    expect(me).toMatchObject({ earned: 5, target: 20 });
    expect(me.entries).toEqual([expect.objectContaining({ source: "course", refId: enrolmentId })]);
  });

  it("renders the certificate PDF for its holder and HR, not for others", async () => {
    const pdf = await lw.c.employee.get(cert.pdfUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.rawPayload.length).toBeGreaterThan(2000);
    expect((await lw.c.hr.get(cert.pdfUrl)).statusCode).toBe(200);
    expect((await lw.c.otherSupervisor.get(cert.pdfUrl)).statusCode).toBe(403);
    expect((await lw.c.hrOtherAgency.get(cert.pdfUrl)).statusCode).toBe(404);
  });

  it("verifies publicly with minimal data; unknown numbers are 404; HR in scope revokes", async () => {
    const anonymous = new Client(t.app);
    const url = `/api/v1/public/certificates/${encodeURIComponent(cert.number)}`;
    const v = await ok<Record<string, unknown>>(anonymous.get(url));
    expect(v).toEqual({
      valid: true,
      number: cert.number,
      revokedAt: null,
      name: "Staf X1",
      nipMasked: expect.stringMatching(/^\d{4}\*{11}\d{3}$/),
      course: "Kursus JP-1",
      jp: 5,
      issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect((await anonymous.get(`/api/v1/public/certificates/${cert.number.replace(/\//g, "-")}`)).json().number).toBe(cert.number);
    const unknown = await anonymous.get("/api/v1/public/certificates/ABDI-1999-000001");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect((await anonymous.get("/api/v1/public/certificates/bukan-nomor")).statusCode).toBe(404);

    expect((await lw.c.hrOtherAgency.post(`${L}/certificates/${cert.id}/revoke`, { reason: "Data keliru" })).statusCode).toBe(404);
    expect((await lw.c.hrScoped.post(`${L}/certificates/${cert.id}/revoke`, { reason: "Data keliru" })).statusCode).toBe(403);
    expect((await lw.c.employee.post(`${L}/certificates/${cert.id}/revoke`, { reason: "Data keliru" })).statusCode).toBe(403);
    expect((await ok<Record<string, unknown>>(anonymous.get(url))).valid).toBe(true);
    const revoked = await ok<Cert>(lw.c.hr.post(`${L}/certificates/${cert.id}/revoke`, { reason: "Peserta tidak hadir" }));
    expect(revoked.revokedAt).not.toBeNull();
    expect((await lw.c.hr.post(`${L}/certificates/${cert.id}/revoke`, { reason: "lagi" })).statusCode).toBe(409);
    const after = await ok<Record<string, unknown>>(anonymous.get(url));
    expect(after).toMatchObject({ valid: false, revokedAt: revoked.revokedAt });
  });

  it("takes external training claims with evidence; HR in scope decides and the JP enters the ledger", async () => {
    const { employee, eY } = { employee: lw.c.employee, eY: lw.w.eY };
    const wrong = await upload(t, employee, `${L}/jp/claims`, { name: "sertifikat.pdf", content: Buffer.from("MZ\x90\x00 program") }, CLAIM);
    expect(wrong.statusCode).toBe(415);
    const big = await upload(t, employee, `${L}/jp/claims`, { name: "sertifikat.pdf", content: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]) }, CLAIM);
    expect(big.statusCode).toBe(413);
    const badDates = await upload(t, employee, `${L}/jp/claims`, { name: "s.pdf", content: PDF }, { ...CLAIM, endedOn: "2026-01-01" });
    expect(badDates.statusCode).toBe(400);
    expect(await t.database.db.selectFrom("jp_claims").select("id").execute()).toEqual([]);

    const created = await upload(t, employee, `${L}/jp/claims`, { name: "sertifikat.pdf", content: PDF }, CLAIM);
    expect(created.statusCode).toBe(201);
    const claim = created.json() as { id: string; status: string; evidenceUrl: string };
    expect(claim.status).toBe("pending");
    expect((await employee.get(claim.evidenceUrl)).statusCode).toBe(200);
    expect((await lw.c.otherSupervisor.get(claim.evidenceUrl)).statusCode).toBe(403);

    const pending = await ok<{ id: string }[]>(lw.c.hr.get(`${L}/jp/claims?who=scope&status=pending`));
    expect(pending.map((c) => c.id)).toEqual([claim.id]);
    expect(await ok<unknown[]>(lw.c.hrScoped.get(`${L}/jp/claims?who=scope`))).toEqual([]);
    expect((await lw.c.hrOtherAgency.post(`${L}/jp/claims/${claim.id}/decide`, { approve: true })).statusCode).toBe(404);
    expect((await lw.c.hrScoped.post(`${L}/jp/claims/${claim.id}/decide`, { approve: true })).statusCode).toBe(403);
    expect((await employee.post(`${L}/jp/claims/${claim.id}/decide`, { approve: true })).statusCode).toBe(403);
    const approved = await ok<{ status: string }>(lw.c.hr.post(`${L}/jp/claims/${claim.id}/decide`, { approve: true, note: "Sesuai" }));
    expect(approved.status).toBe("approved");
    expect((await lw.c.hr.post(`${L}/jp/claims/${claim.id}/decide`, { approve: false })).statusCode).toBe(409);
    const rows = await ledgerRows(lw.w.e1.id);
    expect(rows.find((r) => r.source === "claim")).toMatchObject({ ref_id: claim.id, jp: 12, year: 2026, earned_on: "2026-02-04" });
    const me2026 = await ok<{ entries: { source: string }[] }>(employee.get(`${L}/jp/me?year=2026`));
    expect(me2026.entries.some((e) => e.source === "claim")).toBe(true);
    expect(eY.id).toBeTruthy();
  });

  it("shows JP in scope to supervisors and HR, per person and per unit, and exports it", async () => {
    const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date()).slice(0, 4));
    type Scope = {
      items: { employeeId: string; earned: number; behind: boolean; nipMasked: string }[];
      byUnit: { unitId: string; people: number; total: number }[];
    };
    const hr = await ok<Scope>(lw.c.hr.get(`${L}/jp/scope?year=${year}`));
    const e1 = hr.items.find((i) => i.employeeId === lw.w.e1.id);
    expect(e1?.earned).toBe(year === 2026 ? 17 : 5);
    expect(e1?.nipMasked).toMatch(/\*{11}/);
    expect(hr.items.some((i) => i.employeeId === lw.w.eB.id)).toBe(false);
    expect(hr.byUnit.find((u) => u.unitId === lw.w.X1.id)).toMatchObject({ people: 2 });

    const scoped = await ok<Scope>(lw.c.hrScoped.get(`${L}/jp/scope?year=${year}`));
    expect(scoped.items.every((i) => [lw.w.hY.id, lw.w.eY.id, lw.w.hrY.id, lw.w.fac2.id].includes(i.employeeId))).toBe(true);
    const sup = await ok<Scope>(lw.c.supervisor.get(`${L}/jp/scope?year=${year}`));
    expect(sup.items.map((i) => i.employeeId)).toEqual([lw.w.e1.id]);
    const narrowed = await ok<Scope>(lw.c.hr.get(`${L}/jp/scope?year=${year}&unitId=${lw.w.Y.id}`));
    expect(narrowed.items.some((i) => i.employeeId === lw.w.e1.id)).toBe(false);
    expect((await lw.c.hr.get(`${L}/jp/scope?unitId=${lw.w.B.root.id}`)).statusCode).toBe(400);
    expect((await lw.c.employee.get(`${L}/jp/scope`)).statusCode).toBe(403);

    const xlsx = await lw.c.hr.get(`${L}/jp/scope.xlsx?year=${year}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toMatch(/spreadsheetml/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect((await lw.c.employee.get(`${L}/jp/scope.xlsx`)).statusCode).toBe(403);
  });
});
