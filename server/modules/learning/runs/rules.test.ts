import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { ACTORS } from "../../../test/org-world.js";
import { buildCourse, buildLearningWorld, L, type LearningWorld, ok, selfPacedRun } from "../test-support.js";

const ALL = [...ACTORS, "admin", "adminOtherAgency", "fac1", "fac2"] as const;
type Who = (typeof ALL)[number];

interface RuleOut {
  id: string;
  runId: string;
  courseId: string;
  name: string;
  unitId: string | null;
  positionName: string | null;
  newHireMonths: number | null;
  dueDays: number | null;
  active: boolean;
  lastAppliedAt: string | null;
  courseTitle: string;
  runTitle: string;
  runKind: string;
  unitName: string | null;
}

describe.each(ENGINES)("mandatory-enrolment rules on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  let runId: string;
  let courseId: string;
  let scopedAdmin: Client;
  beforeAll(async () => {
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
    const c = await buildCourse(lw.c.admin, { code: "WJB-01", title: "Orientasi Pegawai" }, ["text"]);
    courseId = c.id;
    runId = await selfPacedRun(lw.c.admin, c.id, { title: "Orientasi mandiri" });
    const la = await t.factory.employee({
      agencyId: lw.w.A.id,
      unitId: lw.w.Y.id,
      name: "Admin Pembelajaran Y",
      roles: [{ role: "learning_admin", unitId: lw.w.Y.id }],
    });
    scopedAdmin = await Client.signIn(t.app, la.nip);
  });
  afterAll(() => t.close());

  const statuses = async (who: readonly Who[], call: (who: Who) => Promise<{ statusCode: number }>) => {
    const out: Partial<Record<Who, number>> = {};
    for (const w of who) out[w] = (await call(w)).statusCode;
    return out;
  };
  const expected = (who: readonly Who[], over: Partial<Record<Who, number>>, rest: number) => Object.fromEntries(who.map((w) => [w, over[w] ?? rest]));

  it("lists rules with their course, run and unit by name; create and edit answer the same shape", async () => {
    const { admin } = lw.c;
    const rule = await ok<RuleOut>(admin.post(`${L}/rules`, { runId, name: "Unit X1 wajib orientasi", unitId: lw.w.X1.id, dueDays: 14 }), 201);
    expect(rule).toMatchObject({
      runId,
      courseId,
      unitId: lw.w.X1.id,
      dueDays: 14,
      active: true,
      lastAppliedAt: null,
      courseTitle: "Orientasi Pegawai",
      runTitle: "Orientasi mandiri",
      runKind: "self_paced",
      unitName: "Unit X1",
    });
    const edited = await ok<RuleOut>(admin.patch(`${L}/rules/${rule.id}`, { active: false, name: "Unit X1 (jeda)" }));
    expect(edited).toMatchObject({ name: "Unit X1 (jeda)", active: false, unitName: "Unit X1", courseTitle: "Orientasi Pegawai" });
    const hires = await ok<RuleOut>(admin.post(`${L}/rules`, { runId, name: "Pegawai baru", newHireMonths: 6 }), 201);
    expect(hires).toMatchObject({ unitId: null, unitName: null, newHireMonths: 6 });
    const list = await ok<RuleOut[]>(admin.get(`${L}/rules`));
    expect(list.map((r) => r.id)).toEqual([rule.id, hires.id]);
    expect(list[1]).toEqual(hires);
    const actions = await t.database.db.selectFrom("audit_events").select("action").where("subject_id", "=", rule.id).orderBy("created_at").execute();
    expect(actions.map((a) => a.action)).toEqual(["learning.rule_created", "learning.rule_updated"]);
  });

  it("refuses bad rules with field paths and writes nothing", async () => {
    const { admin } = lw.c;
    const before = await t.database.db.selectFrom("enrolment_rules").select("id").execute();
    const cases: [Record<string, unknown>, string][] = [
      [{ runId, name: "Tanpa kriteria" }, "unitId"],
      [{ runId, name: "Unit lain", unitId: lw.w.B.root.id }, "unitId"],
      [{ runId, name: "Nol bulan", newHireMonths: 0 }, "newHireMonths"],
      [{ runId, name: "", newHireMonths: 3 }, "name"],
      [{ runId, name: "Tenggat", newHireMonths: 3, dueDays: -1 }, "dueDays"],
      [{ runId: "bukan-id", name: "X", newHireMonths: 3 }, "runId"],
    ];
    for (const [body, path] of cases) {
      const res = await admin.post(`${L}/rules`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      // Schema errors name the body field ("body.unitId"), rule checks the field itself.
      expect(res.json().errors.map((e: { path: string }) => e.path.replace(/^body\./, ""))).toContain(path);
    }
    expect(await t.database.db.selectFrom("enrolment_rules").select("id").execute()).toEqual(before);
  });

  it("applies a rule now and tells how many were enrolled, and why it stopped when the run is full", async () => {
    const { admin } = lw.c;
    const full = await selfPacedRun(admin, courseId, { title: "Satu kursi", capacity: 1 });
    const rule = await ok<RuleOut>(admin.post(`${L}/rules`, { runId: full, name: "Unit X1 ke kelas kecil", unitId: lw.w.X1.id }), 201);
    // Unit X1 has its head and one staff member: one seat.
    expect(await ok(admin.post(`${L}/rules/${rule.id}/apply`))).toEqual({ enrolled: 1, skipped: "This run is full" });
    expect(await ok(admin.post(`${L}/rules/${rule.id}/apply`))).toEqual({ enrolled: 0, skipped: "This run is full" });
    const listed = (await ok<RuleOut[]>(admin.get(`${L}/rules`))).find((r) => r.id === rule.id);
    expect(listed?.lastAppliedAt).not.toBeNull();
  });

  it("a learning admin over a unit manages rules inside it only", async () => {
    expect((await scopedAdmin.post(`${L}/rules`, { runId, name: "X dari Y", unitId: lw.w.X.id })).statusCode).toBe(403);
    expect((await scopedAdmin.post(`${L}/rules`, { runId, name: "Seluruh instansi", newHireMonths: 3 })).statusCode).toBe(403);
    const own = await ok<RuleOut>(scopedAdmin.post(`${L}/rules`, { runId, name: "Unit Y", unitId: lw.w.Y.id }), 201);
    const wide = await ok<RuleOut>(lw.c.admin.post(`${L}/rules`, { runId, name: "Kepala unit", positionName: "Kepala" }), 201);
    expect((await scopedAdmin.patch(`${L}/rules/${wide.id}`, { active: false })).statusCode).toBe(403);
    expect((await scopedAdmin.post(`${L}/rules/${wide.id}/apply`)).statusCode).toBe(403);
    await ok(scopedAdmin.del(`${L}/rules/${own.id}`), 204);
  });

  it("permission matrix: list, create, edit, apply and delete", async () => {
    const rule = await ok<RuleOut>(lw.c.admin.post(`${L}/rules`, { runId, name: "Matriks", unitId: lw.w.Y.id }), 201);
    const gone = { hrOtherAgency: 404, adminOtherAgency: 404, outsider: 401 };
    // Another agency's learning admin lists their own agency's rules.
    expect(await statuses(ALL, (w) => lw.c[w].get(`${L}/rules`))).toEqual(expected(ALL, { admin: 200, adminOtherAgency: 200, outsider: 401 }, 403));
    const created = await statuses(ALL, (w) => lw.c[w].post(`${L}/rules`, { runId, name: `Oleh ${w}`, unitId: lw.w.Y.id }));
    expect(created).toEqual(expected(ALL, { ...gone, admin: 201 }, 403));
    expect(await statuses(ALL, (w) => lw.c[w].patch(`${L}/rules/${rule.id}`, { name: `Oleh ${w}` }))).toEqual(expected(ALL, { ...gone, admin: 200 }, 403));
    expect(await statuses(ALL, (w) => lw.c[w].post(`${L}/rules/${rule.id}/apply`))).toEqual(expected(ALL, { ...gone, admin: 200 }, 403));
    const others = ALL.filter((w) => w !== "admin");
    expect(await statuses(others, (w) => lw.c[w].del(`${L}/rules/${rule.id}`))).toEqual(expected(others, gone, 403));
    expect((await lw.c.admin.del(`${L}/rules/${rule.id}`)).statusCode).toBe(204);
    expect((await lw.c.admin.del(`${L}/rules/${rule.id}`)).statusCode).toBe(404);
  });
});
