/**
 * Roster generation through the service, stored in the database: the demo
 * agency and synthetic agencies (default 10,000 and 100,000 employees), on
 * SQLite (temp file, WAL, synchronous=FULL) and on PostgreSQL (a throw-away
 * database when BENCH_DATABASE_URL or TEST_DATABASE_URL is set). Prints the
 * time from the request until the draft is stored, a grid page, and publication
 * (with one notification per employee).
 *
 *   npx tsx bench/roster-store.ts            BENCH_SIZES=1000,100000 BENCH_ENGINES=sqlite
 */
import { performance } from "node:perf_hooks";
import type { Engine } from "../server/config.js";
import type { Database } from "../server/db/database.js";
import { toJson } from "../server/db/dialect.js";
import { newId } from "../server/db/ids.js";
import { migrateToLatest } from "../server/db/migrate.js";
import { loadDemo } from "../server/demo/seed.js";
import { startGeneration } from "../server/modules/arrangement/roster/generate.js";
import { publishRoster } from "../server/modules/arrangement/roster/publish.js";
import { rosterGrid } from "../server/modules/arrangement/roster/read.js";
import { GridQuery } from "../server/modules/arrangement/roster/schema.js";
import { addDays, mondayOf } from "../server/modules/arrangement/week.js";
import type { Actor } from "../server/platform/actor.js";
import type { Ctx } from "../server/platform/context.js";
import { openThrowawayDatabase } from "./throwaway-db.js";

const log = (s: string) => process.stdout.write(`${s}\n`);
const SIZES = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
const WEEK = addDays(mondayOf(new Date().toISOString().slice(0, 10)), 7);

function hrCtx(database: Database, agencyId: string, userId: string): Ctx {
  const actor: Actor = {
    userId,
    displayName: "Bench HR",
    employeeId: null,
    agencyId,
    unitId: null,
    unitPath: null,
    isOperator: false,
    isDemo: false,
    mustChangePassword: false,
    locale: "id",
    grants: [{ role: "hr_admin", agencyId, unitId: null, unitPath: null }],
    sessionId: "bench",
    csrfToken: "bench",
  };
  return { db: database.db, engine: database.engine, actor, requestId: "bench", ip: null, now: () => new Date() };
}

/** A synthetic agency: units of 40 under 50 bureaus, one head per unit, factors for a fifth, a cap by risk level and a national window. */
async function syntheticAgency(database: Database, size: number): Promise<string> {
  const db = database.db;
  const now = new Date().toISOString();
  const agencyId = newId();
  await db
    .insertInto("agencies")
    .values({ id: agencyId, code: `S${size}`, name: `Sintetis ${size}`, timezone: "Asia/Jakarta", created_at: now, updated_at: now })
    .execute();
  const rootId = newId();
  const unit = (id: string, parent: string | null, p: string, depth: number, i: number) => ({
    id,
    agency_id: agencyId,
    parent_id: parent,
    code: `U${i}`,
    name: `Unit ${i}`,
    timezone: "Asia/Jakarta",
    path: p,
    depth,
    created_at: now,
    updated_at: now,
  });
  const units = [unit(rootId, null, `/${rootId}/`, 0, 0)];
  const bureaus: { id: string; path: string }[] = [];
  for (let b = 0; b < 50; b++) {
    const id = newId();
    bureaus.push({ id, path: `/${rootId}/${id}/` });
    units.push(unit(id, rootId, `/${rootId}/${id}/`, 1, b + 1));
  }
  const leafCount = Math.ceil(size / 40);
  const leaves: string[] = [];
  for (let l = 0; l < leafCount; l++) {
    const id = newId();
    const parent = bureaus[l % bureaus.length];
    leaves.push(id);
    units.push(unit(id, parent.id, `${parent.path}${id}/`, 2, 100 + l));
  }
  for (let i = 0; i < units.length; i += 500)
    await db
      .insertInto("units")
      .values(units.slice(i, i + 500))
      .execute();
  const positions: { id: string; unitId: string }[] = [];
  const posRows = leaves.map((u, i) => {
    const id = newId();
    positions.push({ id, unitId: u });
    return { id, agency_id: agencyId, unit_id: u, name: `Kepala ${i}`, kind: "structural" as const, echelon: 4, is_head: 1, created_at: now, updated_at: now };
  });
  for (let i = 0; i < posRows.length; i += 500)
    await db
      .insertInto("positions")
      .values(posRows.slice(i, i + 500))
      .execute();
  const employees = [];
  const factors = [];
  for (let i = 0; i < size; i++) {
    const id = newId();
    const leaf = Math.floor(i / 40);
    const year = 1966 + (i % 34);
    employees.push({
      id,
      agency_id: agencyId,
      unit_id: leaves[leaf],
      position_id: i % 40 === 0 ? positions[leaf].id : null,
      // Unique 18 digits; the format is not checked on this path.
      nip: `${year}0101${String(i).padStart(10, "0")}`,
      name: `Pegawai ${i}`,
      email: null,
      phone: null,
      employment_type: "PNS" as const,
      status: "active" as const,
      supervisor_id: null,
      birth_date: `${year}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
      gender: (i % 2 ? "M" : "F") as "M" | "F",
      appointed_on: `${year + 24}-01`,
      created_at: now,
      updated_at: now,
    });
    if (i % 5 === 0) {
      factors.push({
        employee_id: id,
        agency_id: agencyId,
        commute_mode: (["KRL", "MRT", "BUS"] as const)[i % 3],
        commute_verified: 1,
        commute_verified_by: null,
        commute_verified_at: now,
        comorbidity: i % 7 === 0 ? 1 : 0,
        pregnancy: 0,
        caregiving: i % 3 === 0 ? 1 : 0,
        created_at: now,
        updated_at: now,
      });
    }
  }
  for (let i = 0; i < employees.length; i += 500)
    await db
      .insertInto("employees")
      .values(employees.slice(i, i + 500))
      .execute();
  for (let i = 0; i < factors.length; i += 500)
    await db
      .insertInto("arrangement_factors")
      .values(factors.slice(i, i + 500))
      .execute();
  const users = employees.map((e) => ({
    id: newId(),
    employee_id: e.id,
    email: null,
    display_name: e.name,
    password_hash: "!unset",
    must_change_password: 1,
    is_operator: 0,
    is_demo: 0,
    disabled: 0,
    locale: "id",
    password_changed_at: now,
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < users.length; i += 500)
    await db
      .insertInto("users")
      .values(users.slice(i, i + 500))
      .execute();
  await db
    .insertInto("arrangement_policies")
    .values({
      id: newId(),
      agency_id: agencyId,
      effective_from: "2020-01-01",
      legal_basis: "bench",
      note: null,
      rules: toJson({
        caps: bureaus.slice(0, 40).map((b, i) => ({ unitId: b.id, date: null, level: 1 + (i % 4) })),
        defaultMinOnSite: 1,
        windows: [{ name: "WFA", startsOn: addDays(WEEK, 4), endsOn: addDays(WEEK, 4), capPct: 0, keepMinOnSite: true, legalBasis: "bench" }],
      }),
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return agencyId;
}

async function measure(label: string, ctx: Ctx): Promise<void> {
  const t0 = performance.now();
  const started = await startGeneration(ctx, { week: WEEK, unitId: null });
  let meta = started.body;
  while (meta.status === "generating") {
    await new Promise((r) => setTimeout(r, 100));
    const row = await ctx.db.selectFrom("rosters").select(["status"]).where("id", "=", meta.id).executeTakeFirstOrThrow();
    meta = { ...meta, status: row.status };
  }
  const generated = performance.now() - t0;
  const t1 = performance.now();
  await rosterGrid(ctx, meta.id, GridQuery.parse({ pageSize: "100" }));
  const gridMs = performance.now() - t1;
  const t2 = performance.now();
  const published = await publishRoster(ctx, meta.id);
  const publishMs = performance.now() - t2;
  log(
    `${label.padEnd(28)} ${String(published.totalCount).padStart(7)} employees: generate+store ${generated.toFixed(0).padStart(6)} ms ` +
      `(answer ${started.status}), grid page ${gridMs.toFixed(0).padStart(4)} ms, publish+notify ${publishMs.toFixed(0).padStart(6)} ms, ${published.conflictCount} conflicts`,
  );
}

const engines = (process.env.BENCH_ENGINES ?? (process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL ? "sqlite,postgres" : "sqlite")).split(
  ",",
) as Engine[];
for (const engine of engines) {
  {
    const { database, cleanup } = await openThrowawayDatabase(engine, "abdi-roster");
    await migrateToLatest(database.db, engine);
    await loadDemo({ db: database.db, engine, actor: null, requestId: null, ip: null, now: () => new Date() });
    const agency = await database.db.selectFrom("agencies").select("id").executeTakeFirstOrThrow();
    const user = await database.db.selectFrom("users").select("id").executeTakeFirstOrThrow();
    await measure(`${engine}: demo agency`, hrCtx(database, agency.id, user.id));
    await cleanup();
  }
  for (const size of SIZES) {
    const { database, cleanup } = await openThrowawayDatabase(engine, "abdi-roster");
    await migrateToLatest(database.db, engine);
    const agencyId = await syntheticAgency(database, size);
    const user = await database.db.selectFrom("users").select("id").executeTakeFirstOrThrow();
    await measure(`${engine}: synthetic`, hrCtx(database, agencyId, user.id));
    await cleanup();
  }
}
