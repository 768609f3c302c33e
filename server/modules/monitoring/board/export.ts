import type { Ctx } from "../../../platform/context.js";
import { type Download, render, type Table } from "./files.js";
import { presentPerson } from "./presenter.js";
import type { BoardQuery, Counts, PeopleQuery } from "./schema.js";
import { getBoard, peopleForDownload } from "./service.js";

type Lang = "id" | "en";

const LABELS = {
  id: {
    boardSheet: "Papan Hari Ini",
    peopleSheet: "Daftar Pegawai",
    unit: "Unit",
    total: "Jumlah",
    employees: "Pegawai",
    checkedIn: "Sudah presensi",
    notCheckedIn: "Belum presensi",
    late: "Terlambat",
    checkedOut: "Sudah pulang",
    matched: "Sesuai jadwal",
    differs: "Berbeda dari jadwal",
    unrostered: "Tanpa jadwal",
    healthFilled: "Cek kesehatan diisi",
    healthNotFilled: "Cek kesehatan belum diisi",
    healthNotCleared: "Tidak lolos cek kesehatan",
    reportNone: "Laporan belum ada",
    reportDraft: "Laporan draf",
    reportSubmitted: "Laporan diajukan",
    reportReturned: "Laporan dikembalikan",
    reportApproved: "Laporan disetujui",
    officePresent: "Hadir di kantor",
    officeCap: "Batas kantor",
    name: "Nama",
    nip: "NIP",
    phone: "Telepon",
    checkinAt: "Jam masuk",
    checkoutAt: "Jam pulang",
    mode: "Mode kerja",
    expectedMode: "Mode jadwal",
    minutesLate: "Terlambat (menit)",
    geofence: "Lokasi",
    reportStatus: "Status laporan",
    healthCleared: "Lolos cek kesehatan",
    yes: "Ya",
    no: "Tidak",
  },
  en: {
    boardSheet: "Today board",
    peopleSheet: "People",
    unit: "Unit",
    total: "Total",
    employees: "Employees",
    checkedIn: "Checked in",
    notCheckedIn: "Not checked in",
    late: "Late",
    checkedOut: "Checked out",
    matched: "As rostered",
    differs: "Differs from roster",
    unrostered: "Not rostered",
    healthFilled: "Health check filled",
    healthNotFilled: "Health check not filled",
    healthNotCleared: "Health not cleared",
    reportNone: "No report",
    reportDraft: "Report draft",
    reportSubmitted: "Report submitted",
    reportReturned: "Report returned",
    reportApproved: "Report approved",
    officePresent: "In the office",
    officeCap: "Office cap",
    name: "Name",
    nip: "NIP",
    phone: "Phone",
    checkinAt: "Checked in at",
    checkoutAt: "Checked out at",
    mode: "Work mode",
    expectedMode: "Rostered mode",
    minutesLate: "Late (minutes)",
    geofence: "Location",
    reportStatus: "Report status",
    healthCleared: "Health cleared",
    yes: "Yes",
    no: "No",
  },
} as const;

const GEOFENCE = {
  id: { office: "Kantor", home: "Rumah", other_place: "Tempat lain", outside: "Di luar", poor_fix: "Lokasi kurang akurat", unavailable: "Tanpa lokasi" },
  en: { office: "Office", home: "Home", other_place: "Other place", outside: "Outside", poor_fix: "Poor fix", unavailable: "No position" },
} as const;

const REPORT = {
  id: { draft: "Draf", submitted: "Diajukan", returned: "Dikembalikan", approved: "Disetujui" },
  en: { draft: "Draft", submitted: "Submitted", returned: "Returned", approved: "Approved" },
} as const;

export function langOf(ctx: Ctx): Lang {
  return ctx.actor.locale.toLowerCase().startsWith("en") ? "en" : "id";
}

function countCells(c: Counts): number[] {
  return [
    c.employees,
    c.checkedIn,
    c.notCheckedIn,
    c.late,
    c.checkedOut,
    c.modes.WFO,
    c.modes.WFH,
    c.modes.DL,
    c.modes.CUTI,
    c.modes.SAKIT,
    c.roster.matched,
    c.roster.differs,
    c.roster.unrostered,
    c.health.filled,
    c.health.notFilled,
    c.health.notCleared,
    c.reports.none,
    c.reports.draft,
    c.reports.submitted,
    c.reports.returned,
    c.reports.approved,
    c.office.present,
  ];
}

/** The board's per-unit table (own staff, each child subtree, then the total) as a file. */
export async function boardFile(ctx: Ctx, q: BoardQuery, format: "csv" | "xlsx"): Promise<Download> {
  const board = await getBoard(ctx, q);
  const lang = langOf(ctx);
  const L = LABELS[lang];
  const labels = [
    L.employees,
    L.checkedIn,
    L.notCheckedIn,
    L.late,
    L.checkedOut,
    "WFO",
    "WFH",
    "DL",
    "CUTI",
    "SAKIT",
    L.matched,
    L.differs,
    L.unrostered,
    L.healthFilled,
    L.healthNotFilled,
    L.healthNotCleared,
    L.reportNone,
    L.reportDraft,
    L.reportSubmitted,
    L.reportReturned,
    L.reportApproved,
    L.officePresent,
  ];
  const table: Table = {
    sheet: L.boardSheet,
    columns: [{ label: L.unit, width: 36 }, ...labels.map((label) => ({ label })), { label: L.officeCap }],
    rows: [...board.units.map((u) => [u.name, ...countCells(u), u.office.cap]), [L.total, ...countCells(board.totals), board.totals.office.cap]],
  };
  return render(table, format, `monitoring-board_${board.date}`, ctx.now());
}

const timeIn = (iso: string | null, timezone: string) =>
  iso === null ? null : new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));

/** The people behind one number as a file (up to MAX_DOWNLOAD_ROWS). */
export async function peopleFile(ctx: Ctx, q: Omit<PeopleQuery, "page" | "pageSize">, format: "csv" | "xlsx"): Promise<Download> {
  const { date, healthNames, rows } = await peopleForDownload(ctx, q);
  const lang = langOf(ctx);
  const L = LABELS[lang];
  const columns: Table["columns"] = [
    { label: L.name, width: 30 },
    { label: L.nip, width: 22, text: true },
    { label: L.unit, width: 30 },
    { label: L.phone, width: 18, text: true },
    { label: L.checkinAt },
    { label: L.checkoutAt },
    { label: L.mode },
    { label: L.expectedMode },
    { label: L.minutesLate },
    { label: L.geofence, width: 18 },
    { label: L.reportStatus, width: 16 },
  ];
  if (healthNames) columns.push({ label: L.healthCleared });
  const table: Table = {
    sheet: L.peopleSheet,
    columns,
    rows: rows.map((r) => {
      const p = presentPerson(r, { healthNames });
      const cells: (string | number | null)[] = [
        p.name,
        p.nipMasked,
        p.unitName,
        p.phone,
        timeIn(p.checkinAt, r.unit_timezone),
        timeIn(p.checkoutAt, r.unit_timezone),
        p.mode,
        p.expectedMode,
        p.minutesLate,
        p.geofence ? (GEOFENCE[lang][p.geofence as keyof (typeof GEOFENCE)["id"]] ?? p.geofence) : null,
        p.reportStatus ? REPORT[lang][p.reportStatus] : null,
      ];
      if (healthNames) cells.push(p.healthCleared === null ? null : p.healthCleared ? L.yes : L.no);
      return cells;
    }),
  };
  return render(table, format, `monitoring-people_${date}_${q.bucket.replace(":", "-")}`, ctx.now());
}
