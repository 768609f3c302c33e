import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { ACTORS } from "../../../test/org-world.js";
import { buildCourse, buildLearningWorld, L, type LearningWorld, ok, selfPacedRun } from "../test-support.js";

const ALL = [...ACTORS, "admin", "adminOtherAgency", "fac1", "fac2"] as const;
type Who = (typeof ALL)[number];

interface Cert {
  id: string;
  number: string;
  employeeId: string;
  employeeName: string;
  courseTitle: string;
  revokedAt: string | null;
  revokeReason: string | null;
  unitName?: string;
}

describe.each(ENGINES)("certificates HR looks after on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  /** e1 works in unit X1, hY heads unit Y. */
  let ofE1: Cert;
  let ofHY: Cert;
  beforeAll(async () => {
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
    const course = await buildCourse(lw.c.admin, { code: "SRT-1", title: "Budaya Kerja", jp: 2 }, ["text"]);
    const runId = await selfPacedRun(lw.c.admin, course.id);
    for (const learner of [lw.c.employee, lw.c.otherSupervisor]) {
      const e = await ok<{ id: string }>(learner.post(`${L}/runs/${runId}/enrol`), 201);
      await ok(learner.post(`${L}/enrolments/${e.id}/lessons/${course.lessons.text}/progress`, { completed: true }));
    }
    [ofE1] = await ok<Cert[]>(lw.c.employee.get(`${L}/certificates`));
    [ofHY] = await ok<Cert[]>(lw.c.otherSupervisor.get(`${L}/certificates`));
  });
  afterAll(() => t.close());

  const scope = (c: Client, query = "") => c.get(`${L}/certificates?who=scope${query}`);
  const ids = (list: Cert[]) => list.map((c) => c.id).sort();

  it("HR over the agency finds certificates by number (slashes or dashes), NIP or part of a name, with the holder's unit", async () => {
    const all = await ok<Cert[]>(scope(lw.c.hr));
    expect(ids(all)).toEqual([ofE1.id, ofHY.id].sort());
    expect(all.find((c) => c.id === ofE1.id)).toMatchObject({ employeeName: "Staf X1", unitName: "Unit X1", courseTitle: "Budaya Kerja", revokedAt: null });
    expect(ids(await ok<Cert[]>(scope(lw.c.hr, `&q=${encodeURIComponent(ofE1.number)}`)))).toEqual([ofE1.id]);
    expect(ids(await ok<Cert[]>(scope(lw.c.hr, `&q=${ofE1.number.replace(/\//g, "-").toLowerCase()}`)))).toEqual([ofE1.id]);
    expect(ids(await ok<Cert[]>(scope(lw.c.hr, "&q=staf%20x1")))).toEqual([ofE1.id]);
    expect(ids(await ok<Cert[]>(scope(lw.c.hr, `&q=${lw.w.hY.nip}`)))).toEqual([ofHY.id]);
    expect(await ok<Cert[]>(scope(lw.c.hr, "&q=tidak%20ada"))).toEqual([]);
    // The learner's own list is unchanged: no unit, only theirs.
    expect((await ok<Cert[]>(lw.c.employee.get(`${L}/certificates`))).map((c) => c.id)).toEqual([ofE1.id]);
  });

  it("HR over a unit sees only that subtree; another agency's HR sees none of this agency", async () => {
    expect(ids(await ok<Cert[]>(scope(lw.c.hrScoped)))).toEqual([ofHY.id]);
    expect(await ok<Cert[]>(scope(lw.c.hrScoped, `&q=${encodeURIComponent(ofE1.number)}`))).toEqual([]);
    expect(await ok<Cert[]>(scope(lw.c.hrOtherAgency))).toEqual([]);
    expect(await ok<Cert[]>(scope(lw.c.hrOtherAgency, "&q=staf"))).toEqual([]);
  });

  it("permission matrix of the scope list: HR only; bad queries are problems", async () => {
    const got: Partial<Record<Who, number>> = {};
    for (const w of ALL) got[w] = (await scope(lw.c[w])).statusCode;
    expect(got).toEqual(Object.fromEntries(ALL.map((w) => [w, w === "hr" || w === "hrScoped" || w === "hrOtherAgency" ? 200 : w === "outsider" ? 401 : 403])));
    for (const query of ["&status=dicabut", `&q=${"x".repeat(101)}`]) {
      const res = await scope(lw.c.hr, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    }
    expect((await lw.c.hr.get(`${L}/certificates?who=semua`)).statusCode).toBe(400);
  });

  it("only HR in scope revokes, with a reason; the audit trail, the list and the public check show it", async () => {
    const url = `${L}/certificates/${ofE1.id}/revoke`;
    const refused: Partial<Record<Who, number>> = {};
    for (const w of ALL.filter((x) => x !== "hr")) refused[w] = (await lw.c[w].post(url, { reason: "Data peserta keliru" })).statusCode;
    expect(refused).toEqual(
      Object.fromEntries(ALL.filter((x) => x !== "hr").map((w) => [w, w === "outsider" ? 401 : w === "hrOtherAgency" || w === "adminOtherAgency" ? 404 : 403])),
    );
    const short = await lw.c.hr.post(url, { reason: "x" });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([expect.objectContaining({ path: "body.reason" })]);
    expect((await lw.c.hr.post(`${L}/certificates/01900000-0000-7000-8000-000000000000/revoke`, { reason: "Tidak ada" })).statusCode).toBe(404);

    const revoked = await ok<Cert>(lw.c.hr.post(url, { reason: "Peserta tidak mengikuti ujian" }));
    expect(revoked).toMatchObject({ id: ofE1.id, revokeReason: "Peserta tidak mengikuti ujian", revokedAt: expect.any(String) });
    const events = await t.database.db.selectFrom("audit_events").selectAll().where("subject_id", "=", ofE1.id).orderBy("created_at").execute();
    expect(events.map((e) => e.action)).toEqual(["learning.certificate.issued", "learning.certificate.revoked"]);
    expect(JSON.stringify(events[1])).toContain("Peserta tidak mengikuti ujian");
    expect(ids(await ok<Cert[]>(scope(lw.c.hr, "&status=revoked")))).toEqual([ofE1.id]);
    expect(ids(await ok<Cert[]>(scope(lw.c.hr, "&status=valid")))).toEqual([ofHY.id]);
    const check = await ok<{ valid: boolean; revokedAt: string | null }>(
      new Client(t.app).get(`/api/v1/public/certificates/${ofE1.number.replace(/\//g, "-")}`),
    );
    expect(check).toMatchObject({ valid: false, revokedAt: revoked.revokedAt });
    expect((await lw.c.hr.post(url, { reason: "Sekali lagi" })).statusCode).toBe(409);
  });
});
