import { createHash } from "node:crypto";

/**
 * The key of a filterable fact of a statement (kind and value, within one
 * agency) in `lrs_statement_facts`: 53 bits of its SHA-1, so it is a plain
 * number on both engines. Eight bytes instead of the agency id, kind and IRI
 * in every index entry keep the index small, and a small index is what makes
 * durable batch writes fast. Two facts can share a key (about one chance in
 * 10^9 per query for an agency with ten million distinct values), so every
 * filtered read checks its rows against the statements themselves.
 *
 * This is a storage format: changing it needs a migration that rebuilds the table.
 */
export function factHash(agencyId: string, kind: string, value: string): number {
  const key = `${agencyId}\u0000${kind}\u0000${value}`;
  const hit = recent.get(key);
  if (hit !== undefined) return hit;
  const d = createHash("sha1").update(key).digest();
  const h = (d.readUInt32BE(0) & 0x1fffff) * 0x100000000 + d.readUInt32BE(4);
  // Learners, verbs and activities recur in statement after statement; registrations mostly do not.
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(key, h);
  return h;
}

const RECENT_MAX = 20_000;
const recent = new Map<string, number>();
