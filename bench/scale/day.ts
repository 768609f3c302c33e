import type { Insertable } from "kysely";
import type { CheckinTable, DailyReportTable, Geofence, HealthCheckTable, ReportActivityTable, WorkMode } from "../../server/db/schema-logbook.js";
import type { Rng } from "../../server/demo/random.js";
import { zonedInstant } from "../../server/modules/logbook/calendar/workdays.js";
import { haversineM } from "../../server/modules/logbook/checkin/geofence.js";
import { offset, round6 } from "./geo.js";
import { HEALTH_SHEETS } from "./health.js";
import type { IdSource } from "./ids.js";

export interface Office {
  id: string;
  name: string;
  lat: number;
  lng: number;
  radiusM: number;
}

/** What the day builder needs to know about a unit. */
export interface DayUnit {
  id: string;
  timezone: string;
  office: Office | null;
}

/** What the day builder needs to know about an employee. */
export interface DayPerson {
  id: string;
  agencyId: string;
  unit: DayUnit;
  /** Who reviews the reports (the unit head, or the parent unit's head for a head); null: nobody. */
  reviewerId: string | null;
  /** SKP targets (RHK) the report activities point to. */
  targetIds: readonly string[];
  home: { lat: number; lng: number };
  /** Always at work, every report approved (people whose own flows a demo or test drives). */
  settled?: boolean;
}

/** One work date as the builder sees it. */
export interface DaySpec {
  date: string;
  /** Working hours of the day. */
  hours: { start: string; end: string };
  /** Workdays between this date and today (0: today). */
  age: number;
  /** Report deadline of this date per time zone, ISO. */
  deadlineAt: (timezone: string) => string;
  /** Today, still under way: only what happened before `now`, and no reports yet. */
  partial: boolean;
  /** Share of people checked in so far (partial days only). */
  checkedInShare: number;
}

export interface DayRows {
  checkins: CheckinTable[];
  health: Insertable<HealthCheckTable>[];
  reports: DailyReportTable[];
  activities: ReportActivityTable[];
}

export const emptyDayRows = (): DayRows => ({ checkins: [], health: [], reports: [], activities: [] });

export interface DayContext {
  rng: Rng;
  ids: IdSource;
  now: Date;
  formId: string;
}

/** Share of employee-days with no check-in at all. */
const ABSENT = 0.03;
export const MODE_WEIGHTS: Readonly<Record<WorkMode, number>> = { WFO: 70, WFH: 18, DL: 5, CUTI: 4, SAKIT: 3 };
const MODE_TABLE = (() => {
  const total = Object.values(MODE_WEIGHTS).reduce((a, b) => a + b, 0);
  let sum = 0;
  return (Object.entries(MODE_WEIGHTS) as [WorkMode, number][]).map(([mode, w]) => {
    sum += w / total;
    return { mode, upTo: sum };
  });
})();
const pickMode = (r: number): WorkMode => (MODE_TABLE.find((m) => r < m.upTo) ?? MODE_TABLE[MODE_TABLE.length - 1]).mode;
const LATE = 0.085;
const WORKING: ReadonlySet<WorkMode> = new Set(["WFO", "WFH", "DL"]);
const MINUTE = 60_000;

const ACTIVITIES = [
  ["Menyusun konsep nota dinas", "dokumen"],
  ["Memverifikasi data usulan kegiatan", "berkas"],
  ["Mengikuti rapat koordinasi", "kegiatan"],
  ["Menyusun laporan rekapitulasi data", "laporan"],
  ["Menindaklanjuti permintaan layanan pengguna", "tiket"],
  ["Mengagendakan surat masuk dan keluar", "surat"],
  ["Menyusun bahan paparan pimpinan", "dokumen"],
  ["Melakukan pemantauan aplikasi layanan", "laporan"],
  ["Menata arsip dinamis", "berkas"],
  ["Menyusun kajian kebijakan", "dokumen"],
] as const;
const RETURN_COMMENTS = ["Lengkapi uraian hasil kerja.", "Lampirkan bukti dukung kegiatan.", "Sesuaikan dengan RHK yang dituju."];

/** Appends the rows of one employee's day to `out`. */
export function buildDay(ctx: DayContext, day: DaySpec, person: DayPerson, out: DayRows): void {
  const { rng } = ctx;
  if (day.partial) {
    if (!rng.chance(day.checkedInShare)) return;
  } else if (!person.settled && rng.chance(ABSENT)) return;
  const mode: WorkMode = person.settled ? (rng.chance(0.8) ? "WFO" : "WFH") : pickMode(rng.next());
  const { start, end, dayStart } = instantsOf(day, person.unit.timezone);
  const nowMs = ctx.now.getTime();

  const working = WORKING.has(mode);
  const late = working && !person.settled && rng.chance(LATE);
  let inAt = late ? start + (1 + Math.min(180, Math.floor(-Math.log(1 - rng.next()) * 22))) * MINUTE : start - rng.int(1, 55) * MINUTE;
  inAt += rng.int(0, 59) * 1000;
  const before = rng.int(1, 40) * MINUTE;
  if (inAt >= nowMs) inAt = Math.max(dayStart + MINUTE, nowMs - before);
  const inMinutesOff = working ? Math.max(0, Math.floor((inAt - start) / MINUTE)) : null;
  const position = whereAbouts(rng, person, mode);
  out.checkins.push(checkinRow(ctx, person, day.date, "in", mode, inAt, inMinutesOff, position));

  if (working && rng.chance(0.93)) {
    const early = rng.chance(0.05);
    const outAt = (early ? end - rng.int(5, 90) * MINUTE : end + rng.int(0, 100) * MINUTE) + rng.int(0, 59) * 1000;
    if (outAt < nowMs) out.checkins.push(checkinRow(ctx, person, day.date, "out", mode, outAt, early ? Math.ceil((end - outAt) / MINUTE) : 0, position));
  }

  const fills = mode === "CUTI" ? 0.1 : mode === "SAKIT" ? 0.6 : 0.95;
  if (rng.chance(fills)) {
    const notCleared = mode === "SAKIT" ? rng.chance(0.5) : !person.settled && rng.chance(0.03);
    const sheet = notCleared ? rng.pick(HEALTH_SHEETS.notCleared) : rng.pick(HEALTH_SHEETS.cleared);
    const at = new Date(Math.min(nowMs - 1000, inAt + rng.int(1, 25) * MINUTE)).toISOString();
    out.health.push({
      id: ctx.ids.next(),
      agency_id: person.agencyId,
      unit_id: person.unit.id,
      employee_id: person.id,
      work_date: day.date,
      form_id: ctx.formId,
      answers: sheet.answers,
      cleared: notCleared ? 0 : 1,
      reasons: sheet.reasons,
      answers_purged_at: null,
      created_at: at,
      updated_at: at,
    });
  }

  if (!day.partial && working && (person.settled || rng.chance(0.94))) addReport(ctx, day, person, end, out);
}

const instants = new Map<string, { start: number; end: number; dayStart: number }>();

/** Start, end and midnight of a day's working hours in a zone, as epoch milliseconds (cached). */
function instantsOf(day: DaySpec, tz: string) {
  const key = `${day.date}|${tz}|${day.hours.start}|${day.hours.end}`;
  let at = instants.get(key);
  if (!at) {
    at = {
      start: zonedInstant(day.date, day.hours.start, tz).getTime(),
      end: zonedInstant(day.date, day.hours.end, tz).getTime(),
      dayStart: zonedInstant(day.date, "00:00", tz).getTime(),
    };
    if (instants.size > 10_000) instants.clear();
    instants.set(key, at);
  }
  return at;
}

interface Whereabouts {
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  positionError: string | null;
  geofence: Geofence;
  office: Office | null;
  distanceM: number | null;
}

function whereAbouts(rng: Rng, person: DayPerson, mode: WorkMode): Whereabouts {
  const office = person.unit.office;
  const accuracy = rng.int(5, 45);
  if (rng.chance(0.01))
    return { lat: null, lng: null, accuracy: null, positionError: "permission_denied", geofence: "unavailable", office: null, distanceM: null };
  if (mode === "WFO" && office) {
    const r = rng.next();
    if (r < 0.03) {
      const p = offset(rng, office, office.radiusM + rng.int(150, 1500));
      return { ...p, accuracy, positionError: null, geofence: "outside", office, distanceM: edgeDistance(p, office) };
    }
    if (r < 0.05) {
      const p = offset(rng, office, rng.int(0, 400));
      return { ...p, accuracy: rng.int(160, 900), positionError: null, geofence: "poor_fix", office, distanceM: edgeDistance(p, office) };
    }
    const p = offset(rng, office, rng.next() * office.radiusM * 0.7);
    return { ...p, accuracy, positionError: null, geofence: "office", office, distanceM: 0 };
  }
  const base = mode === "DL" ? offset(rng, person.home, rng.int(5_000, 250_000)) : offset(rng, person.home, rng.int(0, 60));
  return { ...base, accuracy, positionError: null, geofence: "outside", office, distanceM: office ? edgeDistance(base, office) : null };
}

function edgeDistance(p: { lat: number; lng: number }, office: Office): number {
  return Math.max(0, Math.round(haversineM(p, office) - office.radiusM));
}

function checkinRow(
  ctx: DayContext,
  person: DayPerson,
  date: string,
  kind: "in" | "out",
  mode: WorkMode,
  atMs: number,
  minutesOff: number | null,
  w: Whereabouts,
): CheckinTable {
  const at = new Date(atMs).toISOString();
  return {
    id: ctx.ids.next(),
    agency_id: person.agencyId,
    unit_id: person.unit.id,
    employee_id: person.id,
    work_date: date,
    kind,
    mode,
    expected_mode: null,
    server_time: at,
    device_time: new Date(atMs - ctx.rng.int(0, 4000)).toISOString(),
    lat: w.lat === null ? null : round6(w.lat + (kind === "out" ? 0.00002 : 0)),
    lng: w.lng,
    accuracy_m: w.accuracy,
    position_error: w.positionError,
    geofence: w.geofence,
    place_id: w.office?.id ?? null,
    place_name: w.office?.name ?? null,
    distance_m: w.distanceM,
    minutes_off: minutesOff,
    coords_purged_at: null,
    note: null,
    created_at: at,
  };
}

function reportStatus(rng: Rng, day: DaySpec, person: DayPerson): DailyReportTable["status"] {
  if (person.settled) return "approved";
  if (day.age <= 1) return rng.weighted({ draft: 25, submitted: 50, returned: 3, approved: 22 });
  if (day.age <= 5) return rng.weighted({ draft: 6, submitted: 22, returned: 5, approved: 67 });
  return rng.weighted({ draft: 3, submitted: 7, returned: 4, approved: 86 });
}

function addReport(ctx: DayContext, day: DaySpec, person: DayPerson, endMs: number, out: DayRows): void {
  const { rng } = ctx;
  const nowMs = ctx.now.getTime();
  let status = reportStatus(rng, day, person);
  if (status !== "draft" && status !== "submitted" && !person.reviewerId) status = "submitted";
  const createdMs = endMs - rng.int(30, 180) * MINUTE;
  const submittedMs = Math.min(nowMs - 2 * MINUTE, endMs + rng.int(-20, 360) * MINUTE);
  let reviewedMs: number | null = status === "approved" || status === "returned" ? submittedMs + rng.int(20, 40 * 60) * MINUTE : null;
  // A settled person's report is reviewed by now, however recent.
  if (reviewedMs !== null && person.settled) reviewedMs = Math.max(submittedMs + MINUTE, Math.min(reviewedMs, nowMs - MINUTE));
  if (reviewedMs !== null && reviewedMs >= nowMs) {
    reviewedMs = null;
    status = "submitted";
  }
  const submitted = status === "draft" ? null : new Date(submittedMs).toISOString();
  const reviewed = reviewedMs === null ? null : new Date(reviewedMs).toISOString();
  const id = ctx.ids.next();
  out.reports.push({
    id,
    agency_id: person.agencyId,
    unit_id: person.unit.id,
    employee_id: person.id,
    work_date: day.date,
    status,
    deadline_at: day.deadlineAt(person.unit.timezone),
    submitted_at: submitted,
    reviewed_at: reviewed,
    reviewer_employee_id: reviewed ? person.reviewerId : null,
    review_comment: status === "returned" ? rng.pick(RETURN_COMMENTS) : null,
    revision: status === "returned" ? 1 : 0,
    created_at: new Date(createdMs).toISOString(),
    updated_at: reviewed ?? submitted ?? new Date(createdMs).toISOString(),
  });
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i++) {
    const [description, unit] = rng.pick(ACTIVITIES);
    out.activities.push({
      id: ctx.ids.next(),
      report_id: id,
      ordinal: i + 1,
      description,
      rhk_id: person.targetIds.length ? rng.pick(person.targetIds) : null,
      output_qty: rng.int(1, 5),
      output_unit: unit,
      minutes: rng.int(4, 16) * 15,
      evidence_url: null,
      evidence_file_id: null,
    });
  }
}
