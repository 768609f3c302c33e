import { newId } from "../../../db/ids.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx, Db, SystemCtx } from "../../../platform/context.js";
import { todayIn } from "../../org/hierarchy.js";
import { emitLearningEvent } from "../events.js";
import { formatCertificateNumber } from "./number.js";
import * as repo from "./repository.js";

/** The date a completion counts on: the completion's day in the learner's time zone. */
function dayOf(iso: string, timezone: string): string {
  return todayIn(timezone, new Date(iso));
}

/**
 * Credits a completed enrolment: the JP ledger entry of the course and the
 * certificate (number ABDI/<year>/<serial>, certificate_issued event).
 * Idempotent: a second call finds both and writes nothing.
 */
export async function creditCompletion(trx: Db, ctx: Ctx | SystemCtx, enrolmentId: string): Promise<void> {
  const e = await repo.enrolmentForCredit(trx, enrolmentId);
  if (!e) return;
  const at = ctx.now().toISOString();
  const earnedOn = dayOf(e.completed_at ?? at, e.timezone);
  const year = Number(earnedOn.slice(0, 4));
  if (!(await repo.ledgerEntry(trx, "course", enrolmentId))) {
    const entry = {
      id: newId(),
      agency_id: e.agency_id,
      employee_id: e.employee_id,
      year,
      jp: e.jp,
      source: "course" as const,
      ref_id: enrolmentId,
      title: e.course_title,
      earned_on: earnedOn,
      created_at: at,
    };
    await repo.insertLedger(trx, entry);
    await audit(trx, ctx, {
      action: "learning.jp.credited",
      subjectType: "jp_ledger",
      subjectId: entry.id,
      agencyId: e.agency_id,
      changes: { enrolmentId, jp: e.jp, year },
    });
  }
  await repo.lockSerials(trx, ctx.engine);
  if (await repo.certificateOfEnrolment(trx, enrolmentId)) return;
  const serial = (await repo.lastSerial(trx, year)) + 1;
  const cert = {
    id: newId(),
    agency_id: e.agency_id,
    employee_id: e.employee_id,
    enrolment_id: enrolmentId,
    course_id: e.course_id,
    number: formatCertificateNumber(year, serial),
    year,
    serial,
    employee_name: e.employee_name,
    course_title: e.course_title,
    jp: e.jp,
    issued_on: earnedOn,
    revoked_at: null,
    revoked_by: null,
    revoke_reason: null,
    created_at: at,
  };
  await repo.insertCertificate(trx, cert);
  await audit(trx, ctx, {
    action: "learning.certificate.issued",
    subjectType: "certificate",
    subjectId: cert.id,
    agencyId: e.agency_id,
    changes: { number: cert.number, enrolmentId },
  });
  await emitLearningEvent(trx, {
    kind: "certificate_issued",
    agencyId: e.agency_id,
    employeeId: e.employee_id,
    courseId: e.course_id,
    certificateId: cert.id,
    number: cert.number,
    at,
  });
}

/** The learner's JP of a year and certificates, for the dashboard. */
export async function creditSummary(db: Db, employeeId: string, year: number) {
  const entries = await repo.ledgerOf(db, employeeId, year);
  const certs = await repo.certificatesOf(db, employeeId);
  return {
    jpEarned: Math.round(entries.reduce((s, r) => s + r.jp, 0) * 100) / 100,
    certificates: certs
      .filter((c) => c.revoked_at === null)
      .map((c) => ({ id: c.id, number: c.number, courseTitle: c.course_title, issuedOn: c.issued_on, jp: c.jp })),
  };
}
