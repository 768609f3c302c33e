import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromJson } from "../../../db/dialect.js";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { keysOf, valuesOf } from "../../../test/json.js";
import { buildOrgWorld, type OrgWorld } from "../../../test/org-world.js";
import { todayIn } from "../../org/hierarchy.js";
import { DEFAULT_FORM } from "./questions.js";
import { daysAgo, FEVER, HEALTHY, newKey, submitHealth, today } from "./test-support.js";

describe.each(ENGINES)("health self-check on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let e1: Client;
  let eY: Client;
  let healthYUser: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    const healthY = await t.factory.employee({
      agencyId: w.A.id,
      unitId: w.Y.id,
      name: "Petugas Kesehatan Y",
      roles: [{ role: "health_officer", unitId: w.Y.id }],
    });
    healthYUser = healthY.userId;
    e1 = await Client.signIn(t.app, w.e1.nip);
    eY = await Client.signIn(t.app, w.eY.nip);
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const notificationsOf = (userId: string) =>
    db().selectFrom("notifications").selectAll().where("user_id", "=", userId).where("kind", "=", "health.not_cleared").execute();
  const checksOf = (employeeId: string) => db().selectFrom("health_checks").selectAll().where("employee_id", "=", employeeId).execute();

  it("creates the default form lazily and serves it in the person's language", async () => {
    const id = await e1.get("/api/v1/me/health/form");
    expect(id.statusCode).toBe(200);
    expect(id.json()).toMatchObject({ version: 1, lang: "id", rule: DEFAULT_FORM.rule });
    expect(id.json().questions.map((q: { id: string }) => q.id)).toEqual(["temperature", "symptoms", "close_contact", "test_result", "note"]);
    expect(id.json().questions[0]).toMatchObject({ label: "Suhu tubuh", min: 34, max: 43, unit: "°C" });
    const en = await e1.get("/api/v1/me/health/form?lang=en");
    expect(en.json().questions[1].options[0]).toEqual({ id: "fever", label: "Fever" });
    const forms = await db().selectFrom("health_forms").selectAll().where("agency_id", "=", w.A.id).execute();
    expect(forms).toHaveLength(1);
  });

  it("records a cleared day without telling anyone", async () => {
    const res = await submitHealth(e1, HEALTHY);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ workDate: today(), formVersion: 1, cleared: true, reasons: [], advice: [], replaced: false });
    expect(await notificationsOf(w.healthX.userId)).toHaveLength(0);
    const todayRes = await e1.get("/api/v1/me/health/today");
    expect(todayRes.json()).toMatchObject({ workDate: today(), currentVersion: 1, check: { cleared: true, answers: HEALTHY, advice: [] } });
  });

  it("replaces the day's answers when not cleared, guides to WFH or sick leave and notifies the health officer in scope only", async () => {
    const res = await submitHealth(e1, FEVER);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ cleared: false, reasons: ["temperature", "symptoms"], advice: ["WFH", "SAKIT"], replaced: true });
    const rows = await checksOf(w.e1.id);
    expect(rows).toHaveLength(1);
    const [note] = await notificationsOf(w.healthX.userId);
    expect(note.link).toContain(w.e1.id);
    const params = fromJson(note.params);
    expect(params).toEqual({ employeeId: w.e1.id, employeeName: "Staf X1", workDate: today() });
    expect(await notificationsOf(healthYUser)).toHaveLength(0);
    // The history is in the audit trail, without the answers.
    const events = await db().selectFrom("audit_events").selectAll().where("subject_id", "=", rows[0].id).orderBy("created_at").execute();
    expect(events.map((e) => e.action)).toEqual(["health.submitted", "health.replaced"]);
    expect(valuesOf(fromJson(events[1].changes))).not.toContain(38.4);
    expect(keysOf(fromJson(events[1].changes)).has("answers")).toBe(false);
    expect(fromJson(events[1].changes)).toMatchObject({ cleared: [true, false], reasons: [[], ["temperature", "symptoms"]] });
    // The same verdict again does not notify twice.
    await submitHealth(e1, { ...FEVER, note: "masih demam" });
    expect(await notificationsOf(w.healthX.userId)).toHaveLength(1);
  });

  it("answers a replay with the stored answer and writes once; refuses the key with another body", async () => {
    const key = newKey();
    const first = await submitHealth(eY, HEALTHY, { key });
    const again = await submitHealth(eY, HEALTHY, { key });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(await checksOf(w.eY.id)).toHaveLength(1);
    const audits = await db().selectFrom("audit_events").select("id").where("subject_id", "=", first.json().id).execute();
    expect(audits).toHaveLength(1);
    const other = await submitHealth(eY, FEVER, { key });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe("idempotency_key_reused");
    expect((await checksOf(w.eY.id))[0].cleared).toBe(1);
  });

  it("refuses bad answers with field paths and writes nothing", async () => {
    const hX = await Client.signIn(t.app, w.hX.nip);
    const res = await submitHealth(hX, { ...HEALTHY, temperature: 50, mood: "baik", close_contact: { value: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("validation_failed");
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["answers.close_contact.date", "answers.mood", "answers.temperature"]);
    const wrongType = await submitHealth(hX, { ...HEALTHY, symptoms: "fever" });
    expect(wrongType.json().errors).toEqual([{ path: "answers.symptoms", message: expect.any(String) }]);
    const noVersion = await hX.request("POST", "/api/v1/me/health", { answers: HEALTHY }, { "idempotency-key": newKey() });
    expect(noVersion.statusCode).toBe(400);
    expect((await hX.request("POST", "/api/v1/me/health", { formVersion: 9, answers: HEALTHY })).statusCode).toBe(400);
    expect(await checksOf(w.hX.id)).toHaveLength(0);
    const keys = await db().selectFrom("idempotency_keys").select("key").where("user_id", "=", w.hX.userId).execute();
    expect(keys).toHaveLength(0);
  });

  it("keeps old answers on their version when a new one is published, and tells stale clients to reload", async () => {
    const hr = await Client.signIn(t.app, w.hrA.nip);
    const v2 = {
      questions: [
        ...DEFAULT_FORM.questions,
        { id: "comorbidity", type: "yes_no", label: { id: "Punya komorbid?", en: "Any comorbidity?" }, required: true, dateWhenYes: null },
      ],
      rule: { ...DEFAULT_FORM.rule, temperatureAtLeast: 38 },
    };
    const published = await hr.post("/api/v1/health/forms", v2);
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ version: 2, rule: { temperatureAtLeast: 38 } });
    const old = await db()
      .selectFrom("health_checks")
      .innerJoin("health_forms", "health_forms.id", "health_checks.form_id")
      .select("health_forms.version")
      .where("employee_id", "=", w.e1.id)
      .executeTakeFirstOrThrow();
    expect(old.version).toBe(1);
    const v1 = await hr.get("/api/v1/health/forms/1");
    expect(v1.json().questions.map((q: { id: string }) => q.id)).not.toContain("comorbidity");
    const history = await e1.get(`/api/v1/employees/${w.e1.id}/health`);
    expect(history.json().items[0]).toMatchObject({ formVersion: 1, answers: { temperature: 38.4 } });

    // Version 1 was current earlier today: still accepted, and judged by its own rule (37.5).
    const late = await submitHealth(eY, { ...HEALTHY, temperature: 37.8 }, { version: 1 });
    expect(late.statusCode).toBe(200);
    expect(late.json()).toMatchObject({ formVersion: 1, cleared: false, reasons: ["temperature"] });
    // Once version 2 dates from an earlier day and version 3 is out, version 1 is stale.
    await db()
      .updateTable("health_forms")
      .set({ created_at: `${daysAgo(2)}T01:00:00.000Z` })
      .where("agency_id", "=", w.A.id)
      .where("version", "=", 2)
      .execute();
    expect((await hr.post("/api/v1/health/forms", v2)).json().version).toBe(3);
    const stale = await submitHealth(eY, HEALTHY, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "conflict", currentVersion: 3 });
    const missing = await submitHealth(eY, HEALTHY, { version: 2 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ path: "answers.comorbidity", message: "required" }]);
    const v2ok = await submitHealth(eY, { ...HEALTHY, comorbidity: { value: false } }, { version: 2 });
    expect(v2ok.json()).toMatchObject({ formVersion: 2, cleared: true });
  });

  it("lets only agency-wide HR admins or health officers publish, and validates the form", async () => {
    const globalHealth = await t.factory.employee({ agencyId: w.A.id, unitId: w.A.root.id, name: "Dokter Instansi", roles: [{ role: "health_officer" }] });
    const doctor = await Client.signIn(t.app, globalHealth.nip);
    const healthX = await Client.signIn(t.app, w.healthX.nip);
    expect((await healthX.post("/api/v1/health/forms", DEFAULT_FORM)).statusCode).toBe(403);
    expect((await e1.post("/api/v1/health/forms", DEFAULT_FORM)).statusCode).toBe(403);
    const bad = await doctor.post("/api/v1/health/forms", { ...DEFAULT_FORM, questions: DEFAULT_FORM.questions.slice(1) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain("body.rule.temperatureAtLeast");
    const ok = await doctor.post("/api/v1/health/forms", DEFAULT_FORM);
    expect(ok.statusCode).toBe(201);
    const audit = await db()
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "health.form_published")
      .where("subject_id", "=", ok.json().id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(globalHealth.userId);
    const list = await e1.get("/api/v1/health/forms");
    expect(list.json().map((f: { version: number }) => f.version)).toEqual([4, 3, 2, 1]);
  });

  it("dates a WIT employee's check by the day in Jayapura", async () => {
    const east = await t.factory.unit({ agencyId: w.A.id, parent: w.A.root, name: "Unit Papua", timezone: "Asia/Jayapura" });
    const person = await t.factory.employee({ agencyId: w.A.id, unitId: east.id, name: "Staf Papua" });
    const c = await Client.signIn(t.app, person.nip);
    const res = await submitHealth(c, HEALTHY, { version: 4 });
    expect(res.statusCode).toBe(201);
    expect(res.json().workDate).toBe(todayIn("Asia/Jayapura", new Date()));
  });
});
