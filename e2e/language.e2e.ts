import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, phonePage, type RunningServer, startServer } from "./harness";
import { ADMIN, setUpThroughApi } from "./helpers/setup";
import { currentUser, openNav, signIn, visible } from "./helpers/ui";

const EN_LABELS = { login: "NIP or email", password: "Password", submit: "Sign in" };

/** Picks a language in the ID | EN switch of the page header. */
async function pickInHeader(page: Page, language: "Bahasa Indonesia" | "English") {
  await page
    .getByRole("radiogroup", { name: /^(Bahasa|Language)$/ })
    .getByText(language === "English" ? "EN" : "ID", { exact: true })
    .click();
}

describe("language", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    await setUpThroughApi(server.url, "id");
    browser = await launchBrowser();
    page = await phonePage(browser, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("switches the sign-in page to English at once and keeps it after a reload", async () => {
    await page.goto("/login");
    await visible(page.getByRole("heading", { level: 1, name: "Masuk" }));
    await visible(page.getByLabel("NIP atau email"));

    await pickInHeader(page, "English");
    await visible(page.getByRole("heading", { level: 1, name: "Sign in" }));
    await visible(page.getByLabel("NIP or email"));
    await visible(page.getByRole("button", { name: "Sign in", exact: true }));
    expect(await page.getByText("Kata sandi", { exact: true }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");

    await page.reload();
    await visible(page.getByRole("heading", { level: 1, name: "Sign in" }));
    await expectAccessible(page);
  });

  it("keeps the language chosen before signing in, and saves it to the account", async () => {
    await signIn(page, ADMIN.email, ADMIN.password, EN_LABELS);
    await page.waitForURL((url) => url.pathname === "/");
    await visible(page.getByRole("heading", { level: 1, name: /^Good (morning|day|afternoon|evening), Siti Rahmawati$/ }));
    await visible(page.getByText("HR admin", { exact: true }));
    const nav = await openNav(page, "Open navigation menu");
    await visible(nav.getByRole("link", { name: "Home" }));
    expect((await currentUser(page)).locale).toBe("en");
    await expectAccessible(page);
  });

  it("switches back to Indonesian after sign-in, for every visible text, and persists it", async () => {
    await page.goto("/profile");
    await visible(page.getByRole("heading", { level: 1, name: "Profile" }));
    await visible(page.getByRole("heading", { name: "Signed-in devices" }));

    await pickInHeader(page, "Bahasa Indonesia");
    await visible(page.getByRole("heading", { level: 1, name: "Profil" }));
    await visible(page.getByRole("heading", { name: "Perangkat yang sedang masuk" }));
    await visible(page.getByRole("heading", { name: "Ganti kata sandi" }));
    expect(await page.getByText("Signed-in devices").count()).toBe(0);
    await expect.poll(async () => (await currentUser(page)).locale).toBe("id");

    await page.reload();
    await visible(page.getByRole("heading", { level: 1, name: "Profil" }));
    await expectAccessible(page);
  });

  it("changes the language from the profile page, and a new device gets it from the account", async () => {
    await page.getByRole("main").getByRole("radio", { name: "English" }).check();
    await visible(page.getByRole("heading", { level: 1, name: "Profile" }));
    await expect.poll(async () => (await currentUser(page)).locale).toBe("en");

    // A fresh browser (Indonesian by default) learns the saved choice at sign-in.
    const other = await phonePage(browser, server.url);
    await signIn(other, ADMIN.email, ADMIN.password);
    await other.waitForURL((url) => url.pathname === "/");
    await visible(other.getByRole("heading", { level: 1, name: /^Good (morning|day|afternoon|evening), Siti Rahmawati$/ }));
    await other.reload();
    await visible(other.getByText("HR admin", { exact: true }));
    await other.context().close();
  });
});
