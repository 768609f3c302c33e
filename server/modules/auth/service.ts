import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { audit } from "../../platform/audit.js";
import type { Ctx, SystemCtx } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { dummyHash, hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from "../../platform/passwords.js";
import * as repo from "./repository.js";
import { assertNotThrottled, recordFailure, recordSuccess } from "./throttle.js";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface LoginInput {
  login: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  demoMode: boolean;
  sessionDays: number;
}

export async function login(ctx: SystemCtx, input: LoginInput): Promise<{ token: string; userId: string }> {
  const now = ctx.now();
  await assertNotThrottled(ctx.db, input.login, input.ip, now);
  const user = await repo.findUserByLogin(ctx.db, input.login);
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
  if (!user || !ok) {
    await recordFailure(ctx.db, input.login, input.ip, now);
    throw new AppError("invalid_credentials");
  }
  if (user.is_demo && !input.demoMode) throw new AppError("demo_account_disabled");
  if (user.disabled) throw new AppError("account_disabled");
  if (user.employee_id) {
    const emp = await ctx.db.selectFrom("employees").select("status").where("id", "=", user.employee_id).executeTakeFirst();
    if (emp?.status !== "active") throw new AppError("account_disabled");
  }
  await recordSuccess(ctx.db, input.login, input.ip);
  const token = randomBytes(32).toString("base64url");
  const nowIso = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, {
      id: hashToken(token),
      user_id: user.id,
      csrf_token: randomBytes(24).toString("base64url"),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
      now: nowIso,
      expires_at: new Date(now.getTime() + input.sessionDays * 86_400_000).toISOString(),
    });
    await audit(
      trx,
      { ...ctx, actor: null },
      {
        action: "auth.signed_in",
        subjectType: "user",
        subjectId: user.id,
        agencyId: null,
        changes: { userAgent: input.userAgent?.slice(0, 120) ?? null },
      },
    );
  });
  return { token, userId: user.id };
}

export async function logout(ctx: Ctx): Promise<void> {
  await repo.deleteSession(ctx.db, ctx.actor.sessionId);
}

export function checkPasswordStrength(password: string, context: string[]): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > 200) return "at most 200 characters";
  const lower = password.toLowerCase();
  if (context.some((c) => c && c.length >= 4 && lower.includes(c.toLowerCase()))) return "must not contain your NIP, email or name";
  if (/^(.)\1+$/.test(password) || /^(0123456789|1234567890|password|qwertyuiop)/i.test(password)) return "too easy to guess";
  return null;
}

export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const user = await repo.findUserById(ctx.db, ctx.actor.userId);
  if (!user) throw new AppError("unauthenticated");
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError("validation_failed", "The current password is wrong", {
      errors: [{ path: "currentPassword", message: "wrong password" }],
    });
  }
  const emp = user.employee_id ? await ctx.db.selectFrom("employees").select(["nip", "name"]).where("id", "=", user.employee_id).executeTakeFirst() : undefined;
  const weak = checkPasswordStrength(input.newPassword, [emp?.nip ?? "", user.email ?? "", ...(emp?.name.split(" ") ?? [])]);
  if (weak) throw new AppError("validation_failed", "The new password is too weak", { errors: [{ path: "newPassword", message: weak }] });
  if (input.newPassword === input.currentPassword) {
    throw new AppError("validation_failed", "The new password must differ", {
      errors: [{ path: "newPassword", message: "same as the current password" }],
    });
  }
  const hash = await hashPassword(input.newPassword);
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updatePassword(trx, user.id, hash, false, now);
    // Other devices must sign in again with the new password.
    await repo.deleteOtherSessions(trx, user.id, ctx.actor.sessionId);
    await audit(trx, ctx, {
      action: "auth.password_changed",
      subjectType: "user",
      subjectId: user.id,
      agencyId: ctx.actor.agencyId,
      changes: {},
    });
  });
}

export async function revokeSession(ctx: Ctx, sessionId: string): Promise<void> {
  const n = await repo.deleteSessionOfUser(ctx.db, ctx.actor.userId, sessionId);
  if (n === 0) throw new AppError("not_found", "Session not found");
}

export async function setLocale(ctx: Ctx, locale: string): Promise<void> {
  await repo.updateLocale(ctx.db, ctx.actor.userId, locale, ctx.now().toISOString());
}

export async function purgeExpiredSessions(db: Kysely<DB>, now: Date): Promise<number> {
  return repo.deleteExpiredSessions(db, now.toISOString());
}
