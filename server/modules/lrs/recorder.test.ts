import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { Client, type TestApp } from "../../test/harness.js";
import { buildOrgWorld, type OrgWorld } from "../../test/org-world.js";
import { emitLearningEvent, type LearningEvent } from "../learning/events.js";
import { insertClient } from "./clients-repo.js";
import { registerLearningRecorder, statementOf } from "./recorder.js";
import { basic, createLrsTestApp } from "./test-support.js";
import { validateStatement } from "./validate/statement.js";

const at = "2026-03-02T01:02:03.000Z";

describe.each(ENGINES)("learning-event recorder on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let off: () => void;
  beforeAll(async () => {
    t = await createLrsTestApp(engine);
    w = await buildOrgWorld(t);
    off = registerLearningRecorder();
  });
  afterAll(async () => {
    off();
    await t.close();
  });

  const events = (): LearningEvent[] => {
    const base = { agencyId: w.A.id, employeeId: w.e1.id, courseId: "c1", at };
    const enrolmentId = "0193f2a0-0000-7000-8000-000000000001";
    return [
      { kind: "course_started", ...base, enrolmentId },
      { kind: "lesson_completed", ...base, lessonId: "l1", enrolmentId },
      { kind: "quiz_answered", ...base, lessonId: "l1", attemptId: "a1", questionId: "q1", correct: true },
      { kind: "quiz_submitted", ...base, lessonId: "l1", attemptId: "a1", scaled: 0.8, passed: true },
      { kind: "course_completed", ...base, enrolmentId, jp: 20 },
      { kind: "certificate_issued", ...base, certificateId: "cert1", number: "001/2026" },
    ];
  };

  it("turns every kind of learning event into a valid statement about the employee", () => {
    for (const e of events()) {
      const s = statementOf(e);
      expect(() => validateStatement(s, "2.0.0")).not.toThrow();
      expect(s.actor).toEqual({ objectType: "Agent", account: { homePage: "https://abdi.go.id", name: w.e1.id } });
    }
  });

  it("stores them in the transaction of the event; a rolled-back event leaves no statement", async () => {
    await t.database.db.transaction().execute(async (trx) => {
      for (const e of events()) await emitLearningEvent(trx, e);
    });
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await emitLearningEvent(trx, {
          kind: "course_started",
          agencyId: w.A.id,
          employeeId: w.e1.id,
          courseId: "c2",
          enrolmentId: "0193f2a0-0000-7000-8000-000000000002",
          at,
        });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    const c = await insertClient(t.database.db, { agencyId: w.A.id, name: "reader", scopes: ["statements/read"], createdBy: null });
    const r = await t.app.inject({
      method: "GET",
      url: `/xapi/statements?agent=${encodeURIComponent(JSON.stringify({ account: { homePage: "https://abdi.go.id", name: w.e1.id } }))}`,
      headers: { authorization: basic(c.key, c.secret), "x-experience-api-version": "2.0.0" },
    });
    const verbs = r.json().statements.map((s: { verb: { id: string } }) => s.verb.id.split("/").pop());
    expect(verbs).toEqual(["earned", "completed", "passed", "answered", "completed", "attempted"]);
  });

  it("the learner reads their record; HR in scope reads it; others may not", async () => {
    const me = await Client.signIn(t.app, w.e1.nip);
    const page1 = await me.get("/api/v1/lrs/me/statements?limit=4");
    expect(page1.statusCode).toBe(200);
    expect(page1.json().items).toHaveLength(4);
    const page2 = await me.get(`/api/v1/lrs/me/statements?limit=4&before=${page1.json().next}`);
    expect(page2.json().items).toHaveLength(2);
    expect(page2.json().next).toBeNull();
    const hr = await Client.signIn(t.app, w.hrA.nip);
    expect((await hr.get(`/api/v1/lrs/employees/${w.e1.id}/statements`)).json().items).toHaveLength(6);
    const hrScoped = await Client.signIn(t.app, w.hrY.nip);
    expect((await hrScoped.get(`/api/v1/lrs/employees/${w.e1.id}/statements`)).statusCode).toBe(403);
    const hrB = await Client.signIn(t.app, w.hrB.nip);
    expect((await hrB.get(`/api/v1/lrs/employees/${w.e1.id}/statements`)).statusCode).toBe(404);
    const colleague = await Client.signIn(t.app, w.eY.nip);
    expect((await colleague.get(`/api/v1/lrs/employees/${w.e1.id}/statements`)).statusCode).toBe(403);
    expect((await colleague.get("/api/v1/lrs/me/statements")).json().items).toEqual([]);
  });
});
