import type { Locator, Page } from "playwright-core";

/** Waits until the locator is visible (Playwright's auto-waiting, no sleeps). */
export async function visible(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout });
}

/** Signs in through the form on /login, in whichever language the page shows. */
export async function signIn(page: Page, login: string, password: string, labels = { login: "NIP atau email", password: "Kata sandi", submit: "Masuk" }) {
  await page.goto("/login");
  await page.getByLabel(labels.login).fill(login);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
}

/** Opens the navigation drawer on a phone-sized page (no-op when it is already open). */
export async function openNav(page: Page, openLabel = "Buka menu navigasi"): Promise<Locator> {
  const burger = page.getByRole("button", { name: openLabel });
  if (await burger.isVisible()) await burger.click();
  const nav = page.getByRole("navigation");
  await visible(nav.getByRole("link").first());
  return nav;
}

/** Signs out through the user menu in the header. */
export async function signOut(page: Page, name: string, signOutLabel = "Keluar") {
  await page.getByRole("button", { name: new RegExp(escapeRegExp(name)) }).click();
  await page.getByRole("menuitem", { name: signOutLabel }).click();
  await page.waitForURL("**/login");
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The signed-in person as the API sees them, through the page's own cookies. */
export async function currentUser(page: Page): Promise<{ displayName: string; locale: string; mustChangePassword: boolean }> {
  const res = await page.request.get("/api/v1/auth/me");
  if (!res.ok()) throw new Error(`GET /auth/me answered ${res.status()}`);
  return res.json();
}

/** The page has no horizontal scrolling (everything fits the viewport width). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
