import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { L, ok } from "../modules/learning/test-support.js";
import type { SystemCtx } from "../platform/context.js";
import { ENGINES } from "../test/engines.js";
import { Client, createTestApp, type TestApp } from "../test/harness.js";
import { DEMO_EMAIL_DOMAIN } from "./accounts.js";
import { DEMO_PASSWORD, loadDemo } from "./seed.js";

describe.each(ENGINES)("demo learning on %s", (engine) => {
  let t: TestApp;
  const as = (key: string) => Client.signIn(t.app, `${key}@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
    const ctx: SystemCtx = { db: t.database.db, engine, actor: null, requestId: null, ip: null, now: () => new Date() };
    await loadDemo(ctx);
  });
  afterAll(() => t.close());

  it("offers published Indonesian courses with lessons of every format, found by affixed words", async () => {
    const pegawai = await as("pegawai");
    const catalog = await ok<{ items: { code: string; formats: string[] }[]; total: number }>(pegawai.get(`${L}/catalog`));
    expect(catalog.total).toBe(4);
    const formats = new Set(catalog.items.flatMap((c) => c.formats));
    for (const kind of ["text", "video", "pdf", "link", "live", "quiz", "assignment"]) expect(formats.has(kind), kind).toBe(true);
    const found = await ok<{ items: { code: string }[] }>(pegawai.get(`${L}/catalog?q=melayani`));
    expect(found.items[0].code).toBe("PP-101");
    const quiz = await t.database.db.selectFrom("quiz_settings").select("lesson_id").execute();
    expect(quiz.length).toBe(2);
  });

  it("gives the demo employee a completed course (JP credited), one under way and a cohort", async () => {
    const dash = await ok<{ jp: { earned: number }; enrolments: { status: string; progressPct: number; course: { code: string } }[] }>(
      (await as("pegawai")).get(`${L}/me/dashboard`),
    );
    const byCode = new Map(dash.enrolments.map((e) => [e.course.code, e]));
    expect(byCode.get("ETK-101")?.status).toBe("completed");
    expect(byCode.get("PP-101")).toMatchObject({ status: "active" });
    expect(byCode.get("PP-101")?.progressPct).toBeGreaterThan(0);
    expect(byCode.get("DIG-201")?.status).toBe("active");
    expect(dash.jp.earned).toBeGreaterThanOrEqual(2);
  });

  it("lets the facilitator see the cohort's class and the learning admin the draft", async () => {
    const admin = await as("pembelajaran");
    const drafts = await ok<{ items: { code: string }[] }>(admin.get(`${L}/admin/courses?status=draft`));
    expect(drafts.items.map((c) => c.code)).toEqual(["ARS-101"]);
    const run = await t.database.db.selectFrom("course_runs").select("id").where("kind", "=", "cohort").executeTakeFirstOrThrow();
    const list = await ok<{ learners: unknown[] }>((await as("fasilitator")).get(`${L}/runs/${run.id}/class`));
    expect(list.learners.length).toBeGreaterThan(5);
    expect((await (await as("pegawai")).get(`${L}/runs/${run.id}/class`)).statusCode).toBe(403);
  });
});
