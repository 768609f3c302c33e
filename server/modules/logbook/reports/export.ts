import ExcelJS from "exceljs";
import type { ReportStatus } from "../../../db/schema-logbook.js";
import { logAccess } from "../../../platform/access-log.js";
import { scopeOf } from "../../../platform/actor.js";
import type { Ctx } from "../../../platform/context.js";
import { invalid } from "../../../platform/errors.js";
import { directReportIds, loadSnapshot, todayIn } from "../../org/hierarchy.js";
import { maskNip } from "../../org/nip.js";
import { agencyOf, orgPolicy } from "../../org/policies.js";
import { getUnit } from "../../org/repository.js";
import { type ExportRow, exportRows } from "./export-repository.js";
import { EXPORT_ROLES } from "./policies.js";
import { fileHref } from "./presenter.js";
import { resolveRange } from "./reading.js";
import { STATUSES } from "./schema.js";

/** A bigger export must be narrowed (a shorter range or one unit). */
export const MAX_EXPORT_ROWS = 100_000;

const STATUS_LABEL: Record<ReportStatus, string> = { draft: "Draf", submitted: "Diajukan", returned: "Dikembalikan", approved: "Disetujui" };
const number = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });

export interface ExportQuery {
  from: string;
  to: string;
  unitId?: string;
  status?: ReportStatus;
}

/** Who the viewer may export: oneself, direct reports (acting included), and the HR / leader scope. */
async function exportFilter(ctx: Ctx, q: ExportQuery) {
  const agencyId = agencyOf(ctx.actor);
  const actorUnit = ctx.actor.unitId ? await getUnit(ctx.db, ctx.actor.unitId) : undefined;
  const today = todayIn(actorUnit?.timezone ?? "Asia/Jakarta", ctx.now());
  const range = resolveRange(today, q);
  let unitPath: string | undefined;
  if (q.unitId) {
    const unit = await getUnit(ctx.db, q.unitId);
    if (!unit || unit.agency_id !== agencyId) throw invalid([{ path: "unitId", message: "no such unit in your agency" }]);
    unitPath = unit.path;
  }
  const extraIds: string[] = [];
  if (ctx.actor.employeeId && ctx.actor.agencyId === agencyId) {
    const snapshot = await loadSnapshot(ctx.db, agencyId, today);
    extraIds.push(ctx.actor.employeeId, ...(await directReportIds(ctx.db, snapshot, ctx.actor.employeeId)));
  }
  const statuses = q.status ? [q.status] : STATUSES.filter((s) => s !== "draft");
  return { agencyId, scope: scopeOf(ctx.actor, EXPORT_ROLES), extraIds, unitPath, ...range, statuses };
}

/** The daily reports as an XLSX an admin can paste into e-Kinerja: one row per activity. */
export async function exportReports(ctx: Ctx, q: ExportQuery, baseUrl: string): Promise<{ filename: string; body: Buffer }> {
  const filter = await exportFilter(ctx, q);
  const rows = await exportRows(ctx.db, filter, MAX_EXPORT_ROWS + 1);
  if (rows.length > MAX_EXPORT_ROWS) {
    throw invalid([{ path: "from", message: `more than ${MAX_EXPORT_ROWS} activities: choose a shorter range or one unit` }], "The export is too large");
  }
  const showNip = (r: ExportRow) =>
    orgPolicy.viewEmployeePrivate(ctx.actor, { agencyId: filter.agencyId, unitPath: r.unit_path, employeeId: r.employee_id, supervisorId: null });
  const fullNipOf = new Set(rows.filter(showNip).map((r) => r.employee_id));
  const othersShown = [...fullNipOf].filter((id) => id !== ctx.actor.employeeId);
  await logAccess(ctx.db, ctx, { category: "nip_detail", agencyId: filter.agencyId, subjectEmployeeIds: othersShown, detail: "e-Kinerja export" });

  const workbook = new ExcelJS.Workbook();
  workbook.created = ctx.now();
  const sheet = workbook.addWorksheet("Kinerja Harian", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "NIP", key: "nip", width: 22, style: { numFmt: "@" } },
    { header: "Nama", key: "name", width: 28 },
    { header: "Tanggal", key: "date", width: 12, style: { numFmt: "dd/mm/yyyy" } },
    { header: "RHK", key: "rhk", width: 40 },
    { header: "Aktivitas", key: "activity", width: 50 },
    { header: "Output", key: "output", width: 16 },
    { header: "Waktu (menit)", key: "minutes", width: 14 },
    { header: "Bukti", key: "evidence", width: 40 },
    { header: "Status", key: "status", width: 14 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const link = r.evidence_url ?? (r.evidence_file_id ? `${baseUrl}${fileHref(r.evidence_file_id)}` : null);
    sheet.addRow({
      nip: fullNipOf.has(r.employee_id) ? r.nip : maskNip(r.nip),
      name: r.name,
      date: new Date(`${r.work_date}T00:00:00Z`),
      rhk: r.rhk_title ? (r.rhk_code ? `${r.rhk_code} ${r.rhk_title}` : r.rhk_title) : "",
      activity: r.description,
      output: `${number.format(Number(r.output_qty))} ${r.output_unit}`,
      minutes: r.minutes,
      evidence: link ? { text: link, hyperlink: link } : "",
      status: STATUS_LABEL[r.status],
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 9 } };
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { filename: `kinerja-harian_${filter.from}_${filter.to}.xlsx`, body };
}
