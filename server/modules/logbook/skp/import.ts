import ExcelJS from "exceljs";
import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { SkpTarget } from "../../../db/schema-logbook.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { AppError } from "../../../platform/errors.js";
import { agencyOf, authorize } from "../../org/policies.js";
import type { UploadedFile } from "../reports/multipart.js";
import { COLUMNS, readTargetSheet } from "./import-read.js";
import { type ImportEmployee, matchExisting, planTargets } from "./import-validate.js";
import { skpPolicy } from "./policies.js";
import * as repo from "./repository.js";
import type { ImportResult } from "./schema.js";

/** The agency an import writes into, after checking that the actor is an HR admin there. */
export function targetImportAgency(ctx: Ctx, requested?: string): string {
  const agencyId = agencyOf(ctx.actor, requested);
  authorize(skpPolicy.startImport(ctx.actor, agencyId), "Only HR admins may import targets");
  return agencyId;
}

/**
 * Imports SKP targets from an XLSX file, all or nothing — one invalid row
 * refuses the whole file (422 with the per-row report). A target that
 * already exists (same code, or same title without a code) gets the file's
 * indicators instead of a duplicate, so uploading a file twice is harmless.
 */
export async function importTargets(ctx: Ctx, agencyId: string, upload: UploadedFile, dryRun: boolean): Promise<ImportResult> {
  const rows = await readTargetSheet(upload.content);
  const nips = [...new Set(rows.map((r) => r.cells.nip.replace(/^'/, "").replace(/[\s-]+/g, "")).filter((n) => /^\d{18}$/.test(n)))];
  const employees = new Map<string, ImportEmployee>();
  for (let i = 0; i < nips.length; i += 500) {
    for (const e of await repo.employeesByNip(ctx.db, agencyId, nips.slice(i, i + 500))) employees.set(e.nip, e);
  }
  const { plans, errors } = planTargets(rows, employees, (e) => skpPolicy.importFor(ctx.actor, { agencyId, unitPath: e.unit_path }));
  if (errors.length > 0) {
    const invalidRows = new Set(errors.map((e) => e.row)).size;
    throw new AppError("unprocessable", `${invalidRows} of ${rows.length} rows are invalid, so nothing was imported. Correct them and upload the file again.`, {
      errors: errors.map((e) => ({ path: `row ${e.row}.${e.column}`, message: e.message })),
      extra: { rowErrors: errors },
    });
  }
  const employeeIds = [...new Set(plans.map((p) => p.employeeId))];
  const periods = [...new Set(plans.map((p) => p.period))];
  const existing: SkpTarget[] = [];
  for (let i = 0; i < employeeIds.length; i += 500) existing.push(...(await repo.activeTargetsOf(ctx.db, employeeIds.slice(i, i + 500), periods)));
  matchExisting(plans, existing);

  const toCreate = plans.filter((p) => !p.existingId);
  const toUpdate = plans.filter((p) => p.existingId);
  const result: ImportResult = { dryRun, rows: rows.length, targets: plans.length, created: toCreate.length, updated: toUpdate.length };
  if (dryRun) return result;

  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const created = toCreate.map((p) => ({
      id: newId(),
      agency_id: agencyId,
      employee_id: p.employeeId,
      period: p.period,
      code: p.code,
      title: p.title,
      indicators: toJson(p.indicators),
      archived: 0,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    }));
    await repo.insertTargets(trx, created);
    for (const p of toUpdate) {
      await repo.updateTarget(trx, p.existingId as string, {
        title: p.title,
        ...(p.code ? { code: p.code } : {}),
        indicators: toJson(p.indicators),
        updated_at: now,
      });
    }
    await audit(trx, ctx, {
      action: "skp.targets_imported",
      subjectType: "agency",
      subjectId: agencyId,
      agencyId,
      changes: { filename: upload.filename, ...result, createdIds: created.map((c) => c.id), updatedIds: toUpdate.map((p) => p.existingId) },
    });
  });
  return result;
}

/** An XLSX with the import's header and one example row. */
export async function targetTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("RHK");
  sheet.columns = COLUMNS.map((c) => ({ header: c, key: c, width: c === "rhk" || c === "indikator" ? 48 : 16 }));
  sheet.getColumn("nip").numFmt = "@";
  sheet.addRow({
    nip: "198503122010011001",
    periode: "2026",
    kode: "RHK-1",
    rhk: "Terselenggaranya layanan ...",
    indikator: "Jumlah layanan",
    target: 12,
    satuan: "laporan",
  });
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
