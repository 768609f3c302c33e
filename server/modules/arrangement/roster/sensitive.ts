import { logAccess } from "../../../platform/access-log.js";
import { hasRoleOver } from "../../../platform/actor.js";
import type { Ctx } from "../../../platform/context.js";
import { SENSITIVE_READERS } from "../policies.js";
import { hasSensitiveFactor } from "./presenter.js";

/** Whether the viewer may read comorbidity and pregnancy in this employee's reasons: the person, HR admins and health officers over their unit. */
export function seesSensitive(ctx: Ctx, agencyId: string, employeeId: string, unitPath: string): boolean {
  return ctx.actor.employeeId === employeeId || hasRoleOver(ctx.actor, SENSITIVE_READERS, { agencyId, unitPath });
}

/** Logs the reads of other people's sensitive factors among the rows shown. */
export async function logSensitiveRows(
  ctx: Ctx,
  agencyId: string,
  rows: { employeeId: string; factors: readonly string[]; shown: boolean }[],
  detail: string,
): Promise<void> {
  const subjects = rows.filter((r) => r.shown && r.employeeId !== ctx.actor.employeeId && hasSensitiveFactor(r.factors)).map((r) => r.employeeId);
  await logAccess(ctx.db, ctx, { category: "sensitive_profile", agencyId, subjectEmployeeIds: subjects, detail });
}
