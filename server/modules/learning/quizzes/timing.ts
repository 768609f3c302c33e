/** Answers and submissions arriving this long after the deadline still count (network and clock slack). */
export const GRACE_MS = 30_000;

/** The moment an attempt must be finished, or null without a time limit. */
export function deadlineOf(startedAt: string, timeLimitMinutes: number | null): string | null {
  if (timeLimitMinutes === null || timeLimitMinutes <= 0) return null;
  return new Date(new Date(startedAt).getTime() + timeLimitMinutes * 60_000).toISOString();
}

/** Whether a write at `now` is still accepted. */
export function withinTime(deadline: string | null, now: Date): boolean {
  return deadline === null || now.getTime() <= new Date(deadline).getTime() + GRACE_MS;
}

/** Seconds left (0 after the deadline), or null without a time limit. */
export function secondsLeft(deadline: string | null, now: Date): number | null {
  if (deadline === null) return null;
  return Math.max(0, Math.floor((new Date(deadline).getTime() - now.getTime()) / 1000));
}
