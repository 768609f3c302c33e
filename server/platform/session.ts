import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { findLiveSession, grantsOfUser, touchSession } from "../modules/auth/repository.js";
import { hashToken } from "../modules/auth/service.js";
import { AppError } from "./errors.js";
import { demoAllowed } from "./settings.js";

export const SESSION_COOKIE = "abdi_session";
const TOUCH_EVERY_MS = 5 * 60_000;

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route answers without a session. */
    public?: boolean;
    /** The route stays open while the user must change their password. */
    allowPasswordChange?: boolean;
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, days: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: req.protocol === "https",
    maxAge: days * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Loads the signed-in person for every /api/v1 request, refuses requests
 * without a session on non-public routes, and checks CSRF: a state-changing
 * request with a session must carry the session's token in `x-csrf-token`;
 * one without a session must come from our own origin.
 */
export function registerSession(app: FastifyInstance, opts: { sessionDays: number }): void {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (req) => {
    if (!req.url.startsWith("/api/v1/") || !req.routeOptions.url) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const now = new Date();
      const s = await findLiveSession(app.db, hashToken(token), now.toISOString());
      if (s && !s.disabled && (s.employee_id === null || s.employee_status === "active") && (!s.is_demo || (await demoAllowed(app.db, app.demoMode)))) {
        if (now.getTime() - new Date(s.last_seen_at).getTime() > TOUCH_EVERY_MS) {
          const expires = new Date(now.getTime() + opts.sessionDays * 86_400_000).toISOString();
          await touchSession(app.db, s.session_id, now.toISOString(), expires);
        }
        req.actor = {
          userId: s.user_id,
          displayName: s.display_name,
          employeeId: s.employee_id,
          agencyId: s.agency_id,
          unitId: s.unit_id,
          unitPath: s.unit_path,
          isOperator: s.is_operator === 1,
          isDemo: s.is_demo === 1,
          mustChangePassword: s.must_change_password === 1,
          locale: s.locale,
          grants: await grantsOfUser(app.db, s.user_id),
          sessionId: s.session_id,
          csrfToken: s.csrf_token,
        };
      }
    }
    const config = req.routeOptions.config;
    if (UNSAFE.has(req.method)) {
      if (req.actor) {
        if (req.headers["x-csrf-token"] !== req.actor.csrfToken) throw new AppError("csrf_failed");
      } else if (!sameOrigin(req)) {
        throw new AppError("csrf_failed", "Cross-origin request refused");
      }
    }
    if (config.public) return;
    if (!req.actor) throw new AppError("unauthenticated");
    if (req.actor.mustChangePassword && !config.allowPasswordChange) throw new AppError("password_change_required");
  });
}
