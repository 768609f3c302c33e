import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import type { Client, TestApp } from "../../../test/harness.js";
import { createTestApp } from "../../../test/harness.js";
import { buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";
import { todayIn } from "../../org/hierarchy.js";

const indicators = [{ name: "Jumlah dokumen kebijakan", target: 4, unit: "dokumen" }];

describe.each(ENGINES)("SKP targets on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let c: Awaited<ReturnType<typeof signInAll>>;
  let employee: Client;
  const year = todayIn("Asia/Jakarta").slice(0, 4);

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    c = await signInAll(t, w);
    employee = c.employee;
  });
  afterAll(() => t.close());

  it("creates, lists by period, edits, archives and restores a target, with an audit trail", async () => {
    const created = await employee.post(`/api/v1/employees/${w.e1.id}/targets`, { period: year, code: " A.1 ", title: "Tersusunnya kebijakan", indicators });
    expect(created.statusCode).toBe(201);
    const target = created.json();
    expect(target).toMatchObject({ employeeId: w.e1.id, period: year, code: "A.1", archived: false, indicators });
    await c.hr.post(`/api/v1/employees/${w.e1.id}/targets`, { period: "2025", code: "", title: "Target tahun lalu", indicators });

    const mine = await employee.get("/api/v1/me/targets");
    expect(mine.json()).toMatchObject({ employeeId: w.e1.id, period: year });
    expect(mine.json().items.map((i: { title: string }) => i.title)).toEqual(["Tersusunnya kebijakan"]);
    const old = (await c.supervisor.get(`/api/v1/employees/${w.e1.id}/targets?period=2025`)).json();
    expect(old.items).toHaveLength(1);
    expect(old.items[0].code).toBeNull();

    const edited = await employee.patch(`/api/v1/targets/${target.id}`, { title: "Tersusunnya dua kebijakan", indicators: [{ ...indicators[0], target: 2 }] });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: "Tersusunnya dua kebijakan", indicators: [{ target: 2 }] });

    const archived = await employee.del(`/api/v1/targets/${target.id}`);
    expect(archived.json().archived).toBe(true);
    expect((await employee.get("/api/v1/me/targets")).json().items).toHaveLength(0);
    expect((await employee.get("/api/v1/me/targets?includeArchived=true")).json().items).toHaveLength(1);
    expect((await employee.patch(`/api/v1/targets/${target.id}`, { archived: false })).json().archived).toBe(false);

    const audits = await t.database.db.selectFrom("audit_events").select("action").where("subject_id", "=", target.id).execute();
    expect(audits.map((a) => a.action).sort()).toEqual(["skp.target_archived", "skp.target_created", "skp.target_updated", "skp.target_updated"]);
  });

  it("keeps codes unique among a period's active targets", async () => {
    const post = (code: string) => employee.post(`/api/v1/employees/${w.e1.id}/targets`, { period: "2027", code, title: `Target ${code}`, indicators });
    const first = (await post("B.1")).json();
    expect((await post("B.1")).statusCode).toBe(409);
    const second = (await post("B.2")).json();
    expect((await employee.patch(`/api/v1/targets/${second.id}`, { code: "B.1" })).statusCode).toBe(409);
    await employee.del(`/api/v1/targets/${first.id}`);
    expect((await post("B.1")).statusCode).toBe(201);
    expect((await employee.patch(`/api/v1/targets/${first.id}`, { archived: false })).statusCode).toBe(409);
  });

  it("refuses invalid targets", async () => {
    const post = (body: Record<string, unknown>) =>
      employee.post(`/api/v1/employees/${w.e1.id}/targets`, { period: year, title: "Judul", indicators, ...body });
    expect((await post({ period: "26" })).statusCode).toBe(400);
    expect((await post({ title: "" })).statusCode).toBe(400);
    expect((await post({ indicators: [] })).statusCode).toBe(400);
    expect((await post({ indicators: [{ name: "x", target: 0, unit: "dokumen" }] })).statusCode).toBe(400);
    expect((await post({ indicators: [{ name: "x", target: 1 }] })).statusCode).toBe(400);
    expect((await employee.patch(`/api/v1/targets/${w.e1.id}`, { title: "x" })).statusCode).toBe(404);
    const any = (await post({})).json();
    expect((await employee.patch(`/api/v1/targets/${any.id}`, {})).statusCode).toBe(400);
    expect((await employee.patch("/api/v1/targets/not-a-uuid", { title: "x" })).statusCode).toBe(400);
  });
});
