import { createHash, randomBytes } from "node:crypto";
import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { Actor } from "../../../platform/actor.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { AppError, notFound } from "../../../platform/errors.js";
import { inspectPackage } from "../packages/inspect.js";
import { mimeOf } from "./mime.js";
import * as repo from "./repository.js";

/** How long a player URL works after launch. */
const LAUNCH_TTL_MS = 8 * 3600_000;

export const contentPolicy = {
  /** Upload, list and remove packages: learning admins of the agency. */
  manage: (a: Actor, agencyId: string) => a.grants.some((g) => g.role === "learning_admin" && g.agencyId === agencyId),
};

function requireManager(ctx: Ctx): string {
  const agencyId = ctx.actor.agencyId ?? ctx.actor.grants.find((g) => g.role === "learning_admin")?.agencyId;
  if (!agencyId || !contentPolicy.manage(ctx.actor, agencyId)) throw new AppError("forbidden", "Only learning admins manage content packages");
  return agencyId;
}

export function presentPackage(p: repo.ContentPackage) {
  return {
    id: p.id,
    standard: p.standard,
    title: p.title,
    filename: p.filename,
    fileCount: p.file_count,
    size: Number(p.size),
    createdAt: p.created_at,
  };
}

/** Checks the package completely, then stores it and its files in one transaction: a refused package leaves nothing. */
export async function uploadPackage(ctx: Ctx, filename: string, data: Buffer) {
  const agencyId = requireManager(ctx);
  const inspected = inspectPackage(data, filename);
  const id = newId();
  const now = ctx.now().toISOString();
  const manifest = inspected.standard === "cmi5" ? inspected.course : inspected.manifest;
  const row = {
    id,
    agency_id: agencyId,
    standard: inspected.standard,
    title: inspected.title.slice(0, 300),
    filename,
    manifest: toJson(manifest),
    file_count: inspected.files.length,
    size: inspected.files.reduce((s, f) => s + f.size, 0),
    sha256: createHash("sha256").update(data).digest("hex"),
    created_by: ctx.actor.userId,
    created_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPackage(
      trx,
      row,
      inspected.files.map((f) => ({ package_id: id, path: f.path, mime: mimeOf(f.path), size: f.size, data: f.data })),
    );
    await audit(trx, ctx, {
      action: "content_package.created",
      subjectType: "content_package",
      subjectId: id,
      agencyId,
      changes: { standard: row.standard, title: row.title, files: row.file_count, size: row.size },
    });
  });
  return { ...presentPackage({ ...row, manifest: row.manifest }), manifest };
}

export async function listPackages(ctx: Ctx) {
  const agencyId = requireManager(ctx);
  return (await repo.listPackages(ctx.db, agencyId)).map((p) => ({ ...p, size: Number(p.size) }));
}

/** A package the actor's agency owns (404 otherwise). */
export async function loadPackage(ctx: Ctx, id: string): Promise<repo.ContentPackage> {
  const p = await repo.getPackage(ctx.db, id);
  if (!p || p.agency_id !== (ctx.actor.agencyId ?? ctx.actor.grants[0]?.agencyId)) throw notFound("Content package");
  return p;
}

export async function deletePackage(ctx: Ctx, id: string): Promise<void> {
  requireManager(ctx);
  const p = await loadPackage(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deletePackage(trx, id);
    await audit(trx, ctx, {
      action: "content_package.deleted",
      subjectType: "content_package",
      subjectId: id,
      agencyId: p.agency_id,
      changes: { title: p.title },
    });
  });
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A player URL for one learner and package: a random token (only its hash is
 * stored) valid for a few hours on the content origin, which holds no
 * platform session. `enrolmentId` null is an author's preview.
 */
export async function createLaunch(
  ctx: Ctx,
  input: {
    pkg: repo.ContentPackage;
    employeeId: string;
    enrolmentId: string | null;
    lessonId: string | null;
    itemId: string;
    origins: { content: string; platform: string };
  },
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString("base64url");
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + LAUNCH_TTL_MS).toISOString();
  await repo.insertLaunch(ctx.db, {
    token_hash: hashToken(token),
    package_id: input.pkg.id,
    agency_id: input.pkg.agency_id,
    employee_id: input.employeeId,
    enrolment_id: input.enrolmentId,
    lesson_id: input.lessonId,
    item_id: input.itemId,
    attempt_id: null,
    content_origin: input.origins.content,
    platform_origin: input.origins.platform,
    expires_at: expiresAt,
    created_at: now.toISOString(),
  });
  return { token, expiresAt };
}

/**
 * Where content runs: the configured content origin, or on a workstation the
 * other loopback name (localhost <-> 127.0.0.1), which is a different origin
 * whose cookies are separate. Content never runs on the platform's origin.
 */
export function contentOriginFor(configured: string | undefined, platformOrigin: string): string {
  if (configured) return configured;
  const url = new URL(platformOrigin);
  if (url.hostname === "localhost") url.hostname = "127.0.0.1";
  else if (url.hostname === "127.0.0.1") url.hostname = "localhost";
  else throw new AppError("conflict", "Content packages need their own origin: set ABDI_CONTENT_ORIGIN (a second host name for this server)");
  return url.origin;
}
