import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromJson } from "../../db/dialect.js";
import { ENGINES } from "../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../test/harness.js";
import { buildOrgWorld, type OrgWorld } from "../../test/org-world.js";
import { countRows, generate, grid, nextMonday, policyBody, rowOf } from "./test-support.js";
import { addDays } from "./week.js";

/** HR sets the policy, generates, overrides and publishes; employees see their week and ask; the supervisor decides. */
describe.each(ENGINES)("roster flow on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let hr: Client;
  let supervisor: Client;
  let employee: Client;
  const staff: { id: string; nip: string; client: Client }[] = [];
  const week = nextMonday();
  let rosterId = "";

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    for (let i = 0; i < 5; i++) {
      const e = await t.factory.employee({ agencyId: w.A.id, unitId: w.X1.id, name: `Staf X1-${i}` });
      staff.push({ ...e, client: await Client.signIn(t.app, e.nip) });
    }
    hr = await Client.signIn(t.app, w.hrA.nip);
    supervisor = await Client.signIn(t.app, w.hX1.nip);
    employee = await Client.signIn(t.app, w.e1.nip);
  });
  afterAll(() => t.close());

  it("keeps policy versions with effective dates and refuses bad rules with problem+json", async () => {
    const early = await hr.post("/api/v1/arrangement/policies", policyBody("2020-01-01", { defaultCapPct: 100 }));
    expect(early.statusCode, early.body).toBe(201);
    // Ages from the test NIPs vary; nobody counts as older here, so X1's staff are equals.
    const body = policyBody(addDays(week, -7), {
      ageThreshold: 100,
      caps: [{ unitId: w.X1.id, pct: 50 }],
      windows: [{ name: "WFA Nasional", startsOn: addDays(week, 4), endsOn: addDays(week, 4), legalBasis: "SE MenPANRB 2/2026" }],
    });
    const created = await hr.post("/api/v1/arrangement/policies", body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ effectiveFrom: addDays(week, -7), legalBasis: "SE MenPANRB 67/2020", inForceUntil: null });
    expect(created.json().rules.weights.krl).toBe(2);

    const inForceOld = await hr.get("/api/v1/arrangement/policies/in-force?date=2024-06-03");
    expect(inForceOld.json()).toMatchObject({ id: early.json().id, inForceUntil: addDays(week, -8) });
    const inForceNow = await hr.get(`/api/v1/arrangement/policies/in-force?date=${week}`);
    expect(inForceNow.json().id).toBe(created.json().id);
    expect((await hr.get("/api/v1/arrangement/policies")).json().items).toHaveLength(2);

    const bad = [
      [policyBody("2030-01-01", { caps: [{ unitId: w.X1.id, pct: 140 }] }), "rules.caps.0.pct"],
      [policyBody("2030-01-01", { windows: [{ name: "WFA", startsOn: "2030-05-02", endsOn: "2030-05-01", legalBasis: "SE" }] }), "rules.windows.0.endsOn"],
      [policyBody("2030-01-01", { caps: [{ unitId: w.X1.id, level: 7 }] }), "rules.caps.0.level"],
      [policyBody("2030-01-01", { caps: [{ unitId: w.B.root.id, pct: 50 }] }), "body.rules.caps.0.unitId"],
      [{ ...policyBody("2030-01-01"), legalBasis: "" }, "legalBasis"],
    ] as const;
    for (const [payload, path] of bad) {
      const res = await hr.post("/api/v1/arrangement/policies", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe("validation_failed");
      expect((res.json().errors as { path: string }[]).map((e) => e.path).join(" "), path).toContain(path);
    }
    expect((await hr.post("/api/v1/arrangement/policies", body)).statusCode).toBe(409);

    const edited = await hr.request("PUT", `/api/v1/arrangement/policies/${early.json().id}`, policyBody("2020-01-01", { defaultCapPct: 90 }));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().rules.defaultCapPct).toBe(90);
    const trail = await t.database.db.selectFrom("audit_events").selectAll().where("subject_id", "=", early.json().id).orderBy("id").execute();
    expect(trail.map((a) => a.action)).toEqual(["arrangement.policy_created", "arrangement.policy_updated"]);
    expect((await employee.post("/api/v1/arrangement/policies", policyBody("2031-01-01"))).statusCode).toBe(403);
  });

  it("generates a draft for a unit subtree with a reason in every cell, the same twice", async () => {
    const first = await generate(hr, week, w.X.id);
    expect(first).toMatchObject({ status: "draft", dates: [week, addDays(week, 1), addDays(week, 2), addDays(week, 3), addDays(week, 4)] });
    const g1 = await grid(hr, first.id);
    expect(g1.total).toBe(10); // X: head, leader, health officer; X1: head, e1, five staff
    const x1 = g1.units.find((u) => u.unitId === w.X1.id);
    expect(x1?.days[0]).toMatchObject({ headcount: 7, cap: 3, capPct: 50, office: 3 });
    expect(x1?.days[4]).toMatchObject({ capPct: 0, office: 0 }); // the national window
    for (const r of g1.rows) for (const c of r.cells) expect(c.reason).toMatch(/^(WFO|WFH): /);
    const home = rowOf(g1.rows, w.e1.id).cells.find((c) => c.mode === "WFH" && c.reasonCode === "quota_full");
    expect(home?.reason).toMatch(/kuota kantor Unit X1 \w+ 50 % sudah terpenuhi/);
    const english = await grid(hr, first.id, "&lang=en");
    expect(rowOf(english.rows, w.e1.id).cells.find((c) => c.reasonCode === "quota_full")?.reason).toMatch(/office quota of Unit X1 on \w+ \(50 %\) is full/);

    const second = await generate(hr, week, w.X.id);
    expect(second.inputHash).toBe(first.inputHash);
    const g2 = await grid(hr, second.id);
    expect(g2.rows).toEqual(g1.rows);
    // The new draft replaced the first one.
    expect((await hr.get(`/api/v1/arrangement/rosters/${first.id}`)).statusCode).toBe(404);
    rosterId = second.id;
    const generated = await t.database.db.selectFrom("audit_events").select("action").where("subject_id", "=", rosterId).execute();
    expect(generated.map((a) => a.action)).toEqual(["arrangement.roster_generated"]);
  });

  it("filters the grid by unit and mode", async () => {
    const onlyX1 = await grid(hr, rosterId, `&unitId=${w.X1.id}&includeSubunits=false`);
    expect(onlyX1.total).toBe(7);
    expect(onlyX1.units.map((u) => u.unitId)).toEqual([w.X1.id]);
    const homeMonday = await grid(hr, rosterId, `&unitId=${w.X1.id}&mode=WFH&date=${week}`);
    expect(homeMonday.total).toBe(4);
    for (const r of homeMonday.rows) expect(r.cells[0].mode).toBe("WFH");
  });

  it("overrides a cell: marked, audited, conflicts recomputed", async () => {
    const g = await grid(hr, rosterId, `&unitId=${w.X1.id}&mode=WFH&date=${week}`);
    const target = g.rows[0];
    const res = await hr.patch(`/api/v1/arrangement/rosters/${rosterId}/cells/${target.employeeId}/${week}`, { mode: "WFO", note: "rapat tatap muka" });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.row.cells[0]).toMatchObject({ mode: "WFO", source: "override", reasonCode: "override" });
    expect(out.row.cells[0].reason).toContain("ditetapkan HR (rapat tatap muka); semula WFH");
    expect(out.unit.days[0]).toMatchObject({ office: 4, cap: 3 });
    expect(out.newConflicts.map((c: { rule: string }) => c.rule)).toEqual(["cap_exceeded"]);
    expect(out.conflicts.map((c: { rule: string }) => c.rule)).toContain("cap_exceeded");
    const back = await hr.patch(`/api/v1/arrangement/rosters/${rosterId}/cells/${target.employeeId}/${week}`, { mode: "WFH", note: null });
    expect(back.json().conflicts).toEqual([]);
    const audit = await t.database.db.selectFrom("audit_events").selectAll().where("action", "=", "arrangement.roster_cell_overridden").execute();
    expect(audit).toHaveLength(2);
    const bad = await hr.patch(`/api/v1/arrangement/rosters/${rosterId}/cells/${target.employeeId}/${addDays(week, 5)}`, { mode: "WFO" });
    expect(bad.statusCode).toBe(400);
  });

  it("publishes: employees are told, the cells are frozen", async () => {
    const before = await countRows(t, "notifications");
    const res = await hr.post(`/api/v1/arrangement/rosters/${rosterId}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "published", week });
    expect((await countRows(t, "notifications")) - before).toBe(10);
    const notice = await t.database.db.selectFrom("notifications").selectAll().where("kind", "=", "roster.published").limit(1).executeTakeFirstOrThrow();
    expect(fromJson(notice.params)).toMatchObject({ week, rosterId });
    const frozen = await hr.patch(`/api/v1/arrangement/rosters/${rosterId}/cells/${w.e1.id}/${week}`, { mode: "WFO" });
    expect(frozen.statusCode).toBe(409);
    expect((await hr.post(`/api/v1/arrangement/rosters/${rosterId}/publish`)).statusCode).toBe(409);
  });

  it("shows the employee their week with reasons, days off named", async () => {
    const res = await employee.get(`/api/v1/me/roster?week=${week}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ employeeId: w.e1.id, week, rosterId });
    expect(body.days).toHaveLength(5);
    for (const d of body.days) expect(d.cell?.reason).toMatch(/^(WFO|WFH): /);
    expect(body.days[4].cell.reasonCode).toBe("window_home");
    const none = await employee.get(`/api/v1/me/roster?week=${addDays(week, 7)}`);
    expect(none.json()).toMatchObject({ rosterId: null });
    expect((await employee.get(`/api/v1/me/roster?week=${addDays(week, 1)}`)).statusCode).toBe(400);
    const team = await supervisor.get(`/api/v1/arrangement/schedule?week=${week}`);
    expect(team.statusCode, team.body).toBe(200);
    expect(team.json().items.map((i: { employeeId: string }) => i.employeeId)).toContain(w.e1.id);
    expect((await employee.get(`/api/v1/arrangement/schedule?week=${week}`)).statusCode).toBe(403);
  });

  it("applies an approved request to the published roster when the cap allows", async () => {
    const mine = await employee.get(`/api/v1/me/roster?week=${week}`);
    const officeDay = (mine.json().days as { date: string; cell: { mode: string } }[]).find((d) => d.cell.mode === "WFO");
    if (!officeDay) throw new Error("e1 has no office day");
    const asked = await employee.post("/api/v1/me/requests", { date: officeDay.date, mode: "WFH", reason: "anak sakit" });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ status: "pending", canDecide: false });
    const note = await t.database.db
      .selectFrom("notifications")
      .select("user_id")
      .where("kind", "=", "arrangement.request_submitted")
      .executeTakeFirstOrThrow();
    expect(note.user_id).toBe(w.hX1.userId);
    expect((await employee.post("/api/v1/me/requests", { date: officeDay.date, mode: "WFH", reason: "lagi" })).statusCode).toBe(409);

    const queue = await supervisor.get("/api/v1/arrangement/requests?status=pending");
    expect(queue.json().items).toMatchObject([{ id: asked.json().id, canDecide: true }]);
    expect((await hr.post(`/api/v1/arrangement/requests/${asked.json().id}/decision`, { decision: "approve" })).statusCode).toBe(403);
    const decided = await supervisor.post(`/api/v1/arrangement/requests/${asked.json().id}/decision`, { decision: "approve", comment: "semoga lekas sembuh" });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: "approved", outcome: "applied", rosterId, conflicts: [] });
    const after = await employee.get(`/api/v1/me/roster?week=${week}`);
    const day = (after.json().days as { date: string; cell: { mode: string; source: string; reason: string } }[]).find((d) => d.date === officeDay.date);
    expect(day?.cell).toMatchObject({ mode: "WFH", source: "request" });
    expect(day?.cell.reason).toContain("permohonan disetujui (anak sakit); semula WFO");
    const told = await t.database.db.selectFrom("notifications").selectAll().where("kind", "=", "arrangement.request_decided").executeTakeFirstOrThrow();
    expect(told.user_id).toBe(w.e1.userId);
  });

  it("keeps a request that would break the cap as a conflict for HR, who can override it", async () => {
    const g = await grid(hr, rosterId, `&unitId=${w.X1.id}&includeSubunits=false`);
    // A day on which X1's office is full, and someone at home that day.
    const full = g.units.find((u) => u.unitId === w.X1.id)?.days.find((d) => d.office >= d.cap && d.cap > 0);
    if (!full) throw new Error("no full day");
    const index = g.rows[0].cells.findIndex((c) => c.date === full.date);
    const home = g.rows.find((r) => r.cells[index].mode === "WFH" && staff.some((s) => s.id === r.employeeId));
    const asker = staff.find((s) => s.id === home?.employeeId);
    if (!asker) throw new Error("nobody at home that day");
    const asked = await asker.client.post("/api/v1/me/requests", { date: full.date, mode: "WFO", reason: "menyiapkan berkas" });
    expect(asked.statusCode, asked.body).toBe(201);
    const decided = await supervisor.post(`/api/v1/arrangement/requests/${asked.json().id}/decision`, { decision: "approve" });
    expect(decided.json()).toMatchObject({ outcome: "conflict" });
    expect(decided.json().conflicts.map((c: { rule: string }) => c.rule)).toEqual(["cap_exceeded"]);
    const hrTold = await t.database.db.selectFrom("notifications").select("user_id").where("kind", "=", "arrangement.request_conflict").execute();
    expect(hrTold.map((n) => n.user_id)).toContain(w.hrA.userId);

    const open = await hr.get("/api/v1/arrangement/conflicts?source=request");
    expect(open.statusCode, open.body).toBe(200);
    const item = open.json().items.find((c: { requestId: string }) => c.requestId === asked.json().id);
    expect(item).toMatchObject({ rule: "cap_exceeded", status: "open", rosterStatus: "published" });
    expect(item.text).toMatch(/Unit X1, \w+ \d{4}-\d{2}-\d{2} \[Staf X1-\d\]: \d orang di kantor melebihi kuota 3 orang/);
    const resolved = await hr.post(`/api/v1/arrangement/conflicts/${item.id}/resolve`, { action: "override", note: "diizinkan" });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: "resolved", resolution: "override: diizinkan" });
    const week2 = await asker.client.get(`/api/v1/me/roster?week=${week}`);
    const cell = (week2.json().days as { date: string; cell: { mode: string; source: string } }[]).find((d) => d.date === full.date)?.cell;
    expect(cell).toMatchObject({ mode: "WFO", source: "override" });
    const request = await asker.client.get("/api/v1/me/requests");
    expect(request.json().items[0]).toMatchObject({ status: "approved", outcome: "applied" });
  });

  it("refuses requests for a past day, a day off, or someone else", async () => {
    const past = await employee.post("/api/v1/me/requests", { date: "2020-03-02", mode: "WFH", reason: "lupa" });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([{ path: "body.date", message: "the date has passed" }]);
    const saturday = await employee.post("/api/v1/me/requests", { date: addDays(week, 5), mode: "WFH", reason: "x" });
    expect(saturday.statusCode).toBe(400);
    const forOther = await employee.post("/api/v1/me/requests", { date: addDays(week, 1), mode: "WFH", reason: "x", employeeId: w.eY.id });
    expect(forOther.statusCode).toBe(400);
    expect((await employee.post("/api/v1/arrangement/requests", { date: addDays(week, 1), mode: "WFH", reason: "x", employeeId: w.eY.id })).statusCode).toBe(
      404,
    );
  });

  it("declines with a comment and lets the employee withdraw a pending request", async () => {
    const a = await employee.post("/api/v1/me/requests", { date: addDays(week, 7), mode: "WFH", reason: "urusan keluarga" });
    const declined = await supervisor.post(`/api/v1/arrangement/requests/${a.json().id}/decision`, { decision: "decline", comment: "ada rapat" });
    expect(declined.json()).toMatchObject({ status: "declined", comment: "ada rapat", outcome: null });
    expect((await supervisor.post(`/api/v1/arrangement/requests/${a.json().id}/decision`, { decision: "approve" })).statusCode).toBe(409);
    const b = await employee.post("/api/v1/me/requests", { date: addDays(week, 8), mode: "WFO", reason: "ke kantor" });
    const cancelled = await employee.post(`/api/v1/me/requests/${b.json().id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: "cancelled" });
    expect((await supervisor.post(`/api/v1/me/requests/${b.json().id}/cancel`)).statusCode).toBe(404);
  });

  it("takes approved requests of a week without a roster into its generation and publication", async () => {
    const later = addDays(week, 14);
    const a = await employee.post("/api/v1/me/requests", { date: addDays(later, 1), mode: "WFH", reason: "terapi" });
    const decided = await supervisor.post(`/api/v1/arrangement/requests/${a.json().id}/decision`, { decision: "approve" });
    expect(decided.json()).toMatchObject({ outcome: "awaiting_roster", rosterId: null });
    const draft = await generate(hr, later, w.X1.id);
    const cell = rowOf((await grid(hr, draft.id)).rows, w.e1.id).cells[1];
    expect(cell).toMatchObject({ mode: "WFH", source: "request" });
    await hr.post(`/api/v1/arrangement/rosters/${draft.id}/publish`);
    const mine = (await employee.get("/api/v1/me/requests")).json().items.find((r: { id: string }) => r.id === a.json().id);
    expect(mine).toMatchObject({ outcome: "applied", rosterId: draft.id });
  });

  it("publishes every arrangement route in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const paths = Object.keys(doc.paths).filter((p) => p.includes("arrangement") || /\/me\/(roster|requests|arrangement)/.test(p));
    expect(paths.sort()).toEqual(
      [
        "/api/v1/arrangement/conflicts",
        "/api/v1/arrangement/conflicts/{id}/resolve",
        "/api/v1/arrangement/employees/{employeeId}/roster",
        "/api/v1/arrangement/factors",
        "/api/v1/arrangement/factors/{employeeId}",
        "/api/v1/arrangement/factors/{employeeId}/commute-verification",
        "/api/v1/arrangement/policies",
        "/api/v1/arrangement/policies/in-force",
        "/api/v1/arrangement/policies/{id}",
        "/api/v1/arrangement/requests",
        "/api/v1/arrangement/requests/{id}",
        "/api/v1/arrangement/requests/{id}/decision",
        "/api/v1/arrangement/rosters",
        "/api/v1/arrangement/rosters/{id}",
        "/api/v1/arrangement/rosters/{id}/cells/{employeeId}/{date}",
        "/api/v1/arrangement/rosters/{id}/grid",
        "/api/v1/arrangement/rosters/{id}/publish",
        "/api/v1/arrangement/schedule",
        "/api/v1/me/arrangement-factors",
        "/api/v1/me/requests",
        "/api/v1/me/requests/{id}/cancel",
        "/api/v1/me/roster",
      ].sort(),
    );
    expect(Object.keys(doc.paths["/api/v1/arrangement/rosters"].post.responses)).toEqual(expect.arrayContaining(["201", "202"]));
    expect(doc.paths["/api/v1/arrangement/policies"].post.requestBody).toBeDefined();
  });
});
