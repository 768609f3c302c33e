import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import { audit } from "../../../platform/audit.js";
import type { Ctx, Db } from "../../../platform/context.js";
import { conflict, notFound } from "../../../platform/errors.js";
import { agencyOf, authorize } from "../../org/policies.js";
import { healthPolicy } from "./policies.js";
import { presentForm, presentLocalizedForm } from "./presenter.js";
import { DEFAULT_FORM, type FormDefinition } from "./questions.js";
import * as repo from "./repository.js";
import type { Lang } from "./schema.js";

/**
 * The agency's current form version. An agency that never published one gets
 * the default as version 1, created here the first time it is needed (safe
 * when two requests race: the version number is unique).
 */
export async function ensureCurrentForm(db: Db, ctx: Ctx, agencyId: string): Promise<repo.HealthFormRow> {
  const existing = await repo.currentForm(db, agencyId);
  if (existing) return existing;
  const create = async (trx: Db) => {
    const id = newId();
    const row = {
      id,
      agency_id: agencyId,
      version: 1,
      questions: toJson(DEFAULT_FORM.questions),
      rule: toJson(DEFAULT_FORM.rule),
      created_by: null,
      created_at: ctx.now().toISOString(),
    };
    if (await repo.insertForm(trx, row)) {
      await audit(trx, ctx, { action: "health.form_defaulted", subjectType: "health_form", subjectId: id, agencyId, changes: { version: 1 } });
    }
  };
  if (db.isTransaction) await create(db);
  else await ctx.db.transaction().execute(create);
  const created = await repo.currentForm(db, agencyId);
  if (!created) throw notFound("Health form");
  return created;
}

export function langOf(ctx: Ctx, requested: Lang | undefined): Lang {
  return requested ?? (ctx.actor.locale === "en" ? "en" : "id");
}

/** The current form of the signed-in person's agency, in their language. */
export async function formForEmployee(ctx: Ctx, lang: Lang | undefined) {
  if (!ctx.actor.agencyId) throw notFound("Employee record of this account");
  const row = await ensureCurrentForm(ctx.db, ctx, ctx.actor.agencyId);
  return presentLocalizedForm(row, langOf(ctx, lang));
}

export async function listForms(ctx: Ctx, requestedAgency: string | undefined) {
  const agencyId = agencyOf(ctx.actor, requestedAgency);
  authorize(healthPolicy.viewForms(ctx.actor, agencyId));
  await ensureCurrentForm(ctx.db, ctx, agencyId);
  return (await repo.listForms(ctx.db, agencyId)).map(presentForm);
}

/** One version with both languages: what old answers are read against. */
export async function getFormVersion(ctx: Ctx, version: number, requestedAgency: string | undefined) {
  const agencyId = agencyOf(ctx.actor, requestedAgency);
  authorize(healthPolicy.viewForms(ctx.actor, agencyId));
  await ensureCurrentForm(ctx.db, ctx, agencyId);
  const row = await repo.formByVersion(ctx.db, agencyId, version);
  if (!row) throw notFound("Health form version");
  return presentForm(row);
}

/** Publishes the next version for the whole agency. Earlier answers keep pointing at their own version. */
export async function publishForm(ctx: Ctx, def: FormDefinition, requestedAgency: string | undefined) {
  const agencyId = agencyOf(ctx.actor, requestedAgency);
  authorize(healthPolicy.publishForm(ctx.actor, agencyId), "Only agency-wide HR admins or health officers publish the health form");
  return ctx.db.transaction().execute(async (trx) => {
    const current = await ensureCurrentForm(trx, ctx, agencyId);
    const row = {
      id: newId(),
      agency_id: agencyId,
      version: current.version + 1,
      questions: toJson(def.questions),
      rule: toJson(def.rule),
      created_by: ctx.actor.userId,
      created_at: ctx.now().toISOString(),
    };
    if (!(await repo.insertForm(trx, row))) {
      throw conflict("Another version was published at the same moment; reload and try again", { currentVersion: current.version + 1 });
    }
    await audit(trx, ctx, {
      action: "health.form_published",
      subjectType: "health_form",
      subjectId: row.id,
      agencyId,
      changes: { version: [current.version, row.version], questions: def.questions.map((q) => q.id), rule: def.rule },
    });
    return presentForm(row);
  });
}
