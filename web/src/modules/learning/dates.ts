import type { Formatters } from "../../ui/format";

/**
 * A calendar date (YYYY-MM-DD) in words. Read as local midnight, so it shows
 * the same day in every time zone; full timestamps go through `format.date`.
 */
export function dateOnly(value: string, format: Formatters): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-").map(Number);
    return format.date(new Date(y, m - 1, d).toISOString());
  }
  return format.date(value);
}
