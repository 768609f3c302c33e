import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, phonePage, type RunningServer, startServer } from "./harness";
import { demoLogin, signedInPage } from "./helpers/logbook";
import { horizontalOverflow, signIn, visible } from "./helpers/ui";

const REASON = "Mengantar anak kontrol ke rumah sakit";

describe("arrangement: HR rosters the week, an employee asks for WFH, the supervisor approves", () => {
  let server: RunningServer;
  let browser: Browser;
  let hr: Page;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    hr = await signedInPage(context, demoLogin("hr"));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("HR adds a policy version with an office cap; a cap above 100 % is shown at the field", async () => {
    await hr.goto("/arrangement/policy");
    await visible(hr.getByRole("heading", { level: 1, name: "Kebijakan WFH/WFO" }));
    await hr.getByLabel("Berlaku mulai").fill(new Date().toISOString().slice(0, 10));
    await hr.getByRole("textbox", { name: "Dasar hukum" }).fill("SE MenPANRB 67/2020");
    await hr.getByRole("button", { name: "Tambah kuota unit" }).click();
    const cap = hr.getByRole("textbox", { name: "Kuota (%)" });
    await cap.fill("140");
    await hr.getByRole("button", { name: "Simpan versi" }).click();
    await visible(hr.locator("[aria-invalid=true]"));
    await cap.fill("50");
    await hr.getByRole("button", { name: "Simpan versi" }).click();
    await visible(hr.getByText("Versi kebijakan tersimpan."));
    await visible(hr.getByText("SE MenPANRB 67/2020").first());
    await expectAccessible(hr);
  });

  it("HR generates next week's roster, overrides a cell and publishes", async () => {
    await hr.goto("/arrangement/roster");
    await visible(hr.getByRole("heading", { level: 1, name: "Jadwal kerja mingguan" }));
    await hr.getByRole("button", { name: "Buat jadwal" }).click();
    await visible(hr.getByText("Status: Draf"), 30_000);
    await visible(hr.getByRole("region", { name: "Jadwal pegawai per hari" }));
    await expectAccessible(hr);

    await hr.getByRole("region", { name: "Jadwal pegawai per hari" }).getByRole("button").first().click();
    const dialog = hr.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Mode kerja" }).click();
    await hr.getByRole("option", { name: "Dinas luar" }).click();
    await dialog.getByLabel("Catatan").fill("Rapat koordinasi di kementerian");
    await dialog.getByRole("button", { name: "Simpan perubahan" }).click();
    await visible(hr.getByText("diubah").first());

    await hr.getByRole("button", { name: "Terbitkan" }).click();
    await hr.getByRole("dialog").getByRole("button", { name: "Terbitkan" }).click();
    await visible(hr.getByText("Jadwal sudah terbit."));
  });

  it("the employee sees the week and asks for WFH; the supervisor approves", async () => {
    const employee = await phonePage(browser, server.url);
    await signIn(employee, demoLogin("pegawai"), "Demo-Abdi-2026");
    await employee.waitForURL((url) => url.pathname === "/");
    await employee.goto("/arrangement/my-week");
    await visible(employee.getByRole("heading", { level: 1, name: "Jadwal saya" }));
    await employee.getByRole("button", { name: "Minggu berikutnya" }).click();
    await visible(employee.getByRole("heading", { name: "Ajukan perubahan" }));
    expect(await horizontalOverflow(employee)).toBe(0);
    await expectAccessible(employee);

    await employee.getByRole("textbox", { name: "Tanggal" }).click();
    await employee.getByRole("option").first().click();
    await employee.getByLabel("Alasan").fill(REASON);
    await employee.getByRole("button", { name: "Kirim permintaan" }).click();
    await visible(employee.getByText("Permintaan terkirim ke atasan."));
    await visible(employee.getByText(REASON));

    const supervisor = await phonePage(browser, server.url);
    await signIn(supervisor, demoLogin("atasan"), "Demo-Abdi-2026");
    await supervisor.waitForURL((url) => url.pathname === "/");
    await supervisor.goto("/arrangement/requests");
    await visible(supervisor.getByText(REASON));
    await supervisor.getByRole("button", { name: "Setujui" }).first().click();
    await visible(supervisor.getByText("Disetujui").first());

    await employee.reload();
    await visible(employee.getByText("Disetujui").first());
  });
});
