import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../db/ids.js";
import { ENGINES } from "../../../test/engines.js";
import { type Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { type ActorName, buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";
import { DAYS, seedWeek, WEEK } from "../trends/test-support.js";
import { PEOPLE_CHUNK } from "./run.js";
import { recoverInterruptedExports, settleExports } from "./service.js";

const MANY = PEOPLE_CHUNK + 150;

describe.each(ENGINES)("monitoring export jobs on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let c: Record<ActorName, Client>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    c = await signInAll(t, w);
    await seedWeek(t, w);
    const now = new Date().toISOString();
    const rows = Array.from({ length: MANY }, (_, i) => ({
      id: newId(),
      agency_id: w.A.id,
      unit_id: w.X1.id,
      position_id: null,
      nip: `19900101201501${String(10000 + i).slice(1)}`,
      name: `Pegawai Massal ${String(i).padStart(5, "0")}`,
      email: null,
      phone: null,
      employment_type: "PNS" as const,
      status: "active" as const,
      supervisor_id: null,
      birth_date: "1990-01-01",
      gender: "M" as const,
      appointed_on: "2015-01",
      created_at: now,
      updated_at: now,
    }));
    for (let i = 0; i < rows.length; i += 200)
      await t.database.db
        .insertInto("employees")
        .values(rows.slice(i, i + 200))
        .execute();
  });
  afterAll(async () => {
    await settleExports();
    await t.close();
  });

  async function start(who: ActorName, body: unknown) {
    const res = await c[who].post("/api/v1/monitoring/exports", body);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: "queued", processed: 0 });
    await settleExports();
    return res.json().id as string;
  }

  it("builds a people list in the background with progress, for its creator only", async () => {
    const id = await start("leader", { kind: "people", format: "csv", params: { unitId: w.X1.id, date: DAYS[0], bucket: "employees" } });
    const job = (await c.leader.get(`/api/v1/monitoring/exports/${id}`)).json();
    expect(job).toMatchObject({ id, kind: "people", format: "csv", status: "done", total: MANY + 2, processed: MANY + 2, error: null });
    const file = await c.leader.get(`/api/v1/monitoring/exports/${id}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("text/csv");
    const lines = file.body.trim().split("\r\n");
    expect(lines).toHaveLength(MANY + 3);
    expect(lines[0]).not.toContain("Layak");
    expect(lines.some((l) => l.startsWith("Staf X1,") && l.includes(",WFO,"))).toBe(true);
    for (const other of ["hr", "health", "supervisor", "hrOtherAgency"] as const) {
      expect((await c[other].get(`/api/v1/monitoring/exports/${id}`)).statusCode, other).toBe(404);
      expect((await c[other].get(`/api/v1/monitoring/exports/${id}/download`)).statusCode, other).toBe(404);
    }
    expect((await c.outsider.get(`/api/v1/monitoring/exports/${id}`)).statusCode).toBe(401);
    const audit = await t.database.db.selectFrom("audit_events").select("action").where("subject_id", "=", id).orderBy("created_at").execute();
    expect(audit.map((a) => a.action)).toEqual(["monitoring.export_started", "monitoring.export_completed"]);
  });

  it("exports trends and weekly reports as files", async () => {
    const trends = await start("hr", { kind: "trends", format: "xlsx", params: { unitId: w.X.id, from: DAYS[0], to: DAYS[4], granularity: "week" } });
    const xlsx = await c.hr.get(`/api/v1/monitoring/exports/${trends}/download`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0].getRow(2).getCell(1).value).toBe(WEEK);
    const weekly = await start("health", { kind: "weekly", format: "pdf", params: { unitId: w.X.id, week: WEEK } });
    expect((await c.health.get(`/api/v1/monitoring/exports/${weekly}`)).json()).toMatchObject({
      status: "done",
      total: 1,
      processed: 1,
      filename: `laporan-mingguan-${WEEK}.pdf`,
    });
    const pdf = await c.health.get(`/api/v1/monitoring/exports/${weekly}/download`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("lists who is not cleared only for health officers", async () => {
    const body = { kind: "people", format: "xlsx", params: { unitId: w.X1.id, date: DAYS[2], bucket: "health:not_cleared" } };
    expect((await c.leader.post("/api/v1/monitoring/exports", body)).statusCode).toBe(403);
    const id = await start("health", body);
    const job = (await c.health.get(`/api/v1/monitoring/exports/${id}`)).json();
    expect(job).toMatchObject({ status: "done", total: 1 });
  });

  it("refuses bad requests with 400 and writes no job", async () => {
    const before = await t.database.db.selectFrom("monitoring_exports").select("id").execute();
    for (const body of [
      { kind: "board", format: "xlsx", params: {} },
      { kind: "weekly", format: "csv", params: { week: WEEK } },
      { kind: "trends", format: "pdf", params: {} },
      { kind: "trends", format: "docx", params: {} },
      { kind: "weekly", format: "pdf", params: { week: "2026-W99" } },
      { kind: "trends", format: "csv", params: { from: DAYS[4], to: DAYS[0] } },
      { kind: "trends", format: "csv", params: { from: "2024-01-01", to: "2026-01-01" } },
      { kind: "people", format: "csv", params: { bucket: "everyone" } },
      { kind: "people", format: "csv", params: { unitId: w.X.id, extra: 1 } },
    ]) {
      const res = await c.hr.post("/api/v1/monitoring/exports", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    expect(await t.database.db.selectFrom("monitoring_exports").select("id").execute()).toHaveLength(before.length);
  });

  it("answers 409 until the file is ready; recovery fails jobs a stopped process left behind", async () => {
    const insert = async (status: "queued" | "running", updatedAt: string) => {
      const id = newId();
      await t.database.db
        .insertInto("monitoring_exports")
        .values({
          id,
          agency_id: w.A.id,
          created_by: w.leaderX.userId,
          kind: "trends",
          format: "csv",
          params: "{}",
          status,
          total: 10,
          processed: 3,
          filename: null,
          error: null,
          file_id: null,
          created_at: updatedAt,
          updated_at: updatedAt,
          finished_at: null,
        })
        .execute();
      return id;
    };
    const stale = await insert("running", "2026-01-01T00:00:00.000Z");
    const fresh = await insert("queued", new Date().toISOString());
    const waiting = await c.leader.get(`/api/v1/monitoring/exports/${stale}/download`);
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json()).toMatchObject({ code: "conflict", status: "running", processed: 3, total: 10 });
    expect(await recoverInterruptedExports(t.database.db, { idleForMs: 120_000 })).toEqual({ failed: 1 });
    expect((await c.leader.get(`/api/v1/monitoring/exports/${stale}`)).json()).toMatchObject({ status: "failed", error: expect.stringContaining("stopped") });
    expect((await c.leader.get(`/api/v1/monitoring/exports/${stale}/download`)).statusCode).toBe(409);
    expect((await c.leader.get(`/api/v1/monitoring/exports/${fresh}`)).json().status).toBe("queued");
    expect(await recoverInterruptedExports(t.database.db)).toEqual({ failed: 1 });
  });
});
