import { sql } from "kysely";
import type { Database } from "../../server/db/database.js";
import { addDays, loadCalendar } from "../../server/modules/logbook/calendar/workdays.js";

/**
 * The monitoring numbers computed by hand from the raw tables only
 * (employees, units, checkins, health_checks, daily_reports; no rollups):
 * the baseline the HTTP answers are measured and checked against. Each
 * source table is read once through its (agency_id, work_date) index and
 * semi-joined to the subtree's active employees.
 */
export interface BoardTotals {
  employees: number;
  checkedIn: number;
  notCheckedIn: number;
  late: number;
  checkedOut: number;
  modes: Record<"WFO" | "WFH" | "DL" | "CUTI" | "SAKIT", number>;
  health: { filled: number; notFilled: number; notCleared: number };
  reports: { none: number; draft: number; submitted: number; returned: number; approved: number };
}

export interface TrendPoint {
  period: string;
  employees: number;
  checkinCompliance: number | null;
  reportCompliance: number | null;
  officeShare: number | null;
  healthNotCleared: number;
}

interface Target {
  agencyId: string;
  path: string;
}

const subtreeEmployees = (t: Target) => sql`
  select e.id from employees e inner join units u on u.id = e.unit_id
  where e.agency_id = ${t.agencyId} and e.status = 'active' and u.path like ${`${t.path}%`}`;

const n = (v: unknown) => Number(v ?? 0);

export async function rawBoard(database: Database, t: Target, date: string): Promise<BoardTotals> {
  const r = await sql<Record<string, unknown>>`
    with emp as (${subtreeEmployees(t)})
    select
      (select count(*) from emp) as employees,
      ci.checked_in, ci.late, ci.wfo, ci.wfh, ci.dl, ci.cuti, ci.sakit,
      (select count(*) from checkins c where c.agency_id = ${t.agencyId} and c.work_date = ${date} and c.kind = 'out'
         and c.employee_id in (select id from emp)) as checked_out,
      h.filled, h.not_cleared,
      r.reports, r.draft, r.submitted, r.returned, r.approved
    from (
      select count(*) as checked_in,
        sum(case when c.minutes_off > 0 then 1 else 0 end) as late,
        sum(case when c.mode = 'WFO' then 1 else 0 end) as wfo,
        sum(case when c.mode = 'WFH' then 1 else 0 end) as wfh,
        sum(case when c.mode = 'DL' then 1 else 0 end) as dl,
        sum(case when c.mode = 'CUTI' then 1 else 0 end) as cuti,
        sum(case when c.mode = 'SAKIT' then 1 else 0 end) as sakit
      from checkins c
      where c.agency_id = ${t.agencyId} and c.work_date = ${date} and c.kind = 'in' and c.employee_id in (select id from emp)
    ) ci
    cross join (
      select count(*) as filled, sum(case when h.cleared = 0 then 1 else 0 end) as not_cleared
      from health_checks h
      where h.agency_id = ${t.agencyId} and h.work_date = ${date} and h.employee_id in (select id from emp)
    ) h
    cross join (
      select count(*) as reports,
        sum(case when r.status = 'draft' then 1 else 0 end) as draft,
        sum(case when r.status = 'submitted' then 1 else 0 end) as submitted,
        sum(case when r.status = 'returned' then 1 else 0 end) as returned,
        sum(case when r.status = 'approved' then 1 else 0 end) as approved
      from daily_reports r
      where r.agency_id = ${t.agencyId} and r.work_date = ${date} and r.employee_id in (select id from emp)
    ) r`.execute(database.db);
  const x = r.rows[0] ?? {};
  const employees = n(x.employees);
  return {
    employees,
    checkedIn: n(x.checked_in),
    notCheckedIn: employees - n(x.checked_in),
    late: n(x.late),
    checkedOut: n(x.checked_out),
    modes: { WFO: n(x.wfo), WFH: n(x.wfh), DL: n(x.dl), CUTI: n(x.cuti), SAKIT: n(x.sakit) },
    health: { filled: n(x.filled), notFilled: employees - n(x.filled), notCleared: n(x.not_cleared) },
    reports: { none: employees - n(x.reports), draft: n(x.draft), submitted: n(x.submitted), returned: n(x.returned), approved: n(x.approved) },
  };
}

const share = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);

/** Daily series over [from, to] (workdays only): compliance shares against the subtree's headcount. */
export async function rawTrends(database: Database, t: Target, from: string, to: string): Promise<TrendPoint[]> {
  const r = await sql<{ src: string; work_date: string | null; a: unknown; b: unknown }>`
    with emp as (${subtreeEmployees(t)})
    select 'c' as src, c.work_date, count(*) as a, sum(case when c.mode = 'WFO' then 1 else 0 end) as b
      from checkins c
      where c.agency_id = ${t.agencyId} and c.kind = 'in' and c.work_date >= ${from} and c.work_date <= ${to} and c.employee_id in (select id from emp)
      group by c.work_date
    union all
    select 'h', h.work_date, count(*), sum(case when h.cleared = 0 then 1 else 0 end)
      from health_checks h
      where h.agency_id = ${t.agencyId} and h.work_date >= ${from} and h.work_date <= ${to} and h.employee_id in (select id from emp)
      group by h.work_date
    union all
    select 'r', r.work_date, sum(case when r.status in ('submitted', 'approved') then 1 else 0 end), 0
      from daily_reports r
      where r.agency_id = ${t.agencyId} and r.work_date >= ${from} and r.work_date <= ${to} and r.employee_id in (select id from emp)
      group by r.work_date
    union all
    select 'e', null, count(*), 0 from emp`.execute(database.db);
  const cal = await loadCalendar(database.db, from, to);
  const by = new Map(r.rows.map((x) => [`${x.src}|${x.work_date ?? ""}`, x]));
  const employees = n(by.get("e|")?.a);
  const out: TrendPoint[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (!cal.isWorkday(d)) continue;
    const c = by.get(`c|${d}`);
    out.push({
      period: d,
      employees,
      checkinCompliance: share(n(c?.a), employees),
      reportCompliance: share(n(by.get(`r|${d}`)?.a), employees),
      officeShare: share(n(c?.b), employees),
      healthNotCleared: n(by.get(`h|${d}`)?.b),
    });
  }
  return out;
}

export interface RhkRow {
  rhkId: string;
  activities: number;
  minutes: number;
}

/** The 20 RHKs with the most minutes in the subtree's submitted reports of the range: one plain join and GROUP BY. */
export async function rawRhk(database: Database, t: Target, from: string, to: string): Promise<RhkRow[]> {
  const r = await sql<Record<string, unknown>>`
    select a.rhk_id, count(*) as activities, sum(a.minutes) as minutes
    from report_activities a
    inner join daily_reports r on r.id = a.report_id
    inner join units u on u.id = r.unit_id
    where r.agency_id = ${t.agencyId} and r.work_date >= ${from} and r.work_date <= ${to} and r.status <> 'draft'
      and u.path like ${`${t.path}%`} and a.rhk_id is not null
    group by a.rhk_id
    order by sum(a.minutes) desc, a.rhk_id
    limit 20`.execute(database.db);
  return r.rows.map((x) => ({ rhkId: String(x.rhk_id), activities: n(x.activities), minutes: n(x.minutes) }));
}
