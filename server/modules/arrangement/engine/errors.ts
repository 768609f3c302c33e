/** Invalid roster input: every problem found, with a path-like prefix ("employees[3]: …"). */
export class RosterInputError extends Error {
  readonly code = "roster_input_invalid";
  constructor(readonly issues: readonly string[]) {
    super(`invalid roster input: ${issues.slice(0, 5).join("; ")}${issues.length > 5 ? ` (+${issues.length - 5} more)` : ""}`);
    this.name = "RosterInputError";
  }
}
