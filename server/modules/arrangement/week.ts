import { addDays, weekday } from "../logbook/calendar/workdays.js";
import type { WorkMode } from "./engine/index.js";

export { addDays };

/** Monday of the week a date falls in (weeks run Monday to Sunday). */
export function mondayOf(date: string): string {
  const wd = weekday(date);
  return addDays(date, wd === 0 ? -6 : 1 - wd);
}

export function isMonday(date: string): boolean {
  return weekday(date) === 1;
}

/** Monday to Friday of the week starting on `monday`. */
export function workweek(monday: string): string[] {
  return [0, 1, 2, 3, 4].map((i) => addDays(monday, i));
}

const LETTER: Record<WorkMode, string> = { WFO: "O", WFH: "H", CUTI: "C", DL: "D", SAKIT: "S" };
const MODE: Record<string, WorkMode> = { O: "WFO", H: "WFH", C: "CUTI", D: "DL", S: "SAKIT" };

/** One letter per day, aligned with the roster's dates: what SQL filters and the expected-mode lookup read. */
export function encodeModes(modes: readonly WorkMode[]): string {
  return modes.map((m) => LETTER[m]).join("");
}

export function modeLetter(mode: WorkMode): string {
  return LETTER[mode];
}

export function decodeMode(letter: string): WorkMode | null {
  return MODE[letter] ?? null;
}
