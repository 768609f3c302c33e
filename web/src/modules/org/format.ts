import i18n from "../../i18n";
import { intlLocale } from "../../ui/format";

const TZ_SHORT: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
  "Asia/Pontianak": "WIB-Pontianak",
};

/** "Asia/Makassar" -> "WITA". */
export function tzLabel(tz: string): string {
  return TZ_SHORT[tz] ?? tz;
}

function locale(): string {
  return intlLocale(i18n.language);
}

/** A calendar date ("2026-03-01") in the viewer's language, without shifting it through a time zone. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return "—";
  const [y, m, d] = date.split("-").map(Number);
  if (!y || !m) return date;
  const options: Intl.DateTimeFormatOptions = d ? { day: "numeric", month: "long", year: "numeric" } : { month: "long", year: "numeric" };
  return new Intl.DateTimeFormat(locale(), { ...options, timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d || 1)));
}

/**
 * A moment in the viewer's language and time zone, with the zone's name.
 * Indonesian zones are named as people know them (WIB, WITA, WIT) in both languages.
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const fmt = new Intl.DateTimeFormat(locale(), {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  });
  const zone = TZ_SHORT[fmt.resolvedOptions().timeZone];
  return fmt
    .formatToParts(new Date(iso))
    .map((p) => (p.type === "timeZoneName" && zone ? zone : p.value))
    .join("");
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}
