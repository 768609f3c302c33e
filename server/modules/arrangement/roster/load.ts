import type { Unit } from "../../../db/schema.js";
import type { RosterRecord } from "../../../db/schema-arrangement.js";
import type { ScopeTarget } from "../../../platform/actor.js";
import type { Ctx } from "../../../platform/context.js";
import { notFound } from "../../../platform/errors.js";
import { authorize, orgPolicy } from "../../org/policies.js";
import { getUnit } from "../../org/repository.js";
import type { Lang } from "../engine/index.js";
import * as repo from "./repository.js";

export interface LoadedRoster {
  roster: RosterRecord;
  unit: Unit | null;
  target: ScopeTarget;
}

/**
 * Loads a roster and checks the actor against a roster policy. Another
 * agency's roster is not found (ids do not leak); inside the agency a
 * missing right answers 403.
 */
export async function loadRoster(ctx: Ctx, id: string, allowed: (a: Ctx["actor"], t: ScopeTarget) => boolean): Promise<LoadedRoster> {
  const roster = await repo.getRoster(ctx.db, id);
  if (!roster || !orgPolicy.viewStructure(ctx.actor, roster.agency_id)) throw notFound("Roster");
  const unit = roster.unit_id ? ((await getUnit(ctx.db, roster.unit_id)) ?? null) : null;
  const target = { agencyId: roster.agency_id, unitPath: unit?.path ?? null };
  authorize(allowed(ctx.actor, target));
  return { roster, unit, target };
}

/** The language of reasons and conflicts: asked for, else the account's. */
export function langOf(ctx: Ctx, asked?: Lang): Lang {
  return asked ?? (ctx.actor.locale === "en" ? "en" : "id");
}
