import type { Page } from "playwright-core";
import { ADMIN, setUpThroughApi } from "./setup";

export const DEMO_HR = { login: "hr@demo.abdi.go.id", password: "Demo-Abdi-2026" };

export interface Account {
  login: string;
  password: string;
}

/**
 * An agency-wide HR admin to sign in with: the demo HR admin when the server
 * runs with demo data, otherwise the first-run administrator created through
 * the setup API.
 */
export async function hrAccount(baseUrl: string): Promise<Account> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(DEMO_HR),
  });
  if (res.status === 204) return DEMO_HR;
  await setUpThroughApi(baseUrl);
  return { login: ADMIN.email, password: ADMIN.password };
}

/** Calls the API with the page's session cookie and CSRF token, as the web app does. */
export async function apiCall<T>(page: Page, method: "GET" | "POST" | "PATCH", path: string, body?: unknown): Promise<T> {
  const me = await page.request.get("/api/v1/auth/me");
  if (!me.ok()) throw new Error(`GET /auth/me answered ${me.status()}`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.fetch(`/api/v1${path}`, { method, headers: { "x-csrf-token": csrfToken }, data: body });
  if (!res.ok()) throw new Error(`${method} ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

interface UnitOut {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
}

/** Creates a unit with a known code right below the agency's top unit. */
export async function createUnitBelowTop(page: Page, code: string, name: string): Promise<UnitOut> {
  const units = await apiCall<UnitOut[]>(page, "GET", "/units");
  const top = units.find((u) => u.parentId === null);
  if (!top) throw new Error("the agency has no top unit");
  return apiCall<UnitOut>(page, "POST", "/units", { parentId: top.id, code, name, timezone: "Asia/Makassar" });
}
