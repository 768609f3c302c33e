import { createHash } from "node:crypto";
import { newId } from "../../../db/ids.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { invalid, notFound } from "../../../platform/errors.js";
import { authorize } from "../../org/policies.js";
import { loadSelf, loadSubject } from "../subject.js";
import { EVIDENCE_PURPOSE, fileWithOwner, insertFile } from "./files-repository.js";
import { MIB, safeFilename, type UploadedFile } from "./multipart.js";
import { reportPolicy } from "./policies.js";
import { fileHref } from "./presenter.js";
import type { FileDto } from "./schema.js";
import { nameFor, sniffEvidence } from "./sniff.js";

export const EVIDENCE_MAX_BYTES = 10 * MIB;

/** Stores an evidence upload after checking what it really is. Nothing is written for a refused file. */
export async function uploadEvidence(ctx: Ctx, read: () => Promise<UploadedFile>): Promise<FileDto> {
  const self = await loadSelf(ctx);
  authorize(reportPolicy.write(ctx.actor, self.target));
  const upload = await read();
  const purpose = upload.fields.purpose ?? EVIDENCE_PURPOSE;
  if (purpose !== EVIDENCE_PURPOSE) throw invalid([{ path: "purpose", message: 'the only purpose is "evidence"' }]);
  const type = sniffEvidence(upload.content);
  const row = {
    id: newId(),
    agency_id: self.employee.agency_id,
    owner_user_id: ctx.actor.userId,
    purpose,
    filename: nameFor(safeFilename(upload.filename, "bukti"), type),
    mime: type.mime,
    size: upload.content.length,
    sha256: createHash("sha256").update(upload.content).digest("hex"),
    data: upload.content,
    created_at: ctx.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertFile(trx, row);
    await audit(trx, ctx, {
      action: "file.uploaded",
      subjectType: "file",
      subjectId: row.id,
      agencyId: row.agency_id,
      changes: { purpose, filename: row.filename, mime: row.mime, size: row.size, sha256: row.sha256 },
    });
  });
  return { id: row.id, filename: row.filename, mime: row.mime, size: row.size, sha256: row.sha256, href: fileHref(row.id), createdAt: row.created_at };
}

export interface FileDownload {
  filename: string;
  mime: string;
  sha256: string;
  data: Buffer;
}

/** A file for its owner, or for whoever may see the owner's day; another agency's file is not found. */
export async function readFile(ctx: Ctx, id: string): Promise<FileDownload> {
  const file = await fileWithOwner(ctx.db, id);
  if (!file) throw notFound("File");
  if (file.owner_user_id !== ctx.actor.userId) {
    if (!file.owner_employee_id) throw notFound("File");
    const owner = await loadSubject(ctx, file.owner_employee_id);
    authorize(reportPolicy.readFile(ctx.actor, { ownerUserId: file.owner_user_id }, owner.target), "You may not see this file");
  }
  return { filename: file.filename, mime: file.mime, sha256: file.sha256, data: Buffer.from(file.data) };
}
