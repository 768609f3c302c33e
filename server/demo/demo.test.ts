import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../db/schema.js";
import { derivedSupervisor, directReportIds, loadSnapshot, todayIn } from "../modules/org/hierarchy.js";
import { decodeNip } from "../modules/org/nip.js";
import type { SystemCtx } from "../platform/context.js";
import { ENGINES } from "../test/engines.js";
import { Client, createTestApp, type TestApp } from "../test/harness.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from "./seed.js";

const sys = (t: TestApp): SystemCtx => ({ db: t.database.db, engine: t.database.engine, actor: null, requestId: null, ip: null, now: () => new Date() });

/** What each demo account must be able to do once signed in. */
const EXPECTED: Record<string, { role?: Role; operator?: boolean; supervisor?: boolean; employee: boolean }> = {
  "hr@demo.abdi.go.id": { role: "hr_admin", operator: true, employee: true },
  "pimpinan@demo.abdi.go.id": { role: "leader", employee: true },
  "atasan@demo.abdi.go.id": { supervisor: true, employee: true },
  "pegawai@demo.abdi.go.id": { employee: true },
  "kesehatan@demo.abdi.go.id": { role: "health_officer", employee: true },
  "pembelajaran@demo.abdi.go.id": { role: "learning_admin", employee: true },
  "fasilitator@demo.abdi.go.id": { role: "facilitator", employee: true },
  "operator@demo.abdi.go.id": { operator: true, employee: false },
};

describe.each(ENGINES)("demo agency on %s", (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    await loadDemo(sys(t));
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const agency = () => db().selectFrom("agencies").selectAll().executeTakeFirstOrThrow();
  const employeeByEmail = (email: string) => db().selectFrom("employees").selectAll().where("email", "=", email).executeTakeFirstOrThrow();

  it("builds one consistent unit tree, at least four levels deep, over the time zones", async () => {
    const units = await db().selectFrom("units").selectAll().execute();
    const byId = new Map(units.map((u) => [u.id, u]));
    const roots = units.filter((u) => u.parent_id === null);
    expect(roots).toHaveLength(1);
    expect(roots[0].depth).toBe(0);
    for (const u of units) {
      if (!u.parent_id) continue;
      const parent = byId.get(u.parent_id);
      expect(parent).toBeDefined();
      expect(u.depth).toBe((parent?.depth ?? -9) + 1);
      expect(u.path).toBe(`${parent?.path}${u.id}/`);
    }
    expect(Math.max(...units.map((u) => u.depth))).toBeGreaterThanOrEqual(3);
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    const zones = new Set(units.map((u) => u.timezone));
    for (const tz of ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Pontianak"]) expect(zones).toContain(tz);
  });

  it("gives each unit one head position with an echelon, and functional and executor positions", async () => {
    const positions = await db().selectFrom("positions").selectAll().execute();
    const units = await db().selectFrom("units").select("id").execute();
    for (const u of units) {
      const heads = positions.filter((p) => p.unit_id === u.id && p.is_head === 1);
      expect(heads).toHaveLength(1);
      expect(heads[0].kind).toBe("structural");
      expect(heads[0].echelon).toBeGreaterThanOrEqual(1);
      expect(heads[0].echelon).toBeLessThanOrEqual(4);
    }
    const kinds = new Set(positions.map((p) => p.kind));
    expect(kinds).toEqual(new Set(["structural", "functional", "executor"]));
    expect(new Set(positions.map((p) => p.echelon))).toEqual(new Set([1, 2, 3, 4, null]));
  });

  it("has 300+ active employees whose NIPs are valid and match their birth date, gender and appointment", async () => {
    const employees = await db().selectFrom("employees").selectAll().execute();
    expect(employees.length).toBeGreaterThanOrEqual(320);
    expect(employees.filter((e) => e.status === "active").length).toBeGreaterThanOrEqual(300);
    expect(employees.some((e) => e.status === "inactive")).toBe(true);
    expect(new Set(employees.map((e) => e.employment_type))).toEqual(new Set(["PNS", "PPPK"]));
    expect(new Set(employees.map((e) => e.gender))).toEqual(new Set(["M", "F"]));
    expect(new Set(employees.map((e) => e.nip)).size).toBe(employees.length);
    for (const e of employees) {
      const d = decodeNip(e.nip);
      expect(d.ok, `${e.nip}: ${d.ok ? "" : d.message}`).toBe(true);
      if (!d.ok) continue;
      expect(d.value.birthDate).toBe(e.birth_date);
      expect(d.value.gender).toBe(e.gender);
      expect(d.value.appointedOn).toBe(e.appointed_on);
      const by = Number(e.birth_date.slice(0, 4));
      expect(by).toBeGreaterThanOrEqual(1965);
      expect(by).toBeLessThanOrEqual(2000);
      const ageAtAppointment = Number(e.appointed_on.slice(0, 4)) - by;
      expect(ageAtAppointment).toBeGreaterThanOrEqual(21);
      expect(ageAtAppointment).toBeLessThanOrEqual(35);
      expect(e.email).toMatch(/^[a-z0-9.]+@demo\.abdi\.go\.id$/);
      expect(e.phone).toMatch(/^\+62 8\d{2} \d{4} \d{4}$/);
    }
    const emails = employees.map((e) => e.email);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it("grants every role, agency-wide and scoped to a regional office, and has an operator", async () => {
    const grants = await db().selectFrom("role_grants").select(["role", "unit_id"]).execute();
    for (const role of ["hr_admin", "leader", "health_officer", "learning_admin", "facilitator"] as const) {
      expect(grants.some((g) => g.role === role && g.unit_id === null)).toBe(true);
    }
    for (const role of ["hr_admin", "leader", "health_officer"] as const) expect(grants.some((g) => g.role === role && g.unit_id !== null)).toBe(true);
    const users = await db().selectFrom("users").selectAll().execute();
    const employeeCount = (await db().selectFrom("employees").select("id").execute()).length;
    expect(users).toHaveLength(employeeCount + 1);
    expect(users.every((u) => u.is_demo === 1 && u.must_change_password === 0)).toBe(true);
    const operator = users.find((u) => u.email === "operator@demo.abdi.go.id");
    expect(operator).toMatchObject({ employee_id: null, is_operator: 1 });
    const settings = await db().selectFrom("settings").select("key").execute();
    expect(settings.map((s) => s.key)).toContain("demo.installation");
    const events = await db().selectFrom("audit_events").select("action").where("action", "=", "demo.loaded").execute();
    expect(events).toHaveLength(1);
  });

  it("gives everyone but the agency head a supervisor, with acting officials in vacant chairs", async () => {
    const a = await agency();
    const today = todayIn(a.timezone);
    const snapshot = await loadSnapshot(db(), a.id, today);
    const root = [...snapshot.units.values()].find((u) => u.parent_id === null);
    const agencyHead = snapshot.heads.get(root?.id ?? "")?.[0];
    expect(agencyHead).toBe((await employeeByEmail("pimpinan@demo.abdi.go.id")).id);
    const employees = await db().selectFrom("employees").select(["id", "unit_id", "supervisor_id"]).execute();
    for (const e of employees) {
      if (e.id === agencyHead) expect(derivedSupervisor(snapshot, e)).toBeNull();
      else expect(derivedSupervisor(snapshot, e), e.id).not.toBeNull();
    }
    expect(employees.filter((e) => e.supervisor_id !== null)).toHaveLength(1);

    // Some units have no head in office; an acting official covering today stands in.
    const heads = await db()
      .selectFrom("employees")
      .innerJoin("positions", "positions.id", "employees.position_id")
      .select("positions.unit_id")
      .where("positions.is_head", "=", 1)
      .where("employees.status", "=", "active")
      .execute();
    const staffed = new Set(heads.map((h) => h.unit_id));
    const vacant = [...snapshot.units.keys()].filter((id) => !staffed.has(id));
    expect(vacant.length).toBeGreaterThanOrEqual(1);
    const acting = await db().selectFrom("acting_assignments").selectAll().where("starts_on", "<=", today).where("ends_on", ">=", today).execute();
    for (const unitId of vacant) expect(acting.some((x) => x.unit_id === unitId)).toBe(true);
    expect(new Set(acting.map((x) => x.kind))).toEqual(new Set(["plt", "plh"]));

    const atasan = await employeeByEmail("atasan@demo.abdi.go.id");
    const pegawai = await employeeByEmail("pegawai@demo.abdi.go.id");
    expect(derivedSupervisor(snapshot, pegawai)).toBe(atasan.id);
    const reports = await directReportIds(db(), snapshot, atasan.id);
    expect(reports).toContain(pegawai.id);
    expect(reports.length).toBeGreaterThanOrEqual(4);
    const atasanPosition = await db()
      .selectFrom("positions")
      .selectAll()
      .where("id", "=", atasan.position_id ?? "")
      .executeTakeFirstOrThrow();
    expect(atasanPosition).toMatchObject({ is_head: 1 });
    expect([3, 4]).toContain(atasanPosition.echelon);
    expect(snapshot.units.get(atasan.unit_id)?.timezone).toBe("Asia/Jakarta");
  });

  it("signs in every demo account with the demo password, and any employee by NIP", async () => {
    expect(DEMO_ACCOUNTS.map((x) => x.email).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const account of DEMO_ACCOUNTS) {
      const c = await Client.signIn(t.app, account.email, DEMO_PASSWORD);
      const me = (await c.get("/api/v1/auth/me")).json();
      const want = EXPECTED[account.email];
      expect(me.isDemo, account.email).toBe(true);
      expect(me.employeeId !== null, account.email).toBe(want.employee);
      if (want.role)
        expect(
          me.grants.map((g: { role: string }) => g.role),
          account.email,
        ).toContain(want.role);
      if (want.operator) expect(me.isOperator, account.email).toBe(true);
      if (want.supervisor) expect(me.isSupervisor, account.email).toBe(true);
    }
    const someone = await db().selectFrom("employees").select("nip").where("status", "=", "active").orderBy("nip").limit(1).executeTakeFirstOrThrow();
    await Client.signIn(t.app, someone.nip, DEMO_PASSWORD);
  });

  it("refuses a second load and leaves the data as it was", async () => {
    const count = async () =>
      (await db().selectFrom("employees").select("id").execute()).length + (await db().selectFrom("users").select("id").execute()).length;
    const before = await count();
    await expect(loadDemo(sys(t))).rejects.toMatchObject({ code: "already_set_up" });
    expect(await count()).toBe(before);
    expect(await db().selectFrom("agencies").select("id").execute()).toHaveLength(1);
  });

  describe("on an installation not started in demo mode", () => {
    let plain: TestApp;
    beforeAll(async () => {
      plain = await createTestApp(engine);
      await loadDemo(sys(plain));
    });
    afterAll(() => plain.close());

    it("comes out the same every time", async () => {
      const people = (x: TestApp) => x.database.db.selectFrom("employees").select(["nip", "name", "email", "phone", "status"]).orderBy("nip").execute();
      const units = (x: TestApp) => x.database.db.selectFrom("units").select(["code", "name", "timezone", "depth"]).orderBy("code").execute();
      expect(await people(plain)).toEqual(await people(t));
      expect(await units(plain)).toEqual(await units(t));
    });

    it("lets demo accounts in while the demo setting is there, and refuses them once it is gone", async () => {
      await Client.signIn(plain.app, "pegawai@demo.abdi.go.id", DEMO_PASSWORD);
      await plain.database.db.deleteFrom("settings").where("key", "=", "demo.installation").execute();
      for (const account of DEMO_ACCOUNTS) {
        const res = await plain.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login: account.email, password: DEMO_PASSWORD } });
        expect(res.statusCode, account.email).toBe(403);
        expect(res.json().code, account.email).toBe("demo_account_disabled");
      }
    });
  });
});
