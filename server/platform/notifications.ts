import { toJson } from "../db/dialect.js";
import { newId } from "../db/ids.js";
import type { Db } from "./context.js";

export interface NotificationInput {
  userIds: string[];
  agencyId: string | null;
  /** Stable kind; the web app translates it with `params`, e.g. "health.not_cleared". */
  kind: string;
  params: Record<string, unknown>;
  link?: string | null;
  now: string;
}

/** In-app notifications, written in the caller's transaction. */
export async function notify(db: Db, n: NotificationInput): Promise<void> {
  const ids = [...new Set(n.userIds)];
  if (ids.length === 0) return;
  await db
    .insertInto("notifications")
    .values(
      ids.map((userId) => ({
        id: newId(),
        user_id: userId,
        agency_id: n.agencyId,
        kind: n.kind,
        params: toJson(n.params),
        link: n.link ?? null,
        created_at: n.now,
        read_at: null,
      })),
    )
    .execute();
}
