import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import type { ImportJobDto } from "./schema.js";
import { settleImports } from "./service.js";
import { csv, HEADER, nipFor, row, uploadFile, waitForJob } from "./test-support.js";

const ROWS = 10_000;
const UNITS = ["U-01", "U-02", "U-03", "U-04", "U-05"];
const POSITIONS = ["Analis", "Pengolah Data", "Pranata Komputer", "Arsiparis"];

/** Row i: some rows report to a later row (often in a later chunk), some to an earlier one. */
function bigFile(suffix: string): Buffer {
  const rows = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    let supervisor = "";
    if (i % 10 === 1 && i + 1200 < ROWS) supervisor = nipFor(i + 1200);
    if (i % 10 === 2 && i >= 700) supervisor = nipFor(i - 700);
    rows.push(
      row({
        nip: nipFor(i),
        nama: `Pegawai ${i} ${suffix}`,
        email: `pegawai.${i}@example.go.id`,
        telepon: `+62 812 ${String(i).padStart(6, "0")}`,
        kode_unit: UNITS[i % UNITS.length],
        jabatan: POSITIONS[i % POSITIONS.length],
        jenis_pegawai: i % 3 === 0 ? "PPPK" : "PNS",
        nip_atasan: supervisor,
      }),
    );
  }
  return csv(rows);
}

/** processedRows never goes back within a phase, and was seen strictly between 0 and the total. */
function expectVisibleProgress(seen: ImportJobDto[]) {
  for (const phase of ["validating", "importing"]) {
    const values = seen.filter((j) => j.status === phase).map((j) => j.processedRows);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
  }
  const between = new Set(seen.filter((j) => j.processedRows > 0 && j.processedRows < ROWS).map((j) => `${j.status}:${j.processedRows}`));
  expect(between.size).toBeGreaterThanOrEqual(2);
}

describe.each(ENGINES)("a 10,000-row import on %s", (engine) => {
  let t: TestApp;
  let hr: Client;
  const count = async (table: "employees" | "users" | "positions") =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(engine);
    const agency = await t.factory.agency();
    for (const code of UNITS) await t.factory.unit({ agencyId: agency.id, parent: agency.root, code });
    const admin = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id, roles: [{ role: "hr_admin" }] });
    hr = await Client.signIn(t.app, admin.nip);
  });
  afterAll(async () => {
    await settleImports();
    await t.close();
  });

  it("creates 10,000 employees in a few seconds with progress visible while it runs, then updates them all", async () => {
    const before = { employees: await count("employees"), users: await count("users"), positions: await count("positions") };
    const started = performance.now();
    const res = await uploadFile(hr, bigFile("A"), { filename: "besar.csv" });
    expect(res.statusCode).toBe(202);
    const { job, seen } = await waitForJob(hr, res.json().id, 60_000, 2);
    const createMs = Math.round(performance.now() - started);
    expect(job).toMatchObject({ status: "done", totalRows: ROWS, processedRows: ROWS, createdCount: ROWS, updatedCount: 0, errorCount: 0 });
    expectVisibleProgress(seen);
    expect(await count("employees")).toBe(before.employees + ROWS);
    expect(await count("users")).toBe(before.users + ROWS);
    expect(await count("positions")).toBe(before.positions + UNITS.length * POSITIONS.length);

    const byNip = new Map((await t.database.db.selectFrom("employees").select(["id", "nip", "supervisor_id"]).execute()).map((e) => [e.nip, e] as const));
    for (const i of [1, 11, 2001, 8791]) expect(byNip.get(nipFor(i))?.supervisor_id).toBe(byNip.get(nipFor(i + 1200))?.id);
    for (const i of [702, 5002, 9992]) expect(byNip.get(nipFor(i))?.supervisor_id).toBe(byNip.get(nipFor(i - 700))?.id);
    expect(byNip.get(nipFor(3))?.supervisor_id).toBeNull();

    const again = performance.now();
    const res2 = await uploadFile(hr, bigFile("B"), { filename: "besar-ubah.csv" });
    const updated = await waitForJob(hr, res2.json().id, 60_000, 2);
    const updateMs = Math.round(performance.now() - again);
    expect(updated.job).toMatchObject({ status: "done", createdCount: 0, updatedCount: ROWS, errorCount: 0 });
    expectVisibleProgress(updated.seen);
    const renamed = await t.database.db.selectFrom("users").select("display_name").where("display_name", "like", "Pegawai % B").execute();
    expect(renamed).toHaveLength(ROWS);

    console.log(`[${engine}] 10,000 rows: create ${createMs} ms, update ${updateMs} ms, ${seen.length} polls`);
    expect(createMs).toBeLessThan(20_000);
    expect(updateMs).toBeLessThan(20_000);
  }, 120_000);
});
