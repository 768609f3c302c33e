import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../../test/engines.js";
import { createTestApp, type TestApp } from "../../../../test/harness.js";
import { CMI5_NS } from "../../packages/cmi5.js";
import { buildLearningWorld, L, type LearningWorld, ok, packageCourse } from "../../test-support.js";
import { VERB } from "./rules.js";
import { storedZip } from "./test-support.js";

const COURSE = "https://kursus.example.go.id/pengadaan";
const QUIZ = `${COURSE}/au/ujian`;
const READING = `${COURSE}/au/bacaan`;
const title = (id: string, en: string) => `<title><langstring lang="id-ID">${id}</langstring><langstring lang="en-US">${en}</langstring></title>`;
const CMI5_XML = `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="${CMI5_NS}">
  <course id="${COURSE}">${title("Pengadaan", "Procurement")}<description><langstring lang="id-ID">Kursus</langstring></description></course>
  <au id="${QUIZ}" moveOn="Passed" masteryScore="0.7">${title("Ujian", "Exam")}<description><langstring lang="id-ID">Ujian</langstring></description><url>ujian.html</url></au>
  <au id="${READING}" moveOn="Completed">${title("Bacaan", "Reading")}<description><langstring lang="id-ID">Bacaan</langstring></description><url>bacaan.html</url></au>
</courseStructure>`;

describe.each(ENGINES)("waiving an AU of a learner's cmi5 lesson on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  let lessonId = "";
  let textLessonId = "";
  let enrolmentId = "";

  const waive = (who: keyof LearningWorld["c"], body: unknown, enrolment = enrolmentId, lesson = lessonId) =>
    lw.c[who].request("POST", `${L}/enrolments/${enrolment}/lessons/${lesson}/cmi5/waive`, body);
  const lmsStatements = async (verb: string) => t.database.db.selectFrom("lrs_statements").select("body").where("verb_id", "=", verb).execute();
  const progress = () =>
    t.database.db.selectFrom("lesson_progress").selectAll().where("enrolment_id", "=", enrolmentId).where("lesson_id", "=", lessonId).executeTakeFirst();

  beforeAll(async () => {
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
    const admin = lw.c.admin;
    const zip = storedZip([
      { name: "cmi5.xml", data: CMI5_XML },
      { name: "ujian.html", data: "<!doctype html><title>Ujian</title>" },
      { name: "bacaan.html", data: "<!doctype html><title>Bacaan</title>" },
    ]);
    const built = await packageCourse(admin, { zip, filename: "pengadaan.zip", kind: "cmi5", code: "CMI5-WAIVE", title: "Pengadaan" });
    lessonId = built.lessonId;
    const mod = (await t.database.db.selectFrom("lessons").select("module_id").where("id", "=", lessonId).executeTakeFirstOrThrow()).module_id;
    textLessonId = (
      await ok<{ id: string }>(admin.request("POST", `${L}/modules/${mod}/lessons`, { kind: "text", title: "Pengantar", bodyMd: "Halo", config: {} }), 201)
    ).id;
    const runId = built.runId;
    enrolmentId = (await ok<{ id: string }>(lw.c.employee.request("POST", `${L}/runs/${runId}/enrol`), 201)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it("only the agency's learning admins waive: the learner, supervisors, HR, a facilitator and another agency cannot", async () => {
    const body = { auId: QUIZ, reason: "Tested Out" };
    const expected: [keyof LearningWorld["c"], number][] = [
      ["employee", 403],
      ["supervisor", 403],
      ["otherSupervisor", 403],
      ["leader", 403],
      ["health", 403],
      ["hr", 403],
      ["hrScoped", 403],
      ["fac1", 403],
      ["hrOtherAgency", 404],
      ["adminOtherAgency", 404],
      ["outsider", 401],
    ];
    for (const [who, status] of expected) expect([who, (await waive(who, body)).statusCode]).toEqual([who, status]);
    expect(await lmsStatements(VERB.waived)).toHaveLength(0);
    expect(await t.database.db.selectFrom("cmi5_registrations").selectAll().execute()).toHaveLength(0);
  });

  it("refuses a reason cmi5 does not define, an unknown AU and a lesson that is not cmi5, writing nothing", async () => {
    expect((await waive("admin", { auId: QUIZ, reason: "Karena rajin" })).statusCode).toBe(400);
    expect((await waive("admin", { auId: QUIZ })).statusCode).toBe(400);
    expect((await waive("admin", { auId: `${COURSE}/au/tidak-ada`, reason: "Administrative" })).statusCode).toBe(404);
    expect((await waive("admin", { auId: QUIZ, reason: "Administrative" }, enrolmentId, textLessonId)).statusCode).toBe(409);
    expect((await waive("admin", { auId: QUIZ, reason: "Administrative" }, "01000000-0000-7000-8000-000000000000")).statusCode).toBe(404);
    expect(await lmsStatements(VERB.waived)).toHaveLength(0);
    expect(await t.database.db.selectFrom("cmi5_registrations").selectAll().execute()).toHaveLength(0);
  });

  it("a learning admin waives the exam before the learner opened the lesson; waiving the reading too completes the lesson; a second waiver is a 409", async () => {
    const first = await ok<{ registration: string; sessionId: string }>(waive("admin", { auId: QUIZ, reason: "Tested Out" }));
    const [waived] = (await lmsStatements(VERB.waived)).map((r) => JSON.parse(r.body));
    expect(waived.context.registration).toBe(first.registration);
    expect(waived.result).toMatchObject({ success: true, completion: true });
    expect(Object.values(waived.result.extensions)).toEqual(["Tested Out"]);
    expect((await progress())?.status ?? "not_started").not.toBe("completed");

    await ok(waive("admin", { auId: READING, reason: "Equivalent Outside Activity" }));
    expect((await progress())?.status).toBe("completed");
    const satisfied = (await lmsStatements(VERB.satisfied)).map((r) => JSON.parse(r.body));
    expect(satisfied.some((s) => s.object.definition?.type?.endsWith("/course"))).toBe(true);

    expect((await waive("admin", { auId: QUIZ, reason: "Administrative" })).statusCode).toBe(409);
    expect(await lmsStatements(VERB.waived)).toHaveLength(2);
    const events = await t.database.db.selectFrom("audit_events").select("action").where("action", "=", "cmi5_au.waived").execute();
    expect(events).toHaveLength(2);
  });
});
