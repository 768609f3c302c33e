import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, phonePage, type RunningServer, startServer } from "./harness";
import { DEMO_PASSWORD, demoLogin } from "./helpers/logbook";
import { horizontalOverflow, signIn, visible } from "./helpers/ui";

const NEW_TARGET = "Terselenggaranya sosialisasi layanan pengaduan daring";

describe("logbook: performance targets and the work calendar, on a phone", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const year = String(new Date().getFullYear());

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    page = await phonePage(browser, server.url);
    await signIn(page, demoLogin("pegawai"), DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === "/");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("lists the demo targets and adds one with an indicator", async () => {
    await page.goto("/logbook/targets");
    await visible(page.getByRole("heading", { level: 1, name: "Sasaran kinerja (SKP)" }));
    const list = page.getByRole("list", { name: `Daftar RHK periode ${year}` });
    await visible(list.getByRole("listitem").first());
    expect(
      await list
        .getByRole("listitem")
        .filter({ has: page.getByRole("button", { name: "Ubah" }) })
        .count(),
    ).toBeGreaterThanOrEqual(2);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Tambah RHK" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Rencana hasil kerja").fill(NEW_TARGET);
    await dialog.getByLabel("Nama indikator").fill("Kegiatan sosialisasi yang terlaksana");
    await dialog.getByLabel("Target").fill("6");
    await dialog.getByLabel("Satuan").fill("kegiatan");
    await dialog.getByRole("button", { name: "Simpan RHK" }).click();
    await visible(list.getByText(NEW_TARGET));
    await visible(list.getByText("Kegiatan sosialisasi yang terlaksana", { exact: false }));
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
  });

  it("shows the year's holidays on the work calendar", async () => {
    await page.goto("/logbook/calendar");
    await visible(page.getByRole("heading", { level: 1, name: "Kalender kerja" }));
    await page.getByLabel("Tahun", { exact: true }).selectOption("2026");
    await visible(page.getByText("Proklamasi Kemerdekaan Republik Indonesia"));
    await visible(page.getByRole("heading", { name: /Agustus 2026/i }));
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
  });
});
