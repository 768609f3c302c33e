import type { Actor } from "../../../platform/actor.js";

/** Privacy operations, declared once. */
export const privacyPolicy = {
  /** Everyone with an employee record may download everything about themself. */
  exportOwn: (a: Actor) => a.employeeId !== null,
  /** Retention runs over every agency of the installation: operators only. */
  runRetention: (a: Actor) => a.isOperator,
};
