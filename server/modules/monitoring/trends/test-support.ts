import type { TestApp } from "../../../test/harness.js";
import type { OrgWorld } from "../../../test/org-world.js";
import { RawData } from "../rollup/test-support.js";

/** Monday..Friday of ISO week 2026-W47: five workdays in the past with no holidays in the test calendar. */
export const WEEK = "2026-W47";
export const DAYS = ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"];

/**
 * A week of logbook data in agency A:
 * - X1: e1 checks in WFO every day (late on Monday), hX1 WFH on three days;
 * - X: hX checks in WFO every day;
 * - Y: eY checks in every day (never part of X's numbers);
 * - e1 has three reports (two approved after 3 hours, one waiting for review), one health check not cleared,
 *   activities against an SKP target.
 */
export async function seedWeek(t: TestApp, w: OrgWorld) {
  const raw = new RawData(t.database.db);
  const A = w.A.id;
  for (const [i, date] of DAYS.entries()) {
    await raw.checkin({ agencyId: A, unitId: w.X1.id, employeeId: w.e1.id, date, mode: "WFO", minutesOff: i === 0 ? 15 : 0 });
    if (i < 3) await raw.checkin({ agencyId: A, unitId: w.X1.id, employeeId: w.hX1.id, date, mode: "WFH" });
    await raw.checkin({ agencyId: A, unitId: w.X.id, employeeId: w.hX.id, date, mode: "WFO" });
    await raw.checkin({ agencyId: A, unitId: w.Y.id, employeeId: w.eY.id, date, mode: "WFO" });
    await raw.health({ agencyId: A, unitId: w.X1.id, employeeId: w.e1.id, date, cleared: i !== 2 });
  }
  const now = new Date().toISOString();
  await t.database.db
    .insertInto("skp_targets")
    .values({
      id: "0190aaaa-0000-7000-8000-000000000001",
      agency_id: A,
      employee_id: w.e1.id,
      period: "2026",
      code: "RHK-1",
      title: "Layanan administrasi",
      indicators: JSON.stringify([{ name: "Laporan", target: 12, unit: "laporan" }]),
      archived: 0,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const rhk = "0190aaaa-0000-7000-8000-000000000001";
  for (const [i, date] of DAYS.slice(0, 3).entries()) {
    const submittedAt = `${date}T09:00:00.000Z`;
    const reviewed = i < 2;
    const id = await raw.report({
      agencyId: A,
      unitId: w.X1.id,
      employeeId: w.e1.id,
      date,
      status: reviewed ? "approved" : "submitted",
      submittedAt,
      reviewedAt: reviewed ? `${date}T12:00:00.000Z` : null,
    });
    await raw.event({ reportId: id, action: "submitted", at: submittedAt });
    if (reviewed) await raw.event({ reportId: id, action: "approved", at: `${date}T12:00:00.000Z` });
    await raw.activity({ reportId: id, rhkId: rhk, minutes: 90 });
  }
  return { rhk };
}
