import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, phonePage, type RunningServer, startServer } from "./harness";
import { type Account, createUnitBelowTop, hrAccount } from "./helpers/org";
import { horizontalOverflow, signIn, visible } from "./helpers/ui";

const UNIT_CODE = "UJI-IMPOR";
const HEADER = "nip,nama,email,telepon,kode_unit,jabatan,jenis_pegawai,status,nip_atasan";
/** Five employees; the third (spreadsheet row 4) has a NIP whose digits 1-8 are no date (month 13). */
const ROWS = [
  ["199001012015031901", "Larasati Pramesti", "larasati.pramesti@uji.go.id", "081234567801", UNIT_CODE, "Analis Data", "PNS", "aktif", ""],
  ["199102022015032902", "Galih Saputra", "galih.saputra@uji.go.id", "", UNIT_CODE, "Analis Data", "PNS", "aktif", ""],
  ["199213302015031903", "Nurul Hidayah", "nurul.hidayah@uji.go.id", "", UNIT_CODE, "Analis Data", "PNS", "aktif", ""],
  ["199304042015031904", "Yohanes Manurung", "", "", UNIT_CODE, "Pengolah Data", "PPPK", "aktif", ""],
  ["199405052015032905", "Ketut Ayu Lestari", "", "", UNIT_CODE, "Pengolah Data", "PPPK", "aktif", "199001012015031901"],
];

/** Chooses a file through the FileInput's own file chooser, as a person would. */
async function chooseFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByLabel("Berkas impor", { exact: true }).click();
  await (await chooser).setFiles(file);
}

describe("employee import wizard", () => {
  let server: RunningServer;
  let browser: Browser;
  let account: Account;
  let dir: string;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    account = await hrAccount(server.url);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "abdi-import-"));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("dry-runs a CSV, reports the one bad NIP, imports the valid rows and finds them in the list (phone)", async () => {
    const page = await phonePage(browser, server.url);
    await signIn(page, account.login, account.password);
    await page.waitForURL((url) => url.pathname === "/");
    await createUnitBelowTop(page, UNIT_CODE, "Bidang Uji Impor");
    const csv = path.join(dir, "pegawai.csv");
    fs.writeFileSync(csv, `${[HEADER, ...ROWS.map((r) => r.join(","))].join("\n")}\n`);

    await page.goto("/org/import");
    await visible(page.getByRole("heading", { level: 1, name: "Impor pegawai" }));
    await visible(page.getByRole("link", { name: "Templat CSV" }));
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);

    await chooseFile(page, csv);
    await page.getByRole("button", { name: "Uji coba berkas" }).click();

    // The dry-run report: five rows, four would be created, one error on row 4 in column nip.
    await visible(page.getByRole("heading", { name: "Laporan uji coba" }));
    const errors = page.getByRole("table", { name: /kesalahan/ });
    await visible(errors);
    const rows = errors.getByRole("row");
    expect(await rows.count()).toBe(2);
    const cells = await rows.nth(1).getByRole("cell").allInnerTexts();
    expect(cells[0]).toBe("4");
    expect(cells[1]).toBe("nip");
    expect(cells[2]).toBe("Angka 1–8 NIP bukan tanggal lahir yang valid");
    await visible(page.getByText("Akan dibuat"));
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Impor baris yang valid" }).click();
    const result = page.getByRole("alert").filter({ hasText: "Impor selesai" });
    await visible(result);
    expect((await result.textContent()) ?? "").toContain("4 pegawai dibuat dan 0 diperbarui");
    await visible(page.getByRole("table", { name: /Impor dan uji coba terakhir/ }));

    await page.getByRole("link", { name: "Lihat daftar pegawai" }).click();
    await page.waitForURL((url) => url.pathname === "/org/employees");
    await page.getByLabel("Cari").fill("Larasati");
    const found = page.getByRole("link", { name: "Larasati Pramesti" });
    await visible(found);
    await page.waitForURL((url) => url.searchParams.get("q") === "Larasati");
    await visible(page.getByText("1 pegawai", { exact: true }));
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it("refuses a PNG with a clear unsupported-file message", async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 }, locale: "id-ID" });
    const page = await context.newPage();
    await signIn(page, account.login, account.password);
    await page.waitForURL((url) => url.pathname === "/");
    const png = path.join(dir, "foto.png");
    // The PNG signature and an IHDR chunk start: the server judges the content, not the name.
    fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));

    await page.goto("/org/import");
    await chooseFile(page, png);
    await page.getByRole("button", { name: "Uji coba berkas" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Jenis berkas tidak didukung" });
    await visible(alert);
    expect((await alert.textContent()) ?? "").toContain("Berkas ini gambar PNG");
    // Still on the first step: nothing was checked.
    await visible(page.getByRole("button", { name: "Uji coba berkas" }));
    await expectAccessible(page);
    await context.close();
  });
});
