import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, phonePage, type RunningServer, startServer } from "./harness";
import { currentUser, horizontalOverflow, openNav, signIn, signOut, visible } from "./helpers/ui";

const PASSWORD = "Demo-Abdi-2026";
const DOMAIN = "demo.abdi.go.id";

/** Each demo account and the role the home page must name in plain Indonesian. */
const ACCOUNTS = [
  { user: "hr", role: "Admin kepegawaian" },
  { user: "pimpinan", role: "Pimpinan" },
  { user: "atasan", role: "Atasan" },
  { user: "pegawai", role: "Pegawai" },
  { user: "kesehatan", role: "Petugas kesehatan" },
  { user: "pembelajaran", role: "Admin pembelajaran" },
  { user: "fasilitator", role: "Fasilitator" },
  { user: "operator", role: "Operator" },
] as const;

/** The hrefs of the navigation entries, read from the opened drawer. */
async function navTargets(page: Page): Promise<string[]> {
  const nav = await openNav(page);
  const links = await nav.getByRole("link").all();
  return Promise.all(links.map(async (l) => (await l.getAttribute("href")) ?? ""));
}

describe("sign-in with the demo accounts", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const navByUser = new Map<string, string[]>();

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    page = await phonePage(browser, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the demo accounts on the sign-in page and refuses a wrong password in Indonesian", async () => {
    await page.goto("/login");
    await visible(page.getByRole("heading", { level: 1, name: "Masuk" }));
    await visible(page.getByText("Akun demo"));
    for (const a of ACCOUNTS) await visible(page.getByText(`${a.user}@${DOMAIN}`, { exact: true }));
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);

    await signIn(page, `pegawai@${DOMAIN}`, "bukan-kata-sandinya");
    await visible(page.getByRole("alert").filter({ hasText: "NIP/email atau kata sandi salah" }));
    expect(new URL(page.url()).pathname).toBe("/login");
    await expectAccessible(page);
  });

  for (const account of ACCOUNTS) {
    it(`signs in as ${account.user}@, shows name, role and navigation, signs out`, async () => {
      await signIn(page, `${account.user}@${DOMAIN}`, PASSWORD);
      await page.waitForURL((url) => url.pathname === "/");
      const me = await currentUser(page);
      await visible(page.getByRole("heading", { level: 1, name: new RegExp(me.displayName) }));
      await visible(page.getByRole("main").getByText(account.role, { exact: true }));
      expect(await horizontalOverflow(page)).toBe(0);

      const targets = await navTargets(page);
      expect(targets).toContain("/");
      expect(targets).toContain("/profile");
      navByUser.set(account.user, targets);
      await expectAccessible(page);

      await page.keyboard.press("Escape");
      await signOut(page, me.displayName);
      await visible(page.getByRole("heading", { level: 1, name: "Masuk" }));
    });
  }

  it("gives HR more navigation than an ordinary employee", () => {
    const hr = navByUser.get("hr") ?? [];
    const employee = navByUser.get("pegawai") ?? [];
    expect(hr.length).toBeGreaterThan(employee.length);
    expect(employee.filter((to) => to.startsWith("/org/") || to.startsWith("/audit/"))).toEqual([]);
  });

  it("returns to the wanted page after signing in, and shows the profile", async () => {
    await page.goto("/profile");
    await page.waitForURL("**/login?next=%2Fprofile");
    await page.getByLabel("NIP atau email").fill(`pegawai@${DOMAIN}`);
    await page.getByLabel("Kata sandi", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await page.waitForURL("**/profile");
    await visible(page.getByRole("heading", { level: 1, name: "Profil" }));
    await visible(page.getByRole("heading", { name: "Perangkat yang sedang masuk" }));
    await visible(page.getByText("Perangkat ini", { exact: true }));
    await visible(page.getByRole("heading", { name: "Siapa yang membuka data saya" }));
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await signOut(page, (await currentUser(page)).displayName);
  });

  it("tells how long to wait after too many failed attempts", async () => {
    const login = `tidak-ada@${DOMAIN}`;
    await page.goto("/login");
    await page.getByLabel("NIP atau email").fill(login);
    const password = page.getByLabel("Kata sandi", { exact: true });
    const submit = page.getByRole("button", { name: "Masuk", exact: true });
    const wait = page.getByRole("alert").filter({ hasText: /Coba lagi dalam \d+ detik/ });
    for (let i = 0; i < 8 && !(await wait.isVisible()); i++) {
      await password.fill(`salah-${i}`);
      const answered = page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/login"));
      await submit.click();
      await answered;
    }
    await visible(wait);
  });

  it("forces a new password after HR resets it, then opens the app", async () => {
    // HR sets a one-time password for the facilitator through the API.
    const own = await browser.newContext({ baseURL: server.url });
    expect((await own.request.post("/api/v1/auth/login", { data: { login: `fasilitator@${DOMAIN}`, password: PASSWORD } })).status()).toBe(204);
    const { employeeId } = await (await own.request.get("/api/v1/auth/me")).json();
    await own.close();
    const hr = await browser.newContext({ baseURL: server.url });
    expect((await hr.request.post("/api/v1/auth/login", { data: { login: `hr@${DOMAIN}`, password: PASSWORD } })).status()).toBe(204);
    const hrMe = await (await hr.request.get("/api/v1/auth/me")).json();
    const reset = await hr.request.post(`/api/v1/employees/${employeeId}/reset-password`, { headers: { "x-csrf-token": hrMe.csrfToken }, data: {} });
    expect(reset.status()).toBe(200);
    const { temporaryPassword } = await reset.json();
    await hr.close();

    await signIn(page, `fasilitator@${DOMAIN}`, temporaryPassword);
    await page.waitForURL("**/change-password");
    await visible(page.getByRole("heading", { level: 1, name: "Ganti kata sandi" }));
    await expectAccessible(page);
    await page.goto("/profile");
    await page.waitForURL("**/change-password");

    await page.getByLabel("Kata sandi saat ini").fill(temporaryPassword);
    await page.getByLabel("Kata sandi baru", { exact: true }).fill("pendek");
    await page.getByLabel("Ulangi kata sandi baru").fill("pendek");
    await page.getByRole("button", { name: "Ganti kata sandi" }).click();
    await visible(page.getByText("Minimal 10 karakter", { exact: true }));

    await page.getByLabel("Kata sandi baru", { exact: true }).fill("Sawah-Hijau-2026!");
    await page.getByLabel("Ulangi kata sandi baru").fill("Sawah-Hijau-2026!");
    await page.getByRole("button", { name: "Ganti kata sandi" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await visible(page.getByRole("main").getByText("Fasilitator", { exact: true }));
    expect((await currentUser(page)).mustChangePassword).toBe(false);
  });
});
