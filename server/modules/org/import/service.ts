import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { FastifyBaseLogger } from "fastify";
import type { Kysely, Updateable } from "kysely";
import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { DB, ImportJobTable } from "../../../db/schema.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { notFound } from "../../../platform/errors.js";
import { agencyOf, authorize, orgPolicy } from "../policies.js";
import * as orgRepo from "../repository.js";
import { type ParsedFile, parseEmployeeFile } from "./parse.js";
import { importPolicy } from "./policies.js";
import { presentJob } from "./presenter.js";
import * as repo from "./repository.js";
import type { ImportJobDto } from "./schema.js";
import { buildTemplate, type Download } from "./template.js";
import type { PlannedEmployee } from "./types.js";
import type { Upload } from "./upload.js";
import { type ValidationResult, validateRows } from "./validate.js";
import { ImportWriter } from "./write.js";

/** Rows per validation step and per write transaction. */
export const CHUNK_ROWS = 500;
/** The report keeps the first errors only; errorCount still counts them all. */
export const MAX_STORED_ERRORS = 1000;

type Log = Pick<FastifyBaseLogger, "error">;

interface JobRef {
  id: string;
  agencyId: string;
  mode: "valid_rows" | "all_or_nothing";
  dryRun: boolean;
  totalRows: number;
}

/** Jobs running in this process (for shutdown and for recovery, which must not fail them). */
const running = new Map<string, Promise<void>>();

/** The job was failed from outside (recovery) while it ran: stop without touching it again. */
class ImportAborted extends Error {}

/** The agency an import works in, after checking that the actor may import into it. */
export function importAgency(ctx: Ctx, requested?: string): string {
  const agencyId = agencyOf(ctx.actor, requested);
  authorize(importPolicy.start(ctx.actor, agencyId), "Only HR admins of the agency may import employees");
  return agencyId;
}

export async function employeeTemplate(ctx: Ctx, format: "csv" | "xlsx", requested?: string): Promise<Download> {
  const agencyId = importAgency(ctx, requested);
  const units = await orgRepo.listUnits(ctx.db, agencyId);
  const unit = units.find((u) => importPolicy.writeUnit(ctx.actor, agencyId, u.path));
  return buildTemplate(format, unit?.code ?? "KODE-UNIT");
}

/**
 * Checks and parses the upload (refusing it with 415/422 before anything is
 * stored), records the job, and runs it in the background of this process.
 */
export async function startImport(ctx: Ctx, agencyId: string, upload: Upload, log?: Log): Promise<ImportJobDto> {
  const file = await parseEmployeeFile(upload.content);
  const now = ctx.now().toISOString();
  const job = {
    id: newId(),
    agency_id: agencyId,
    created_by: ctx.actor.userId,
    kind: "employees",
    filename: upload.filename,
    mode: upload.mode,
    dry_run: upload.dryRun ? 1 : 0,
    status: "validating" as const,
    total_rows: file.rows.length,
    processed_rows: 0,
    created_count: 0,
    updated_count: 0,
    error_count: 0,
    errors: toJson([]),
    message: null,
    created_at: now,
    updated_at: now,
    finished_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertJob(trx, job);
    await audit(trx, ctx, {
      action: "import.started",
      subjectType: "import_job",
      subjectId: job.id,
      agencyId,
      changes: { kind: job.kind, filename: job.filename, format: file.format, mode: job.mode, dryRun: upload.dryRun, totalRows: job.total_rows },
    });
  });
  const ref: JobRef = { id: job.id, agencyId, mode: upload.mode, dryRun: upload.dryRun, totalRows: file.rows.length };
  const task = runImport(ctx, ref, file).catch((err: unknown) => recordFailure(ctx, ref, err, log));
  running.set(job.id, task);
  void task.finally(() => running.delete(job.id));
  return presentJob(job);
}

async function setJob(db: Db, id: string, patch: Updateable<ImportJobTable>, expected: ("validating" | "importing")[]) {
  if (!(await repo.updateJob(db, id, patch, expected))) throw new ImportAborted();
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summary(result: ValidationResult, dryRun: boolean): string {
  const created = result.plans.filter((p) => !p.existing).length;
  const updated = result.plans.filter((p) => p.existing && p.changed.length > 0).length;
  const unchanged = result.plans.length - created - updated;
  const parts = dryRun
    ? [`${plural(created, "employee")} would be created`, `${updated} would be updated`]
    : [`${plural(created, "employee")} created`, `${updated} updated`];
  if (unchanged) parts.push(`${unchanged} unchanged`);
  if (result.newPositions.size) parts.push(`${plural(result.newPositions.size, "new position")}${dryRun ? " would be added" : " added"}`);
  if (result.invalidRows) parts.push(`${plural(result.invalidRows, "invalid row")} ${dryRun ? "would be skipped" : "skipped"}`);
  return dryRun ? `Dry run: ${parts.join(", ")}. Nothing was written.` : `Import finished: ${parts.join(", ")}.`;
}

async function runImport(ctx: Ctx, job: JobRef, file: ParsedFile): Promise<void> {
  const { agencyId } = job;
  const result = await validateRows({
    rows: file.rows,
    labels: file.labels,
    agencyId,
    units: await orgRepo.listUnits(ctx.db, agencyId),
    canManage: (unitPath) => importPolicy.writeUnit(ctx.actor, agencyId, unitPath),
    now: ctx.now(),
    chunkSize: CHUNK_ROWS,
    loader: {
      employeesByNip: (nips) => repo.employeesByNip(ctx.db, nips),
      employeeIdsByEmail: (emails) => repo.employeeIdsByEmail(ctx.db, emails),
      positionsOfUnits: (unitIds) => repo.positionsOfUnits(ctx.db, unitIds),
    },
    onProgress: async (validated) => {
      await setJob(ctx.db, job.id, { processed_rows: validated, updated_at: ctx.now().toISOString() }, ["validating"]);
      await yieldToEventLoop();
    },
  });
  const report = { error_count: result.errors.length, errors: toJson(result.errors.slice(0, MAX_STORED_ERRORS)) };
  const counts = { invalidRows: result.invalidRows, errors: result.errors.length, mode: job.mode, dryRun: job.dryRun };

  if ((job.mode === "all_or_nothing" && result.errors.length > 0) || job.dryRun) {
    const rejected = job.mode === "all_or_nothing" && result.errors.length > 0;
    const now = ctx.now().toISOString();
    const created = result.plans.filter((p) => !p.existing).length;
    const updated = result.plans.filter((p) => p.existing && p.changed.length > 0).length;
    const message = rejected
      ? `${plural(result.invalidRows, "row")} of ${job.totalRows} ${result.invalidRows === 1 ? "is" : "are"} invalid, so nothing was imported. Correct ${result.invalidRows === 1 ? "it" : "them"} and upload the file again.`
      : summary(result, true);
    await ctx.db.transaction().execute(async (trx) => {
      await setJob(
        trx,
        job.id,
        {
          status: rejected ? "rejected" : "done",
          processed_rows: job.totalRows,
          created_count: rejected ? 0 : created,
          updated_count: rejected ? 0 : updated,
          ...report,
          message,
          finished_at: now,
          updated_at: now,
        },
        ["validating"],
      );
      await audit(trx, ctx, {
        action: rejected ? "import.rejected" : "import.completed",
        subjectType: "import_job",
        subjectId: job.id,
        agencyId,
        changes: rejected ? counts : { ...counts, wouldCreate: created, wouldUpdate: updated },
      });
    });
    return;
  }

  await setJob(ctx.db, job.id, { status: "importing", processed_rows: 0, ...report, updated_at: ctx.now().toISOString() }, ["validating"]);
  const writer = new ImportWriter(agencyId, result.newPositions);
  let created = 0;
  let updated = 0;
  let next = 0;
  for (let i = 0; i < file.rows.length; i += CHUNK_ROWS) {
    const slice = file.rows.slice(i, i + CHUNK_ROWS);
    const lastRow = slice[slice.length - 1].row;
    const plans: PlannedEmployee[] = [];
    while (next < result.plans.length && result.plans[next].row <= lastRow) plans.push(result.plans[next++]);
    const isLast = i + CHUNK_ROWS >= file.rows.length;
    const now = ctx.now().toISOString();
    const done = await ctx.db.transaction().execute(async (trx) => {
      const written = await writer.write(trx, plans, now);
      const total = { created: created + written.created.length, updated: updated + written.updated.length };
      await setJob(
        trx,
        job.id,
        {
          processed_rows: i + slice.length,
          created_count: total.created,
          updated_count: total.updated,
          updated_at: now,
          ...(isLast ? { status: "done" as const, message: summary(result, false), finished_at: now } : {}),
        },
        ["importing"],
      );
      if (written.created.length || written.updated.length || written.positionsCreated.length) {
        await audit(trx, ctx, {
          action: "employee.imported",
          subjectType: "import_job",
          subjectId: job.id,
          agencyId,
          changes: { rows: [slice[0].row, lastRow], ...written },
        });
      }
      if (isLast) {
        await audit(trx, ctx, { action: "import.completed", subjectType: "import_job", subjectId: job.id, agencyId, changes: { ...counts, ...total } });
      }
      return total;
    });
    created = done.created;
    updated = done.updated;
    await yieldToEventLoop();
  }
}

function describe(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, " ").slice(0, 300);
}

/** Records an unexpected failure in the job; never throws (the job runs detached from any request). */
async function recordFailure(ctx: Ctx, job: JobRef, err: unknown, log?: Log): Promise<void> {
  if (err instanceof ImportAborted) return;
  log?.error({ err, importJobId: job.id }, "employee import failed");
  try {
    const row = await repo.getJob(ctx.db, job.id);
    const kept = row?.status === "importing" && row.processed_rows > 0;
    const message = `The import stopped because of an unexpected error: ${describe(err)}. ${
      kept ? `The first ${row.processed_rows} rows had been processed; their changes were kept.` : "Nothing was written."
    }`;
    const now = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.updateJob(trx, job.id, { status: "failed", message, finished_at: now, updated_at: now }, repo.RUNNING))) return;
      await audit(trx, ctx, {
        action: "import.failed",
        subjectType: "import_job",
        subjectId: job.id,
        agencyId: job.agencyId,
        changes: { reason: describe(err) },
      });
    });
  } catch (e) {
    log?.error({ err: e, importJobId: job.id }, "could not record the failure of an import");
  }
}

export async function getJob(ctx: Ctx, id: string): Promise<ImportJobDto> {
  const job = await repo.getJob(ctx.db, id);
  // Another agency's job is "not found", not "forbidden": ids do not leak.
  if (!job || !orgPolicy.viewStructure(ctx.actor, job.agency_id)) throw notFound("Import");
  authorize(importPolicy.viewJob(ctx.actor, { agencyId: job.agency_id, createdBy: job.created_by }));
  return presentJob(job);
}

export async function listJobs(ctx: Ctx, q: { agencyId?: string; page: number; pageSize: number }) {
  const agencyId = importAgency(ctx, q.agencyId);
  const createdBy = importPolicy.seeAllJobs(ctx.actor, agencyId) ? null : ctx.actor.userId;
  const { rows, total } = await repo.listJobs(ctx.db, { agencyId, createdBy, page: q.page, pageSize: q.pageSize });
  return { items: rows.map(presentJob), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Marks imports left in `validating`/`importing` by a stopped process as
 * failed. Call at startup. Jobs running in this process are never touched;
 * with several instances on one database, pass `idleForMs` (e.g. 60_000) so
 * that only jobs without progress for that long are failed (a running job
 * records progress at least every chunk of 500 rows).
 */
export async function recoverInterruptedImports(db: Kysely<DB>, opts: { idleForMs?: number; now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  return repo.failRunningJobs(db, {
    message:
      "The server stopped while this import was running. Rows written before the stop were kept; upload the file again to finish (existing employees are updated, not duplicated).",
    now: now.toISOString(),
    idleSince: opts.idleForMs ? new Date(now.getTime() - opts.idleForMs).toISOString() : null,
    exceptIds: [...running.keys()],
  });
}

/** Waits for the imports running in this process to finish (graceful shutdown, tests). */
export async function settleImports(): Promise<void> {
  await Promise.allSettled([...running.values()]);
}
