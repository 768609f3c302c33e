import type { IsoDate } from "./types.js";

/** Code-unit string order: independent of locale and ICU data. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number since 1970-01-01 for a valid ISO date, or null. */
export function dayNumber(date: IsoDate): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / 86_400_000);
}

/** 0 = Sunday .. 6 = Saturday. */
export function weekday(date: IsoDate): number {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`not a date: ${date}`);
  // 1970-01-01 was a Thursday.
  return (((n + 4) % 7) + 7) % 7;
}

/** Whole years between a birth date and a date (the age on that date). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const b = ISO_DATE.exec(birthDate);
  const o = ISO_DATE.exec(on);
  if (!b || !o) throw new RangeError("ageOn expects YYYY-MM-DD dates");
  let age = Number(o[1]) - Number(b[1]);
  const beforeBirthday = Number(o[2]) < Number(b[2]) || (Number(o[2]) === Number(b[2]) && Number(o[3]) < Number(b[3]));
  if (beforeBirthday) age -= 1;
  return age;
}

/** 32-bit FNV-1a over UTF-16 code units; used only to break ties reproducibly. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Index of `key` in an array sorted by `keyOf` (code-unit order), or -1. */
export function findSorted<T>(items: readonly T[], key: string, keyOf: (item: T) => string): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keyOf(items[mid]);
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Rounds to 6 decimals so that sums of weights compare reliably (0.1 + 0.2 = 0.3). */
export function roundScore(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
