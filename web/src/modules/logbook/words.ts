import type { TFunction } from "i18next";
import type { Checkin, PositionError } from "./types";

/** Where the server found the person, in words: "Di kantor: Kantor Pusat", "Akurasi lokasi rendah (±420 m)". */
export function whereText(c: Pick<Checkin, "geofence" | "place" | "positionError" | "position" | "distanceM">, t: TFunction): string {
  const place = c.place?.name ?? "";
  switch (c.geofence) {
    case "office":
      return t("logbook:where.office", { place });
    case "home":
      return t("logbook:where.home");
    case "other_place":
      return t("logbook:where.other_place", { place });
    case "outside":
      return c.place && typeof c.distanceM === "number"
        ? t("logbook:where.outsideNear", { place, distance: Math.round(c.distanceM) })
        : t("logbook:where.outside");
    case "poor_fix":
      return c.position ? t("logbook:where.poor_fix", { accuracy: Math.round(c.position.accuracy) }) : t("logbook:where.poor_fixPlain");
    case "unavailable":
      return c.positionError ? t("logbook:where.unavailable", { reason: reasonText(c.positionError, t) }) : t("logbook:where.unavailablePlain");
  }
}

export function reasonText(reason: string | null | undefined, t: TFunction): string {
  const known: PositionError[] = ["permission_denied", "position_unavailable", "timeout"];
  return known.includes(reason as PositionError) ? t(`logbook:positionError.${reason}`) : t("logbook:positionError.position_unavailable");
}

/** Late arrival or early leave, in words; null when nothing was expected (day off, leave, sick). */
export function latenessText(c: Pick<Checkin, "kind" | "minutesOff">, t: TFunction): string | null {
  if (c.minutesOff === null) return null;
  if (c.kind === "in") return c.minutesOff > 0 ? t("logbook:lateness.late", { count: c.minutesOff }) : t("logbook:lateness.onTime");
  return c.minutesOff > 0 ? t("logbook:lateness.early", { count: c.minutesOff }) : t("logbook:lateness.fullDay");
}

/** HH:MM of an instant in a time zone (the unit's). */
export function clock(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) in words, e.g. "Sabtu, 28 November 2026". */
export function dayText(date: string, locale: string, weekday = true): string {
  return new Intl.DateTimeFormat(locale, { weekday: weekday ? "long" : undefined, day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** WIB / WITA / WIT for the Indonesian zones; the zone name elsewhere. */
export function zoneAbbreviation(timeZone: string): string {
  return { "Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" }[timeZone] ?? timeZone;
}
