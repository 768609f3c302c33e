import type { Roster } from "./types.js";

/** Office days per employee in a roster (as published, overrides included). */
export function officeDaysOf(roster: Roster): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of roster.rows) {
    let n = 0;
    for (const cell of row.cells) if (cell.mode === "WFO") n++;
    out[row.employeeId] = n;
  }
  return out;
}

/**
 * Appends this roster's office days to each employee's history and keeps the
 * last `keepWeeks` weeks: the next week's `recentOfficeDays`. Employees absent
 * from the roster keep their history unchanged.
 */
export function rollHistory(previous: Readonly<Record<string, readonly number[]>>, roster: Roster, keepWeeks = 4): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [id, weeks] of Object.entries(previous)) out[id] = weeks.slice(-keepWeeks);
  const current = officeDaysOf(roster);
  for (const [id, n] of Object.entries(current)) out[id] = [...(previous[id] ?? []), n].slice(-keepWeeks);
  return out;
}
