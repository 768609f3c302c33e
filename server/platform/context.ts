import type { Kysely, Transaction } from "kysely";
import type { Engine } from "../config.js";
import type { DB } from "../db/schema.js";
import type { Actor } from "./actor.js";

export type Db = Kysely<DB> | Transaction<DB>;

/** What a service needs to know about the request it serves. */
export interface Ctx {
  db: Kysely<DB>;
  engine: Engine;
  actor: Actor;
  requestId: string;
  ip: string | null;
  now: () => Date;
}

/** For work that runs without a signed-in person (setup, demo seeding, jobs). */
export interface SystemCtx {
  db: Kysely<DB>;
  engine: Engine;
  requestId: string | null;
  ip: string | null;
  actor: null;
  now: () => Date;
}

export function nowIso(ctx: { now: () => Date }): string {
  return ctx.now().toISOString();
}
