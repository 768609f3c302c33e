import type { Certificate } from "../../../db/schema-learning-assessment.js";
import { hasRole, scopeOf } from "../../../platform/actor.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { conflict, notFound } from "../../../platform/errors.js";
import { maskNip } from "../../org/nip.js";
import { authorize } from "../../org/policies.js";
import { getAgency } from "../../org/repository.js";
import { learningPolicy } from "../policies.js";
import { parseCertificateNumber, verificationUrl } from "./number.js";
import { certificatePdf } from "./pdf.js";
import { creditPolicy, JP_HR } from "./policies.js";
import * as repo from "./repository.js";

export const certificatePdfHref = (id: string) => `/api/v1/learning/certificates/${id}.pdf`;
export const verifyPath = (number: string) => `/verify/${encodeURIComponent(number)}`;

function presentCertificate(c: Certificate) {
  return {
    id: c.id,
    number: c.number,
    employeeId: c.employee_id,
    employeeName: c.employee_name,
    courseId: c.course_id,
    courseTitle: c.course_title,
    jp: c.jp,
    issuedOn: c.issued_on,
    revokedAt: c.revoked_at,
    revokeReason: c.revoke_reason,
    pdfUrl: certificatePdfHref(c.id),
    verifyPath: verifyPath(c.number),
  };
}

async function loadCertificate(ctx: Ctx, id: string) {
  const c = await repo.getCertificate(ctx.db, id);
  if (!c || !learningPolicy.visibleAgency(ctx.actor, c.agency_id)) throw notFound("Certificate");
  const person = await repo.employeeWithUnit(ctx.db, c.employee_id);
  if (!person) throw notFound("Certificate");
  return { c, person, target: { agencyId: c.agency_id, unitPath: person.unit_path, employeeId: c.employee_id } };
}

/** One's own certificates, newest first (revoked ones included, marked). */
export async function myCertificates(ctx: Ctx) {
  if (!ctx.actor.employeeId) return [];
  return (await repo.certificatesOf(ctx.db, ctx.actor.employeeId)).map(presentCertificate);
}

/**
 * Certificates HR looks after: those of the people inside their grants'
 * scope, found by number (slashes or dashes), NIP or part of a name.
 */
export async function scopeCertificates(ctx: Ctx, q: { q?: string; status?: "valid" | "revoked" }) {
  authorize(hasRole(ctx.actor, JP_HR), "Only HR admins look up certificates of others");
  const text = q.q?.trim() || undefined;
  const number = text ? parseCertificateNumber(text)?.number : undefined;
  const rows = await repo.certificatesInScope(ctx.db, ctx.engine, { scope: scopeOf(ctx.actor, JP_HR), number, text, status: q.status });
  return rows.map((r) => ({ ...presentCertificate(r), unitName: r.unit_name }));
}

/** `GET /certificates`: one's own, or (who=scope) those HR looks after. */
export function listCertificates(ctx: Ctx, q: { who: "me" | "scope"; q?: string; status?: "valid" | "revoked" }) {
  return q.who === "scope" ? scopeCertificates(ctx, q) : myCertificates(ctx);
}

export async function certificatePdfOf(ctx: Ctx, id: string, origin: string): Promise<{ filename: string; body: Buffer }> {
  const { c, person, target } = await loadCertificate(ctx, id);
  authorize(creditPolicy.readCertificate(ctx.actor, target), "Only the holder, HR in scope and learning admins download certificates");
  const agency = await getAgency(ctx.db, c.agency_id);
  const body = await certificatePdf({
    number: c.number,
    name: c.employee_name,
    nipMasked: maskNip(person.nip),
    course: c.course_title,
    jp: c.jp,
    issuedOn: c.issued_on,
    agencyName: agency?.name ?? "",
    verifyUrl: verificationUrl(origin, c.number),
    revoked: c.revoked_at !== null,
  });
  return { filename: `sertifikat-${c.number.replace(/\//g, "-")}.pdf`, body };
}

/** HR in scope revokes a certificate with a reason; verification then answers valid: false. */
export async function revokeCertificate(ctx: Ctx, id: string, reason: string) {
  const { c, target } = await loadCertificate(ctx, id);
  authorize(creditPolicy.revokeCertificate(ctx.actor, target), "Only HR in scope revokes certificates");
  if (c.revoked_at) throw conflict("This certificate is already revoked", { reason: "revoked" });
  const at = ctx.now().toISOString();
  const patch = { revoked_at: at, revoked_by: ctx.actor.userId, revoke_reason: reason };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateCertificate(trx, id, patch);
    await audit(trx, ctx, {
      action: "learning.certificate.revoked",
      subjectType: "certificate",
      subjectId: id,
      agencyId: c.agency_id,
      changes: { number: c.number, reason },
    });
  });
  return presentCertificate({ ...c, ...patch });
}

/** Public verification: minimal data, no sign-in. Unknown numbers are 404. */
export async function verifyCertificate(db: Db, input: string) {
  const parsed = parseCertificateNumber(input);
  const c = parsed ? await repo.certificateByNumber(db, parsed.number) : undefined;
  if (!c) throw notFound("Certificate");
  const person = await repo.employeeWithUnit(db, c.employee_id);
  return {
    valid: c.revoked_at === null,
    number: c.number,
    revokedAt: c.revoked_at,
    name: c.employee_name,
    nipMasked: person ? maskNip(person.nip) : "",
    course: c.course_title,
    jp: c.jp,
    issuedOn: c.issued_on,
  };
}
