import ExcelJS from "exceljs";
import { scopeIsEmpty, scopeOf } from "../../../platform/actor.js";
import type { Ctx } from "../../../platform/context.js";
import { forbidden, invalid, notFound } from "../../../platform/errors.js";
import { directReportIds, loadSnapshot } from "../../org/hierarchy.js";
import { maskNip } from "../../org/nip.js";
import { agencyOf } from "../../org/policies.js";
import { getUnit } from "../../org/repository.js";
import { agencyToday } from "../runs/repository.js";
import { isBehind, JP_TARGET } from "./number.js";
import { JP_HR } from "./policies.js";
import * as repo from "./repository.js";

const round = (n: number) => Math.round(n * 100) / 100;

/** One's own JP of a year: ledger entries, the total against 20 JP, pending claims. */
export async function jpMe(ctx: Ctx, year?: number) {
  const employeeId = ctx.actor.employeeId;
  if (!employeeId || !ctx.actor.agencyId) throw notFound("Employee record of this account");
  const today = await agencyToday(ctx.db, ctx.actor.agencyId, ctx.now());
  const y = year ?? Number(today.slice(0, 4));
  const entries = await repo.ledgerOf(ctx.db, employeeId, y);
  const earned = round(entries.reduce((s, e) => s + e.jp, 0));
  const pending = await repo.listClaims(ctx.db, { employeeId, status: "pending" });
  return {
    year: y,
    earned,
    target: JP_TARGET,
    remaining: round(Math.max(0, JP_TARGET - earned)),
    behind: isBehind(earned, y, today),
    entries: entries.map((e) => ({ id: e.id, source: e.source, refId: e.ref_id, title: e.title, jp: e.jp, earnedOn: e.earned_on })),
    pendingClaims: pending.length,
  };
}

/**
 * JP of the people a viewer looks after: everyone in their HR grant's scope
 * and their direct reports as supervisor. Per person (who is behind, pro rata
 * in the current year) and per unit. Anyone else: 403.
 */
export async function jpScope(ctx: Ctx, q: { year?: number; unitId?: string }) {
  const agencyId = agencyOf(ctx.actor);
  const today = await agencyToday(ctx.db, agencyId, ctx.now());
  const year = q.year ?? Number(today.slice(0, 4));
  const scope = scopeOf(ctx.actor, JP_HR);
  const extraIds: string[] = [];
  if (ctx.actor.employeeId && ctx.actor.agencyId === agencyId) {
    extraIds.push(...(await directReportIds(ctx.db, await loadSnapshot(ctx.db, agencyId, today), ctx.actor.employeeId)));
  }
  if (scopeIsEmpty(scope) && extraIds.length === 0) throw forbidden("Only supervisors and HR see the JP of others");
  let unitPath: string | undefined;
  if (q.unitId) {
    const unit = await getUnit(ctx.db, q.unitId);
    if (!unit || unit.agency_id !== agencyId) throw invalid([{ path: "unitId", message: "no such unit in your agency" }]);
    unitPath = unit.path;
  }
  const rows = await repo.jpOfPeople(ctx.db, { scope, extraIds, unitPath, agencyId, year });
  const items = rows.map((r) => {
    const earned = round(Number(r.jp));
    return {
      employeeId: r.id,
      name: r.name,
      nipMasked: maskNip(r.nip),
      unitId: r.unit_id,
      unitName: r.unit_name,
      earned,
      target: JP_TARGET,
      behind: isBehind(earned, year, today),
    };
  });
  const units = new Map<string, { unitId: string; unitName: string; people: number; total: number; behind: number }>();
  for (const i of items) {
    const u = units.get(i.unitId) ?? { unitId: i.unitId, unitName: i.unitName, people: 0, total: 0, behind: 0 };
    u.people += 1;
    u.total = round(u.total + i.earned);
    u.behind += i.behind ? 1 : 0;
    units.set(i.unitId, u);
  }
  const byUnit = [...units.values()].map((u) => ({ ...u, average: round(u.total / u.people) }));
  return { year, target: JP_TARGET, items, byUnit };
}

/** The same as an XLSX workbook: a sheet per person and a sheet per unit. */
export async function jpScopeXlsx(ctx: Ctx, q: { year?: number; unitId?: string }): Promise<{ filename: string; body: Buffer }> {
  const data = await jpScope(ctx, q);
  const workbook = new ExcelJS.Workbook();
  workbook.created = ctx.now();
  const people = workbook.addWorksheet("JP Pegawai", { views: [{ state: "frozen", ySplit: 1 }] });
  people.columns = [
    { header: "NIP", key: "nip", width: 22, style: { numFmt: "@" } },
    { header: "Nama", key: "name", width: 32 },
    { header: "Unit", key: "unit", width: 32 },
    { header: "JP", key: "jp", width: 8 },
    { header: "Target", key: "target", width: 8 },
    { header: "Tertinggal", key: "behind", width: 12 },
  ];
  people.getRow(1).font = { bold: true };
  for (const i of data.items) {
    people.addRow({ nip: i.nipMasked, name: i.name, unit: i.unitName, jp: i.earned, target: i.target, behind: i.behind ? "Ya" : "Tidak" });
  }
  const units = workbook.addWorksheet("JP Unit", { views: [{ state: "frozen", ySplit: 1 }] });
  units.columns = [
    { header: "Unit", key: "unit", width: 32 },
    { header: "Pegawai", key: "people", width: 10 },
    { header: "Total JP", key: "total", width: 10 },
    { header: "Rata-rata JP", key: "average", width: 12 },
    { header: "Tertinggal", key: "behind", width: 12 },
  ];
  units.getRow(1).font = { bold: true };
  for (const u of data.byUnit) units.addRow({ unit: u.unitName, people: u.people, total: u.total, average: u.average, behind: u.behind });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { filename: `jp-${data.year}.xlsx`, body };
}
