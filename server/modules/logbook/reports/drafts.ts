import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { DailyReport } from "../../../db/schema-logbook.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { AppError, conflict, invalid } from "../../../platform/errors.js";
import { idempotent } from "../../../platform/idempotency.js";
import { publishChange } from "../../monitoring/live/bus.js";
import { authorize } from "../../org/policies.js";
import { addDays } from "../calendar/workdays.js";
import { loadSelf, type Subject } from "../subject.js";
import { activityRows, checkActivities, refsOf } from "./activities.js";
import { reportDeadline } from "./deadline.js";
import { reportPolicy } from "./policies.js";
import { presentActivity, presentReport } from "./presenter.js";
import * as repo from "./repository.js";
import type { DraftIn, ReportDto } from "./schema.js";

/** A report can be started at most this many days after its date (a returned report can always be revised). */
export const MAX_PAST_DAYS = 31;

export interface Submission {
  /** The Idempotency-Key header. */
  key: string | undefined;
  path: string;
}

function checkDate(today: string, date: string, neverSubmitted: boolean): void {
  if (date > today) {
    throw invalid([{ path: "date", message: `${date} is after today (${today}) in your unit's time zone` }], "A report cannot be written for a future date");
  }
  if (neverSubmitted && date < addDays(today, -MAX_PAST_DAYS)) {
    throw invalid([{ path: "date", message: `more than ${MAX_PAST_DAYS} days ago` }], `A report can be written at most ${MAX_PAST_DAYS} days after its date`);
  }
}

/** Drafts and returned reports can change; a submitted one waits for review; an approved one is locked. */
function assertEditable(r: DailyReport): void {
  if (r.status === "approved") throw new AppError("locked", "The report is approved and locked");
  if (r.status === "submitted") throw conflict("The report is waiting for review; it can be changed again if the supervisor returns it", { status: r.status });
}

async function loadWriter(ctx: Ctx): Promise<Subject> {
  const self = await loadSelf(ctx);
  authorize(reportPolicy.write(ctx.actor, self.target));
  return self;
}

/** Saves the day's activities as a draft (creating the report) or revises a returned report. */
export async function saveDraft(ctx: Ctx, date: string, body: DraftIn, sub: Submission) {
  const self = await loadWriter(ctx);
  const employeeId = self.employee.id;
  const out = await idempotent<ReportDto>(ctx, { key: sub.key, method: "PUT", path: sub.path, body }, async (trx) => {
    const existing = await repo.findReport(trx, employeeId, date);
    if (existing) assertEditable(existing);
    checkDate(self.today, date, !existing || existing.revision === 0);
    await checkActivities(trx, { employeeId, userId: ctx.actor.userId, workDate: date }, body.activities.map(refsOf));
    const now = ctx.now().toISOString();
    const report =
      existing ??
      (await repo.insertReport(trx, {
        id: newId(),
        agency_id: self.employee.agency_id,
        unit_id: self.unit.id,
        employee_id: employeeId,
        work_date: date,
        status: "draft",
        deadline_at: await reportDeadline(trx, self.employee.agency_id, date, self.unit.timezone),
        revision: 0,
        created_at: now,
        updated_at: now,
      }));
    if (!(await repo.updateReportIf(trx, report.id, ["draft", "returned"], { updated_at: now }))) {
      assertEditable((await repo.getReport(trx, report.id)) ?? report);
    }
    await repo.replaceActivities(trx, report.id, activityRows(report.id, body.activities));
    await audit(trx, ctx, {
      action: "report.draft_saved",
      subjectType: "daily_report",
      subjectId: report.id,
      agencyId: report.agency_id,
      changes: { workDate: date, activities: body.activities.length, totalMinutes: body.activities.reduce((s, a) => s + a.minutes, 0) },
    });
    const saved = { ...report, updated_at: now };
    return { status: existing ? 200 : 201, body: presentReport(saved, await repo.activitiesOf(trx, [report.id]), ctx.now()) };
  });
  publishChange(ctx.db, { agencyId: self.unit.agency_id, unitId: self.unit.id, unitPath: self.unit.path, kind: "report", workDate: date });
  return out;
}

/** Submits the day's report (a returned one is resubmitted as the next revision). */
export async function submitReport(ctx: Ctx, date: string, sub: Submission) {
  const self = await loadWriter(ctx);
  const employeeId = self.employee.id;
  const out = await idempotent<ReportDto>(ctx, { key: sub.key, method: "POST", path: sub.path, body: {} }, async (trx) => {
    const report = await repo.findReport(trx, employeeId, date);
    const rows = report ? await repo.activitiesOf(trx, [report.id]) : [];
    if (report) assertEditable(report);
    if (!report || rows.length === 0) {
      throw invalid([{ path: "activities", message: "add at least one activity" }], "A report needs at least one activity before it is submitted");
    }
    checkDate(self.today, date, report.revision === 0);
    await checkActivities(
      trx,
      { employeeId, userId: ctx.actor.userId, workDate: date },
      rows.map((r) => ({ rhkId: r.rhk_id, fileId: r.evidence_file_id })),
    );
    const now = ctx.now().toISOString();
    const action = report.status === "returned" ? "resubmitted" : "submitted";
    const patch = { status: "submitted" as const, revision: report.revision + 1, submitted_at: report.submitted_at ?? now, updated_at: now };
    if (!(await repo.updateReportIf(trx, report.id, [report.status], patch))) throw conflict("The report changed meanwhile; reload it");
    await repo.insertEvents(trx, [
      {
        id: newId(),
        report_id: report.id,
        actor_user_id: ctx.actor.userId,
        action,
        comment: null,
        snapshot: toJson(rows.map(presentActivity)),
        created_at: now,
      },
    ]);
    const late = patch.submitted_at > report.deadline_at;
    await audit(trx, ctx, {
      action: `report.${action}`,
      subjectType: "daily_report",
      subjectId: report.id,
      agencyId: report.agency_id,
      changes: { workDate: date, revision: patch.revision, late },
    });
    return { status: 200, body: presentReport({ ...report, ...patch }, rows, ctx.now()) };
  });
  publishChange(ctx.db, { agencyId: self.unit.agency_id, unitId: self.unit.id, unitPath: self.unit.path, kind: "report", workDate: date });
  return out;
}
