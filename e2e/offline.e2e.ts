import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type RunningServer, startServer } from "./harness";
import { type ApiSession, apiAs, createOffice, demoLogin, fillFirstActivity, OFFICE, phoneAtOffice, signedInPage } from "./helpers/logbook";
import { visible } from "./helpers/ui";

interface Report {
  activities: { description: string }[];
}

describe("logbook offline: queued while offline, sent once when back, never twice", () => {
  let server: RunningServer;
  let browser: Browser;
  let api: ApiSession;
  let day: string;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    api = await apiAs(server.url, demoLogin("pegawai"));
    day = (await api.get<{ date: string }>("/me/today")).date;
    await createOffice(server.url, api.me.unitId);
  });

  afterAll(async () => {
    await api?.context.dispose();
    await browser?.close();
    await server?.stop();
  });

  describe("the outbox (service worker blocked, so only the page's own requests are in play)", () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await phoneAtOffice(browser, server.url, { serviceWorkers: "block" });
      page = await signedInPage(context, demoLogin("pegawai"));
      await page.goto("/logbook/today");
      await visible(page.getByRole("button", { name: "Presensi masuk" }));
    });

    it("keeps the check-in and the draft on the device while offline", async () => {
      await context.setOffline(true);
      await visible(page.getByText("Anda sedang luring"));

      await page.getByRole("button", { name: "Presensi masuk" }).click();
      await visible(page.getByText("Presensi masuk menunggu dikirim"));

      await fillFirstActivity(page, "Rekap pengaduan versi pertama");
      await page.getByRole("button", { name: "Simpan draf" }).click();
      await visible(page.getByTestId("outbox-count").getByText("2 menunggu dikirim"));
      await visible(page.getByText("Draf menunggu dikirim"));

      // A second edit of the draft, still offline: it replaces the first one in the queue.
      const description = page.getByRole("group", { name: "Kegiatan 1" }).getByLabel("Uraian kegiatan");
      await expect.poll(() => description.inputValue()).toBe("Rekap pengaduan versi pertama");
      await description.fill("Rekap pengaduan versi akhir");
      await page.getByRole("button", { name: "Simpan draf" }).click();
      await expect.poll(() => description.inputValue()).toBe("Rekap pengaduan versi akhir");
      await visible(page.getByTestId("outbox-count").getByText("2 menunggu dikirim"));
    });

    it("sends everything when back online, and the page shows the server's answer", async () => {
      await context.setOffline(false);
      await visible(page.getByText(`Di kantor: ${OFFICE.name}`));
      await page.getByTestId("outbox-count").waitFor({ state: "detached" });
      await page.getByText("Draf menunggu dikirim").waitFor({ state: "detached" });

      const checkins = await api.get<{ items: { kind: string }[] }>(`/employees/${api.me.employeeId}/checkins?from=${day}&to=${day}`);
      expect(checkins.items).toHaveLength(1);
      const report = await api.get<Report>(`/me/reports/${day}`);
      expect(report.activities.map((a) => a.description)).toEqual(["Rekap pengaduan versi akhir"]);
    });
  });

  describe("the installed app (service worker on)", () => {
    it("opens the day page from the cache when the server cannot be reached", async () => {
      const context = await phoneAtOffice(browser, server.url, { serviceWorkers: "allow" });
      const page = await signedInPage(context, demoLogin("pegawai"));
      await page.goto("/logbook/today");
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      // Once the worker controls the page, its reads of the day go through the worker's cache.
      await page.reload();
      await visible(page.getByText(`Di kantor: ${OFFICE.name}`));
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

      await server.stop();
      await page.reload();
      await visible(page.getByRole("heading", { level: 1, name: "Hari ini" }));
      await visible(page.getByText(`Di kantor: ${OFFICE.name}`));
      const description = page.getByRole("group", { name: "Kegiatan 1" }).getByLabel("Uraian kegiatan");
      await expect.poll(() => description.inputValue()).toBe("Rekap pengaduan versi akhir");
    });
  });
});
