import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { createTestApp, type TestApp } from "../../../test/harness.js";
import { buildCourse, buildLearningWorld, L, type LearningWorld, ok, selfPacedRun } from "../test-support.js";
import { addDays } from "./repository.js";
import { applyAllRules } from "./rules.js";

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());

describe.each(ENGINES)("learning runs and enrolment on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  beforeAll(async () => {
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
  });
  afterAll(() => t.close());

  const enrolmentCount = async (runId: string) =>
    Number(
      (
        await t.database.db
          .selectFrom("enrolments")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("run_id", "=", runId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("self-paced: anyone enrols any time; the deadline is the enrolment day plus the run's days", async () => {
    const { admin, employee } = lw.c;
    const c = await buildCourse(admin, { code: "SP-01", title: "Mandiri" }, ["text"]);
    const runId = await selfPacedRun(admin, c.id, { selfPacedDays: 14 });
    const e = await ok<{ id: string; dueOn: string }>(employee.post(`${L}/runs/${runId}/enrol`), 201);
    expect(e.dueOn).toBe(addDays(today(), 14));
    const again = await employee.post(`${L}/runs/${runId}/enrol`);
    expect(again.statusCode).toBe(409);
    expect(again.json().enrolmentId).toBe(e.id);
    await ok(employee.del(`${L}/enrolments/${e.id}`), 204);
    const back = await ok<{ id: string }>(employee.post(`${L}/runs/${runId}/enrol`), 201);
    expect(back.id).toBe(e.id);
  });

  it("cohort: dates, capacity and facilitators; a closed or full run refuses and writes nothing", async () => {
    const { admin, employee, otherSupervisor, hr } = lw.c;
    const c = await buildCourse(admin, { code: "CO-01", title: "Kohort" }, ["text", "live"]);
    const run = await ok<{ id: string; capacity: number; facilitators: { employeeId: string }[] }>(
      admin.post(`${L}/courses/${c.id}/runs`, {
        kind: "cohort",
        title: "Angkatan I",
        startsOn: addDays(today(), -1),
        endsOn: addDays(today(), 30),
        capacity: 1,
        facilitatorIds: [lw.w.fac1.id],
      }),
      201,
    );
    expect(run.facilitators.map((f) => f.employeeId)).toEqual([lw.w.fac1.id]);
    const mine = await ok<{ dueOn: string }>(employee.post(`${L}/runs/${run.id}/enrol`), 201);
    expect(mine.dueOn).toBe(addDays(today(), 30));
    const full = await otherSupervisor.post(`${L}/runs/${run.id}/enrol`);
    expect(full.statusCode).toBe(409);
    expect(full.json().detail).toMatch(/full/);
    const byHr = await hr.post(`${L}/runs/${run.id}/enrolments`, { employeeIds: [lw.w.eY.id, lw.w.hY.id], dueOn: null });
    expect(byHr.statusCode).toBe(409);
    expect(await enrolmentCount(run.id)).toBe(1);

    await ok(admin.patch(`${L}/runs/${run.id}`, { enrolOpen: false, capacity: 10 }));
    const closed = await otherSupervisor.post(`${L}/runs/${run.id}/enrol`);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().detail).toMatch(/closed/);
    expect(await enrolmentCount(run.id)).toBe(1);

    const bad = await admin.post(`${L}/courses/${c.id}/runs`, { kind: "cohort", title: "Tanpa tanggal" });
    expect(bad.statusCode).toBe(400);
    const backwards = await admin.post(`${L}/courses/${c.id}/runs`, { kind: "cohort", title: "Mundur", startsOn: "2026-12-10", endsOn: "2026-12-01" });
    expect(backwards.statusCode).toBe(400);
    expect((await admin.post(`${L}/courses/${c.id}/runs`, { kind: "self_paced", title: "X", selfPacedDays: 5, facilitatorIds: [lw.w.eB.id] })).statusCode).toBe(
      400,
    );
  });

  it("class lists: the run's facilitators and learning admins; another run's facilitator 403; another agency 404", async () => {
    const { admin, employee, fac1, fac2, adminOtherAgency, hr } = lw.c;
    const c = await buildCourse(admin, { code: "CL-01", title: "Kelas" }, ["live"]);
    const r1 = await ok<{ id: string }>(
      admin.post(`${L}/courses/${c.id}/runs`, { kind: "self_paced", title: "R1", selfPacedDays: 9, facilitatorIds: [lw.w.fac1.id] }),
      201,
    );
    await ok(admin.post(`${L}/courses/${c.id}/runs`, { kind: "self_paced", title: "R2", selfPacedDays: 9, facilitatorIds: [lw.w.fac2.id] }), 201);
    await ok(employee.post(`${L}/runs/${r1.id}/enrol`), 201);
    const list = await ok<{ learners: { employeeId: string; name: string }[] }>(fac1.get(`${L}/runs/${r1.id}/class`));
    expect(list.learners.map((l) => l.employeeId)).toEqual([lw.w.e1.id]);
    await ok(admin.get(`${L}/runs/${r1.id}/class`));
    expect((await fac2.get(`${L}/runs/${r1.id}/class`)).statusCode).toBe(403);
    expect((await employee.get(`${L}/runs/${r1.id}/class`)).statusCode).toBe(403);
    expect((await hr.get(`${L}/runs/${r1.id}/class`)).statusCode).toBe(403);
    expect((await adminOtherAgency.get(`${L}/runs/${r1.id}/class`)).statusCode).toBe(404);
    expect(
      (await fac2.request("PUT", `${L}/runs/${r1.id}/live/${c.lessons.live}/attendance`, { entries: [{ employeeId: lw.w.e1.id, present: true }] })).statusCode,
    ).toBe(403);
    const att = await ok<{ entries: { employeeId: string; present: boolean | null }[] }>(
      fac1.request("PUT", `${L}/runs/${r1.id}/live/${c.lessons.live}/attendance`, { entries: [{ employeeId: lw.w.e1.id, present: true }] }),
    );
    expect(att.entries).toEqual([expect.objectContaining({ employeeId: lw.w.e1.id, present: true })]);
    const stranger = await fac1.request("PUT", `${L}/runs/${r1.id}/live/${c.lessons.live}/attendance`, {
      entries: [{ employeeId: lw.w.eY.id, present: true }],
    });
    expect(stranger.statusCode).toBe(400);
  });

  it("admins and HR enrol people in their scope, all or none; a past deadline is refused", async () => {
    const { admin, hrScoped, adminOtherAgency } = lw.c;
    const c = await buildCourse(admin, { code: "AS-01", title: "Penugasan" }, ["text"]);
    const runId = await selfPacedRun(admin, c.id);
    const past = await admin.post(`${L}/runs/${runId}/enrolments`, { employeeIds: [lw.w.e1.id], dueOn: addDays(today(), -1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].path).toBe("dueOn");
    const outOfScope = await hrScoped.post(`${L}/runs/${runId}/enrolments`, { employeeIds: [lw.w.eY.id, lw.w.e1.id], dueOn: null });
    expect(outOfScope.statusCode).toBe(403);
    expect(await enrolmentCount(runId)).toBe(0);
    expect((await adminOtherAgency.post(`${L}/runs/${runId}/enrolments`, { employeeIds: [lw.w.eB.id], dueOn: null })).statusCode).toBe(404);
    expect((await admin.post(`${L}/runs/${runId}/enrolments`, { employeeIds: [lw.w.eB.id], dueOn: null })).statusCode).toBe(400);
    const r = await ok<{ enrolled: number }>(hrScoped.post(`${L}/runs/${runId}/enrolments`, { employeeIds: [lw.w.eY.id], dueOn: addDays(today(), 5) }));
    expect(r.enrolled).toBe(1);
    const row = await t.database.db.selectFrom("enrolments").selectAll().where("run_id", "=", runId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ employee_id: lw.w.eY.id, source: "assigned", due_on: addDays(today(), 5), status: "active" });
  });

  it("a draft course's run takes no one, and prerequisites must be completed first", async () => {
    const { admin, employee } = lw.c;
    const draft = await buildCourse(admin, { code: "DR-01", title: "Draf", draft: true }, ["text"]);
    const draftRun = await selfPacedRun(admin, draft.id);
    expect((await employee.post(`${L}/runs/${draftRun}/enrol`)).statusCode).toBe(404);
    const basic = await buildCourse(admin, { code: "PR-01", title: "Dasar" }, ["text"]);
    const advanced = await buildCourse(admin, { code: "PR-02", title: "Lanjutan", prerequisiteIds: [basic.id] }, ["text"]);
    const runId = await selfPacedRun(admin, advanced.id);
    const refused = await employee.post(`${L}/runs/${runId}/enrol`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().missingCourseIds).toEqual([basic.id]);
    const basicRun = await selfPacedRun(admin, basic.id);
    const e = await ok<{ id: string }>(employee.post(`${L}/runs/${basicRun}/enrol`), 201);
    await ok(employee.post(`${L}/enrolments/${e.id}/lessons/${basic.lessons.text}/progress`, { completed: true }));
    await ok(employee.post(`${L}/runs/${runId}/enrol`), 201);
  });

  it("mandatory rules enrol matching people by unit, on demand and by the recurring job", async () => {
    const { admin, employee, hrScoped } = lw.c;
    const c = await buildCourse(admin, { code: "RL-01", title: "Wajib" }, ["text"]);
    const runId = await selfPacedRun(admin, c.id);
    const unknown = await admin.post(`${L}/rules`, { runId, name: "Kosong" });
    expect(unknown.statusCode).toBe(400);
    expect((await employee.post(`${L}/rules`, { runId, name: "X", unitId: lw.w.X.id })).statusCode).toBe(403);
    expect((await hrScoped.post(`${L}/rules`, { runId, name: "X", unitId: lw.w.Y.id })).statusCode).toBe(403);
    const rule = await ok<{ id: string }>(admin.post(`${L}/rules`, { runId, name: "Unit X1", unitId: lw.w.X1.id, dueDays: 10 }), 201);
    const applied = await ok<{ enrolled: number }>(admin.post(`${L}/rules/${rule.id}/apply`));
    expect(applied.enrolled).toBe(2);
    const rows = await t.database.db.selectFrom("enrolments").selectAll().where("run_id", "=", runId).execute();
    expect(rows.map((r) => r.employee_id).sort()).toEqual([lw.w.hX1.id, lw.w.e1.id].sort());
    expect(rows.every((r) => r.source === "rule" && r.due_on === addDays(today(), 10))).toBe(true);
    await ok(admin.post(`${L}/rules`, { runId, name: "Unit Y", unitId: lw.w.Y.id }), 201);
    const job = await applyAllRules(t.database.db, engine, new Date());
    // Unit Y: its head, its staff, its HR admin and a facilitator working there.
    expect(job.enrolled).toBe(4);
    expect((await applyAllRules(t.database.db, engine, new Date())).enrolled).toBe(0);
    expect(await enrolmentCount(runId)).toBe(6);
  });

  it("rules by position name and by new hires pick exactly the matching people", async () => {
    const { admin } = lw.c;
    const c = await buildCourse(admin, { code: "RL-02", title: "Kepemimpinan" }, ["text"]);
    const runId = await selfPacedRun(admin, c.id);
    const heads = await ok<{ id: string }>(admin.post(`${L}/rules`, { runId, name: "Kepala di X", unitId: lw.w.X.id, positionName: "Kepala" }), 201);
    expect((await ok<{ enrolled: number }>(admin.post(`${L}/rules/${heads.id}/apply`))).enrolled).toBe(2);
    const month = today().slice(0, 7);
    await t.database.db.updateTable("employees").set({ appointed_on: month }).where("id", "=", lw.w.eB.id).execute();
    await t.database.db.updateTable("employees").set({ appointed_on: month }).where("id", "=", lw.w.eY.id).execute();
    const hires = await ok<{ id: string }>(admin.post(`${L}/rules`, { runId, name: "Pegawai baru", newHireMonths: 1 }), 201);
    expect((await ok<{ enrolled: number }>(admin.post(`${L}/rules/${hires.id}/apply`))).enrolled).toBe(1);
    const rows = await t.database.db.selectFrom("enrolments").select("employee_id").where("run_id", "=", runId).execute();
    expect(rows.map((r) => r.employee_id).sort()).toEqual([lw.w.hX.id, lw.w.hX1.id, lw.w.eY.id].sort());
    await ok(admin.patch(`${L}/rules/${hires.id}`, { active: false }));
    await ok(admin.del(`${L}/rules/${heads.id}`), 204);
    const left = (await ok<{ id: string; runId: string; active: boolean }[]>(admin.get(`${L}/rules`))).filter((r) => r.runId === runId);
    expect(left).toEqual([expect.objectContaining({ id: hires.id, active: false })]);
  });

  it("a cohort that has not started locks its lessons", async () => {
    const { admin, employee } = lw.c;
    const c = await buildCourse(admin, { code: "LK-01", title: "Belum mulai" }, ["text"]);
    const run = await ok<{ id: string }>(
      admin.post(`${L}/courses/${c.id}/runs`, { kind: "cohort", title: "Angkatan II", startsOn: addDays(today(), 1), endsOn: addDays(today(), 10) }),
      201,
    );
    const e = await ok<{ id: string }>(employee.post(`${L}/runs/${run.id}/enrol`), 201);
    const view = await ok<{ outline: { lessons: { locked: string | null }[] }[] }>(employee.get(`${L}/enrolments/${e.id}`));
    expect(view.outline[0].lessons[0].locked).toBe("not_started");
    expect((await employee.get(`${L}/enrolments/${e.id}/lessons/${c.lessons.text}`)).statusCode).toBe(409);
    expect((await employee.post(`${L}/enrolments/${e.id}/lessons/${c.lessons.text}/progress`, { completed: true })).statusCode).toBe(409);
  });
});
