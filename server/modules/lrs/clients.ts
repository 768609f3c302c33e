import { fromJson, toJson } from "../../db/dialect.js";
import { audit, diff } from "../../platform/audit.js";
import type { Ctx } from "../../platform/context.js";
import { AppError, forbidden, invalid, notFound } from "../../platform/errors.js";
import * as repo from "./clients-repo.js";
import { forgetCredentials, LRS_SCOPES } from "./credentials.js";
import { lrsPolicy } from "./policies.js";

export interface ClientView {
  id: string;
  name: string;
  key: string;
  scopes: string[];
  enabled: boolean;
  createdAt: string;
}

type ClientRow = NonNullable<Awaited<ReturnType<typeof repo.getClient>>>;

function present(row: ClientRow): ClientView {
  return { id: row.id, name: row.name, key: row.key, scopes: fromJson<string[]>(row.scopes), enabled: Boolean(row.enabled), createdAt: row.created_at };
}

function agencyOf(ctx: Ctx): string {
  const agencyId = ctx.actor.agencyId;
  if (!agencyId || !lrsPolicy.manageClients(ctx.actor, agencyId)) throw forbidden("Only learning or HR admins of the agency manage LRS clients");
  return agencyId;
}

function checkScopes(scopes: string[]): void {
  const bad = scopes.filter((s) => !(LRS_SCOPES as readonly string[]).includes(s));
  if (bad.length > 0) throw invalid([{ path: "scopes", message: `Unknown scope: ${bad.join(", ")}` }]);
  if (scopes.length === 0) throw invalid([{ path: "scopes", message: "At least one scope" }]);
}

async function load(ctx: Ctx, id: string): Promise<ClientRow> {
  const agencyId = agencyOf(ctx);
  const row = await repo.getClient(ctx.db, id);
  if (!row || row.agency_id !== agencyId) throw notFound("LRS client");
  return row;
}

export async function listClients(ctx: Ctx): Promise<ClientView[]> {
  return (await repo.listClients(ctx.db, agencyOf(ctx))).map(present);
}

/** Creates a client; the secret is in this answer only. */
export async function createClient(ctx: Ctx, input: { name: string; scopes: string[] }): Promise<ClientView & { secret: string }> {
  const agencyId = agencyOf(ctx);
  checkScopes(input.scopes);
  return ctx.db.transaction().execute(async (trx) => {
    const c = await repo.insertClient(trx, { agencyId, name: input.name, scopes: input.scopes, createdBy: ctx.actor.userId });
    await audit(trx, ctx, {
      action: "lrs_client.create",
      subjectType: "lrs_client",
      subjectId: c.id,
      agencyId,
      changes: { name: input.name, key: c.key, scopes: input.scopes },
    });
    const row = await repo.getClient(trx, c.id);
    if (!row) throw new AppError("internal");
    return { ...present(row), secret: c.secret };
  });
}

export async function updateClient(ctx: Ctx, id: string, input: { name?: string; enabled?: boolean; scopes?: string[] }): Promise<ClientView> {
  const before = await load(ctx, id);
  if (input.scopes) checkScopes(input.scopes);
  const patch = {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.enabled === undefined ? {} : { enabled: input.enabled ? 1 : 0 }),
    ...(input.scopes === undefined ? {} : { scopes: toJson(input.scopes) }),
  };
  const row = await ctx.db.transaction().execute(async (trx) => {
    await repo.updateClient(trx, id, patch);
    await audit(trx, ctx, { action: "lrs_client.update", subjectType: "lrs_client", subjectId: id, agencyId: before.agency_id, changes: diff(before, patch) });
    return repo.getClient(trx, id);
  });
  forgetCredentials();
  if (!row) throw notFound("LRS client");
  return present(row);
}

export async function deleteClient(ctx: Ctx, id: string): Promise<void> {
  const before = await load(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteClient(trx, id);
    await audit(trx, ctx, {
      action: "lrs_client.delete",
      subjectType: "lrs_client",
      subjectId: id,
      agencyId: before.agency_id,
      changes: { name: before.name, key: before.key },
    });
  });
  forgetCredentials();
}
