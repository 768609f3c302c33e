import type { ContentAttemptTable } from "../../../db/schema-content.js";

/**
 * What a SCO's committed cmi data says about the learner: completion,
 * success, a scaled score (0..1) and whether the session was suspended.
 * SCORM 1.2 folds completion and success into `cmi.core.lesson_status`; with
 * a mastery score in the manifest and a raw score the LMS decides passed or
 * failed itself (SCORM 1.2 RTE 3.4.2.4). SCORM 2004 reports them apart.
 */
export interface ScoOutcome {
  completion: ContentAttemptTable["completion"];
  success: ContentAttemptTable["success"];
  scoreScaled: number | null;
  totalSeconds: number;
  suspended: boolean;
}

type Tree = Record<string, unknown>;

/** Accepts `{ cmi: {...} }` (a commit) or the cmi object itself. */
export function cmiOf(body: unknown): Tree {
  if (!isTree(body)) return {};
  return isTree(body.cmi) ? body.cmi : body;
}

export function scorm12Outcome(cmi: Tree, masteryScore: number | null): ScoOutcome {
  const core = isTree(cmi.core) ? cmi.core : {};
  const status = str(core.lesson_status);
  const score = isTree(core.score) ? core.score : {};
  const raw = num(score.raw);
  const min = num(score.min) ?? 0;
  const max = num(score.max) ?? 100;
  const scoreScaled = raw === null ? null : max > min ? clamp01((raw - min) / (max - min)) : clamp01(raw / 100);
  let completion: ScoOutcome["completion"] = "unknown";
  let success: ScoOutcome["success"] = "unknown";
  if (status === "passed" || status === "completed" || status === "failed") completion = "completed";
  else if (status === "incomplete" || status === "browsed") completion = "incomplete";
  else if (status === "not attempted") completion = "not_attempted";
  if (status === "passed") success = "passed";
  if (status === "failed") success = "failed";
  if (masteryScore !== null && raw !== null && (completion === "completed" || status === "incomplete")) {
    success = raw >= masteryScore ? "passed" : "failed";
    if (success === "passed") completion = "completed";
  }
  return { completion, success, scoreScaled, totalSeconds: scorm12Seconds(str(core.total_time)), suspended: str(core.exit) === "suspend" };
}

export function scorm2004Outcome(cmi: Tree, scaledPassingScore: number | null): ScoOutcome {
  const completionStatus = str(cmi.completion_status);
  const successStatus = str(cmi.success_status);
  const score = isTree(cmi.score) ? cmi.score : {};
  let scoreScaled = num(score.scaled);
  if (scoreScaled === null) {
    const raw = num(score.raw);
    const min = num(score.min);
    const max = num(score.max);
    if (raw !== null && min !== null && max !== null && max > min) scoreScaled = (raw - min) / (max - min);
  }
  let completion: ScoOutcome["completion"] = "unknown";
  if (completionStatus === "completed") completion = "completed";
  else if (completionStatus === "incomplete") completion = "incomplete";
  else if (completionStatus === "not attempted") completion = "not_attempted";
  let success: ScoOutcome["success"] = successStatus === "passed" ? "passed" : successStatus === "failed" ? "failed" : "unknown";
  // SCORM 2004 RTE 4.2.22: with a scaled passing score and a scaled score, the LMS decides.
  if (scaledPassingScore !== null && scoreScaled !== null) success = scoreScaled >= scaledPassingScore ? "passed" : "failed";
  return {
    completion,
    success,
    scoreScaled: scoreScaled === null ? null : Math.max(-1, Math.min(1, scoreScaled)),
    totalSeconds: isoSeconds(str(cmi.total_time)),
    suspended: str(cmi.exit) === "suspend",
  };
}

/** A SCO counts as done when completed and not failed. */
export function scoDone(o: Pick<ScoOutcome, "completion" | "success">): boolean {
  return (o.completion === "completed" && o.success !== "failed") || o.success === "passed";
}

/** "HHHH:MM:SS.SS" (SCORM 1.2 CMITimespan) in seconds. */
export function scorm12Seconds(v: string | null): number {
  const m = v ? /^(\d{2,4}):(\d{2}):(\d{2})(\.\d{1,2})?$/.exec(v) : null;
  if (!m) return 0;
  return Math.round(Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0));
}

/** ISO 8601 duration (SCORM 2004 timeinterval) in seconds. */
export function isoSeconds(v: string | null): number {
  const m = v ? /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(v) : null;
  if (!m) return 0;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  return Math.round(((y * 365 + mo * 30 + d) * 24 + h) * 3600 + mi * 60 + s);
}

function isTree(v: unknown): v is Tree {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function str(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}
function num(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}
function clamp01(n: number): number {
  return Math.max(0, Math.min(1, n));
}
