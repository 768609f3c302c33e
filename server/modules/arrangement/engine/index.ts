/**
 * Weekly work-location roster engine: pure and deterministic. No I/O, no clock,
 * no randomness; the same input (in any order) gives the same roster.
 */
import { buildRoster } from "./assign.js";
import type { Roster, RosterInput } from "./types.js";
import { prepareInput } from "./validate.js";

/** Generates a week's roster. Throws `RosterInputError` on invalid input. */
export function generateRoster(input: RosterInput): Roster {
  return buildRoster(prepareInput(input));
}

export type { CapSetting, ResolveCapsArgs } from "./caps.js";
export { capPeople, DEFAULT_RISK_LEVELS, resolveCapPercentages, withCapPercentages } from "./caps.js";
export type { ApprovedRequest, CellOverride, ChangeResult, RequestResult } from "./changes.js";
export { applyOverride, applyRequest } from "./changes.js";
export { RosterInputError } from "./errors.js";
export { officeDaysOf, rollHistory } from "./history.js";
export type { Priority } from "./priority.js";
export { DEFAULT_POLICY, DEFAULT_WEIGHTS, FACTOR_KEYS, factorsOf, pinBasisOf, priorityOf, recentOfficeTotal, resolvePolicy } from "./priority.js";
export { dayName, factorLabel, renderConflict, renderReason } from "./reasons.js";
export type * from "./types.js";
export { ageOn } from "./util.js";
