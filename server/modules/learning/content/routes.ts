import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { fromJson } from "../../../db/dialect.js";
import { AppError, invalid } from "../../../platform/errors.js";
import { ctxOf } from "../../../platform/http.js";
import { cleanFilename } from "../../org/import/upload.js";
import { PACKAGE_LIMITS } from "../packages/zip.js";
import { launchCmi5 } from "./cmi5/launch.js";
import { WAIVE_REASONS, waiveLessonAu } from "./cmi5/waiver.js";
import { connectContentToProgress, launchLesson } from "./lesson-launch.js";
import { contentOriginFor, createLaunch, deletePackage, listPackages, loadPackage, presentPackage, uploadPackage } from "./service.js";

const tags = ["learning"];
const IdParams = z.object({ id: z.string().min(1).max(64) });

async function readPackageUpload(req: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  if (!req.isMultipart()) throw invalid([{ path: "file", message: "send the package as multipart/form-data" }], "Expected a multipart/form-data upload");
  try {
    for await (const part of req.parts({ limits: { fileSize: PACKAGE_LIMITS.maxArchiveBytes, files: 1 } })) {
      if (part.type === "file" && part.fieldname === "file") return { filename: cleanFilename(part.filename), data: await part.toBuffer() };
    }
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw new AppError("payload_too_large", "The package is larger than 200 MiB");
    if (err instanceof AppError) throw err;
    throw new AppError("bad_request", "The multipart/form-data body cannot be read");
  }
  throw invalid([{ path: "file", message: 'a file part named "file" is required' }]);
}

/** The platform origin the request came to (honours X-Forwarded-* when the proxy is trusted). */
function platformOrigin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

/** Standard content packages (SCORM 1.2/2004, cmi5) under /api/v1/learning/content. */
export function contentRoutes(opts: { contentOrigin?: string }) {
  return async (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    connectContentToProgress(fastify.engine);

    app.post(
      "/learning/content/packages",
      {
        bodyLimit: PACKAGE_LIMITS.maxArchiveBytes + 1024 * 1024,
        schema: { tags, summary: "Upload a SCORM or cmi5 package (checked completely before anything is stored)", consumes: ["multipart/form-data"] },
      },
      async (req, reply) => {
        const { filename, data } = await readPackageUpload(req);
        return reply.status(201).send(await uploadPackage(ctxOf(req), filename, data));
      },
    );

    app.get("/learning/content/packages", { schema: { tags, summary: "The agency's content packages" } }, async (req) => ({
      items: await listPackages(ctxOf(req)),
    }));

    app.get("/learning/content/packages/:id", { schema: { tags, summary: "A content package and its activity tree", params: IdParams } }, async (req) => {
      const p = await loadPackage(ctxOf(req), req.params.id);
      return { ...presentPackage(p), manifest: fromJson<unknown>(p.manifest) };
    });

    app.delete("/learning/content/packages/:id", { schema: { tags, summary: "Remove a content package", params: IdParams } }, async (req, reply) => {
      await deletePackage(ctxOf(req), req.params.id);
      return reply.status(204).send();
    });

    app.post(
      "/learning/enrolments/:enrolmentId/lessons/:lessonId/content-launch",
      {
        schema: {
          tags,
          summary: "Open a SCORM or cmi5 lesson: the player (SCORM) or AU launch URL (cmi5) and each item's status",
          params: z.object({ enrolmentId: z.string().min(1).max(64), lessonId: z.string().min(1).max(64) }),
          body: z.object({ itemId: z.string().max(500).optional() }).optional(),
        },
      },
      async (req) =>
        launchLesson(ctxOf(req), {
          enrolmentId: req.params.enrolmentId,
          lessonId: req.params.lessonId,
          itemId: req.body?.itemId,
          platformOrigin: platformOrigin(req),
          contentOrigin: opts.contentOrigin,
        }),
    );

    app.post(
      "/learning/content/packages/:id/preview",
      {
        schema: {
          tags,
          summary: "Open a package as its author (no credit)",
          params: IdParams,
          body: z.object({ itemId: z.string().max(300).optional() }).optional(),
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        const pkg = await loadPackage(ctx, req.params.id);
        if (!ctx.actor.employeeId || !ctx.actor.grants.some((g) => g.role === "learning_admin" && g.agencyId === pkg.agency_id)) {
          throw new AppError("forbidden", "Only learning admins preview packages");
        }
        const first = firstItem(pkg.standard, fromJson<unknown>(pkg.manifest));
        const origins = { platform: platformOrigin(req), content: contentOriginFor(opts.contentOrigin, platformOrigin(req)) };
        if (pkg.standard === "cmi5") {
          const launched = await launchCmi5(ctx, {
            pkg,
            auId: req.body?.itemId ?? first,
            employeeId: ctx.actor.employeeId,
            enrolmentId: null,
            lessonId: null,
            origins,
            returnUrl: `${origins.platform}/learning/admin`,
          });
          return { playerUrl: launched.launchUrl, registration: launched.registration, expiresAt: null };
        }
        const { token, expiresAt } = await createLaunch(ctx, {
          pkg,
          employeeId: ctx.actor.employeeId,
          enrolmentId: null,
          lessonId: null,
          itemId: req.body?.itemId ?? first,
          origins,
        });
        return { playerUrl: `${origins.content}/content/player/${token}?lang=${ctx.actor.locale === "en" ? "en" : "id"}`, expiresAt };
      },
    );

    app.post(
      "/learning/enrolments/:enrolmentId/lessons/:lessonId/cmi5/waive",
      {
        schema: {
          tags,
          summary: "Waive one AU of a learner’s cmi5 lesson (learning admins; cmi5 waived with its reason)",
          params: z.object({ enrolmentId: z.string().min(1).max(64), lessonId: z.string().min(1).max(64) }),
          body: z.object({ auId: z.string().min(1).max(2000), reason: z.enum(WAIVE_REASONS) }),
        },
      },
      async (req) => waiveLessonAu(ctxOf(req), { ...req.params, ...req.body }),
    );
  };
}

function firstItem(standard: string, manifest: unknown): string {
  const m = manifest as { launchable?: { identifier: string }[]; aus?: { id: string }[] };
  const id = standard === "cmi5" ? m.aus?.[0]?.id : m.launchable?.[0]?.identifier;
  if (!id) throw new AppError("conflict", "The package launches nothing");
  return id;
}
