import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, phonePage, type RunningServer, startServer } from "./harness";
import { ADMIN } from "./helpers/setup";
import { currentUser, horizontalOverflow, openNav, visible } from "./helpers/ui";

describe("first-run setup", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await phonePage(browser, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("sends every page of an empty installation to the setup page", async () => {
    await page.goto("/profile");
    await page.waitForURL("**/setup");
    await visible(page.getByRole("heading", { level: 1, name: "Penyiapan awal" }));
    await visible(page.getByRole("tab", { name: "Buat instansi" }));
    await visible(page.getByRole("tab", { name: "Muat data demo" }));
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
  });

  it("shows NIP errors next to the field: the form's own check and the server's", async () => {
    await page.getByLabel("Nama instansi").fill("Lembaga Administrasi Negara");
    await page.getByLabel("Kode instansi").fill("LAN");
    await page.getByLabel("Zona waktu").selectOption("Asia/Makassar");
    await page.getByLabel("Nama lengkap").fill(ADMIN.name);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Kata sandi", { exact: true }).fill(ADMIN.password);
    await page.getByLabel("Ulangi kata sandi").fill(ADMIN.password);

    const nip = page.getByLabel("NIP", { exact: true });
    await nip.fill("19850312");
    await page.getByRole("button", { name: "Buat instansi dan masuk" }).click();
    await visible(page.getByText("NIP harus terdiri dari 18 angka"));
    expect(await nip.getAttribute("aria-invalid")).toBe("true");

    // 18 digits, but month 13 is no birth date: only the server knows this rule.
    await nip.fill("198513122010011001");
    await page.getByRole("button", { name: "Buat instansi dan masuk" }).click();
    await visible(page.getByText("Angka 1–8 NIP bukan tanggal lahir yang valid"));
    expect(await nip.getAttribute("aria-invalid")).toBe("true");
    await visible(page.getByRole("alert").filter({ hasText: "Ada isian yang belum benar" }));
    await expectAccessible(page);
  });

  it("creates the agency and lands signed in on the home page", async () => {
    await page.getByLabel("NIP", { exact: true }).fill(ADMIN.nip);
    await page.getByRole("button", { name: "Buat instansi dan masuk" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await visible(page.getByRole("heading", { level: 1, name: new RegExp(ADMIN.name) }));
    await visible(page.getByText("Admin kepegawaian", { exact: true }));
    await visible(page.getByText("Operator", { exact: true }));
    const me = await currentUser(page);
    expect(me.displayName).toBe(ADMIN.name);

    const nav = await openNav(page);
    await visible(nav.getByRole("link", { name: "Beranda" }));
    await visible(nav.getByRole("link", { name: "Profil" }));
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
  });

  it("never shows the setup page again", async () => {
    await page.goto("/setup");
    await page.waitForURL((url) => url.pathname === "/");
    await visible(page.getByRole("heading", { level: 1, name: new RegExp(ADMIN.name) }));

    const stranger = await phonePage(browser, server.url);
    await stranger.goto("/setup");
    await stranger.waitForURL("**/login");
    await visible(stranger.getByRole("heading", { level: 1, name: "Masuk" }));
    await stranger.context().close();
  });
});
