import type { Place } from "../../../db/schema-logbook.js";
import type { Ctx } from "../../../platform/context.js";
import { notFound } from "../../../platform/errors.js";
import { deleteOffice, updateOffice } from "./offices.js";
import { decidePlace, deleteOwnPlace, updateOwnPlace } from "./own.js";
import * as repo from "./repository.js";
import type { Decision, PlaceUpdate } from "./schema.js";

/** Routes address a place by id; offices and own places follow different rules. */
async function load(ctx: Ctx, id: string): Promise<Place> {
  const place = await repo.getPlace(ctx.db, id);
  if (!place) throw notFound("Place");
  return place;
}

export async function updatePlace(ctx: Ctx, id: string, patch: PlaceUpdate) {
  const place = await load(ctx, id);
  return place.kind === "office" ? updateOffice(ctx, place, patch) : updateOwnPlace(ctx, place, patch);
}

export async function deletePlace(ctx: Ctx, id: string): Promise<void> {
  const place = await load(ctx, id);
  if (place.kind === "office") await deleteOffice(ctx, place);
  else await deleteOwnPlace(ctx, place);
}

export async function decide(ctx: Ctx, id: string, input: Decision, req: { key: string | undefined; path: string }) {
  return decidePlace(ctx, await load(ctx, id), input, req);
}
