import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { DailyReport } from "../../../db/schema-logbook.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { AppError, conflict, forbidden, notFound } from "../../../platform/errors.js";
import { idempotent } from "../../../platform/idempotency.js";
import { notify } from "../../../platform/notifications.js";
import { publishUnitChanges } from "../../monitoring/live/bus.js";
import { derivedSupervisor, directReportIds, loadSnapshot, type OrgSnapshot, todayIn } from "../../org/hierarchy.js";
import { orgPolicy } from "../../org/policies.js";
import { getUnit } from "../../org/repository.js";
import type { Submission } from "./drafts.js";
import { reportPolicy } from "./policies.js";
import { byReport, presentActivity, presentQueueItem, presentReport } from "./presenter.js";
import * as repo from "./repository.js";
import * as reviewRepo from "./review-repository.js";
import type { ReportDto } from "./schema.js";

type Refusal = "not_found" | "forbidden" | "locked" | "not_submitted";

/** The reporting line as of the reviewer's today (acting officials included). */
async function reviewerSnapshot(ctx: Ctx, db: Db): Promise<OrgSnapshot | null> {
  const { agencyId, unitId } = ctx.actor;
  if (!agencyId || !unitId || !ctx.actor.employeeId) return null;
  const unit = await getUnit(db, unitId);
  return loadSnapshot(db, agencyId, todayIn(unit?.timezone ?? "Asia/Jakarta", ctx.now()));
}

/** The queue of the reviewer's direct reports (and of those they act for as Plt/Plh), oldest day first. */
export async function reviewQueue(ctx: Ctx, q: { status: "submitted" | "returned" | "approved"; limit: number }) {
  const snapshot = await reviewerSnapshot(ctx, ctx.db);
  if (!snapshot || !ctx.actor.employeeId) return { total: 0, items: [] };
  const reportIds = await directReportIds(ctx.db, snapshot, ctx.actor.employeeId);
  const { rows, total } = await reviewRepo.queue(ctx.db, reportIds, q.status, q.limit);
  const [activities, employees, day] = await Promise.all([
    repo
      .activitiesOf(
        ctx.db,
        rows.map((r) => r.id),
      )
      .then(byReport),
    reviewRepo.employeesForReview(
      ctx.db,
      rows.map((r) => r.employee_id),
    ),
    reviewRepo.dayResults(ctx.db, rows),
  ]);
  const now = ctx.now();
  const items = rows.flatMap((r) => {
    const e = employees.get(r.employee_id);
    if (!e) return [];
    const key = reviewRepo.dayKey(r);
    return [presentQueueItem(r, activities.get(r.id) ?? [], e, { checkins: day.checkins.get(key) ?? [], cleared: day.cleared.get(key) ?? null }, now)];
  });
  return { total, items };
}

/** Each report the reviewer asked for, or why it cannot be reviewed by them. */
async function checkReviewable(ctx: Ctx, db: Db, ids: string[]) {
  const reports = new Map((await repo.getReports(db, ids)).map((r) => [r.id, r]));
  const employees = await reviewRepo.employeesForReview(
    db,
    [...reports.values()].map((r) => r.employee_id),
  );
  const snapshot = await reviewerSnapshot(ctx, db);
  const ok: DailyReport[] = [];
  const refused: { id: string; reason: Refusal }[] = [];
  for (const id of new Set(ids)) {
    const r = reports.get(id);
    const e = r ? employees.get(r.employee_id) : undefined;
    if (!r || !e || !orgPolicy.viewStructure(ctx.actor, r.agency_id)) {
      refused.push({ id, reason: "not_found" });
      continue;
    }
    const supervisorId = snapshot && e.agency_id === ctx.actor.agencyId ? derivedSupervisor(snapshot, e) : null;
    const target = { agencyId: e.agency_id, unitPath: e.unit_path, employeeId: e.id, supervisorId };
    if (!reportPolicy.review(ctx.actor, target)) refused.push({ id, reason: "forbidden" });
    else if (r.status === "approved") refused.push({ id, reason: "locked" });
    else if (r.status !== "submitted") refused.push({ id, reason: "not_submitted" });
    else ok.push(r);
  }
  return { ok, refused };
}

function refusalError(reason: Refusal): AppError {
  if (reason === "not_found") return notFound("Report");
  if (reason === "forbidden") return forbidden("Only the employee's supervisor (or the acting official) may review this report");
  if (reason === "locked") return new AppError("locked", "The report is approved and locked");
  return conflict("Only a submitted report can be reviewed");
}

type Decision = { action: "approved"; comment: string | null } | { action: "returned"; comment: string };

/** Writes the decision on every report (all in the caller's transaction), with history, audit and a notification each. */
async function decide(ctx: Ctx, trx: Db, reports: DailyReport[], d: Decision): Promise<ReportDto[]> {
  const now = ctx.now().toISOString();
  const patch = { status: d.action, reviewed_at: now, reviewer_employee_id: ctx.actor.employeeId, review_comment: d.comment, updated_at: now };
  for (const r of reports) {
    if (!(await repo.updateReportIf(trx, r.id, ["submitted"], patch))) throw conflict("A report changed meanwhile; reload and try again", { id: r.id });
  }
  const activities = byReport(
    await repo.activitiesOf(
      trx,
      reports.map((r) => r.id),
    ),
  );
  await repo.insertEvents(
    trx,
    reports.map((r) => ({
      id: newId(),
      report_id: r.id,
      actor_user_id: ctx.actor.userId,
      action: d.action,
      comment: d.comment,
      snapshot: toJson((activities.get(r.id) ?? []).map(presentActivity)),
      created_at: now,
    })),
  );
  const users = new Map(
    (
      await repo.usersOfEmployees(
        trx,
        reports.map((r) => r.employee_id),
      )
    ).map((u) => [u.employee_id, u.id]),
  );
  for (const r of reports) {
    await audit(trx, ctx, {
      action: `report.${d.action}`,
      subjectType: "daily_report",
      subjectId: r.id,
      agencyId: r.agency_id,
      changes: { employeeId: r.employee_id, workDate: r.work_date, revision: r.revision, comment: d.comment },
    });
    const userId = users.get(r.employee_id);
    if (userId) {
      await notify(trx, {
        userIds: [userId],
        agencyId: r.agency_id,
        kind: `report.${d.action}`,
        params: { date: r.work_date, reportId: r.id, reviewer: ctx.actor.displayName, comment: d.comment },
        link: `/logbook/reports/${r.work_date}`,
        now,
      });
    }
  }
  return reports.map((r) => presentReport({ ...r, ...patch }, activities.get(r.id) ?? [], ctx.now()));
}

/** Approves or returns one report. */
export async function reviewOne(ctx: Ctx, id: string, d: Decision, sub: Submission) {
  let decided: DailyReport[] = [];
  const out = await idempotent<ReportDto>(ctx, { key: sub.key, method: "POST", path: sub.path, body: { comment: d.comment } }, async (trx) => {
    const { ok, refused } = await checkReviewable(ctx, trx, [id]);
    if (refused.length) throw refusalError(refused[0].reason);
    const [report] = await decide(ctx, trx, ok, d);
    decided = ok;
    return { status: 200, body: report };
  });
  publishReviewed(ctx, decided);
  return out;
}

/** Tells the monitoring live feeds about decided reports (after the commit). */
function publishReviewed(ctx: Ctx, reports: DailyReport[]): void {
  publishUnitChanges(
    ctx.db,
    reports.map((r) => ({ agencyId: r.agency_id, unitId: r.unit_id, kind: "report" as const, workDate: r.work_date })),
  );
}

/** Approves many reports at once: all of them, or none with the list of those refused and why. */
export async function approveMany(ctx: Ctx, ids: string[], sub: Submission) {
  let decided: DailyReport[] = [];
  const out = await idempotent<{ approved: number; items: ReportDto[] }>(ctx, { key: sub.key, method: "POST", path: sub.path, body: { ids } }, async (trx) => {
    const { ok, refused } = await checkReviewable(ctx, trx, ids);
    if (refused.length) {
      const permission = refused.some((r) => r.reason === "not_found" || r.reason === "forbidden");
      const detail = `${refused.length} of ${new Set(ids).size} reports cannot be approved by you (${refused.map((r) => r.id).join(", ")}); nothing was approved`;
      throw new AppError(permission ? "forbidden" : "conflict", detail, { extra: { refused } });
    }
    const items = await decide(ctx, trx, ok, { action: "approved", comment: null });
    decided = ok;
    return { status: 200, body: { approved: items.length, items } };
  });
  publishReviewed(ctx, decided);
  return out;
}
