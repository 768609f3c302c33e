import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { createTestApp, type TestApp } from "../../../test/harness.js";
import { buildCourse, buildLearningWorld, L, type LearningWorld, ok } from "../test-support.js";

describe.each(ENGINES)("learning authoring on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  beforeAll(async () => {
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
  });
  afterAll(() => t.close());

  const count = async (table: "courses" | "course_modules" | "lessons") =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("a learning admin builds, orders, publishes and copies a course; learners see it once published", async () => {
    const { admin, employee } = lw.c;
    const draft = await buildCourse(admin, { code: "PP-01", title: "Pelayanan Publik Prima", draft: true }, ["text", "video"]);
    expect((await employee.get(`${L}/courses/${draft.id}`)).statusCode).toBe(404);
    const mod2 = await ok<{ id: string; ordinal: number }>(admin.post(`${L}/courses/${draft.id}/modules`, { title: "Modul 2" }), 201);
    expect(mod2.ordinal).toBe(2);
    await ok(admin.post(`${L}/courses/${draft.id}/modules/reorder`, { ids: [mod2.id, draft.moduleIds[0]] }));
    await ok(admin.post(`${L}/modules/${draft.moduleIds[0]}/lessons/reorder`, { ids: [draft.lessons.video, draft.lessons.text] }));
    const preview = await ok<{ outline: { id: string; lessons: { id: string }[] }[] }>(admin.get(`${L}/courses/${draft.id}/preview`));
    expect(preview.outline.map((m) => m.id)).toEqual([mod2.id, draft.moduleIds[0]]);
    expect(preview.outline[1].lessons.map((l) => l.id)).toEqual([draft.lessons.video, draft.lessons.text]);

    const published = await ok<{ status: string; publishedAt: string }>(admin.post(`${L}/courses/${draft.id}/publish`));
    expect(published.status).toBe("published");
    const page = await ok<{ outline: { lessons: { kind: string }[] }[]; canAuthor: boolean }>(employee.get(`${L}/courses/${draft.id}`));
    expect(page.canAuthor).toBe(false);
    expect(page.outline[1].lessons.map((l) => l.kind)).toEqual(["video", "text"]);

    const copy = await ok<{ id: string; status: string; code: string }>(
      admin.post(`${L}/courses/${draft.id}/copy`, { code: "PP-02", title: "Pelayanan Publik Prima 2027" }),
      201,
    );
    expect(copy.status).toBe("draft");
    const copied = await ok<{ outline: { lessons: { kind: string }[] }[] }>(admin.get(`${L}/courses/${copy.id}/preview`));
    expect(copied.outline.flatMap((m) => m.lessons.map((l) => l.kind))).toEqual(["video", "text"]);

    await ok(admin.post(`${L}/courses/${draft.id}/unpublish`, {}));
    expect((await employee.get(`${L}/courses/${draft.id}`)).statusCode).toBe(404);
  });

  it("learners cannot author (403); another agency's admin gets 404; the outsider 401", async () => {
    const { admin, employee, hr, adminOtherAgency, outsider } = lw.c;
    const c = await buildCourse(admin, { code: "ETK-01", title: "Etika ASN" }, ["text"]);
    const before = await count("courses");
    for (const who of [employee, hr]) {
      expect((await who.post(`${L}/courses`, { code: "X-1", title: "Kursus liar", jp: 1 })).statusCode).toBe(403);
      expect((await who.patch(`${L}/courses/${c.id}`, { title: "Diubah" })).statusCode).toBe(403);
      expect((await who.post(`${L}/courses/${c.id}/modules`, { title: "M" })).statusCode).toBe(403);
      expect((await who.post(`${L}/modules/${c.moduleIds[0]}/lessons`, { kind: "text", title: "L" })).statusCode).toBe(403);
      expect((await who.get(`${L}/admin/courses`)).statusCode).toBe(403);
    }
    for (const path of [`${L}/courses/${c.id}`, `${L}/courses/${c.id}/preview`, `${L}/courses/${c.id}/runs`]) {
      const res = await adminOtherAgency.get(path);
      expect(res.statusCode, path).toBe(404);
    }
    expect((await adminOtherAgency.patch(`${L}/courses/${c.id}`, { title: "Diubah" })).statusCode).toBe(404);
    expect((await adminOtherAgency.patch(`${L}/modules/${c.moduleIds[0]}`, { title: "Diubah" })).statusCode).toBe(404);
    expect((await adminOtherAgency.patch(`${L}/lessons/${c.lessons.text}`, { title: "Diubah" })).statusCode).toBe(404);
    expect((await outsider.get(`${L}/courses/${c.id}`)).statusCode).toBe(401);
    expect(await count("courses")).toBe(before);
    const page = await ok<{ course: { title: string } }>(employee.get(`${L}/courses/${c.id}`));
    expect(page.course.title).toBe("Etika ASN");
  });

  it("refuses bad input with problem+json and writes nothing", async () => {
    const { admin } = lw.c;
    const a = await buildCourse(admin, { code: "BI-01", title: "Bahasa Indonesia Kedinasan", draft: true }, ["text", "pdf"]);
    const b = await buildCourse(admin, { code: "BI-02", title: "Kursus lain", draft: true }, ["text"]);
    const [courses, modules, lessons] = [await count("courses"), await count("course_modules"), await count("lessons")];

    const foreign = await admin.post(`${L}/modules/${a.moduleIds[0]}/lessons/reorder`, { ids: [a.lessons.pdf, b.lessons.text] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.headers["content-type"]).toContain("application/problem+json");
    expect(foreign.json().code).toBe("validation_failed");
    const partial = await admin.post(`${L}/courses/${a.id}/modules/reorder`, { ids: [b.moduleIds[0]] });
    expect(partial.statusCode).toBe(400);

    const unknownKind = await admin.post(`${L}/modules/${a.moduleIds[0]}/lessons`, { kind: "hologram", title: "X" });
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json().code).toBe("validation_failed");
    expect(unknownKind.json().errors.some((e: { path: string }) => e.path.includes("kind"))).toBe(true);

    const badMedia = await admin.post(`${L}/modules/${a.moduleIds[0]}/lessons`, { kind: "video", title: "V", config: { mediaId: b.id } });
    expect(badMedia.statusCode).toBe(400);
    const backwards = await admin.post(`${L}/modules/${a.moduleIds[0]}/lessons`, {
      kind: "live",
      title: "Sesi",
      config: { startsAt: "2026-12-10T10:00:00+07:00", endsAt: "2026-12-10T09:00:00+07:00" },
    });
    expect(backwards.statusCode).toBe(400);
    expect((await admin.post(`${L}/courses`, { code: "BI-01", title: "Kode sama", jp: 1 })).statusCode).toBe(400);
    expect((await admin.post(`${L}/courses`, { code: "BI-03", title: "Prasyarat asing", jp: 1, prerequisiteIds: [b.moduleIds[0]] })).statusCode).toBe(400);
    expect((await admin.patch(`${L}/lessons/${a.lessons.text}`, { moduleId: b.moduleIds[0] })).statusCode).toBe(400);

    const incomplete = await buildCourse(admin, { code: "BI-04", title: "Tautan kosong", draft: true }, []);
    expect((await admin.post(`${L}/courses/${incomplete.id}/publish`)).statusCode).toBe(409);
    const link = await ok<{ id: string }>(admin.post(`${L}/modules/${incomplete.moduleIds[0]}/lessons`, { kind: "link", title: "Tautan" }), 201);
    const notReady = await admin.post(`${L}/courses/${incomplete.id}/publish`);
    expect(notReady.statusCode).toBe(400);
    expect(notReady.json().errors[0].path).toBe(`lessons.${link.id}`);
    const stillDraft = await t.database.db.selectFrom("courses").select("status").where("id", "=", incomplete.id).executeTakeFirstOrThrow();
    expect(stillDraft.status).toBe("draft");
    expect(await count("courses")).toBe(courses + 1);
    expect(await count("course_modules")).toBe(modules + 1);
    expect(await count("lessons")).toBe(lessons + 1);
  });

  it("audits every change", async () => {
    const { admin } = lw.c;
    const c = await buildCourse(admin, { code: "AUD-01", title: "Audit" }, ["text"]);
    const actions = await t.database.db.selectFrom("audit_events").select("action").where("subject_id", "=", c.id).execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["learning.course_created", "learning.module_added", "learning.lesson_added", "learning.course_published"]),
    );
  });
});
