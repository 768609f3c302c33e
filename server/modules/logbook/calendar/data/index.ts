import { calendar2026 } from "./2026.js";
import { calendar2027 } from "./2027.js";
import type { CalendarDataset } from "./types.js";

/** Every dataset shipped with this version of Abdi, loaded at start by ensureCalendarData. */
export const SHIPPED_CALENDARS: readonly CalendarDataset[] = [calendar2026, calendar2027];
