import { createHash } from "node:crypto";
import type { z } from "zod";
import { newId } from "../../../db/ids.js";
import { scopeOf } from "../../../platform/actor.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, notFound } from "../../../platform/errors.js";
import { MIB, safeFilename, type UploadedFile } from "../../logbook/reports/multipart.js";
import { nameFor, sniffEvidence } from "../../logbook/reports/sniff.js";
import { authorize } from "../../org/policies.js";
import { learningPolicy } from "../policies.js";
import { creditPolicy, JP_HR } from "./policies.js";
import * as repo from "./repository.js";
import { ClaimFields, type ClaimsQuery } from "./schema.js";

export const CLAIM_EVIDENCE_MAX_BYTES = 10 * MIB;

export const claimEvidenceHref = (id: string) => `/api/v1/learning/jp/claims/${id}/evidence`;

function presentClaim(c: repo.ClaimRow) {
  return {
    id: c.id,
    employeeId: c.employee_id,
    employeeName: c.employee_name,
    title: c.title,
    provider: c.provider,
    jp: c.jp,
    startedOn: c.started_on,
    endedOn: c.ended_on,
    status: c.status,
    note: c.note,
    decidedAt: c.decided_at,
    createdAt: c.created_at,
    evidenceUrl: claimEvidenceHref(c.id),
    evidenceName: c.evidence_name,
  };
}

/** An employee claims external training with evidence (PDF or image, ≤ 10 MiB); HR in scope decides. */
export async function createClaim(ctx: Ctx, read: () => Promise<UploadedFile>) {
  const employeeId = ctx.actor.employeeId;
  if (!employeeId) throw notFound("Employee record of this account");
  const me = await repo.employeeWithUnit(ctx.db, employeeId);
  if (!me) throw notFound("Employee record of this account");
  authorize(creditPolicy.claimFor(ctx.actor, employeeId));
  const upload = await read();
  const fields = ClaimFields.parse(upload.fields);
  const type = sniffEvidence(upload.content);
  const row = {
    id: newId(),
    agency_id: me.agency_id,
    employee_id: employeeId,
    title: fields.title,
    provider: fields.provider,
    jp: fields.jp,
    started_on: fields.startedOn,
    ended_on: fields.endedOn,
    evidence_name: nameFor(safeFilename(upload.filename, "bukti"), type),
    evidence_mime: type.mime,
    evidence_size: upload.content.length,
    evidence_sha256: createHash("sha256").update(upload.content).digest("hex"),
    evidence_data: upload.content,
    status: "pending" as const,
    note: null,
    decided_by: null,
    decided_at: null,
    created_at: ctx.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertClaim(trx, row);
    await audit(trx, ctx, {
      action: "learning.jp.claimed",
      subjectType: "jp_claim",
      subjectId: row.id,
      agencyId: row.agency_id,
      changes: { title: row.title, jp: row.jp, evidence: row.evidence_name, size: row.evidence_size, sha256: row.evidence_sha256 },
    });
  });
  const saved = await repo.getClaim(ctx.db, row.id);
  if (!saved) throw notFound("Claim");
  return presentClaim(saved);
}

export async function listClaims(ctx: Ctx, q: z.infer<typeof ClaimsQuery>) {
  if (q.who === "me") {
    if (!ctx.actor.employeeId) return [];
    return (await repo.listClaims(ctx.db, { employeeId: ctx.actor.employeeId, status: q.status })).map(presentClaim);
  }
  const scope = scopeOf(ctx.actor, JP_HR);
  return (await repo.listClaims(ctx.db, { scope, status: q.status })).map(presentClaim);
}

async function loadClaim(ctx: Ctx, id: string) {
  const c = await repo.getClaim(ctx.db, id);
  if (!c || !learningPolicy.visibleAgency(ctx.actor, c.agency_id)) throw notFound("Claim");
  return c;
}

/** HR in scope approves (the JP enters the ledger in the year the training ended) or rejects. */
export async function decideClaim(ctx: Ctx, id: string, input: { approve: boolean; note: string | null }) {
  const c = await loadClaim(ctx, id);
  authorize(creditPolicy.decideClaim(ctx.actor, { agencyId: c.agency_id, unitPath: c.unit_path }), "Only HR in scope decides claims");
  if (c.employee_id === ctx.actor.employeeId) authorize(false, "Nobody decides their own claim");
  if (c.status !== "pending") throw conflict("This claim is already decided", { reason: c.status });
  const at = ctx.now().toISOString();
  const status = input.approve ? ("approved" as const) : ("rejected" as const);
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable("jp_claims")
      .set({ status, note: input.note, decided_by: ctx.actor.userId, decided_at: at })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) throw conflict("This claim is already decided", { reason: "decided" });
    if (input.approve) {
      await repo.insertLedger(trx, {
        id: newId(),
        agency_id: c.agency_id,
        employee_id: c.employee_id,
        year: Number(c.ended_on.slice(0, 4)),
        jp: c.jp,
        source: "claim",
        ref_id: c.id,
        title: c.title,
        earned_on: c.ended_on,
        created_at: at,
      });
    }
    await audit(trx, ctx, {
      action: `learning.jp.claim_${status}`,
      subjectType: "jp_claim",
      subjectId: id,
      agencyId: c.agency_id,
      changes: { status, note: input.note },
    });
  });
  return presentClaim({ ...c, status, note: input.note, decided_by: ctx.actor.userId, decided_at: at });
}

export async function claimEvidence(ctx: Ctx, id: string) {
  const c = await loadClaim(ctx, id);
  authorize(
    creditPolicy.viewPerson(ctx.actor, { agencyId: c.agency_id, unitPath: c.unit_path, employeeId: c.employee_id }),
    "Only the claimant and HR in scope see the evidence",
  );
  const f = await repo.claimEvidence(ctx.db, id);
  if (!f) throw notFound("Claim");
  return { filename: f.evidence_name, mime: f.evidence_mime, data: Buffer.from(f.evidence_data) };
}
