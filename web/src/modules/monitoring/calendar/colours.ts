import type { Mode, ReportStatus } from "../types";

/** Cell colour per work mode (text on them is dark or white as noted). */
export const MODE_COLOURS: Record<Mode, { bg: string; fg: string }> = {
  WFO: { bg: "#1f59b0", fg: "#ffffff" },
  WFH: { bg: "#1e6b30", fg: "#ffffff" },
  DL: { bg: "#a04d00", fg: "#ffffff" },
  CUTI: { bg: "#ced4da", fg: "#212529" },
  SAKIT: { bg: "#862e9c", fg: "#ffffff" },
};

export const NO_CHECKIN = { bg: "#ffffff", fg: "#212529" };
export const DAY_OFF = { bg: "#f1f3f5", fg: "#495057" };
/** Days of the month before or after the shown period. */
export const OUTSIDE = { bg: "#ffffff", fg: "#6b7178" };
export const LATE_COLOUR = "#e03131";

/** A small mark for the day's report status. */
export const REPORT_MARKS: Record<ReportStatus, string> = { none: "", draft: "·", submitted: "○", returned: "↩", approved: "✓" };
