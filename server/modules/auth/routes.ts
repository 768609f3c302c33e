import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { hasRole } from "../../platform/actor.js";
import { ctxOf } from "../../platform/http.js";
import { clearSessionCookie, setSessionCookie } from "../../platform/session.js";
import { demoAllowed } from "../../platform/settings.js";
import { directReportIds, loadSnapshot, todayIn } from "../org/hierarchy.js";
import { getAgency } from "../org/repository.js";
import * as repo from "./repository.js";
import * as service from "./service.js";

const tags = ["auth"];

const MeOut = z.object({
  id: z.string(),
  displayName: z.string(),
  employeeId: z.string().nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  unitId: z.string().nullable(),
  isOperator: z.boolean(),
  isDemo: z.boolean(),
  isSupervisor: z.boolean(),
  mustChangePassword: z.boolean(),
  locale: z.string(),
  csrfToken: z.string(),
  grants: z.array(z.object({ role: z.string(), agencyId: z.string(), unitId: z.string().nullable() })),
  can: z.object({ manageOrg: z.boolean(), viewEmployees: z.boolean(), viewAudit: z.boolean(), manageAgencies: z.boolean() }),
});

export async function authRoutes(fastify: FastifyInstance, opts: { sessionDays: number }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  async function me(req: Parameters<typeof ctxOf>[0]): Promise<z.infer<typeof MeOut>> {
    const ctx = ctxOf(req);
    const a = ctx.actor;
    let isSupervisor = false;
    let agencyName: string | null = null;
    if (a.agencyId && a.employeeId) {
      const agency = await getAgency(ctx.db, a.agencyId);
      agencyName = agency?.name ?? null;
      const snapshot = await loadSnapshot(ctx.db, a.agencyId, todayIn(agency?.timezone ?? "Asia/Jakarta", ctx.now()));
      isSupervisor = (await directReportIds(ctx.db, snapshot, a.employeeId)).length > 0;
    }
    return {
      id: a.userId,
      displayName: a.displayName,
      employeeId: a.employeeId,
      agencyId: a.agencyId,
      agencyName,
      unitId: a.unitId,
      isOperator: a.isOperator,
      isDemo: a.isDemo,
      isSupervisor,
      mustChangePassword: a.mustChangePassword,
      locale: a.locale,
      csrfToken: a.csrfToken,
      grants: a.grants.map((g) => ({ role: g.role, agencyId: g.agencyId, unitId: g.unitId })),
      can: {
        manageOrg: hasRole(a, ["hr_admin"]),
        viewEmployees: hasRole(a, ["hr_admin", "leader", "health_officer"]) || isSupervisor,
        viewAudit: a.grants.some((g) => g.role === "hr_admin" && g.unitId === null) || a.isOperator,
        manageAgencies: a.isOperator,
      },
    };
  }

  app.post(
    "/auth/login",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "Sign in with NIP or email and password",
        body: z.object({ login: z.string().trim().min(1).max(200), password: z.string().min(1).max(200) }),
      },
    },
    async (req, reply) => {
      const { token } = await service.login(
        { db: app.db, engine: app.engine, actor: null, requestId: req.id, ip: req.ip, now: () => new Date() },
        {
          login: req.body.login,
          password: req.body.password,
          ip: req.ip,
          userAgent: req.headers["user-agent"] ?? null,
          demoMode: await demoAllowed(app.db, app.demoMode),
          sessionDays: opts.sessionDays,
        },
      );
      setSessionCookie(req, reply, token, opts.sessionDays);
      return reply.status(204).send();
    },
  );

  app.post("/auth/logout", { config: { allowPasswordChange: true }, schema: { tags, summary: "Sign out this device" } }, async (req, reply) => {
    await service.logout(ctxOf(req));
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.get(
    "/auth/me",
    { config: { allowPasswordChange: true }, schema: { tags, summary: "The signed-in person, their roles and CSRF token", response: { 200: MeOut } } },
    async (req) => me(req),
  );

  app.post(
    "/auth/password",
    {
      config: { allowPasswordChange: true },
      schema: { tags, summary: "Change own password", body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) }) },
    },
    async (req, reply) => {
      await service.changePassword(ctxOf(req), req.body);
      return reply.status(204).send();
    },
  );

  app.put(
    "/auth/locale",
    { config: { allowPasswordChange: true }, schema: { tags, summary: "Set own language", body: z.object({ locale: z.enum(["id", "en"]) }) } },
    async (req, reply) => {
      await service.setLocale(ctxOf(req), req.body.locale);
      return reply.status(204).send();
    },
  );

  app.get("/auth/sessions", { schema: { tags, summary: "Own signed-in devices" } }, async (req) => {
    const ctx = ctxOf(req);
    const rows = await repo.listSessions(ctx.db, ctx.actor.userId, ctx.now().toISOString());
    return rows.map((s) => ({
      id: s.id,
      current: s.id === ctx.actor.sessionId,
      ip: s.ip,
      userAgent: s.user_agent,
      createdAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      expiresAt: s.expires_at,
    }));
  });

  app.delete(
    "/auth/sessions/:id",
    { schema: { tags, summary: "Sign out one of own devices", params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) }) } },
    async (req, reply) => {
      await service.revokeSession(ctxOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
