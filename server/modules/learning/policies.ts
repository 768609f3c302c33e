import type { Role } from "../../db/schema.js";
import { type Actor, hasRoleOver, type ScopeTarget } from "../../platform/actor.js";

export const LEARNING_ADMIN: readonly Role[] = ["learning_admin"];
/** Roles that enrol people in their scope and see their progress. */
export const ENROLLERS: readonly Role[] = ["learning_admin", "hr_admin"];

/** A course (or run, lesson, module) as policies see it. */
export interface CourseTarget {
  agencyId: string;
  status: "draft" | "published" | "archived";
}

export interface RunTarget {
  agencyId: string;
  /** Employee ids of the run's facilitators. */
  facilitatorIds: string[];
}

const isLearningAdminOf = (a: Actor, agencyId: string) => a.grants.some((g) => g.role === "learning_admin" && g.agencyId === agencyId);
const isFacilitatorOf = (a: Actor, run: RunTarget) =>
  a.employeeId !== null && run.facilitatorIds.includes(a.employeeId) && a.grants.some((g) => g.role === "facilitator" && g.agencyId === run.agencyId);

/**
 * Who may do what with learning, declared once. Objects of another agency are
 * "not found" for everyone (see `visibleAgency`); inside the agency these
 * rules answer 403.
 */
export const learningPolicy = {
  /** Whether the agency's objects exist for this viewer at all: members and holders of a grant there. */
  visibleAgency: (a: Actor, agencyId: string) => a.agencyId === agencyId || a.grants.some((g) => g.agencyId === agencyId),
  /** Learners see published courses of their own agency; authors see drafts too. */
  viewCourse: (a: Actor, c: CourseTarget) => isLearningAdminOf(a, c.agencyId) || (c.status === "published" && a.agencyId === c.agencyId),
  author: (a: Actor, agencyId: string) => isLearningAdminOf(a, agencyId),
  manageRuns: (a: Actor, agencyId: string) => isLearningAdminOf(a, agencyId),
  /** A run's class list, attendance and grading: the agency's learning admins and the run's own facilitators. */
  facilitate: (a: Actor, run: RunTarget) => isLearningAdminOf(a, run.agencyId) || isFacilitatorOf(a, run),
  /** Enrol someone else: learning admins and HR admins whose grant covers the person's unit. */
  enrolOthers: (a: Actor, person: ScopeTarget) => hasRoleOver(a, ENROLLERS, person),
  /** An enrolment's progress: the learner, admins in scope, the run's facilitators. */
  viewEnrolment: (a: Actor, e: { employeeId: string; person: ScopeTarget; run: RunTarget }) =>
    a.employeeId === e.employeeId || hasRoleOver(a, ENROLLERS, e.person) || isFacilitatorOf(a, e.run),
  learnAs: (a: Actor, employeeId: string) => a.employeeId === employeeId,
  /** Mandatory-enrolment rules: learning admins whose grant covers the rule's unit (the agency for agency-wide rules). */
  manageRules: (a: Actor, t: ScopeTarget) => hasRoleOver(a, LEARNING_ADMIN, t),
  managePaths: (a: Actor, agencyId: string) => isLearningAdminOf(a, agencyId),
};
