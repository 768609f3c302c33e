import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, phonePage, type RunningServer, startServer } from "./harness";
import { DEMO_PASSWORD, demoLogin, EMPLOYEE_NAME } from "./helpers/logbook";
import { horizontalOverflow, signIn, visible } from "./helpers/ui";

async function signedInPhone(browser: Browser, url: string, who: "pegawai" | "hr"): Promise<Page> {
  const page = await phonePage(browser, url);
  await signIn(page, demoLogin(who), DEMO_PASSWORD);
  await page.waitForURL((u) => u.pathname === "/");
  return page;
}

describe("arrangement factors: an employee declares a commute, HR verifies it", () => {
  let server: RunningServer;
  let browser: Browser;
  let employee: Page;
  let hr: Page;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    employee = await signedInPhone(browser, server.url, "pegawai");
    hr = await signedInPhone(browser, server.url, "hr");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the employee declares KRL and saves", async () => {
    await employee.goto("/arrangement/my-factors");
    await visible(employee.getByRole("heading", { level: 1, name: "Faktor WFH saya" }));
    await visible(employee.getByText("Komorbid dan kehamilan hanya dapat dilihat oleh SDM dan petugas kesehatan."));
    await employee.getByRole("radio", { name: "KRL" }).check();
    await employee.getByRole("checkbox", { name: "Merawat anggota keluarga" }).check();
    await employee.getByRole("button", { name: "Simpan faktor" }).click();
    await visible(employee.getByText("Faktor tersimpan."));
    await visible(employee.getByText("belum diverifikasi"));
    expect(await horizontalOverflow(employee)).toBe(0);
    await expectAccessible(employee);
  });

  it("HR sees the employee among the unverified commutes and verifies", async () => {
    await hr.goto("/arrangement/factors");
    await visible(hr.getByRole("heading", { level: 1, name: "Verifikasi faktor" }));
    const card = hr.getByRole("listitem", { name: `Faktor ${EMPLOYEE_NAME}` });
    await visible(card);
    await visible(card.getByText("Angkutan: KRL"));
    expect(await horizontalOverflow(hr)).toBe(0);
    await expectAccessible(hr);
    await card.getByRole("button", { name: `Verifikasi ${EMPLOYEE_NAME}` }).click();
    await card.waitFor({ state: "detached" });
    await hr.getByText("Terverifikasi", { exact: true }).click();
    await visible(hr.getByRole("listitem", { name: `Faktor ${EMPLOYEE_NAME}` }).getByText("terverifikasi", { exact: true }));
  });

  it("the employee then sees the commute verified", async () => {
    await employee.reload();
    await visible(employee.getByRole("heading", { level: 1, name: "Faktor WFH saya" }));
    await visible(employee.getByText("terverifikasi", { exact: true }));
    await expect(employee.getByRole("radio", { name: "KRL" }).isChecked()).resolves.toBe(true);
  });

  it("HR edits risk levels and areas; a risk area ending before it starts is shown at the field", async () => {
    await hr.goto("/arrangement/policy");
    await visible(hr.getByRole("heading", { level: 1, name: "Kebijakan WFH/WFO" }));
    await visible(hr.getByRole("textbox", { name: "Tingkat, baris 1" }));
    await hr.getByLabel("Berlaku mulai").fill(new Date().toISOString().slice(0, 10));
    await hr.getByRole("textbox", { name: "Dasar hukum" }).first().fill("SE MenPANRB 67/2020");
    await hr.getByRole("button", { name: "Tambah wilayah" }).click();
    await hr.getByLabel("Mulai").last().fill("2026-03-10");
    await hr.getByLabel("Selesai").last().fill("2026-03-01");
    await hr.getByRole("button", { name: "Simpan versi" }).click();
    await visible(hr.locator("[aria-invalid=true]").first());
    await hr.getByLabel("Selesai").last().fill("2026-03-20");
    await hr.getByRole("button", { name: "Simpan versi" }).click();
    await visible(hr.getByText("Versi kebijakan tersimpan."));
    expect(await horizontalOverflow(hr)).toBe(0);
    await expectAccessible(hr);
  });
});
