import { randomUUID } from "node:crypto";
import type { Db } from "../../platform/context.js";
import { type LearningEvent, onLearningEvent } from "../learning/events.js";
import { employeeAgent, platformOrigin } from "./agents.js";
import type { Principal } from "./credentials.js";
import { storeStatementsIn } from "./statements-store.js";
import type { JsonObject } from "./validate/primitives.js";

const ADL = "http://adlnet.gov/expapi/verbs";
/** The client id written for statements the platform records itself. */
export const PLATFORM_CLIENT_ID = "00000000-0000-4000-8000-000000000000";

const verb = (id: string, en: string, idn: string): JsonObject => ({ id, display: { "en-US": en, id: idn } });
const VERBS = {
  attempted: verb(`${ADL}/attempted`, "attempted", "memulai"),
  completed: verb(`${ADL}/completed`, "completed", "menyelesaikan"),
  answered: verb(`${ADL}/answered`, "answered", "menjawab"),
  passed: verb(`${ADL}/passed`, "passed", "lulus"),
  failed: verb(`${ADL}/failed`, "failed", "tidak lulus"),
  earned: verb("http://id.tincanapi.com/verb/earned", "earned", "memperoleh"),
};

const ACTIVITY_TYPES: Record<string, string> = {
  course: "http://adlnet.gov/expapi/activities/course",
  lesson: "http://adlnet.gov/expapi/activities/lesson",
  quiz: "http://adlnet.gov/expapi/activities/assessment",
  question: "http://adlnet.gov/expapi/activities/cmi.interaction",
  certificate: "https://w3id.org/xapi/openbadges/activity-types/badge",
};

function activity(kind: keyof typeof ACTIVITY_TYPES, id: string): JsonObject {
  return { objectType: "Activity", id: `${platformOrigin()}/xapi/activities/${kind}/${id}`, definition: { type: ACTIVITY_TYPES[kind] } };
}

const parent = (courseId: string): JsonObject => ({ contextActivities: { parent: [activity("course", courseId)] } });

/** The xAPI statement that records a learning fact of the platform. */
export function statementOf(e: LearningEvent): JsonObject {
  const base = { id: randomUUID(), actor: employeeAgent(e.employeeId), timestamp: e.at };
  const platform = { platform: "Abdi" };
  switch (e.kind) {
    case "course_started":
      return { ...base, verb: VERBS.attempted, object: activity("course", e.courseId), context: { registration: e.enrolmentId, ...platform } };
    case "course_completed":
      return {
        ...base,
        verb: VERBS.completed,
        object: activity("course", e.courseId),
        result: { completion: true, extensions: { [`${platformOrigin()}/xapi/extensions/jp`]: e.jp } },
        context: { registration: e.enrolmentId, ...platform },
      };
    case "lesson_completed":
      return {
        ...base,
        verb: VERBS.completed,
        object: activity("lesson", e.lessonId),
        result: { completion: true },
        context: { registration: e.enrolmentId, ...platform, ...parent(e.courseId) },
      };
    case "quiz_answered":
      return {
        ...base,
        verb: VERBS.answered,
        object: activity("question", e.questionId),
        ...(e.correct === null ? {} : { result: { success: e.correct } }),
        context: { ...platform, contextActivities: { parent: [activity("quiz", e.lessonId)], grouping: [activity("course", e.courseId)] } },
      };
    case "quiz_submitted":
      return {
        ...base,
        verb: e.passed ? VERBS.passed : VERBS.failed,
        object: activity("quiz", e.lessonId),
        result: { score: { scaled: Math.max(0, Math.min(1, e.scaled)) }, success: e.passed, completion: true },
        context: { ...platform, ...parent(e.courseId) },
      };
    case "certificate_issued":
      return {
        ...base,
        verb: VERBS.earned,
        object: activity("certificate", e.certificateId),
        result: { response: e.number },
        context: { ...platform, ...parent(e.courseId) },
      };
  }
}

function platformPrincipal(agencyId: string): Principal {
  return {
    clientId: PLATFORM_CLIENT_ID,
    agencyId,
    key: "abdi-platform",
    scopes: new Set(["all"]),
    authority: { objectType: "Agent", name: "Abdi", account: { homePage: platformOrigin(), name: "abdi-platform" } },
    learnerKey: null,
  };
}

/** Stores the statement of one learning fact in the transaction that made it. */
export async function recordLearningEvent(trx: Db, e: LearningEvent): Promise<void> {
  await storeStatementsIn(trx, { principal: platformPrincipal(e.agencyId), version: "2.0.0", statements: [statementOf(e)], parts: new Map() });
}

let unregister: (() => void) | null = null;

/** Records every learning event of the platform as an xAPI statement (call once at start; calling again is harmless). */
export function registerLearningRecorder(): () => void {
  if (!unregister) {
    const off = onLearningEvent(recordLearningEvent);
    unregister = () => {
      off();
      unregister = null;
    };
  }
  return unregister;
}
