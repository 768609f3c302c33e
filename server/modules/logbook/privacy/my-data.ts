import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { notFound } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { presentForm } from "../health/presenter.js";
import { formsByIds } from "../health/repository.js";
import { privacyPolicy } from "./policies.js";
import * as p from "./presenter.js";
import * as repo from "./repository.js";

export type MyData = Awaited<ReturnType<typeof collectMyData>>;

/**
 * Everything the platform holds about the signed-in person (UU 27/2022 right
 * of access): profile with the full NIP, account and roles, sessions, the
 * logbook (check-ins with the coordinates still held, health checks with the
 * answers still held and the form versions that give them meaning, reports,
 * targets, places), notifications, uploaded files, who read their sensitive
 * data, and the audit events about them. Reading one's own data writes no
 * access-log row; the export itself is audited by the caller.
 */
export async function collectMyData(ctx: Ctx) {
  const employeeId = ctx.actor.employeeId;
  authorize(privacyPolicy.exportOwn(ctx.actor));
  const profile = employeeId ? await repo.profileOf(ctx.db, employeeId) : undefined;
  const account = await repo.accountOf(ctx.db, ctx.actor.userId);
  if (!employeeId || !profile || !account) throw notFound("Employee record of this account");
  const userId = ctx.actor.userId;

  const [grants, sessions, checkins, health, reports, targets, places, notifications, files, access] = await Promise.all([
    repo.grantsOf(ctx.db, userId),
    repo.sessionsOf(ctx.db, userId),
    repo.checkinsOf(ctx.db, employeeId),
    repo.healthChecksOf(ctx.db, employeeId),
    repo.reportsOf(ctx.db, employeeId),
    repo.skpTargetsOf(ctx.db, employeeId),
    repo.placesOf(ctx.db, employeeId),
    repo.notificationsOf(ctx.db, userId),
    repo.filesOf(ctx.db, userId),
    repo.accessTrailOf(ctx.db, employeeId),
  ]);
  const reportIds = reports.map((r) => r.id);
  const [activities, events, forms] = await Promise.all([
    repo.activitiesOf(ctx.db, reportIds),
    repo.reportEventsOf(ctx.db, reportIds),
    formsByIds(ctx.db, [...new Set(health.map((h) => h.form_id))]),
  ]);
  const about = [employeeId, userId, ...[checkins, health, reports, targets, places, files].flatMap((rows) => rows.map((r) => r.id))];
  const auditEvents = await repo.auditAbout(ctx.db, about);

  return {
    generatedAt: ctx.now().toISOString(),
    profile: p.presentProfile(profile),
    account: p.presentAccount(account),
    roleGrants: grants.map(p.presentGrant),
    sessions: sessions.map((s) => p.presentSession(s, ctx.actor.sessionId)),
    checkins: checkins.map(p.presentCheckin),
    healthChecks: health.map(p.presentHealthCheck),
    /** The form versions the health answers were given in: questions and labels that give them meaning. */
    healthForms: forms.sort((a, b) => a.version - b.version).map(presentForm),
    dailyReports: reports.map((r) =>
      p.presentReport(
        r,
        activities.filter((a) => a.report_id === r.id),
        events.filter((e) => e.report_id === r.id),
      ),
    ),
    skpTargets: targets.map(p.presentSkpTarget),
    places: places.map(p.presentPlace),
    notifications: notifications.map(p.presentNotification),
    files: files.map(p.presentFile),
    accessTrail: access.map(p.presentAccess),
    auditEvents: auditEvents.map(p.presentAudit),
  };
}

/** The export is itself a processing step worth a trace. */
export async function auditExport(ctx: Ctx, data: MyData, format: "json" | "pdf"): Promise<void> {
  await audit(ctx.db, ctx, {
    action: "privacy.exported",
    subjectType: "employee",
    subjectId: data.profile.id,
    agencyId: data.profile.agency.id,
    changes: {
      format,
      counts: {
        checkins: data.checkins.length,
        healthChecks: data.healthChecks.length,
        dailyReports: data.dailyReports.length,
        accessTrail: data.accessTrail.length,
        auditEvents: data.auditEvents.length,
      },
    },
  });
}
