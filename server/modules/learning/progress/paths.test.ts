import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { createTestApp, type TestApp } from "../../../test/harness.js";
import { ACTORS } from "../../../test/org-world.js";
import { type BuiltCourse, buildCourse, buildLearningWorld, L, type LearningWorld, ok, selfPacedRun } from "../test-support.js";

const ALL = [...ACTORS, "admin", "adminOtherAgency", "fac1", "fac2"] as const;
type Who = (typeof ALL)[number];

interface PathOut {
  id: string;
  title: string;
  status: string;
  courseCount?: number;
  completedCount: number;
  nextCourseId: string | null;
  courses: { id: string; title: string; completed: boolean; myEnrolment: { id: string; status: string; progressPct: number } | null }[];
}

describe.each(ENGINES)("learning paths on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  let a: BuiltCourse;
  let b: BuiltCourse;
  let c: BuiltCourse;
  beforeAll(async () => {
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
    a = await buildCourse(lw.c.admin, { code: "JLR-A", title: "Dasar" }, ["text"]);
    b = await buildCourse(lw.c.admin, { code: "JLR-B", title: "Menengah" }, ["text", "pdf"]);
    c = await buildCourse(lw.c.admin, { code: "JLR-C", title: "Lanjut (draf)", draft: true }, ["text"]);
  });
  afterAll(() => t.close());

  const statuses = async (call: (who: Who) => Promise<{ statusCode: number }>) => {
    const out = {} as Record<Who, number>;
    for (const who of ALL) out[who] = (await call(who)).statusCode;
    return out;
  };
  const expected = (over: Partial<Record<Who, number>>, rest: number) => Object.fromEntries(ALL.map((w) => [w, over[w] ?? rest]));
  const auditOf = (id: string) => t.database.db.selectFrom("audit_events").select("action").where("subject_id", "=", id).orderBy("created_at").execute();

  it("shows each course of a published path with the learner's own enrolment and progress; drafts stay hidden from learners", async () => {
    const { admin, employee } = lw.c;
    const path = await ok<PathOut>(admin.post(`${L}/paths`, { title: "Jalur Analis", courseIds: [a.id, b.id, c.id], status: "published" }), 201);
    // The author sees the draft course in the path; the learner sees only published ones.
    expect(path.courses.map((x) => x.id)).toEqual([a.id, b.id, c.id]);
    const runA = await selfPacedRun(admin, a.id);
    const runB = await selfPacedRun(admin, b.id);
    const eA = await ok<{ id: string }>(employee.post(`${L}/runs/${runA}/enrol`), 201);
    await ok(employee.post(`${L}/enrolments/${eA.id}/lessons/${a.lessons.text}/progress`, { completed: true }));
    const eB = await ok<{ id: string }>(employee.post(`${L}/runs/${runB}/enrol`), 201);
    await ok(employee.post(`${L}/enrolments/${eB.id}/lessons/${b.lessons.text}/progress`, { completed: true }));

    const seen = await ok<PathOut>(employee.get(`${L}/paths/${path.id}`));
    expect(seen.courses).toEqual([
      expect.objectContaining({ id: a.id, completed: true, myEnrolment: { id: eA.id, status: "completed", progressPct: 100 } }),
      expect.objectContaining({ id: b.id, completed: false, myEnrolment: { id: eB.id, status: "active", progressPct: 50 } }),
    ]);
    expect(seen).toMatchObject({ completedCount: 1, nextCourseId: b.id });
    // Someone who never enrolled sees the same path without enrolments.
    const other = await ok<PathOut>(lw.c.otherSupervisor.get(`${L}/paths/${path.id}`));
    expect(other.courses.map((x) => x.myEnrolment)).toEqual([null, null]);
    expect(other.nextCourseId).toBe(a.id);

    const list = await ok<PathOut[]>(employee.get(`${L}/paths`));
    expect(list.find((p) => p.id === path.id)).toMatchObject({ courseCount: 2, completedCount: 1 });
    const authorList = await ok<PathOut[]>(admin.get(`${L}/paths`));
    expect(authorList.find((p) => p.id === path.id)).toMatchObject({ courseCount: 3, completedCount: 0 });
  });

  it("reorders and edits a path; bad input is a problem with field paths and changes nothing", async () => {
    const { admin } = lw.c;
    const path = await ok<PathOut>(admin.post(`${L}/paths`, { title: "Jalur Urut", courseIds: [a.id, b.id] }), 201);
    expect(path.status).toBe("draft");
    const moved = await ok<PathOut>(admin.patch(`${L}/paths/${path.id}`, { courseIds: [b.id, a.id], title: "Jalur Urut Baru", competency: "Analisis" }));
    expect(moved.courses.map((x) => x.id)).toEqual([b.id, a.id]);
    expect(moved.title).toBe("Jalur Urut Baru");

    const other = await buildCourse(lw.c.adminOtherAgency, { code: "LAIN-1", title: "Kursus instansi lain" }, ["text"]);
    for (const body of [{ courseIds: [a.id, a.id] }, { courseIds: [other.id] }, { courseIds: [] }, { title: "" }, { status: "archived" }, { extra: 1 }]) {
      const res = await admin.patch(`${L}/paths/${path.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    }
    const bad = (await admin.patch(`${L}/paths/${path.id}`, { courseIds: [a.id, a.id] })).json();
    expect(bad.errors).toEqual([expect.objectContaining({ path: "courseIds" })]);
    const after = await ok<PathOut>(admin.get(`${L}/paths/${path.id}`));
    expect(after.courses.map((x) => x.id)).toEqual([b.id, a.id]);
    expect((await admin.get(`${L}/paths/not-an-id`)).statusCode).toBe(400);
  });

  it("deletes a path with an audit trail; its courses and enrolments stay", async () => {
    const { admin, employee } = lw.c;
    const path = await ok<PathOut>(admin.post(`${L}/paths`, { title: "Jalur Sementara", courseIds: [a.id], status: "published" }), 201);
    const enrolments = await t.database.db.selectFrom("enrolments").select("id").execute();
    expect((await employee.del(`${L}/paths/${path.id}`)).statusCode).toBe(403);
    expect((await lw.c.adminOtherAgency.del(`${L}/paths/${path.id}`)).statusCode).toBe(404);
    expect((await admin.del(`${L}/paths/${path.id}`)).statusCode).toBe(204);
    expect((await admin.get(`${L}/paths/${path.id}`)).statusCode).toBe(404);
    expect((await admin.del(`${L}/paths/${path.id}`)).statusCode).toBe(404);
    expect(await t.database.db.selectFrom("learning_path_courses").select("course_id").where("path_id", "=", path.id).execute()).toEqual([]);
    expect(await t.database.db.selectFrom("enrolments").select("id").execute()).toEqual(enrolments);
    expect((await admin.get(`${L}/courses/${a.id}`)).statusCode).toBe(200);
    expect((await auditOf(path.id)).map((e) => e.action)).toEqual(["learning.path_created", "learning.path_deleted"]);
  });

  it("permission matrix: reading a published path, creating, editing and deleting", async () => {
    const published = await ok<PathOut>(lw.c.admin.post(`${L}/paths`, { title: "Jalur Matriks", courseIds: [a.id], status: "published" }), 201);
    const draft = await ok<PathOut>(lw.c.admin.post(`${L}/paths`, { title: "Jalur Draf", courseIds: [a.id] }), 201);
    const gone = { hrOtherAgency: 404, adminOtherAgency: 404, outsider: 401 };
    expect(await statuses((w) => lw.c[w].get(`${L}/paths/${published.id}`))).toEqual(expected(gone, 200));
    expect(await statuses((w) => lw.c[w].get(`${L}/paths/${draft.id}`))).toEqual(expected({ admin: 200, outsider: 401 }, 404));
    expect(await statuses((w) => lw.c[w].post(`${L}/paths`, { title: `Jalur ${w}`, courseIds: [a.id] }))).toEqual(
      // Another agency's admin creates in their own agency, where this course is unknown.
      expected({ admin: 201, adminOtherAgency: 400, outsider: 401 }, 403),
    );
    expect(await statuses((w) => lw.c[w].patch(`${L}/paths/${published.id}`, { title: `oleh ${w}` }))).toEqual(expected({ ...gone, admin: 200 }, 403));
    // A draft path does not exist for anyone but its agency's learning admins.
    expect(await statuses((w) => lw.c[w].del(`${L}/paths/${draft.id}`))).toEqual(expected({ admin: 204, outsider: 401 }, 404));
  });
});
