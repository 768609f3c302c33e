import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { type Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";
import { todayIn } from "../../org/hierarchy.js";
import { rebuildRollups } from "../rollup/service.js";
import { RawData } from "../rollup/test-support.js";
import { isoWeek, weekRange } from "./periods.js";
import { DAYS, seedWeek } from "./test-support.js";

describe.each(ENGINES)("monitoring trends on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let leader: Client;
  let hr: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    const c = await signInAll(t, w);
    leader = c.leader;
    hr = c.hr;
    await seedWeek(t, w);
    await rebuildRollups(t.database.db, { agencyId: w.A.id, from: "2026-11-01", to: DAYS[4] });
  });
  afterAll(() => t.close());

  it("sums the rollup of the subtree per ISO week", async () => {
    const res = await leader.get(`/api/v1/monitoring/trends?unitId=${w.X.id}&from=${DAYS[0]}&to=${DAYS[4]}&granularity=week`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.series).toHaveLength(1);
    // X subtree: hX, leaderX, healthX in X; hX1, e1 in X1 → 5 people × 5 workdays.
    expect(body.series[0]).toMatchObject({
      period: "2026-W47",
      workdays: 5,
      employees: 5,
      checkinCompliance: 0.52,
      officeShare: 0.4,
      reportCompliance: 0.12,
      healthNotCleared: 1,
      reviewBacklog: 1,
      medianReviewHours: 3,
      officeCap: null,
    });
    const byId = new Map(body.units.map((u: { id: string }) => [u.id, u]));
    expect(byId.get(w.X.id)).toMatchObject({ checkinCompliance: 0.3333, officeShare: 0.3333 });
    expect(byId.get(w.X1.id)).toMatchObject({ checkinCompliance: 0.8, reportCompliance: 0.3 });
    expect(byId.has(w.Y.id)).toBe(false);
    expect(body).not.toHaveProperty("rhk");
    const rhk = await leader.get(`/api/v1/monitoring/trends/rhk?unitId=${w.X.id}&from=${DAYS[0]}&to=${DAYS[4]}`);
    expect(rhk.statusCode).toBe(200);
    expect(rhk.json()).toMatchObject({ from: DAYS[0], to: DAYS[4], unit: { id: w.X.id } });
    expect(rhk.json().rhk).toEqual([{ rhkId: expect.any(String), title: "Layanan administrasi", activities: 3, minutes: 270 }]);
    // A sibling subtree has none of X's activity.
    const y = await hr.get(`/api/v1/monitoring/trends/rhk?unitId=${w.Y.id}&from=${DAYS[0]}&to=${DAYS[4]}`);
    expect(y.json().rhk).toEqual([]);
  });

  it("groups per day (workdays only) and per month", async () => {
    const days = (await leader.get(`/api/v1/monitoring/trends?unitId=${w.X1.id}&from=2026-11-14&to=${DAYS[4]}&granularity=day`)).json();
    expect(days.series.map((p: { period: string }) => p.period)).toEqual(DAYS);
    expect(days.series[0]).toMatchObject({ employees: 2, checkinCompliance: 1, reviewBacklog: 0 });
    expect(days.series[2]).toMatchObject({ reviewBacklog: 1, healthNotCleared: 1 });
    expect(days.series[3]).toMatchObject({ checkinCompliance: 0.5 });
    const months = (await hr.get(`/api/v1/monitoring/trends?unitId=${w.A.root.id}&from=2026-11-01&to=2026-11-30&granularity=month`)).json();
    expect(months.series).toHaveLength(1);
    // Agency A: 10 active people; 21 workdays up to the 30th; 5+3+5+5 check-ins.
    expect(months.series[0]).toMatchObject({ period: "2026-11", employees: 10, workdays: 21, checkinCompliance: Math.round((18 / 210) * 10_000) / 10_000 });
  });

  it("takes today's numbers from the raw tables", async () => {
    const today = todayIn("Asia/Jakarta");
    const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
    await new RawData(t.database.db).checkin({ agencyId: w.A.id, unitId: w.X1.id, employeeId: w.e1.id, date: today, mode: "WFH" });
    const res = (await leader.get(`/api/v1/monitoring/trends?unitId=${w.X1.id}&from=${today}&to=${today}`)).json();
    if (weekday === 0 || weekday === 6) expect(res.series).toEqual([]);
    else expect(res.series[0]).toMatchObject({ period: today, employees: 2, checkinCompliance: 0.5, officeShare: 0 });
  });

  it("serves the trends as CSV and XLSX", async () => {
    const csv = await leader.get(`/api/v1/monitoring/trends.csv?unitId=${w.X.id}&from=${DAYS[0]}&to=${DAYS[4]}&granularity=week`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain("attachment");
    expect(csv.body).toContain("2026-W47,5,5,52,12,40");
    const xlsx = await leader.request("GET", `/api/v1/monitoring/trends.xlsx?unitId=${w.X.id}&from=${DAYS[0]}&to=${DAYS[4]}`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Tren", "Unit", "RHK"]);
    expect(book.worksheets[0].getRow(2).getCell(1).value).toBe(DAYS[0]);
  });

  it("answers 400 problem+json for bad ranges and values", async () => {
    for (const q of [`from=${DAYS[4]}&to=${DAYS[0]}`, "from=2025-01-01&to=2026-01-03", "from=2026-13-01", "granularity=year", "unitId=not-an-id"]) {
      const res = await leader.get(`/api/v1/monitoring/trends?unitId=${w.X.id}&${q}`.replace(`unitId=${w.X.id}&unitId`, "unitId"));
      expect(res.statusCode, q).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().code).toBe("validation_failed");
    }
    for (const q of [`from=${DAYS[4]}&to=${DAYS[0]}`, "from=2026-13-01", "unitId=not-an-id"]) {
      const res = await leader.get(`/api/v1/monitoring/trends/rhk?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe("validation_failed");
    }
  });
});

describe("ISO weeks", () => {
  it("round-trips weeks and refuses weeks that do not exist", () => {
    expect(isoWeek("2026-12-04")).toBe("2026-W49");
    expect(isoWeek("2027-01-01")).toBe("2026-W53");
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
    expect(weekRange("2026-W49")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(weekRange("2026-W53")).toEqual({ from: "2026-12-28", to: "2027-01-03" });
    expect(weekRange("2025-W53")).toBeUndefined();
    expect(weekRange("2026-W00")).toBeUndefined();
    expect(weekRange("2026-49")).toBeUndefined();
  });
});
