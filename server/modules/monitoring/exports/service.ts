import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { DB } from "../../../db/schema.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { AppError, conflict, forbidden, invalid, notFound } from "../../../platform/errors.js";
import { todayIn } from "../../org/hierarchy.js";
import type { Download } from "../reports/files.js";
import { canSeeHealthNames, monitoringScope, resolveUnit } from "../scope.js";
import { parseWeek } from "../trends/periods.js";
import { trendsRange } from "../trends/service.js";
import { presentJob } from "./presenter.js";
import * as repo from "./repository.js";
import { ExportAborted, type JobRef, runExport } from "./run.js";
import { type ExportCreate, type ExportOut, FORMATS, PeopleParams, type StoredParams, TrendsParams, WeeklyParams } from "./schema.js";

type Log = Pick<FastifyBaseLogger, "error">;

/** Jobs running in this process (for shutdown, tests and recovery, which must not fail them). */
const running = new Map<string, Promise<void>>();

function parseParams<T extends z.ZodType>(schema: T, params: unknown): z.infer<T> {
  const r = schema.safeParse(params);
  if (!r.success) throw invalid(r.error.issues.map((i) => ({ path: ["params", ...i.path].join("."), message: i.message })));
  return r.data;
}

/** Checks the parameters against the viewer's scope now (403/404 as the views do) and fixes them for the job. */
async function resolveParams(ctx: Ctx, body: ExportCreate): Promise<{ agencyId: string; params: StoredParams }> {
  if (!(FORMATS[body.kind] as readonly string[]).includes(body.format)) {
    throw invalid([{ path: "format", message: `${body.kind} exports are ${FORMATS[body.kind].join(" or ")}` }]);
  }
  if (body.kind === "people") {
    const p = parseParams(PeopleParams, body.params);
    const scope = await monitoringScope(ctx, p.date);
    const unit = await resolveUnit(ctx, scope, p.unitId);
    const healthNames = canSeeHealthNames(ctx, unit);
    if (p.bucket === "health:not_cleared" && !healthNames) throw forbidden("Only health officers may list who is not cleared");
    const date = p.date ?? todayIn(unit.timezone, ctx.now());
    return { agencyId: unit.agency_id, params: { kind: "people", unitId: unit.id, date, bucket: p.bucket, q: p.q, healthNames } };
  }
  if (body.kind === "trends") {
    const p = parseParams(TrendsParams, body.params);
    const unit = await resolveUnit(ctx, await monitoringScope(ctx), p.unitId);
    const today = todayIn(unit.timezone, ctx.now());
    const range = trendsRange(p, today);
    return { agencyId: unit.agency_id, params: { kind: "trends", unitId: unit.id, ...range, today } };
  }
  const p = parseParams(WeeklyParams, body.params);
  parseWeek(p.week);
  const unit = await resolveUnit(ctx, await monitoringScope(ctx), p.unitId);
  return { agencyId: unit.agency_id, params: { kind: "weekly", unitId: unit.id, week: p.week } };
}

/** Records the job and runs it in the background of this process; answers at once with its state. */
export async function createExport(ctx: Ctx, body: ExportCreate, log?: Log): Promise<ExportOut> {
  const { agencyId, params } = await resolveParams(ctx, body);
  const now = ctx.now().toISOString();
  const job = {
    id: newId(),
    agency_id: agencyId,
    created_by: ctx.actor.userId,
    kind: body.kind,
    format: body.format,
    params: toJson(params),
    status: "queued" as const,
    total: 0,
    processed: 0,
    filename: null,
    error: null,
    file_id: null,
    created_at: now,
    updated_at: now,
    finished_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertJob(trx, job);
    await audit(trx, ctx, {
      action: "monitoring.export_started",
      subjectType: "monitoring_export",
      subjectId: job.id,
      agencyId,
      changes: { kind: body.kind, format: body.format, params },
    });
  });
  const ref: JobRef = { id: job.id, agencyId, userId: ctx.actor.userId, format: body.format, params };
  const task = runExport(ctx, ref).catch((err: unknown) => recordFailure(ctx, ref, err, log));
  running.set(job.id, task);
  void task.finally(() => running.delete(job.id));
  return presentJob(job);
}

function describe(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, " ").slice(0, 300);
}

/** Records an unexpected failure in the job; never throws (the job runs detached from any request). */
async function recordFailure(ctx: Ctx, job: JobRef, err: unknown, log?: Log): Promise<void> {
  if (err instanceof ExportAborted) return;
  log?.error({ err, exportId: job.id }, "monitoring export failed");
  try {
    const now = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      const message = `The export stopped because of an unexpected error: ${describe(err)}`;
      if (!(await repo.updateJob(trx, job.id, { status: "failed", error: message, finished_at: now, updated_at: now }, repo.RUNNING))) return;
      await audit(trx, ctx, {
        action: "monitoring.export_failed",
        subjectType: "monitoring_export",
        subjectId: job.id,
        agencyId: job.agencyId,
        changes: { reason: describe(err) },
      });
    });
  } catch (e) {
    log?.error({ err: e, exportId: job.id }, "could not record the failure of an export");
  }
}

/** The job with its progress; only its creator may read it (everyone else: 404). */
export async function getExport(ctx: Ctx, id: string): Promise<ExportOut> {
  const job = await repo.getOwnJob(ctx.db, id, ctx.actor.userId);
  if (!job) throw notFound("Export");
  return presentJob(job);
}

export async function downloadExport(ctx: Ctx, id: string): Promise<Download> {
  const job = await repo.getOwnJob(ctx.db, id, ctx.actor.userId);
  if (!job) throw notFound("Export");
  if (job.status === "failed") throw new AppError("conflict", job.error ?? "The export failed");
  if (job.status !== "done" || !job.file_id)
    throw conflict("The export is not finished yet", { status: job.status, processed: job.processed, total: job.total });
  const file = await repo.getFile(ctx.db, job.file_id);
  if (!file) throw notFound("Export file");
  return { body: Buffer.from(file.data), contentType: file.mime, filename: file.filename };
}

/**
 * Marks export jobs left queued or running by a stopped process as failed.
 * Jobs running in this process are never touched; `idleForMs` limits it to
 * jobs without progress for that long (a running job records progress at
 * least every PEOPLE_CHUNK rows), so other instances' live jobs are spared.
 */
export async function recoverInterruptedExports(db: Kysely<DB>, opts: { idleForMs?: number; now?: Date } = {}): Promise<{ failed: number }> {
  const now = opts.now ?? new Date();
  const failed = await repo.failRunningJobs(db, {
    message: "The server stopped while this export was running. Start the export again.",
    now: now.toISOString(),
    idleSince: opts.idleForMs ? new Date(now.getTime() - opts.idleForMs).toISOString() : null,
    exceptIds: [...running.keys()],
  });
  return { failed };
}

/** Waits for the exports running in this process (graceful shutdown, tests). */
export async function settleExports(): Promise<void> {
  await Promise.allSettled([...running.values()]);
}
