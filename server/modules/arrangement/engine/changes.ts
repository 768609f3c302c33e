import { applyLimits, compareConflicts, isAbsence, pinnedConflict, sameConflict, summaryConflicts, tally } from "./conflicts.js";
import { RosterInputError } from "./errors.js";
import type { Conflict, IsoDate, KeepApartCollision, Roster, RosterCell, WorkMode } from "./types.js";
import { compareStrings, findSorted } from "./util.js";

/** HR sets one cell. Always applied; the result names every conflict the change causes. */
export interface CellOverride {
  employeeId: string;
  date: IsoDate;
  mode: WorkMode;
  note?: string | null;
  /** Who set it (e.g. the HR admin's user id), kept in the reason. */
  by?: string | null;
}

/** An approved employee request for one day. */
export interface ApprovedRequest {
  employeeId: string;
  date: IsoDate;
  mode: "WFO" | "WFH";
  note?: string | null;
  requestId?: string | null;
}

export interface ChangeResult {
  roster: Roster;
  /** All conflicts of the changed unit and day after the change. */
  conflicts: Conflict[];
  /** Conflicts that were not there before the change (or have a different detail). */
  newConflicts: Conflict[];
}

export type RequestResult =
  | { applied: true; roster: Roster; conflicts: Conflict[] }
  /** Not applied: `roster` is the unchanged input and `conflicts` say why, for HR to decide. */
  | { applied: false; roster: Roster; conflicts: Conflict[] };

interface Located {
  rowIndex: number;
  dayIndex: number;
  unitIndex: number;
}

function locate(roster: Roster, employeeId: string, date: IsoDate): Located {
  const rowIndex = findSorted(roster.rows, employeeId, (r) => r.employeeId);
  if (rowIndex < 0) throw new RosterInputError([`employee ${employeeId} is not in this roster`]);
  const dayIndex = roster.dates.indexOf(date);
  if (dayIndex < 0) throw new RosterInputError([`${date} is not a day of this roster`]);
  const unitIndex = findSorted(roster.units, roster.rows[rowIndex].unitId, (u) => u.unitId);
  if (unitIndex < 0) throw new RosterInputError([`unit ${roster.rows[rowIndex].unitId} is missing from this roster`]);
  return { rowIndex, dayIndex, unitIndex };
}

const compareCollisions = (x: KeepApartCollision, y: KeepApartCollision): number =>
  compareStrings(x.date, y.date) || compareStrings(x.a, y.a) || compareStrings(x.b, y.b);

/** Returns a new roster with one cell replaced and its unit/day counts, conflicts and collisions recomputed. */
function replaceCell(roster: Roster, at: Located, cell: RosterCell): ChangeResult {
  const row = roster.rows[at.rowIndex];
  const old = row.cells[at.dayIndex];
  const date = cell.date;
  const pinned = row.pinned !== null;

  const cells = row.cells.slice();
  cells[at.dayIndex] = cell;
  const newRow = { ...row, cells };
  const rows = roster.rows.slice();
  rows[at.rowIndex] = newRow;

  const unit = roster.units[at.unitIndex];
  const summary = { ...unit.days[at.dayIndex] };
  tally(summary, old.mode, pinned, -1);
  tally(summary, cell.mode, pinned, 1);
  applyLimits(summary, roster.settings.capBase);
  const days = unit.days.slice();
  days[at.dayIndex] = summary;
  const units = roster.units.slice();
  units[at.unitIndex] = { ...unit, days };

  const inUnitDay = (c: Conflict) => c.unitId === row.unitId && c.date === date;
  const before = roster.conflicts.filter(inUnitDay);
  const kept = roster.conflicts.filter((c) => !(inUnitDay(c) && (c.employeeId === null || c.employeeId === row.employeeId)));
  const added = summaryConflicts(summary);
  const own = pinnedConflict(newRow, cell);
  if (own) added.push(own);
  const conflicts = [...kept, ...added].sort(compareConflicts);

  const collisions = roster.collisions.filter((c) => !(c.date === date && (c.a === row.employeeId || c.b === row.employeeId)));
  if (cell.mode === "WFO") {
    for (const partnerId of row.partners) {
      const p = findSorted(rows, partnerId, (r) => r.employeeId);
      if (p >= 0 && rows[p].cells[at.dayIndex].mode === "WFO") {
        const [a, b] = row.employeeId < partnerId ? [row.employeeId, partnerId] : [partnerId, row.employeeId];
        collisions.push({ date, a, b });
      }
    }
    collisions.sort(compareCollisions);
  }

  const after = conflicts.filter(inUnitDay);
  const newConflicts = after.filter((c) => !before.some((b) => sameConflict(b, c)));
  return { roster: { ...roster, rows, units, conflicts, collisions }, conflicts: after, newConflicts };
}

/** HR override of one cell: marked as an override; conflicts it causes are reported, never refused. */
export function applyOverride(roster: Roster, change: CellOverride): ChangeResult {
  const at = locate(roster, change.employeeId, change.date);
  const previous = roster.rows[at.rowIndex].cells[at.dayIndex].mode;
  return replaceCell(roster, at, {
    date: change.date,
    mode: change.mode,
    reason: { code: "override", params: { previous, note: change.note ?? null, by: change.by ?? null } },
    source: "override",
  });
}

/**
 * An approved request is applied when the unit's cap, its minimum on site and the
 * pinned rule still hold afterwards. Otherwise the roster is returned unchanged
 * with the conflicts for HR. A day already set by HR, or a day with a recorded
 * absence, is not changed by a request either.
 */
export function applyRequest(roster: Roster, request: ApprovedRequest): RequestResult {
  const at = locate(roster, request.employeeId, request.date);
  const row = roster.rows[at.rowIndex];
  const current = row.cells[at.dayIndex];
  const base = { unitId: row.unitId, date: request.date, employeeId: row.employeeId };
  if (current.source === "override") {
    return { applied: false, roster, conflicts: [{ ...base, rule: "cell_overridden", detail: { mode: current.mode } }] };
  }
  if (isAbsence(current.mode)) {
    const kind = current.mode as "CUTI" | "DL" | "SAKIT";
    return { applied: false, roster, conflicts: [{ ...base, rule: "employee_absent", detail: { kind } }] };
  }
  const result = replaceCell(roster, at, {
    date: request.date,
    mode: request.mode,
    reason: { code: "request", params: { previous: current.mode, note: request.note ?? null, requestId: request.requestId ?? null } },
    source: "request",
  });
  if (request.mode === current.mode) return { applied: true, roster: result.roster, conflicts: result.conflicts };
  const blocking =
    request.mode === "WFO"
      ? result.conflicts.filter((c) => c.rule === "cap_exceeded")
      : result.conflicts.filter((c) => c.rule === "min_on_site_not_met" || (c.rule === "pinned_not_in_office" && c.employeeId === row.employeeId));
  if (blocking.length > 0) return { applied: false, roster, conflicts: blocking };
  return { applied: true, roster: result.roster, conflicts: result.conflicts };
}
