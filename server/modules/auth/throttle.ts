import type { Db } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { clearAttempt, getAttempt, saveAttempt } from "./repository.js";

/**
 * Failed sign-ins are counted per account+IP (an attacker guessing from one
 * address is slowed quickly) and per account over all addresses (a spread
 * attack is slowed too, later). Nothing is counted per IP alone, so an office
 * whose staff share one public address is never locked out by one person's typos.
 * The counters live in the database: every instance sees the same numbers.
 */
export const THROTTLE = {
  windowMinutes: 15,
  perAccountIp: { free: 5, baseLockSeconds: 30, maxLockSeconds: 15 * 60 },
  perAccount: { free: 20, baseLockSeconds: 60, maxLockSeconds: 30 * 60 },
};

function keys(login: string, ip: string | null) {
  const l = login.trim().toLowerCase();
  return { account: `acct:${l}`, accountIp: `acctip:${l}|${ip ?? "-"}` };
}

export async function assertNotThrottled(db: Db, login: string, ip: string | null, now: Date): Promise<void> {
  const k = keys(login, ip);
  for (const key of [k.accountIp, k.account]) {
    const row = await getAttempt(db, key);
    if (row?.locked_until && new Date(row.locked_until) > now) {
      const retryAfter = Math.ceil((new Date(row.locked_until).getTime() - now.getTime()) / 1000);
      throw new AppError("too_many_attempts", `Too many failed sign-ins. Try again in ${retryAfter} s.`, {
        extra: { retryAfter },
      });
    }
  }
}

function lockFor(failures: number, rule: { free: number; baseLockSeconds: number; maxLockSeconds: number }): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxLockSeconds, rule.baseLockSeconds * 2 ** (failures - rule.free));
}

export async function recordFailure(db: Db, login: string, ip: string | null, now: Date): Promise<void> {
  const k = keys(login, ip);
  const nowIso = now.toISOString();
  for (const [key, rule] of [
    [k.accountIp, THROTTLE.perAccountIp],
    [k.account, THROTTLE.perAccount],
  ] as const) {
    const row = await getAttempt(db, key);
    const fresh = !row || now.getTime() - new Date(row.first_failure_at).getTime() > THROTTLE.windowMinutes * 60_000;
    const failures = fresh ? 1 : row.failures + 1;
    const lock = lockFor(failures, rule);
    await saveAttempt(db, {
      key,
      failures,
      first_failure_at: fresh ? nowIso : row.first_failure_at,
      last_failure_at: nowIso,
      locked_until: lock ? new Date(now.getTime() + lock * 1000).toISOString() : null,
    });
  }
}

export async function recordSuccess(db: Db, login: string, ip: string | null): Promise<void> {
  // The account-wide counter stays: a success from one place does not forgive an attack from elsewhere.
  await clearAttempt(db, keys(login, ip).accountIp);
}
