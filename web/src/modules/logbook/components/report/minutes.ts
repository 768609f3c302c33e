import type { TFunction } from "i18next";

/** 90 -> "1 jam 30 menit" / "1 h 30 min". */
export function minutesText(minutes: number, t: TFunction): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t("logbook:time.minutes", { count: m });
  if (m === 0) return t("logbook:time.hours", { count: h });
  return t("logbook:time.hoursMinutes", { h, m });
}
