import type { Transaction } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Outcome } from "../logbook/checkin/group-commit.js";
import { can } from "./credentials.js";
import { conflict } from "./errors.js";
import * as repo from "./repository.js";
import { completeStatement, definitionsOf, factRows, sameStatement, saveDefinitions, statementRow } from "./statements-rows.js";
import type { Prepared, Stored } from "./statements-store.js";
import { isObject, type JsonObject } from "./validate/primitives.js";

/**
 * Statement writes of concurrent requests done together: one lookup of the
 * ids of all of them, one multi-row insert of their statements and one of
 * their index rows, instead of a set of queries per request. Only plain
 * writes merge: no voiding or other statement references, no attachments, and
 * not launch credentials (whose cmi5 rules read what the registration stored
 * before). Everything else is written one request at a time.
 */
export function mergeable(p: Prepared): boolean {
  if (p.voidTargets.size > 0 || p.input.parts.size > 0 || p.input.principal.learnerKey) return false;
  return p.statements.every((s) => !isObject(s.object) || s.object.objectType !== "StatementRef");
}

interface Accepted {
  p: Prepared;
  full: JsonObject[];
}

/**
 * Writes the requests in order as if one by one: a statement id already
 * stored, or taken by an earlier request of the batch, is a resend when the
 * content is the same and a 409 for that request alone when it differs. A
 * refused request writes nothing.
 */
export async function persistMerged(trx: Transaction<DB>, batch: Prepared[]): Promise<Outcome<Stored>[]> {
  const out: Outcome<Stored>[] = new Array(batch.length);
  const stored = new Date().toISOString();
  const agencies = new Map<string, number[]>();
  batch.forEach((p, i) => {
    const list = agencies.get(p.input.principal.agencyId) ?? [];
    list.push(i);
    agencies.set(p.input.principal.agencyId, list);
  });
  for (const [agencyId, members] of agencies) {
    const ids = new Set(members.flatMap((i) => batch[i].ids));
    const known = new Map<string, JsonObject>();
    for (const row of await repo.findStatements(trx, agencyId, [...ids])) known.set(row.statement_id, JSON.parse(row.body) as JsonObject);
    const accepted: Accepted[] = [];
    for (const i of members) {
      const p = batch[i];
      const fresh: JsonObject[] = [];
      const freshIds = new Set<string>();
      let refused: string | null = null;
      for (const s of p.statements) {
        const id = s.id as string;
        const before = known.get(id);
        if (before) {
          if (!sameStatement(before, s)) {
            refused = id;
            break;
          }
          continue;
        }
        if (freshIds.has(id)) continue;
        freshIds.add(id);
        fresh.push(s);
      }
      if (refused !== null) {
        out[i] = { ok: false, err: conflict(`statement ${refused} exists with different content`) };
        continue;
      }
      const full = fresh.map((s) => completeStatement(s, p.input.principal, p.input.version, stored));
      for (const s of full) known.set(s.id as string, s);
      accepted.push({ p, full });
      out[i] = { ok: true, value: { ids: p.ids, fresh: fresh.length } };
    }
    await writeAccepted(trx, agencyId, accepted, stored);
  }
  return out;
}

async function writeAccepted(trx: Transaction<DB>, agencyId: string, accepted: Accepted[], stored: string): Promise<void> {
  const rows = accepted.flatMap(({ p, full }) => full.map((s) => statementRow(s, p.input.principal, null, stored)));
  if (rows.length === 0) return;
  const inserted = await repo.insertStatements(trx, rows);
  const seqOf = new Map(inserted.map((r) => [r.statement_id, Number(r.seq)]));
  await repo.insertFacts(
    trx,
    factRows(
      accepted.flatMap((a) => a.full),
      agencyId,
      seqOf,
    ),
  );
  // A voiding statement stored before its target voids it on arrival.
  await repo.markVoided(trx, agencyId, await repo.voidedAlready(trx, agencyId, [...seqOf.keys()]));
  const definers = accepted.filter((a) => can(a.p.input.principal, "define")).flatMap((a) => a.full);
  await saveDefinitions(trx, agencyId, definitionsOf(definers), stored);
}
