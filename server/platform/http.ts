import type { FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { ZodError } from "zod";
import type { Engine } from "../config.js";
import type { DB } from "../db/schema.js";
import type { Actor } from "./actor.js";
import type { Ctx } from "./context.js";
import { AppError, type FieldError, toProblem } from "./errors.js";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    db: Kysely<DB>;
    engine: Engine;
    demoMode: boolean;
  }
}

/** The service context of a request whose route requires a signed-in person. */
export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw new AppError("unauthenticated");
  return {
    db: req.server.db,
    engine: req.server.engine,
    actor: req.actor,
    requestId: req.id,
    ip: req.ip ?? null,
    now: () => new Date(),
  };
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const problem = toProblem(err, req.id, req.url);
  if (err.code === "too_many_attempts" && typeof err.extra?.retryAfter === "number") {
    reply.header("retry-after", String(err.extra.retryAfter));
  }
  return reply.status(err.status).type("application/problem+json").send(problem);
}

/** Maps anything thrown by a handler to one problem+json answer. */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    return new AppError("validation_failed", "Some fields are not valid", {
      errors: err.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  const e = err as {
    code?: string;
    statusCode?: number;
    validation?: { instancePath?: string; message?: string; params?: { issue?: { path?: unknown[] } } }[];
    validationContext?: string;
    message?: string;
  };
  if (e?.validation) {
    const errors: FieldError[] = e.validation.map((v) => ({
      path: [e.validationContext, ...(v.params?.issue?.path ?? (v.instancePath ?? "").split("/").filter(Boolean))].filter(Boolean).join("."),
      message: v.message ?? "invalid",
    }));
    return new AppError("validation_failed", "Some fields are not valid", { errors });
  }
  if (e?.code === "FST_ERR_CTP_BODY_TOO_LARGE" || e?.code === "FST_REQ_FILE_TOO_LARGE" || e?.statusCode === 413) {
    return new AppError("payload_too_large", e.message);
  }
  if (e?.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || e?.statusCode === 415) {
    return new AppError("unsupported_file", e.message);
  }
  if (e?.code === "FST_ERR_CTP_EMPTY_JSON_BODY" || e?.code === "FST_ERR_CTP_INVALID_JSON_BODY" || e?.statusCode === 400) {
    return new AppError("bad_request", e.message);
  }
  if (e?.statusCode === 404) return new AppError("not_found", e.message);
  return null;
}
