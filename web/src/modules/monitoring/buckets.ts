import type { TFunction } from "i18next";

/** The drill-down lists behind the board's numbers (the `bucket` of /board/people). */
export type Bucket =
  | "employees"
  | "checked_in"
  | "not_checked_in"
  | "late"
  | "checked_out"
  | `mode:${string}`
  | "roster:differs"
  | "health:not_filled"
  | "health:not_cleared"
  | `report:${string}`
  | "office";

/** The list's name in the active language, e.g. "Belum check-in". */
export function bucketLabel(t: TFunction, bucket: Bucket): string {
  const [group, key] = bucket.split(":");
  if (group === "mode") return t("monitoring:mode.long", { mode: t(`monitoring:mode.${key}`) });
  if (group === "report") return t("monitoring:reports.bucket", { status: t(`monitoring:reports.${key}`) });
  return t(`monitoring:bucket.${bucket.replace(":", "_")}`);
}
