/**
 * The cmi5 statement rules (cmi5 section 9) the LRS enforces for statements
 * an AU sends inside a cmi5 session: order in the session and the
 * registration, the launch mode, the mastery score, result and context
 * requirements. Pure: the caller loads the session and registration facts,
 * asks, and records what was accepted.
 */
export const VERB = {
  launched: "http://adlnet.gov/expapi/verbs/launched",
  initialized: "http://adlnet.gov/expapi/verbs/initialized",
  completed: "http://adlnet.gov/expapi/verbs/completed",
  passed: "http://adlnet.gov/expapi/verbs/passed",
  failed: "http://adlnet.gov/expapi/verbs/failed",
  abandoned: "https://w3id.org/xapi/adl/verbs/abandoned",
  waived: "https://w3id.org/xapi/adl/verbs/waived",
  terminated: "http://adlnet.gov/expapi/verbs/terminated",
  satisfied: "https://w3id.org/xapi/adl/verbs/satisfied",
  voided: "http://adlnet.gov/expapi/verbs/voided",
} as const;

export const CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
export const MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon";
export const EXT = {
  sessionId: "https://w3id.org/xapi/cmi5/context/extensions/sessionid",
  masteryScore: "https://w3id.org/xapi/cmi5/context/extensions/masteryscore",
  launchMode: "https://w3id.org/xapi/cmi5/context/extensions/launchmode",
  launchUrl: "https://w3id.org/xapi/cmi5/context/extensions/launchurl",
  moveOn: "https://w3id.org/xapi/cmi5/context/extensions/moveon",
  launchParameters: "https://w3id.org/xapi/cmi5/context/extensions/launchparameters",
  progress: "https://w3id.org/xapi/cmi5/result/extensions/progress",
  reason: "https://w3id.org/xapi/cmi5/result/extensions/reason",
} as const;

const LMS_ONLY: readonly string[] = [VERB.launched, VERB.abandoned, VERB.waived, VERB.satisfied];
const AU_DEFINED: readonly string[] = [VERB.initialized, VERB.completed, VERB.passed, VERB.failed, VERB.terminated];

export interface SessionFacts {
  sessionId: string;
  registration: string;
  /** The generated activity id of the AU (the launch URL's activityId). */
  auActivityId: string;
  /** The AU id from the course structure. */
  publisherId: string;
  launchMode: "Normal" | "Browse" | "Review";
  masteryScore: number | null;
  status: "launched" | "initialized" | "terminated" | "abandoned";
  /** cmi5 defined verbs the AU already used in this session. */
  verbsInSession: string[];
}

export interface RegistrationFacts {
  completed: boolean;
  passed: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function activityIds(list: unknown): string[] {
  if (!Array.isArray(list)) return isObj(list) && typeof list.id === "string" ? [list.id] : [];
  return list.filter(isObj).flatMap((a) => (typeof a.id === "string" ? [a.id] : []));
}

/** Whether the statement is cmi5 defined (carries the cmi5 category). */
export function isCmi5Defined(statement: Obj): boolean {
  const ca = isObj(statement.context) && isObj(statement.context.contextActivities) ? statement.context.contextActivities : {};
  return activityIds(ca.category).includes(CMI5_CATEGORY);
}

/** The problem with an AU statement in this session, or null when it may be stored. */
export function cmi5Problem(s: Obj, session: SessionFacts, reg: RegistrationFacts): string | null {
  const verb = isObj(s.verb) && typeof s.verb.id === "string" ? s.verb.id : "";
  const context = isObj(s.context) ? s.context : {};
  const ext = isObj(context.extensions) ? context.extensions : {};
  if (session.status === "terminated") return "The AU session has ended with a terminated statement";
  if (session.status === "abandoned") return "The AU session was abandoned; relaunch the AU";
  if (verb === VERB.voided) return "Content may not void statements";
  if (LMS_ONLY.includes(verb)) return `Only the LMS may send "${verb.split("/").pop()}" statements`;
  if (ext[EXT.sessionId] !== session.sessionId) return "The statement's context must carry the session id of the launch";
  if (context.registration !== session.registration) return "The statement's registration must be the launch registration";
  const ca = isObj(context.contextActivities) ? context.contextActivities : {};
  if (!activityIds(ca.grouping).includes(session.publisherId)) return "The context must keep the publisher id activity of the context template";
  const defined = activityIds(ca.category).includes(CMI5_CATEGORY);

  if (session.status === "launched" && verb !== VERB.initialized) return "The first statement of a session must be initialized";
  if (!defined) return null;

  if (!AU_DEFINED.includes(verb)) return "cmi5 defined statements use the cmi5 verbs only";
  const object = isObj(s.object) ? s.object : {};
  if (object.id !== session.auActivityId) return "The object of a cmi5 defined statement must be the AU (the launch activityId)";
  if (session.verbsInSession.includes(verb)) return `"${verb.split("/").pop()}" was already sent in this session`;
  if (verb === VERB.initialized && session.status !== "launched") return "initialized must be the first statement of the session";
  if (session.launchMode !== "Normal" && verb !== VERB.initialized && verb !== VERB.terminated) {
    return `In ${session.launchMode} mode an AU sends only initialized and terminated`;
  }
  if ((verb === VERB.passed || verb === VERB.failed) && (session.verbsInSession.includes(VERB.passed) || session.verbsInSession.includes(VERB.failed))) {
    return "Only one of passed or failed may be sent in a session";
  }
  if (verb === VERB.completed && reg.completed) return "completed was already sent in this registration";
  if (verb === VERB.passed && reg.passed) return "passed was already sent in this registration";
  if (verb === VERB.failed && reg.passed) return "failed may not follow passed in a registration";

  const result = isObj(s.result) ? s.result : null;
  const score = result && isObj(result.score) ? result.score : null;
  if (score && verb !== VERB.passed && verb !== VERB.failed) return "Only passed and failed statements may carry a score";
  const scaled = score && typeof score.scaled === "number" ? score.scaled : null;
  if (verb === VERB.passed && session.masteryScore !== null && scaled !== null && scaled < session.masteryScore) {
    return "passed needs a scaled score of at least the mastery score";
  }
  if (verb === VERB.failed && session.masteryScore !== null && scaled !== null && scaled >= session.masteryScore) {
    return "failed needs a scaled score below the mastery score";
  }
  if ((verb === VERB.passed || verb === VERB.failed) && session.masteryScore !== null && scaled !== null && ext[EXT.masteryScore] !== session.masteryScore) {
    return "passed and failed judged by the mastery score must carry it in the context";
  }
  const success = result ? result.success : undefined;
  const completion = result ? result.completion : undefined;
  if (verb === VERB.passed && success !== true) return "passed needs result.success true";
  if (verb === VERB.failed && success !== false) return "failed needs result.success false";
  if (verb !== VERB.passed && verb !== VERB.failed && success !== undefined) return "Only passed and failed carry result.success";
  if (verb === VERB.completed && completion !== true) return "completed needs result.completion true";
  if (verb !== VERB.completed && completion !== undefined) return "Only completed carries result.completion";
  const hasMoveOn = activityIds(ca.category).includes(MOVEON_CATEGORY);
  if ((success !== undefined || completion !== undefined) !== hasMoveOn)
    return "The moveon category goes with result.success or result.completion, and only with them";
  if ((verb === VERB.terminated || verb === VERB.completed || verb === VERB.passed || verb === VERB.failed) && typeof result?.duration !== "string") {
    return `"${verb.split("/").pop()}" needs result.duration`;
  }
  // progress in a completed statement is only discouraged (9.5.5.1 SHOULD NOT); its value must still be 0..100.
  const progress = result && isObj(result.extensions) ? result.extensions[EXT.progress] : undefined;
  if (progress !== undefined && !(Number.isInteger(progress) && (progress as number) >= 0 && (progress as number) <= 100)) {
    return "The progress extension must be an integer from 0 to 100";
  }
  return null;
}

export type MoveOn = "Passed" | "Completed" | "CompletedAndPassed" | "CompletedOrPassed" | "NotApplicable";

/** Whether an AU's moveOn criterion is met (cmi5 section 13.1.4). */
export function moveOnMet(moveOn: MoveOn, facts: { completed: boolean; passed: boolean; waived: boolean }): boolean {
  if (facts.waived) return true;
  switch (moveOn) {
    case "Passed":
      return facts.passed;
    case "Completed":
      return facts.completed;
    case "CompletedAndPassed":
      return facts.completed && facts.passed;
    case "CompletedOrPassed":
      return facts.completed || facts.passed;
    case "NotApplicable":
      return true;
  }
}
