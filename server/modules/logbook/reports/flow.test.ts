import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";
import { todayIn } from "../../org/hierarchy.js";
import { addDays } from "../calendar/workdays.js";
import { activity, addTarget, daysAgo } from "./test-support.js";

describe.each(ENGINES)("daily report lifecycle on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let employee: Client;
  let supervisor: Client;
  let rhk: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    const c = await signInAll(t, w);
    employee = c.employee;
    supervisor = c.supervisor;
    rhk = await addTarget(t, { agencyId: w.A.id, employeeId: w.e1.id });
  });
  afterAll(() => t.close());

  const events = (reportId: string) => t.database.db.selectFrom("report_events").selectAll().where("report_id", "=", reportId).execute();

  it("goes draft → submit → return → resubmit → approve, then is locked, with every step in the history", async () => {
    const date = daysAgo(2);
    const url = `/api/v1/me/reports/${date}`;
    const created = await employee.request("PUT", url, { activities: [activity({ rhkId: rhk, evidence: { url: "https://drive.example.go.id/a" } })] });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: "draft", revision: 0, totalMinutes: 120, submittedAt: null });
    expect(draft.activities[0]).toMatchObject({ rhk: { id: rhk, code: "RHK-1" }, evidence: { url: "https://drive.example.go.id/a" } });

    const replaced = await employee.request("PUT", url, { activities: [activity({ rhkId: rhk }), activity({ description: "Rapat koordinasi", minutes: 60 })] });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().activities).toHaveLength(2);

    const first = await employee.post(`${url}/submit`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: "submitted", revision: 1 });
    const id = first.json().id as string;
    expect((await employee.request("PUT", url, { activities: [activity()] })).json().code).toBe("conflict");

    expect((await supervisor.post(`/api/v1/reports/${id}/return`, {})).statusCode).toBe(400);
    const returned = await supervisor.post(`/api/v1/reports/${id}/return`, { comment: "Lengkapi bukti rapat" });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ status: "returned", reviewComment: "Lengkapi bukti rapat" });

    const revised = await employee.request("PUT", url, { activities: [activity({ rhkId: rhk, evidence: { url: "https://drive.example.go.id/notulen" } })] });
    expect(revised.statusCode).toBe(200);
    expect(revised.json().status).toBe("returned");
    const again = await employee.post(`${url}/submit`);
    expect(again.json()).toMatchObject({ status: "submitted", revision: 2, submittedAt: first.json().submittedAt });

    const approved = await supervisor.post(`/api/v1/reports/${id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: "approved", reviewerId: w.hX1.id });

    const edit = await employee.request("PUT", url, { activities: [activity()] });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe("locked");
    expect((await employee.post(`${url}/submit`)).json().code).toBe("locked");
    expect((await supervisor.post(`/api/v1/reports/${id}/return`, { comment: "lagi" })).json().code).toBe("locked");

    const detail = (await employee.get(`/api/v1/reports/${id}`)).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(["submitted", "returned", "resubmitted", "approved"]);
    expect(detail.history[1]).toMatchObject({ comment: "Lengkapi bukti rapat", by: { userId: w.hX1.userId } });
    expect(detail.history[0].activities).toHaveLength(2);
    expect(detail.history[2].activities[0].evidence).toEqual({ url: "https://drive.example.go.id/notulen" });

    const audits = await t.database.db.selectFrom("audit_events").select("action").where("subject_id", "=", id).execute();
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(["report.draft_saved", "report.submitted", "report.returned", "report.resubmitted", "report.approved"]),
    );
    const notes = await t.database.db.selectFrom("notifications").select(["kind", "link"]).where("user_id", "=", w.e1.userId).execute();
    expect(notes.map((n) => n.kind).sort()).toEqual(["report.approved", "report.returned"]);
    expect(notes[0].link).toBe(`/logbook/reports/${date}`);
  });

  it("replays a submission with the same key without a second event, and refuses the key with another body", async () => {
    const date = daysAgo(3);
    const key = { "idempotency-key": "offline-submit-0001" };
    const draftKey = { "idempotency-key": "offline-draft-0001" };
    const body = { activities: [activity()] };
    const d1 = await employee.request("PUT", `/api/v1/me/reports/${date}`, body, draftKey);
    const d2 = await employee.request("PUT", `/api/v1/me/reports/${date}`, body, draftKey);
    expect([d1.statusCode, d2.statusCode]).toEqual([201, 201]);
    expect(d2.headers["idempotent-replayed"]).toBe("true");
    const other = await employee.request("PUT", `/api/v1/me/reports/${date}`, { activities: [activity({ minutes: 30 })] }, draftKey);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe("idempotency_key_reused");

    const s1 = await employee.request("POST", `/api/v1/me/reports/${date}/submit`, {}, key);
    const s2 = await employee.request("POST", `/api/v1/me/reports/${date}/submit`, {}, key);
    expect(s1.statusCode).toBe(200);
    expect(s2.statusCode).toBe(200);
    expect(s2.json()).toEqual(s1.json());
    expect(await events(s1.json().id)).toHaveLength(1);
    // Without the key a second submission is a conflict, not a second event.
    expect((await employee.post(`/api/v1/me/reports/${date}/submit`)).statusCode).toBe(409);
    expect(await events(s1.json().id)).toHaveLength(1);
    // The same key on another route is refused too.
    expect((await employee.request("POST", `/api/v1/me/reports/${daysAgo(4)}/submit`, {}, key)).statusCode).toBe(422);
  });

  it("refuses bad input with 400 and writes nothing", async () => {
    const put = (date: string, activities: unknown[]) => employee.request("PUT", `/api/v1/me/reports/${date}`, { activities });
    const future = await put(daysAgo(-1), [activity()]);
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe("date");
    expect((await put(daysAgo(40), [activity()])).statusCode).toBe(400);
    expect((await put("2026-02-30", [activity()])).statusCode).toBe(400);

    const date = daysAgo(5);
    const othersTarget = await addTarget(t, { agencyId: w.A.id, employeeId: w.eY.id });
    const archived = await addTarget(t, { agencyId: w.A.id, employeeId: w.e1.id, code: "OLD", archived: true });
    const lastYear = await addTarget(t, { agencyId: w.A.id, employeeId: w.e1.id, code: "LAMA", period: String(Number(date.slice(0, 4)) - 1) });
    for (const [rhkId, message] of [
      [othersTarget, "not one of your SKP targets"],
      [archived, "the target is archived"],
      [lastYear, "belongs to period"],
    ]) {
      const res = await put(date, [activity({ rhkId })]);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ path: "activities.0.rhkId", message: expect.stringContaining(message) });
    }
    for (const minutes of [0, 2000, 1.5]) expect((await put(date, [activity({ minutes })])).statusCode, String(minutes)).toBe(400);
    expect((await put(date, [activity({ minutes: 1000 }), activity({ minutes: 441 })])).statusCode).toBe(400);
    expect((await put(date, [activity({ outputQty: 0 })])).statusCode).toBe(400);
    expect((await put(date, [activity({ description: "  " })])).statusCode).toBe(400);
    expect((await put(date, [activity({ evidence: { url: "javascript:alert(1)" } })])).statusCode).toBe(400);
    expect((await put(date, [activity({ evidence: { url: "https://a.example", fileId: rhk } })])).statusCode).toBe(400);
    const stored = await t.database.db.selectFrom("daily_reports").select("id").where("employee_id", "=", w.e1.id).where("work_date", "=", date).execute();
    expect(stored).toHaveLength(0);

    const empty = await employee.post(`/api/v1/me/reports/${date}/submit`);
    expect(empty.statusCode).toBe(400);
    expect((await put(date, [])).statusCode).toBe(201);
    expect((await employee.post(`/api/v1/me/reports/${date}/submit`)).json().errors[0].path).toBe("activities");
  });

  it("writes only one's own report: there is no route for someone else's, and a smuggled employeeId is ignored", async () => {
    const date = daysAgo(6);
    expect((await supervisor.request("PUT", `/api/v1/employees/${w.e1.id}/reports/${date}`, { activities: [activity()] })).statusCode).toBe(404);
    const res = await supervisor.request("PUT", `/api/v1/me/reports/${date}`, { employeeId: w.e1.id, activities: [activity()] });
    expect(res.statusCode).toBe(201);
    expect(res.json().employeeId).toBe(w.hX1.id);
    expect((await employee.get(`/api/v1/me/reports/${date}`)).statusCode).toBe(404);
    expect((await supervisor.get(`/api/v1/me/reports/${date}`)).json().employeeId).toBe(w.hX1.id);
  });

  it("judges 'future' in the employee's own zone: a Papua unit's today, computed in WIT", async () => {
    const papua = await t.factory.unit({ agencyId: w.A.id, parent: w.A.root, name: "Unit Jayapura", timezone: "Asia/Jayapura" });
    const ePapua = await t.factory.employee({ agencyId: w.A.id, unitId: papua.id, name: "Staf Jayapura" });
    const client = await Client.signIn(t.app, ePapua.nip);
    const today = todayIn("Asia/Jayapura");
    const created = await client.request("PUT", `/api/v1/me/reports/${today}`, { activities: [activity()] });
    expect(created.statusCode).toBe(201);
    expect(created.json().deadlineAt.endsWith("T14:59:59.999Z")).toBe(true);
    expect((await client.request("PUT", `/api/v1/me/reports/${addDays(today, 1)}`, { activities: [activity()] })).statusCode).toBe(400);
  });

  it("lists own reports in a range and flags a late submission", async () => {
    const date = daysAgo(7);
    await employee.request("PUT", `/api/v1/me/reports/${date}`, { activities: [activity()] });
    const sub = await employee.post(`/api/v1/me/reports/${date}/submit`);
    // A week-old date is past its deadline (the next workday), so the submission is late.
    expect(sub.json()).toMatchObject({ late: true, overdue: false });
    const list = await employee.get(`/api/v1/me/reports?from=${daysAgo(10)}&to=${daysAgo(0)}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { workDate: string }) => r.workDate)).toContain(date);
    expect((await employee.get(`/api/v1/me/reports?from=${daysAgo(0)}&to=${daysAgo(5)}`)).statusCode).toBe(400);
    expect((await employee.get(`/api/v1/me/reports?from=${daysAgo(200)}&to=${daysAgo(0)}`)).statusCode).toBe(400);
  });
});
