import type { Actor } from "../../../platform/actor.js";

/** The working calendar is national: everyone signed in reads it, only operators of the installation change it. */
export const calendarPolicy = {
  view: (a: Actor) => a.userId.length > 0,
  manage: (a: Actor) => a.isOperator,
};
