import { fromJson, toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { Db } from "../../../platform/context.js";
import { AppError } from "../../../platform/errors.js";
import type { ScormItem, ScormManifest } from "../packages/scorm.js";
import { cmiOf, type ScoOutcome, scoDone, scorm12Outcome, scorm2004Outcome } from "./outcome.js";
import * as repo from "./repository.js";
import { hashToken } from "./service.js";

/**
 * The SCORM runtime behind a player URL: the state a SCO starts from (its
 * last committed cmi data, with `entry` set for a resume) and the commits it
 * sends. Every commit is stored at once, so closing the tab loses nothing
 * that was committed; outcomes are handed to the lesson progress.
 */
export interface LessonOutcome {
  agencyId: string;
  employeeId: string;
  enrolmentId: string;
  lessonId: string;
  completed: boolean;
  /** 0..100, the mean of the scored SCOs; null when none reported a score. */
  score: number | null;
  passed: boolean | null;
}

type OutcomeListener = (trx: Db, outcome: LessonOutcome) => Promise<void>;
let outcomeListener: OutcomeListener | null = null;

/** The learning module registers how a package outcome moves lesson progress. */
export function onContentOutcome(listener: OutcomeListener | null): void {
  outcomeListener = listener;
}

/** Hands a package outcome (SCORM or cmi5) to the lesson progress, in the caller's transaction. */
export async function emitContentOutcome(trx: Db, outcome: LessonOutcome): Promise<void> {
  if (outcomeListener) await outcomeListener(trx, outcome);
}

export interface ItemStatus {
  id: string;
  title: string;
  completion: string;
  success: string;
  score: number | null;
}

export async function launchByToken(db: Db, token: string, now: Date): Promise<{ launch: repo.ContentLaunch; pkg: repo.ContentPackage }> {
  const launch = await repo.findLaunch(db, hashToken(token), now.toISOString());
  if (!launch) throw new AppError("not_found", "This player link has expired; open the lesson again");
  const pkg = await repo.getPackage(db, launch.package_id);
  if (!pkg) throw new AppError("not_found", "The content package was removed");
  return { launch, pkg };
}

function scormManifest(pkg: repo.ContentPackage): ScormManifest {
  if (pkg.standard === "cmi5") throw new AppError("conflict", "This package is cmi5 content, launched through the LRS");
  return fromJson<ScormManifest>(pkg.manifest);
}

function findItem(manifest: ScormManifest, id: string): ScormItem {
  const item = manifest.launchable.find((i) => i.identifier === id);
  if (!item) throw new AppError("not_found", `The package has no launchable item "${id}"`);
  return item;
}

/** The state the player loads for one item: creates the first attempt when there is none. */
export async function runtimeState(db: Db, token: string, itemId: string | undefined, now: Date) {
  const { launch, pkg } = await launchByToken(db, token, now);
  const manifest = scormManifest(pkg);
  const item = findItem(manifest, itemId ?? launch.item_id);
  const key = { packageId: pkg.id, employeeId: launch.employee_id, enrolmentId: launch.enrolment_id, itemId: item.identifier };
  let attempt = await repo.latestAttempt(db, key);
  if (!attempt) {
    const at = now.toISOString();
    const row = {
      id: newId(),
      package_id: pkg.id,
      agency_id: pkg.agency_id,
      employee_id: launch.employee_id,
      enrolment_id: launch.enrolment_id,
      lesson_id: launch.lesson_id,
      item_id: item.identifier,
      attempt_no: 1,
      cmi: toJson({}),
      completion: "not_attempted" as const,
      success: "unknown" as const,
      score_scaled: null,
      total_seconds: 0,
      commits: 0,
      suspended: 0,
      terminated_at: null,
      created_at: at,
      updated_at: at,
    };
    try {
      await repo.insertAttempt(db, row);
    } catch {
      // Two tabs opened the same item at once: the other one created it.
    }
    attempt = await repo.latestAttempt(db, key);
    if (!attempt) throw new AppError("internal", "The attempt could not be created");
  }
  const learner = await db.selectFrom("employees").select(["id", "name"]).where("id", "=", launch.employee_id).executeTakeFirst();
  const stored = fromJson<Record<string, unknown>>(attempt.cmi) ?? {};
  const preview = launch.enrolment_id === null;
  const cmi =
    pkg.standard === "scorm12"
      ? scorm12Start(stored, item, { id: launch.employee_id, name: learner?.name ?? "" }, attempt.suspended === 1, preview)
      : scorm2004Start(stored, item, { id: launch.employee_id, name: learner?.name ?? "" }, attempt.suspended === 1, preview);
  return {
    standard: pkg.standard,
    title: pkg.title,
    item: { id: item.identifier, title: item.title, launch: item.launch },
    attemptId: attempt.id,
    cmi,
    items: await itemStatuses(db, pkg, manifest, launch),
  };
}

function withoutSessionFields(stored: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...stored };
  for (const k of keys) delete copy[k];
  return copy;
}

function scorm12Start(stored: Record<string, unknown>, item: ScormItem, learner: { id: string; name: string }, suspended: boolean, preview: boolean) {
  const core = withoutSessionFields((stored.core as Record<string, unknown>) ?? {}, [
    "session_time",
    "exit",
    "entry",
    "student_id",
    "student_name",
    "credit",
    "lesson_mode",
    "total_time",
  ]);
  const hasHistory = Object.keys(core).length > 0;
  return {
    ...withoutSessionFields(stored, ["core", "launch_data", "student_data"]),
    core: {
      ...core,
      student_id: learner.id,
      student_name: learner.name,
      credit: preview ? "no-credit" : "credit",
      lesson_mode: preview ? "browse" : "normal",
      entry: suspended ? "resume" : hasHistory ? "" : "ab-initio",
    },
    launch_data: item.dataFromLms ?? "",
    student_data: {
      ...(item.masteryScore === null ? {} : { mastery_score: String(item.masteryScore) }),
      ...(item.maxTimeAllowed ? { max_time_allowed: item.maxTimeAllowed } : {}),
      ...(item.timeLimitAction ? { time_limit_action: item.timeLimitAction } : {}),
    },
  };
}

function scorm2004Start(stored: Record<string, unknown>, item: ScormItem, learner: { id: string; name: string }, suspended: boolean, preview: boolean) {
  const rest = withoutSessionFields(stored, ["session_time", "exit", "entry", "learner_id", "learner_name", "credit", "mode", "total_time", "launch_data"]);
  const hasHistory = Object.keys(rest).length > 0;
  return {
    ...rest,
    learner_id: learner.id,
    learner_name: learner.name,
    credit: preview ? "no-credit" : "credit",
    mode: preview ? "browse" : "normal",
    entry: suspended ? "resume" : hasHistory ? "" : "ab-initio",
    launch_data: item.dataFromLms ?? "",
    ...(item.scaledPassingScore === null ? {} : { scaled_passing_score: String(item.scaledPassingScore) }),
    ...(item.completionThreshold === null ? {} : { completion_threshold: String(item.completionThreshold) }),
    ...(item.maxTimeAllowed ? { max_time_allowed: item.maxTimeAllowed } : {}),
    ...(item.timeLimitAction ? { time_limit_action: item.timeLimitAction } : {}),
  };
}

/** Stores one commit of a SCO; on the last SCO done, the lesson progress hears of it. */
export async function commit(db: Db, token: string, attemptId: string, body: unknown, terminate: boolean, now: Date) {
  const { launch, pkg } = await launchByToken(db, token, now);
  const manifest = scormManifest(pkg);
  const attempt = await repo.getAttempt(db, attemptId);
  if (!attempt || attempt.package_id !== pkg.id || attempt.employee_id !== launch.employee_id || attempt.enrolment_id !== launch.enrolment_id) {
    throw new AppError("not_found", "No such attempt for this player");
  }
  const item = findItem(manifest, attempt.item_id);
  const cmi = cmiOf(body);
  if (!looksLikeCmi(pkg.standard, cmi)) throw new AppError("bad_request", "The commit holds no cmi data");
  const outcome: ScoOutcome = pkg.standard === "scorm12" ? scorm12Outcome(cmi, item.masteryScore) : scorm2004Outcome(cmi, item.scaledPassingScore);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.updateAttempt(trx, attempt.id, {
      cmi: toJson(cmi),
      completion: outcome.completion,
      success: outcome.success,
      score_scaled: outcome.scoreScaled,
      total_seconds: Math.max(attempt.total_seconds, outcome.totalSeconds),
      suspended: outcome.suspended ? 1 : 0,
      terminated_at: terminate ? at : attempt.terminated_at,
      updated_at: at,
    });
    if (launch.enrolment_id && launch.lesson_id) {
      const statuses = await itemStatuses(trx, pkg, manifest, launch);
      const scored = statuses.filter((s) => s.score !== null);
      const completed = statuses.every((s) => scoDone({ completion: s.completion as ScoOutcome["completion"], success: s.success as ScoOutcome["success"] }));
      const anyFailed = statuses.some((s) => s.success === "failed");
      const anyPassed = statuses.some((s) => s.success === "passed");
      await emitContentOutcome(trx, {
        agencyId: pkg.agency_id,
        employeeId: launch.employee_id,
        enrolmentId: launch.enrolment_id,
        lessonId: launch.lesson_id,
        completed,
        score: scored.length ? Math.round((scored.reduce((s, x) => s + (x.score ?? 0), 0) / scored.length) * 100) / 100 : null,
        passed: anyFailed ? false : anyPassed ? true : null,
      });
    }
  });
  return { result: true, errorCode: 0, completion: outcome.completion, success: outcome.success };
}

const CMI_2004_KEYS = [
  "completion_status",
  "success_status",
  "location",
  "suspend_data",
  "score",
  "exit",
  "interactions",
  "objectives",
  "session_time",
  "progress_measure",
  "learner_preference",
  "comments_from_learner",
];

function looksLikeCmi(standard: string, cmi: Record<string, unknown>): boolean {
  if (standard === "scorm12") return typeof cmi.core === "object" && cmi.core !== null;
  return CMI_2004_KEYS.some((k) => k in cmi);
}

/** Each launchable item with the latest attempt's status (score 0..100). */
export async function itemStatuses(
  db: Db,
  pkg: repo.ContentPackage,
  manifest: ScormManifest,
  launch: Pick<repo.ContentLaunch, "employee_id" | "enrolment_id">,
): Promise<ItemStatus[]> {
  const attempts = await repo.attemptsOf(db, { packageId: pkg.id, employeeId: launch.employee_id, enrolmentId: launch.enrolment_id });
  return manifest.launchable.map((i) => {
    const a = attempts.find((x) => x.item_id === i.identifier);
    return {
      id: i.identifier,
      title: i.title,
      completion: a?.completion ?? "not_attempted",
      success: a?.success ?? "unknown",
      score: a?.score_scaled === null || a?.score_scaled === undefined ? null : Math.round(a.score_scaled * 10000) / 100,
    };
  });
}
