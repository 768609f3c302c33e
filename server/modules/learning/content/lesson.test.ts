import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { contentFixture } from "../../../test/fixtures.js";
import { type Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { multipartBody } from "../../org/import/test-support.js";
import { buildLearningWorld, L, type LearningWorld, ok } from "../test-support.js";

describe.each(ENGINES)("SCORM lessons in a course on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  let courseId = "";
  let lessonId = "";
  let runId = "";

  async function upload(c: Client, file: string) {
    const { body, contentType } = multipartBody([{ name: "file", filename: file, content: contentFixture(file) }]);
    return ok<{ id: string }>(c.request("POST", `${L}/content/packages`, body, { "content-type": contentType }), 201);
  }
  const contentHost = (method: "GET" | "POST", url: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { host: "127.0.0.1", ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });

  beforeAll(async () => {
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
    const admin = lw.c.admin;
    const pkg = await upload(admin, "RuntimeBasicCalls_SCORM20043rdEdition.zip");
    const cmi5 = await upload(admin, "single_au_basic_responsive-novideo.zip");
    const course = await ok<{ id: string }>(
      admin.request("POST", `${L}/courses`, { code: "SCORM-1", title: "Golf dalam SCORM", summary: "", jp: 3, prerequisiteIds: [] }),
      201,
    );
    courseId = course.id;
    const mod = await ok<{ id: string }>(admin.request("POST", `${L}/courses/${courseId}/modules`, { title: "Modul" }), 201);
    // A SCORM lesson must point at a SCORM package of the agency.
    const wrong = await admin.request("POST", `${L}/modules/${mod.id}/lessons`, { kind: "scorm", title: "Salah", bodyMd: "", config: { packageId: cmi5.id } });
    expect(wrong.statusCode).toBe(400);
    const lesson = await ok<{ id: string }>(
      admin.request("POST", `${L}/modules/${mod.id}/lessons`, { kind: "scorm", title: "Golf", bodyMd: "", config: { packageId: pkg.id } }),
      201,
    );
    lessonId = lesson.id;
    await ok(admin.request("POST", `${L}/courses/${courseId}/publish`));
    const run = await ok<{ id: string }>(
      admin.request("POST", `${L}/courses/${courseId}/runs`, { kind: "self_paced", title: "Mandiri", selfPacedDays: 30 }),
      201,
    );
    runId = run.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it("a learner's passed SCO completes the lesson, the course, the JP ledger and the certificate", async () => {
    const learner = lw.c.employee;
    const enrolment = await ok<{ id: string }>(learner.request("POST", `${L}/runs/${runId}/enrol`), 201);
    const others = await lw.c.supervisor.request("POST", `${L}/enrolments/${enrolment.id}/lessons/${lessonId}/content-launch`, {});
    expect(others.statusCode).toBe(403);
    const launch = await ok<{ url: string; items: { completion: string }[] }>(
      learner.request("POST", `${L}/enrolments/${enrolment.id}/lessons/${lessonId}/content-launch`, {}),
    );
    expect(launch.items[0].completion).toBe("not_attempted");
    const url = new URL(launch.url);
    const token = url.pathname.split("/").pop() ?? "";
    const state = (await contentHost("GET", `/content/runtime/${token}`)).json();
    expect(state.cmi.mode).toBe("normal");
    expect(state.cmi.credit).toBe("credit");
    const commit = await contentHost("POST", `/content/runtime/${token}/attempts/${state.attemptId}/commit?terminate=true`, {
      cmi: { completion_status: "completed", success_status: "passed", score: { scaled: "0.85", raw: "85", min: "0", max: "100" }, exit: "" },
    });
    expect(commit.statusCode, commit.body).toBe(200);

    const progress = await t.database.db
      .selectFrom("lesson_progress")
      .selectAll()
      .where("enrolment_id", "=", enrolment.id)
      .where("lesson_id", "=", lessonId)
      .executeTakeFirstOrThrow();
    expect(progress.status).toBe("completed");
    expect(Number(progress.score)).toBeCloseTo(85);
    const e = await t.database.db.selectFrom("enrolments").select(["status"]).where("id", "=", enrolment.id).executeTakeFirstOrThrow();
    expect(e.status).toBe("completed");
    const ledger = await t.database.db.selectFrom("jp_ledger").selectAll().where("employee_id", "=", lw.w.e1.id).execute();
    expect(ledger.map((r) => Number(r.jp))).toContain(3);
    const certs = await t.database.db.selectFrom("certificates").select("id").where("employee_id", "=", lw.w.e1.id).execute();
    expect(certs).toHaveLength(1);
  });

  it("an incomplete SCO leaves the lesson in progress, and another agency cannot launch", async () => {
    const learner = lw.c.otherSupervisor;
    const enrolment = await ok<{ id: string }>(learner.request("POST", `${L}/runs/${runId}/enrol`), 201);
    const launch = await ok<{ url: string }>(learner.request("POST", `${L}/enrolments/${enrolment.id}/lessons/${lessonId}/content-launch`, {}));
    const token = new URL(launch.url).pathname.split("/").pop() ?? "";
    const state = (await contentHost("GET", `/content/runtime/${token}`)).json();
    await contentHost("POST", `/content/runtime/${token}/attempts/${state.attemptId}/commit`, {
      cmi: { completion_status: "incomplete", location: "3", exit: "suspend" },
    });
    const progress = await t.database.db.selectFrom("lesson_progress").selectAll().where("enrolment_id", "=", enrolment.id).executeTakeFirst();
    expect(progress?.status).toBe("in_progress");
    expect((await lw.c.hrOtherAgency.request("POST", `${L}/enrolments/${enrolment.id}/lessons/${lessonId}/content-launch`, {})).statusCode).toBe(404);
    expect((await lw.c.outsider.request("POST", `${L}/enrolments/${enrolment.id}/lessons/${lessonId}/content-launch`, {})).statusCode).toBe(401);
  });
});
