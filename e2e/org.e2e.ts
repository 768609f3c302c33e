import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, type RunningServer, startServer } from "./harness";
import { type Account, hrAccount } from "./helpers/org";
import { horizontalOverflow, signIn, visible } from "./helpers/ui";

const UNIT = { name: "Bidang Uji Otomatis", code: "UJI-E2E" };
const PERSON = { name: "Dewi Anggraini", nip: "198807142014022003", email: "dewi.anggraini@uji.go.id" };

describe("organisation: units, employees, audit", () => {
  let server: RunningServer;
  let browser: Browser;
  let account: Account;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    account = await hrAccount(server.url);
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 }, locale: "id-ID", timezoneId: "Asia/Jakarta" });
    page = await context.newPage();
    await signIn(page, account.login, account.password);
    await page.waitForURL((url) => url.pathname === "/");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("creates a unit below the top unit and a position in it", async () => {
    await page.goto("/org/units");
    await visible(page.getByRole("tree", { name: "Pohon unit kerja" }));
    await expectAccessible(page);

    // The top unit is open by default; its sub-unit is created from there.
    await page.getByRole("button", { name: "Tambah subunit" }).click();
    const dialog = page.getByRole("dialog", { name: "Subunit baru" });
    await dialog.getByLabel("Nama unit").fill(UNIT.name);
    await dialog.getByLabel("Kode unit").fill(UNIT.code);
    await dialog.getByRole("button", { name: "Buat unit" }).click();
    await visible(page.getByRole("heading", { level: 2, name: UNIT.name }));
    await visible(page.getByRole("treeitem", { name: new RegExp(UNIT.name) }));
    await dialog.waitFor({ state: "hidden" });

    await page.getByRole("tab", { name: "Jabatan" }).click();
    await page.getByRole("button", { name: "Tambah jabatan" }).click();
    const positionDialog = page.getByRole("dialog", { name: "Jabatan baru" });
    await positionDialog.getByLabel("Nama jabatan").fill("Analis Uji");
    await positionDialog.getByRole("button", { name: "Simpan" }).click();
    await visible(page.getByRole("table", { name: `Jabatan di ${UNIT.name}` }).getByRole("cell", { name: "Analis Uji" }));
    await expectAccessible(page);
  });

  it("creates an employee in the new unit: a bad NIP first shows the field error", async () => {
    await page.getByRole("link", { name: "Lihat 0 pegawai aktif" }).click();
    await page.waitForURL((url) => url.pathname === "/org/employees" && url.searchParams.has("unit"));
    await visible(page.getByText("Tidak ada pegawai yang cocok dengan pencarian ini."));
    await page.getByRole("link", { name: "Tambah pegawai" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Pegawai baru" }));

    const nip = page.getByLabel(/^NIP/);
    await nip.fill("12345");
    await page.getByLabel(/^Nama/).fill(PERSON.name);
    await page.getByLabel("Email").fill(PERSON.email);
    // The unit comes from the list's filter; its positions fill the next select.
    expect(await page.getByRole("textbox", { name: /^Unit kerja/ }).inputValue()).toBe(`${UNIT.name} (${UNIT.code})`);
    await page.getByRole("textbox", { name: "Jabatan" }).click();
    await page.getByRole("option", { name: "Analis Uji" }).click();
    await page.getByRole("button", { name: "Simpan pegawai" }).click();

    await visible(page.getByText("NIP harus terdiri dari 18 angka"));
    expect(await nip.getAttribute("aria-invalid")).toBe("true");
    expect(new URL(page.url()).pathname).toBe("/org/employees/new");
    await expectAccessible(page);

    await nip.fill(PERSON.nip);
    await page.getByRole("button", { name: "Simpan pegawai" }).click();
    await page.waitForURL((url) => /^\/org\/employees\/[0-9a-f-]{36}$/.test(url.pathname));
    await visible(page.getByRole("heading", { level: 1, name: PERSON.name }));
    // HR in scope sees the full NIP, and what it encodes.
    await visible(page.getByText(PERSON.nip, { exact: true }));
    await visible(page.getByText("14 Juli 1988"));
    await visible(page.getByText(`Analis Uji · ${UNIT.name}`));
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
  });

  it("lists the employee.created event in the audit trail", async () => {
    await page.getByRole("link", { name: "Riwayat perubahan" }).click();
    await page.waitForURL((url) => url.pathname === "/audit/events" && url.searchParams.has("subject"));
    await visible(page.getByText("employee.created", { exact: true }));
    await visible(page.getByRole("link", { name: `Pegawai: ${PERSON.name}` }));

    await page.goto("/audit/events");
    await page.getByRole("textbox", { name: "Tindakan (awalan)" }).fill("employee.created");
    await page.waitForURL((url) => url.searchParams.get("action") === "employee.created");
    await visible(page.getByRole("link", { name: `Pegawai: ${PERSON.name}` }));
    await expectAccessible(page);
  });
});
