import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { recoverInterruptedImports, settleImports } from "./service.js";
import { csv, HEADER, nipFor, row, uploadFile, waitForJob } from "./test-support.js";

describe.each(ENGINES)("import job lifecycle on %s", (engine) => {
  let t: TestApp;
  let agency: Awaited<ReturnType<TestApp["factory"]["agency"]>>;
  let hr: Client;
  let hrUserId: string;

  const db = () => t.database.db;
  const employeeByNip = (nip: string) => db().selectFrom("employees").select("id").where("nip", "=", nip).executeTakeFirst();

  async function insertJob(status: "validating" | "importing" | "done", updatedAt: string) {
    const id = newId();
    await db()
      .insertInto("import_jobs")
      .values({
        id,
        agency_id: agency.id,
        created_by: hrUserId,
        kind: "employees",
        filename: "lama.csv",
        mode: "valid_rows",
        dry_run: 0,
        status,
        total_rows: 10,
        processed_rows: 4,
        created_count: 0,
        updated_count: 0,
        error_count: 0,
        errors: toJson([]),
        created_at: updatedAt,
        updated_at: updatedAt,
      })
      .execute();
    return id;
  }
  const statusOf = async (id: string) =>
    db().selectFrom("import_jobs").select(["status", "message", "finished_at"]).where("id", "=", id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(engine);
    agency = await t.factory.agency();
    await t.factory.unit({ agencyId: agency.id, parent: agency.root, code: "BIRO-UMUM" });
    const admin = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id, roles: [{ role: "hr_admin" }] });
    hrUserId = admin.userId;
    hr = await Client.signIn(t.app, admin.nip);
  });
  afterAll(async () => {
    await settleImports();
    await t.close();
  });

  it("records an unexpected error in the job; chunks committed before it are kept, the failing chunk is rolled back", async () => {
    if (engine === "sqlite") {
      await sql`create trigger refuse_gagal before insert on employees when new.name = 'Gagal Simpan' begin select raise(abort, 'simulated disk failure'); end`.execute(
        db(),
      );
    } else {
      await sql`create function refuse_gagal() returns trigger language plpgsql as $$ begin if new.name = 'Gagal Simpan' then raise exception 'simulated disk failure'; end if; return new; end $$`.execute(
        db(),
      );
      await sql`create trigger refuse_gagal before insert on employees for each row execute function refuse_gagal()`.execute(db());
    }
    try {
      const rows = [HEADER];
      for (let i = 0; i < 600; i++) rows.push(row({ nip: nipFor(1000 + i), nama: i === 550 ? "Gagal Simpan" : `Pegawai ${i}` }));
      const res = await uploadFile(hr, csv(rows));
      expect(res.statusCode).toBe(202);
      const { job } = await waitForJob(hr, res.json().id);
      expect(job).toMatchObject({ status: "failed", processedRows: 500, createdCount: 500 });
      expect(job.message).toMatch(/^The import stopped because of an unexpected error: .*simulated disk failure.*The first 500 rows had been processed/);
      expect(job.finishedAt).not.toBeNull();
      expect(await employeeByNip(nipFor(1000))).toBeDefined();
      expect(await employeeByNip(nipFor(1499))).toBeDefined();
      expect(await employeeByNip(nipFor(1500))).toBeUndefined();
      const events = await db().selectFrom("audit_events").select("action").where("subject_id", "=", job.id).execute();
      expect(events.map((e) => e.action)).toContain("import.failed");
    } finally {
      await sql`drop trigger refuse_gagal${sql.raw(engine === "postgres" ? " on employees" : "")}`.execute(db());
      if (engine === "postgres") await sql`drop function refuse_gagal()`.execute(db());
    }
  });

  it("fails jobs left running by a stopped process, but not jobs of this process or finished ones", async () => {
    const old = new Date(Date.now() - 10 * 60_000).toISOString();
    const stale = await insertJob("importing", old);
    const recent = await insertJob("validating", new Date().toISOString());
    const finished = await insertJob("done", old);

    expect(await recoverInterruptedImports(db(), { idleForMs: 60_000 })).toBe(1);
    expect(await statusOf(stale)).toMatchObject({ status: "failed", message: expect.stringMatching(/server stopped while this import was running/) });
    expect((await statusOf(stale)).finished_at).not.toBeNull();
    expect((await statusOf(recent)).status).toBe("validating");

    const rows = [HEADER];
    for (let i = 0; i < 3000; i++) rows.push(row({ nip: nipFor(3000 + i) }));
    const res = await uploadFile(hr, csv(rows));
    expect(await recoverInterruptedImports(db())).toBe(1);
    expect((await statusOf(recent)).status).toBe("failed");
    expect((await statusOf(finished)).status).toBe("done");
    const { job } = await waitForJob(hr, res.json().id);
    expect(job).toMatchObject({ status: "done", createdCount: 3000 });
  });

  it("publishes the import routes in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/imports/employees/template", "/api/v1/imports/employees", "/api/v1/imports/{id}", "/api/v1/imports"]),
    );
    expect(doc.paths["/api/v1/imports/employees"].post.responses).toHaveProperty("202");
  });
});
