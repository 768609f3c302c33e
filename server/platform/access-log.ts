import { newId } from "../db/ids.js";
import type { Ctx, Db } from "./context.js";

/** Kinds of sensitive data whose every read is recorded (UU 27/2022). */
export type AccessCategory = "nip_detail" | "health" | "location" | "sensitive_profile";

export interface AccessInput {
  category: AccessCategory;
  agencyId: string | null;
  subjectEmployeeIds: string[];
  detail?: string;
}

/** Records that the actor read sensitive fields of these employees. */
export async function logAccess(db: Db, ctx: Ctx, input: AccessInput): Promise<void> {
  if (input.subjectEmployeeIds.length === 0) return;
  const at = ctx.now().toISOString();
  await db
    .insertInto("access_log")
    .values(
      input.subjectEmployeeIds.map((subject) => ({
        id: newId(),
        agency_id: input.agencyId,
        actor_user_id: ctx.actor.userId,
        subject_employee_id: subject,
        category: input.category,
        detail: input.detail ?? null,
        ip: ctx.ip,
        request_id: ctx.requestId,
        created_at: at,
      })),
    )
    .execute();
}
