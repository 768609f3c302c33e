// Temporary experiment (not part of the project): better-sqlite3 prepared-statement cache.
import SQLite from "better-sqlite3";
const proto = SQLite.prototype as unknown as { prepare(sql: string): unknown };
const original = proto.prepare;
const caches = new WeakMap<object, Map<string, unknown>>();
proto.prepare = function (this: object, sql: string) {
  let m = caches.get(this);
  if (!m) { m = new Map(); caches.set(this, m); }
  let st = m.get(sql);
  if (!st) { st = original.call(this, sql); m.set(sql, st); }
  return st;
};
await import("./bench/checkin.ts");
