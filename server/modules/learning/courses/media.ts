import { createHash } from "node:crypto";
import fs from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type {} from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import { fromJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { MediaKind } from "../../../db/schema-learning.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { AppError, invalid, notFound } from "../../../platform/errors.js";
import { agencyOf, authorize } from "../../org/policies.js";
import { learningPolicy } from "../policies.js";
import { MEDIA_LIMITS, MEDIA_MAX, MIB, mediaPath, removeQuietly, SNIFF_BYTES, type SniffedType, sniffMedia } from "./media-store.js";
import type { LessonConfig } from "./schema.js";

/** Room for the multipart boundaries and a few text fields around the file. */
const FORM_OVERHEAD = 64 * 1024;

const tooLarge = (max: number) => new AppError("payload_too_large", `The file is larger than ${Math.round(max / MIB)} MiB`);

/** Route hook: a body that cannot fit under the largest limit is refused before a byte of it is read. */
export async function refuseHugeBodies(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MEDIA_MAX + FORM_OVERHEAD) {
    reply.header("connection", "close");
    throw tooLarge(MEDIA_MAX);
  }
}

/** Judges the stream by its first bytes and counts it against the limit of its kind; fails the pipeline early. */
class Gate extends Transform {
  head = Buffer.alloc(0);
  type: SniffedType | null = null;
  size = 0;
  hash = createHash("sha256");
  constructor(private readonly wanted: MediaKind | null) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (!this.type) {
      this.head = Buffer.concat([this.head, chunk]).subarray(0, SNIFF_BYTES);
      if (this.head.length >= SNIFF_BYTES) {
        this.type = sniffMedia(this.head);
        if (!this.type || (this.wanted && this.type.kind !== this.wanted)) {
          done(new AppError("unsupported_file", this.wanted ? `The file is not a ${this.wanted}` : "Only MP4 or WebM video, PDF, PNG or JPEG"));
          return;
        }
      }
    }
    const limit = this.type ? MEDIA_LIMITS[this.type.kind] : MEDIA_MAX;
    if (this.size > limit) {
      done(tooLarge(limit));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
  override _flush(done: TransformCallback): void {
    if (!this.type) {
      this.type = sniffMedia(this.head);
      if (!this.type || (this.wanted && this.type.kind !== this.wanted)) {
        done(new AppError("unsupported_file", this.wanted ? `The file is not a ${this.wanted}` : "Only MP4 or WebM video, PDF, PNG or JPEG"));
        return;
      }
    }
    done();
  }
}

const KINDS: MediaKind[] = ["video", "pdf", "image"];

/**
 * Stores an upload on disk under the data folder while checking it: its
 * content decides its type (a declared `kind` must agree: else 415), each kind
 * has its own size limit (413, the partial file removed).
 */
export async function uploadMedia(ctx: Ctx, req: FastifyRequest) {
  const agencyId = agencyOf(ctx.actor);
  authorize(learningPolicy.author(ctx.actor, agencyId), "Only learning admins upload course media");
  if (!req.isMultipart()) throw invalid([{ path: "file", message: "send the file as multipart/form-data" }], "Expected a multipart/form-data upload");
  const id = newId();
  const file = mediaPath(id);
  const fields: Record<string, string> = {};
  let stored: { gate: Gate; filename: string } | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: MEDIA_MAX, files: 1, fields: 5 } })) {
      if (part.type !== "file") {
        if (typeof part.value === "string") fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== "file" || stored) {
        part.file.resume();
        continue;
      }
      const wanted = fields.kind ?? null;
      if (wanted !== null && !KINDS.includes(wanted as MediaKind)) throw invalid([{ path: "kind", message: "video, pdf or image" }]);
      const gate = new Gate(wanted as MediaKind | null);
      await pipeline(part.file, gate, fs.createWriteStream(file));
      if (part.file.truncated) throw tooLarge(MEDIA_MAX);
      stored = { gate, filename: part.filename };
    }
  } catch (err) {
    await removeQuietly(file);
    if (err instanceof AppError) throw err;
    const code = (err as { code?: unknown }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge(MEDIA_MAX);
    if (code === "FST_FILES_LIMIT") throw invalid([{ path: "file", message: "send exactly one file" }]);
    throw new AppError("bad_request", "The multipart/form-data body cannot be read");
  }
  if (!stored?.gate.type) {
    await removeQuietly(file);
    throw invalid([{ path: "file", message: 'a file part named "file" is required' }]);
  }
  const { gate } = stored;
  const type = gate.type as SniffedType;
  const row = {
    id,
    agency_id: agencyId,
    kind: type.kind,
    mime: type.mime,
    size: gate.size,
    filename: (stored.filename || "media").replace(/[\\/]/g, "_").slice(0, 200),
    sha256: gate.hash.digest("hex"),
    created_by: ctx.actor.userId,
    created_at: ctx.now().toISOString(),
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto("learning_media").values(row).execute();
      await audit(trx, ctx, {
        action: "learning.media_uploaded",
        subjectType: "learning_media",
        subjectId: id,
        agencyId,
        changes: { kind: row.kind, mime: row.mime, size: row.size, sha256: row.sha256 },
      });
    });
  } catch (err) {
    await removeQuietly(file);
    throw err;
  }
  return { id, url: `/api/v1/learning/media/${id}`, mime: row.mime, size: row.size, kind: row.kind };
}

/** A media file for the agency's authors and for learners enrolled in a course whose lessons use it. */
export async function loadMediaFor(ctx: Ctx, id: string) {
  const media = await ctx.db.selectFrom("learning_media").selectAll().where("id", "=", id).executeTakeFirst();
  if (!media || !learningPolicy.visibleAgency(ctx.actor, media.agency_id)) throw notFound("Media");
  if (learningPolicy.author(ctx.actor, media.agency_id)) return media;
  const employeeId = ctx.actor.employeeId;
  if (!employeeId) throw notFound("Media");
  const lessons = await ctx.db
    .selectFrom("lessons")
    .innerJoin("enrolments", "enrolments.course_id", "lessons.course_id")
    .select("lessons.config")
    .where("enrolments.employee_id", "=", employeeId)
    .where("enrolments.status", "!=", "withdrawn")
    .where("lessons.kind", "in", ["video", "pdf", "text", "link"])
    .execute();
  authorize(
    lessons.some((l) => fromJson<LessonConfig>(l.config)?.mediaId === id),
    "Only learners enrolled in a course using this file may open it",
  );
  return media;
}

/** A single "bytes=a-b" range of a file of `size` bytes; null for none, "invalid" when it cannot be served. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | "invalid" {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return "invalid";
  let start: number;
  let end: number;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) return "invalid";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || end < start) return "invalid";
  return { start, end };
}
