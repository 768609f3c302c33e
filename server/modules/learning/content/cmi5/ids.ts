import { createHash } from "node:crypto";
import { platformOrigin } from "../../../lrs/agents.js";

/** How long a cmi5 session (and the credentials the fetch URL hands out) lasts. */
export const SESSION_TTL_MS = 8 * 3600_000;
export const LAUNCH_DATA = "LMS.LaunchData";

/**
 * The activity ids the platform generates (cmi5 8.1.5, 9.4): never the
 * publisher's id from the course structure, the same for every registration.
 */
export function auActivityId(packageId: string, auIndex: number): string {
  return `${platformOrigin()}/xapi/activities/cmi5/${packageId}/au/${auIndex + 1}`;
}
export function courseActivityId(packageId: string): string {
  return `${platformOrigin()}/xapi/activities/cmi5/${packageId}`;
}
export function blockActivityId(packageId: string, blockIndex: number): string {
  return `${platformOrigin()}/xapi/activities/cmi5/${packageId}/block/${blockIndex + 1}`;
}

export const hashFetchToken = (token: string) => createHash("sha256").update(token).digest("hex");
