import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { ArrangementPolicy } from "../../../db/schema-arrangement.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx } from "../../../platform/context.js";
import { conflict, type FieldError, invalid, notFound } from "../../../platform/errors.js";
import { todayIn } from "../../org/hierarchy.js";
import { agencyOf, authorize, orgPolicy } from "../../org/policies.js";
import { getAgency } from "../../org/repository.js";
import { arrangementPolicy } from "../policies.js";
import { presentDefaults, presentPolicy, rulesOf } from "./presenter.js";
import * as repo from "./repository.js";
import type { PolicyCreate, Rules } from "./schema.js";

function withNext(rows: ArrangementPolicy[]) {
  return rows.map((row, i) => presentPolicy(row, rows[i + 1]));
}

export async function listPolicies(ctx: Ctx, requested?: string) {
  const agencyId = agencyOf(ctx.actor, requested);
  authorize(arrangementPolicy.viewPolicies(ctx.actor, agencyId));
  const items = withNext(await repo.listVersions(ctx.db, agencyId)).map(({ rules: _rules, ...summary }) => summary);
  return { items };
}

/** The version in force on a date (default: today in the agency's zone): the latest one starting on or before it. */
export async function policyInForce(ctx: Ctx, q: { agencyId?: string; date?: string }) {
  const agencyId = agencyOf(ctx.actor, q.agencyId);
  authorize(arrangementPolicy.viewPolicies(ctx.actor, agencyId));
  const agency = await getAgency(ctx.db, agencyId);
  const date = q.date ?? todayIn(agency?.timezone ?? "Asia/Jakarta", ctx.now());
  const rows = await repo.listVersions(ctx.db, agencyId);
  const index = rows.findLastIndex((r) => r.effective_from <= date);
  return index < 0 ? presentDefaults() : presentPolicy(rows[index], rows[index + 1]);
}

async function loadVersion(ctx: Ctx, id: string) {
  const row = await repo.getVersion(ctx.db, id);
  // Another agency's version is not found (ids do not leak); inside the agency, reading needs a role.
  if (!row || !orgPolicy.viewStructure(ctx.actor, row.agency_id)) throw notFound("Policy version");
  authorize(arrangementPolicy.viewPolicies(ctx.actor, row.agency_id));
  return row;
}

export async function getPolicy(ctx: Ctx, id: string) {
  const row = await loadVersion(ctx, id);
  const rows = await repo.listVersions(ctx.db, row.agency_id);
  return presentPolicy(row, rows[rows.findIndex((r) => r.id === id) + 1]);
}

/** Every unit, position and employee a rule set names must belong to the agency. */
async function checkReferences(ctx: Ctx, agencyId: string, rules: Rules): Promise<void> {
  const units = [...rules.caps.map((c) => c.unitId), ...rules.riskAreas.map((a) => a.unitId), ...rules.minOnSite.map((m) => m.unitId)];
  const positions = rules.pinned.map((p) => p.positionId);
  const employees = [...rules.pinned.map((p) => p.employeeId), ...rules.keepApart.flatMap((k) => [k.a, k.b])];
  const present = (list: (string | null | undefined)[]) => [...new Set(list.filter((v): v is string => typeof v === "string"))];
  const known = await repo.knownIds(ctx.db, agencyId, { units: present(units), positions: present(positions), employees: present(employees) });
  const errors: FieldError[] = [];
  const check = (set: Set<string>, id: string | null | undefined, path: string, what: string) => {
    if (typeof id === "string" && !set.has(id)) errors.push({ path, message: `unknown ${what}` });
  };
  for (const [i, c] of rules.caps.entries()) check(known.units, c.unitId, `body.rules.caps.${i}.unitId`, "unit");
  for (const [i, a] of rules.riskAreas.entries()) check(known.units, a.unitId, `body.rules.riskAreas.${i}.unitId`, "unit");
  for (const [i, m] of rules.minOnSite.entries()) check(known.units, m.unitId, `body.rules.minOnSite.${i}.unitId`, "unit");
  rules.pinned.forEach((p, i) => {
    check(known.positions, p.positionId, `body.rules.pinned.${i}.positionId`, "position");
    check(known.employees, p.employeeId, `body.rules.pinned.${i}.employeeId`, "employee");
  });
  rules.keepApart.forEach((k, i) => {
    check(known.employees, k.a, `body.rules.keepApart.${i}.a`, "employee");
    check(known.employees, k.b, `body.rules.keepApart.${i}.b`, "employee");
  });
  if (errors.length) throw invalid(errors);
}

export async function createPolicy(ctx: Ctx, input: PolicyCreate, requested?: string) {
  const agencyId = agencyOf(ctx.actor, requested);
  authorize(arrangementPolicy.managePolicies(ctx.actor, agencyId), "Only agency-wide HR admins change the work-arrangement policy");
  await checkReferences(ctx, agencyId, input.rules);
  if (await repo.versionFrom(ctx.db, agencyId, input.effectiveFrom)) {
    throw conflict(`A version already takes effect on ${input.effectiveFrom}; edit it instead`);
  }
  const now = ctx.now().toISOString();
  const row = {
    id: newId(),
    agency_id: agencyId,
    effective_from: input.effectiveFrom,
    legal_basis: input.legalBasis,
    note: input.note,
    rules: toJson(input.rules),
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertVersion(trx, row);
    await audit(trx, ctx, {
      action: "arrangement.policy_created",
      subjectType: "arrangement_policy",
      subjectId: row.id,
      agencyId,
      changes: { effectiveFrom: input.effectiveFrom, legalBasis: input.legalBasis, rules: input.rules },
    });
  });
  return getPolicy(ctx, row.id);
}

/** Replaces a version's date, legal basis and rules (rosters already generated keep what they were made with). */
export async function updatePolicy(ctx: Ctx, id: string, input: PolicyCreate) {
  const before = await loadVersion(ctx, id);
  authorize(arrangementPolicy.managePolicies(ctx.actor, before.agency_id), "Only agency-wide HR admins change the work-arrangement policy");
  await checkReferences(ctx, before.agency_id, input.rules);
  const clash = await repo.versionFrom(ctx.db, before.agency_id, input.effectiveFrom);
  if (clash && clash.id !== id) throw conflict(`A version already takes effect on ${input.effectiveFrom}`);
  const old = rulesOf(before);
  const changes: Record<string, unknown> = {};
  if (before.effective_from !== input.effectiveFrom) changes.effectiveFrom = [before.effective_from, input.effectiveFrom];
  if (before.legal_basis !== input.legalBasis) changes.legalBasis = [before.legal_basis, input.legalBasis];
  if (before.note !== input.note) changes.note = [before.note, input.note];
  for (const key of Object.keys(input.rules) as (keyof Rules)[]) {
    if (JSON.stringify(old[key]) !== JSON.stringify(input.rules[key])) changes[`rules.${key}`] = [old[key], input.rules[key]];
  }
  if (Object.keys(changes).length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updateVersion(trx, id, {
        effective_from: input.effectiveFrom,
        legal_basis: input.legalBasis,
        note: input.note,
        rules: toJson(input.rules),
        updated_at: ctx.now().toISOString(),
      });
      await audit(trx, ctx, { action: "arrangement.policy_updated", subjectType: "arrangement_policy", subjectId: id, agencyId: before.agency_id, changes });
    });
  }
  return getPolicy(ctx, id);
}

/** Removes a version no roster was made with (a mistaken or abandoned one). */
export async function deletePolicy(ctx: Ctx, id: string): Promise<void> {
  const row = await loadVersion(ctx, id);
  authorize(arrangementPolicy.managePolicies(ctx.actor, row.agency_id), "Only agency-wide HR admins change the work-arrangement policy");
  if (await repo.versionUsed(ctx.db, row.agency_id, id)) throw conflict("Rosters were generated with this version; add a new version instead");
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteVersion(trx, id);
    await audit(trx, ctx, {
      action: "arrangement.policy_deleted",
      subjectType: "arrangement_policy",
      subjectId: id,
      agencyId: row.agency_id,
      changes: { effectiveFrom: row.effective_from, legalBasis: row.legal_basis, rules: rulesOf(row) },
    });
  });
}
