import type { JsonObject } from "./validate/primitives.js";

/** The origin the platform's own agents and activities live under. */
export function platformOrigin(): string {
  const url = process.env.ABDI_PUBLIC_URL;
  if (url) {
    try {
      return new URL(url).origin;
    } catch {
      // fall through to the default
    }
  }
  return "https://abdi.go.id";
}

/** The xAPI agent of an employee of the platform. */
export function employeeAgent(employeeId: string, name?: string): JsonObject {
  return { objectType: "Agent", ...(name ? { name } : {}), account: { homePage: platformOrigin(), name: employeeId } };
}

export function employeeAgentKey(employeeId: string): string {
  return `account:${platformOrigin()}|${employeeId}`;
}
