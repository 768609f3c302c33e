import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, phonePage, type RunningServer, startServer } from "./harness";
import { apiAs, createOffice, DEMO_PASSWORD, demoLogin, EMPLOYEE_NAME, OFFICE, phoneAtOffice, signedInPage } from "./helpers/logbook";
import { blockOtherHosts, boardCard, boardCount, openBoard, readXlsx } from "./helpers/monitoring";
import { horizontalOverflow, signIn, visible } from "./helpers/ui";

describe("monitoring: a leader follows today's board live, drills down, downloads and opens the map", () => {
  let server: RunningServer;
  let browser: Browser;
  let leader: Page;
  let leaderContext: BrowserContext;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    const pegawai = await apiAs(server.url, demoLogin("pegawai"));
    await createOffice(server.url, pegawai.me.unitId);
    await pegawai.context.dispose();
    // The leader on a phone-sized screen, with every host but the app's own server unreachable (no tile server).
    leader = await phonePage(browser, server.url);
    leaderContext = leader.context();
    await blockOtherHosts(leaderContext, server.url);
    await signIn(leader, demoLogin("pimpinan"), DEMO_PASSWORD);
    await leader.waitForURL((url) => url.pathname === "/");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the board shows a new check-in without a reload", async () => {
    await openBoard(leader);
    expect(await horizontalOverflow(leader)).toBe(0);
    await expectAccessible(leader);

    const checkedIn = await boardCount(leader, "Sudah check-in");
    const notYet = await boardCount(leader, "Belum check-in");
    expect(notYet).toBeGreaterThan(0);
    await leader.evaluate(() => {
      (window as unknown as { stillHere?: boolean }).stillHere = true;
    });

    const employee = await signedInPage(await phoneAtOffice(browser, server.url), demoLogin("pegawai"));
    await employee.goto("/logbook/today");
    await employee.getByRole("button", { name: "Presensi masuk" }).click();
    await visible(employee.getByText(`Di kantor: ${OFFICE.name}`));
    await employee.context().close();

    await expect.poll(() => boardCount(leader, "Sudah check-in"), { timeout: 15_000 }).toBe(checkedIn + 1);
    expect(await boardCount(leader, "Belum check-in")).toBe(notYet - 1);
    expect(await leader.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await visible(leader.locator("[data-live-state=live]"));
  }, 150_000);

  it("drills down to those not checked in and downloads the list as a valid XLSX file", async () => {
    const expected = await boardCount(leader, "Belum check-in");
    await boardCard(leader, "Belum check-in").click();
    const drawer = leader.getByRole("dialog", { name: "Belum check-in" });
    await visible(drawer.getByRole("listitem").first());
    await visible(drawer.getByText(new RegExp(`· ${expected.toLocaleString("id-ID")} pegawai$`)));
    await expectAccessible(leader);

    const [download] = await Promise.all([leader.waitForEvent("download"), drawer.getByRole("button", { name: "Unduh XLSX" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const sheet = await readXlsx(file);
    expect(sheet.header).toContain("Nama");
    expect(sheet.rows.length).toBe(expected);
    expect(sheet.rows.some((r) => r[0] === EMPLOYEE_NAME)).toBe(false);

    // Searching narrows the list; the employee who checked in is not in it.
    await drawer.getByLabel("Cari nama atau NIP").fill(EMPLOYEE_NAME);
    await visible(drawer.getByText("Tidak ada pegawai dalam daftar ini."));
    await drawer.getByRole("button", { name: "Tutup daftar" }).click();
  }, 150_000);

  it("finds the employee among those checked in and opens their calendar", async () => {
    await boardCard(leader, "Sudah check-in").click();
    const drawer = leader.getByRole("dialog", { name: "Sudah check-in" });
    await drawer.getByLabel("Cari nama atau NIP").fill(EMPLOYEE_NAME);
    const row = drawer.getByRole("listitem", { name: EMPLOYEE_NAME });
    await visible(row.getByText(/^Masuk \d{2}[.:]\d{2}$/));
    await row.getByRole("link", { name: EMPLOYEE_NAME }).click();
    await leader.waitForURL((url) => url.pathname.startsWith("/monitoring/employees/"));
    await visible(leader.getByRole("heading", { level: 1, name: EMPLOYEE_NAME }));
    await visible(leader.getByRole("img", { name: /WFO/ }));
    await visible(leader.getByRole("list", { name: "Keterangan kalender" }));
    expect(await horizontalOverflow(leader)).toBe(0);
    await expectAccessible(leader);
  }, 150_000);

  it("opens the map without a tile server: the office outline, its label and the check-in are drawn", async () => {
    await leader.goto("/monitoring/map");
    await visible(leader.getByRole("heading", { level: 1, name: "Peta kehadiran" }));
    // Only the map's own menu entry is current, not also the board's (/monitoring).
    expect(await leader.locator('nav [aria-current="page"]').count()).toBe(1);
    await visible(leader.getByText("Di kantor: 1"));
    await visible(leader.locator(".leaflet-tooltip").getByText(OFFICE.name));
    // The office circle and the check-in cluster are vector paths on the plain background; no tile image is loaded.
    await expect.poll(() => leader.locator(".leaflet-overlay-pane path").count()).toBeGreaterThanOrEqual(2);
    expect(await leader.locator(".leaflet-tile-pane img").count()).toBe(0);
    expect(await horizontalOverflow(leader)).toBe(0);
    await expectAccessible(leader);
  }, 150_000);

  it("HR, who may see exact positions, gets the point with a popup", async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 }, locale: "id-ID", timezoneId: "Asia/Jakarta" });
    await blockOtherHosts(context, server.url);
    const hr = await signedInPage(context, demoLogin("hr"));
    await hr.goto("/monitoring/map");
    await visible(hr.getByText("Posisi persis setiap pegawai."));
    const points = hr.locator('.leaflet-overlay-pane path[stroke="#ffffff"]');
    await expect.poll(() => points.count()).toBeGreaterThan(0);
    // The click goes to the point's own shape (a click at screen coordinates can land beside it while the map
    // still settles its zoom on a busy machine); it is repeated until the map has handled one.
    const popup = hr.locator(".leaflet-popup");
    await expect
      .poll(
        async () => {
          await points.last().dispatchEvent("click");
          return popup.count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    await visible(popup.getByText(/Check-in \d{2}[.:]\d{2} · (WFO|WFH|Dinas luar|Cuti|Sakit)/));
    await expectAccessible(hr);
    await context.close();
  }, 150_000);

  it("shows the trends with labelled charts", async () => {
    await leader.goto("/monitoring/trends");
    await visible(leader.getByRole("heading", { level: 1, name: "Tren kinerja" }));
    await visible(leader.getByRole("figure", { name: "Kepatuhan check-in dan laporan" }));
    // RHK activity arrives on its own request and fills its chart.
    const rhk = leader.getByRole("figure", { name: "Kegiatan per RHK" });
    await visible(rhk);
    await expect.poll(() => rhk.locator(".recharts-bar-rectangle").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await horizontalOverflow(leader)).toBe(0);
    await expectAccessible(leader);

    const perUnit = leader.getByRole("region", { name: "Per unit" });
    const [table] = await Promise.all([leader.waitForEvent("download"), perUnit.getByRole("button", { name: "Unduh XLSX" }).click()]);
    expect(table.suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await readXlsx(await table.path())).header.length).toBeGreaterThan(1);

    const weekly = leader.getByRole("region", { name: "Laporan mingguan unit" });
    const [pdf] = await Promise.all([leader.waitForEvent("download"), weekly.getByRole("button", { name: "Unduh PDF" }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  }, 150_000);
});
