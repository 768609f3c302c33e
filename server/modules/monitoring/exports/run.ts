import { createHash } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { newId } from "../../../db/ids.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { notFound } from "../../../platform/errors.js";
import { getUnit } from "../../org/repository.js";
import { presentPerson } from "../board/presenter.js";
import { countPeople, people } from "../board/repository.js";
import { type Cell, type Download, sheetsFile } from "../reports/files.js";
import { buildWeeklyReport, weeklyFile } from "../reports/service.js";
import { FILE_STRINGS, type Lang, langOf } from "../reports/strings.js";
import { trendsFile } from "../trends/files.js";
import { rhkActivity } from "../trends/repository.js";
import { buildTrends } from "../trends/service.js";
import * as repo from "./repository.js";
import type { StoredParams } from "./schema.js";

/** People per query and per progress update. */
export const PEOPLE_CHUNK = 1000;

/** The job was failed from outside (recovery) while it ran: stop without touching it again. */
export class ExportAborted extends Error {}

export interface JobRef {
  id: string;
  agencyId: string;
  userId: string;
  format: "csv" | "xlsx" | "pdf";
  params: StoredParams;
}

async function progress(ctx: Ctx, id: string, patch: { total?: number; processed?: number; status?: "running" }, expected: ("queued" | "running")[]) {
  if (!(await repo.updateJob(ctx.db, id, { ...patch, updated_at: ctx.now().toISOString() }, expected))) throw new ExportAborted();
}

const timeIn = (iso: string | null, timezone: string) =>
  iso === null ? null : new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));

async function peopleExport(ctx: Ctx, job: JobRef, p: Extract<StoredParams, { kind: "people" }>, lang: Lang): Promise<Download> {
  const unit = await getUnit(ctx.db, p.unitId);
  if (!unit) throw notFound("Unit");
  const filter = { agencyId: unit.agency_id, path: unit.path, date: p.date, bucket: p.bucket, q: p.q };
  const total = await countPeople(ctx.db, ctx.engine, filter);
  await progress(ctx, job.id, { total }, ["running"]);
  const s = FILE_STRINGS[lang];
  const c = s.cols;
  const header: Cell[] = [c.name, c.nip, c.unit, c.phone, c.checkinAt, c.checkoutAt, c.mode, c.expectedMode, c.minutesLate, c.reportStatus];
  if (p.healthNames) header.push(c.healthCleared);
  const rows: Cell[][] = [header];
  for (let offset = 0; offset < total; offset += PEOPLE_CHUNK) {
    const chunk = await people(ctx.db, ctx.engine, filter, { limit: PEOPLE_CHUNK, offset });
    for (const r of chunk) {
      const person = presentPerson(r, { healthNames: p.healthNames });
      const cells: Cell[] = [
        person.name,
        person.nipMasked,
        person.unitName,
        person.phone,
        timeIn(person.checkinAt, r.unit_timezone),
        timeIn(person.checkoutAt, r.unit_timezone),
        person.mode,
        person.expectedMode,
        person.minutesLate,
        s.reportStatus[person.reportStatus ?? "none"],
      ];
      if (p.healthNames) cells.push(person.healthCleared === null ? null : person.healthCleared ? c.healthCleared : c.notCleared);
      rows.push(cells);
    }
    await progress(ctx, job.id, { processed: Math.min(total, offset + chunk.length) }, ["running"]);
    await yieldToEventLoop();
    if (chunk.length < PEOPLE_CHUNK) break;
  }
  const safeBucket = p.bucket.replace(/[^a-z_]/gi, "-");
  return sheetsFile(job.format === "csv" ? "csv" : "xlsx", [{ name: s.people, rows }], `pegawai-${safeBucket}-${p.date}`);
}

async function build(ctx: Ctx, job: JobRef): Promise<Download> {
  const lang = langOf(ctx.actor.locale);
  const p = job.params;
  if (p.kind === "people") return peopleExport(ctx, job, p, lang);
  await progress(ctx, job.id, { total: 1 }, ["running"]);
  const unit = await getUnit(ctx.db, p.unitId);
  if (!unit) throw notFound("Unit");
  if (p.kind === "trends") {
    const [trends, rhk] = await Promise.all([
      buildTrends(ctx.db, unit, { from: p.from, to: p.to, granularity: p.granularity }, p.today),
      rhkActivity(ctx.db, unit, p.from, p.to),
    ]);
    return trendsFile(trends, rhk, job.format === "csv" ? "csv" : "xlsx", lang);
  }
  const report = await buildWeeklyReport(ctx.db, unit, p.week, ctx.now());
  return weeklyFile(report, job.format === "pdf" ? "pdf" : "xlsx", ctx.actor.locale);
}

/** Runs a job: marks it running, builds the file with progress, stores it and marks the job done, in one transaction. */
export async function runExport(ctx: Ctx, job: JobRef): Promise<void> {
  await progress(ctx, job.id, { status: "running" }, ["queued"]);
  const file = await build(ctx, job);
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const fileId = newId();
    await repo.insertFile(trx, {
      id: fileId,
      agency_id: job.agencyId,
      owner_user_id: job.userId,
      filename: file.filename,
      mime: file.contentType,
      size: file.body.length,
      sha256: createHash("sha256").update(file.body).digest("hex"),
      data: file.body,
      created_at: now,
    });
    const row = await repo.getOwnJob(trx, job.id, job.userId);
    const total = row?.total ?? 0;
    const done = await repo.updateJob(
      trx,
      job.id,
      { status: "done", processed: total, file_id: fileId, filename: file.filename, finished_at: now, updated_at: now },
      ["running"],
    );
    if (!done) throw new ExportAborted();
    await audit(trx, ctx, {
      action: "monitoring.export_completed",
      subjectType: "monitoring_export",
      subjectId: job.id,
      agencyId: job.agencyId,
      changes: { filename: file.filename, size: file.body.length, rows: total },
    });
  });
}
