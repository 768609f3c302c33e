import type { Ctx, Db } from "../../../platform/context.js";
import { notFound } from "../../../platform/errors.js";
import * as runRepo from "../runs/repository.js";
import * as repo from "./repository.js";

/** The yearly target of jam pelajaran (PP 17/2020). */
export const JP_TARGET = 20;

export interface CreditSummary {
  jpEarned: number;
  certificates: { id: string; number: string; courseTitle: string; issuedOn: string; jp: number }[];
}

/** The JP ledger and certificates, when that part supplies them; without it JP counts completed enrolments of the year. */
export type CreditSummaryProvider = (db: Db, employeeId: string, year: number) => Promise<CreditSummary>;

let creditProvider: CreditSummaryProvider | null = null;

export function setCreditSummaryProvider(provider: CreditSummaryProvider | null): void {
  creditProvider = provider;
}

/** The learner's home: enrolments with progress and deadlines, JP this year against the target, certificates. */
export async function getDashboard(ctx: Ctx) {
  const employeeId = ctx.actor.employeeId;
  if (!employeeId || !ctx.actor.agencyId) throw notFound("Employee record of this account");
  const today = await runRepo.agencyToday(ctx.db, ctx.actor.agencyId, ctx.now());
  const year = Number(today.slice(0, 4));
  const rows = await repo.enrolmentsOfEmployee(ctx.db, employeeId);
  const enrolments = rows.map((r) => ({
    id: r.id,
    status: r.status,
    source: r.source,
    progressPct: r.progress_pct,
    score: r.score,
    dueOn: r.due_on,
    overdue: r.status === "active" && r.due_on !== null && r.due_on < today,
    startedAt: r.started_at,
    completedAt: r.completed_at,
    course: { id: r.course_id, code: r.course_code, title: r.course_title, topic: r.course_topic, jp: r.course_jp },
    run: { id: r.run_id, title: r.run_title, kind: r.run_kind, startsOn: r.run_starts_on, endsOn: r.run_ends_on },
  }));
  const credit = creditProvider
    ? await creditProvider(ctx.db, employeeId, year)
    : {
        jpEarned: rows.filter((r) => r.status === "completed" && r.completed_at?.startsWith(String(year))).reduce((a, r) => a + r.course_jp, 0),
        certificates: [],
      };
  const active = enrolments.filter((e) => e.status === "active");
  return {
    today,
    jp: { year, earned: Math.round(credit.jpEarned * 10) / 10, target: JP_TARGET, remaining: Math.max(0, Math.round((JP_TARGET - credit.jpEarned) * 10) / 10) },
    counts: { active: active.length, completed: enrolments.length - active.length, overdue: active.filter((e) => e.overdue).length },
    /** Active first, the nearest deadline first. */
    enrolments: [...active.sort((a, b) => (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999")), ...enrolments.filter((e) => e.status !== "active")],
    certificates: credit.certificates,
  };
}
