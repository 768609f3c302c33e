import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, type RunningServer, startServer } from "./harness";
import { apiAs, createOffice, demoLogin, EMPLOYEE_NAME, fillFirstActivity, fillHealthyCheck, OFFICE, phoneAtOffice, signedInPage } from "./helpers/logbook";
import { horizontalOverflow, visible } from "./helpers/ui";

const ACTIVITY = "Menyusun draf SOP layanan pengaduan";
const COMMENT = "Sebutkan nomor SOP yang disusun.";

describe("logbook: the employee's day and the supervisor's review, on a phone", () => {
  let server: RunningServer;
  let browser: Browser;
  let employee: Page;
  let supervisor: Page;
  let day: string;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    const pegawai = await apiAs(server.url, demoLogin("pegawai"));
    day = (await pegawai.get<{ date: string }>("/me/today")).date;
    await createOffice(server.url, pegawai.me.unitId);
    await pegawai.context.dispose();
    employee = await signedInPage(await phoneAtOffice(browser, server.url), demoLogin("pegawai"));
    supervisor = await signedInPage(await phoneAtOffice(browser, server.url), demoLogin("atasan"));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("checks in inside the office, passes the health check and submits the report", async () => {
    await employee.goto("/logbook/today");
    await visible(employee.getByRole("heading", { level: 1, name: "Hari ini" }));
    await expectAccessible(employee);

    await employee.getByRole("button", { name: "Presensi masuk" }).click();
    await visible(employee.getByText(`Di kantor: ${OFFICE.name}`));
    await visible(employee.getByRole("button", { name: "Presensi pulang" }));

    await fillHealthyCheck(employee);
    await visible(employee.getByText("Anda layak bekerja hari ini"));

    await fillFirstActivity(employee, ACTIVITY);
    await employee.getByRole("button", { name: "Kirim ke atasan" }).click();
    await visible(employee.getByText("Laporan sudah dikirim dan menunggu tinjauan atasan", { exact: false }));
    expect(await horizontalOverflow(employee)).toBe(0);
    await expectAccessible(employee);
  });

  it("the supervisor sees the day's results and returns the report with a comment", async () => {
    await supervisor.goto("/logbook/review");
    const card = supervisor.getByRole("listitem", { name: new RegExp(`Laporan ${EMPLOYEE_NAME}`) });
    await visible(card.getByText(ACTIVITY));
    await visible(card.getByText(`Di kantor: ${OFFICE.name}`, { exact: false }));
    await visible(card.getByText("Layak bekerja"));
    expect(await horizontalOverflow(supervisor)).toBe(0);
    await expectAccessible(supervisor);

    await card.getByRole("button", { name: "Kembalikan" }).click();
    const dialog = supervisor.getByRole("dialog", { name: `Kembalikan laporan ${EMPLOYEE_NAME}` });
    await dialog.getByRole("button", { name: "Kembalikan" }).click();
    await visible(dialog.getByText("Catatan wajib diisi"));
    await dialog.getByLabel("Catatan untuk pegawai").fill(COMMENT);
    await dialog.getByRole("button", { name: "Kembalikan" }).click();
    await visible(supervisor.getByText("Tidak ada laporan yang menunggu tinjauan."));
  });

  it("the employee is told, sees the comment, revises and resubmits", async () => {
    await employee.goto("/notifications");
    await visible(employee.getByRole("link", { name: "Notifikasi: 1 belum dibaca" }));
    const note = employee.getByRole("button", { name: /dikembalikan oleh/ });
    await visible(note);
    await expectAccessible(employee);
    await note.click();
    await employee.waitForURL((url) => url.pathname === `/logbook/reports/${day}`);
    await visible(employee.getByText(COMMENT));
    await expectAccessible(employee);

    await employee.getByRole("group", { name: "Kegiatan 1" }).getByLabel("Uraian kegiatan").fill(`${ACTIVITY} (SOP-12)`);
    await employee.getByRole("button", { name: "Kirim ke atasan" }).click();
    await visible(employee.getByText("Laporan sudah dikirim dan menunggu tinjauan atasan", { exact: false }));
    await visible(employee.getByText("Dikirim ulang"));
  });

  it("the supervisor approves; the employee sees the report locked", async () => {
    await supervisor.goto("/logbook/review");
    const card = supervisor.getByRole("listitem", { name: new RegExp(`Laporan ${EMPLOYEE_NAME}`) });
    await visible(card.getByText(`${ACTIVITY} (SOP-12)`));
    await card.getByRole("button", { name: "Setujui" }).click();
    await visible(supervisor.getByText("Tidak ada laporan yang menunggu tinjauan."));

    await employee.goto(`/logbook/reports/${day}`);
    await visible(employee.getByText("Disetujui — laporan terkunci"));
    expect(await employee.getByRole("button", { name: "Simpan draf" }).count()).toBe(0);
    await employee.goto("/logbook/reports");
    await visible(employee.getByRole("link", { name: /: Disetujui$/ }));
    expect(await horizontalOverflow(employee)).toBe(0);
    await expectAccessible(employee);
  });
});
