import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, phonePage, type RunningServer, startServer } from "./harness";
import { DEMO_PASSWORD, learningLogin } from "./helpers/learning";
import { apiAs } from "./helpers/logbook";
import { horizontalOverflow, openNav, signIn, signOut, visible } from "./helpers/ui";

const PATH_TITLE = "Jalur Integritas Pelayanan";
const ETHICS_COURSE = "Etika dan Integritas ASN";
const SERVICE_COURSE = "Pelayanan Publik Prima";
const DIGITAL_COURSE = "Transformasi Digital Pemerintahan";
const FINANCE_COURSE = "Pengelolaan Keuangan Negara bagi Pegawai Non-Keuangan";
const LEARNER_POSITION = "Pranata Komputer Ahli Pertama";
const LEARNER_NAME = "Dewi Anggraini";
const REVOKE_REASON = "Peserta diwakilkan orang lain saat ujian";

async function signedIn(browser: Browser, baseURL: string, login: string): Promise<Page> {
  const page = await phonePage(browser, baseURL);
  await signIn(page, login, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === "/");
  return page;
}

const savedCourseCaches = (page: Page) => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("abdi-learning-")));

/** Opens the learner's public service course and saves it for offline study; returns its cache's name. */
async function saveServiceCourse(learner: Page): Promise<string> {
  await learner.goto("/learning/me");
  await learner.getByRole("link", { name: SERVICE_COURSE }).first().click();
  await learner.getByRole("button", { name: "Simpan untuk offline" }).click();
  await visible(learner.getByText(/^Tersimpan untuk offline/));
  const enrolmentId = learner.url().split("/learning/enrolments/")[1].split("/")[0];
  return `abdi-learning-${enrolmentId}`;
}

describe("managing learning on a phone: paths, mandatory enrolment, certificates, a shared device", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a learning admin builds a path in order; the learner opens it and sees their progress in each course", async () => {
    const admin = await signedIn(browser, server.url, learningLogin("pembelajaran"));
    await admin.goto("/learning/admin?tab=paths");
    await visible(admin.getByRole("tab", { name: "Jalur belajar", selected: true }));
    await admin.getByRole("button", { name: "Jalur baru" }).click();
    const dialog = admin.getByRole("dialog", { name: "Jalur baru" });
    await dialog.getByLabel("Nama jalur").fill(PATH_TITLE);
    await dialog.getByLabel("Kompetensi yang dituju").fill("Integritas");
    for (const course of [ETHICS_COURSE, SERVICE_COURSE]) {
      await dialog.getByLabel("Tambah kursus").click();
      await admin.getByRole("option", { name: new RegExp(course) }).click();
    }
    await dialog.getByRole("button", { name: `Naikkan ${SERVICE_COURSE}` }).click();
    await dialog.getByText("Terbit", { exact: true }).click();
    await expectAccessible(admin);
    await dialog.getByRole("button", { name: "Buat jalur" }).click();
    const item = admin.getByRole("list", { name: "Jalur belajar" }).getByRole("listitem").filter({ hasText: PATH_TITLE });
    await visible(item.getByText("2 kursus"));
    expect(await horizontalOverflow(admin)).toBe(0);
    await admin.context().close();

    const learner = await signedIn(browser, server.url, learningLogin("pegawai"));
    await visible(learner.getByRole("button", { name: "Buka menu navigasi" }));
    const nav = await openNav(learner);
    await nav.getByRole("link", { name: "Jalur belajar" }).click();
    await visible(learner.getByRole("heading", { level: 1, name: "Jalur belajar" }));
    await learner.getByRole("link", { name: PATH_TITLE }).click();
    await visible(learner.getByRole("heading", { level: 1, name: PATH_TITLE }));
    const steps = learner.getByRole("list", { name: "Kursus dalam jalur ini" });
    await expect
      .poll(() => steps.getByRole("listitem").allInnerTexts())
      .toEqual([expect.stringContaining(`1. ${SERVICE_COURSE}`), expect.stringContaining(`2. ${ETHICS_COURSE}`)]);
    // The demo learner is under way in public service (one lesson done) and has completed ethics.
    const first = steps.getByRole("listitem", { name: `Langkah 1: ${SERVICE_COURSE}` });
    await visible(first.getByText("Sedang berjalan"));
    await visible(first.getByText("Berikutnya"));
    await visible(first.getByRole("progressbar"));
    await visible(steps.getByRole("listitem", { name: `Langkah 2: ${ETHICS_COURSE}` }).getByText("Selesai"));
    await visible(learner.getByText("1 dari 2 kursus selesai"));
    expect(await horizontalOverflow(learner)).toBe(0);
    await expectAccessible(learner);
    await first.getByRole("link", { name: "Lanjutkan belajar" }).click();
    await learner.waitForURL(/\/learning\/enrolments\//);
    await learner.goBack();
    await steps.getByRole("link", { name: `2. ${ETHICS_COURSE}` }).click();
    await visible(learner.getByRole("heading", { level: 1, name: ETHICS_COURSE }));
    await learner.context().close();
  });

  it("a learning admin adds a mandatory rule by position and applies it now; the learner finds the course in their list", async () => {
    const admin = await signedIn(browser, server.url, learningLogin("pembelajaran"));
    await admin.goto("/learning/admin?tab=rules");
    const rules = admin.getByRole("list", { name: "Aturan pendaftaran wajib" });
    await visible(rules.getByRole("listitem", { name: "Pegawai baru: Etika dan Integritas ASN" }));
    await admin.getByRole("button", { name: "Aturan baru" }).click();
    const dialog = admin.getByRole("dialog", { name: "Aturan baru" });
    await dialog.getByLabel("Nama aturan").fill("Pranata komputer: keuangan negara");
    await dialog.getByRole("button", { name: "Simpan aturan" }).click();
    await visible(dialog.getByText("Pilih kursus."));
    await dialog.getByLabel("Kursus").click();
    await admin.getByRole("option", { name: FINANCE_COURSE }).click();
    await dialog.getByLabel("Angkatan").click();
    await admin.getByRole("option", { name: "Belajar mandiri" }).click();
    await dialog.getByLabel("Nama jabatan").fill(LEARNER_POSITION);
    await dialog.getByLabel("Tenggat (hari)").fill("30");
    await expectAccessible(admin);
    await dialog.getByRole("button", { name: "Simpan aturan" }).click();
    const card = rules.getByRole("listitem", { name: "Pranata komputer: keuangan negara" });
    await visible(card.getByText(`Untuk: jabatan ${LEARNER_POSITION} · tenggat 30 hari`));
    await visible(card.getByText("Belum pernah diterapkan"));
    await card.getByRole("button", { name: "Terapkan sekarang" }).click();
    await visible(card.getByRole("status").getByText(/^[1-9]\d* pegawai didaftarkan$/));
    await visible(card.getByText(/^Terakhir diterapkan/));
    expect(await horizontalOverflow(admin)).toBe(0);
    await expectAccessible(admin);
    await admin.context().close();

    const learner = await signedIn(browser, server.url, learningLogin("pegawai"));
    await learner.goto("/learning/me");
    await visible(learner.getByRole("list", { name: "Kursus yang sedang diikuti" }).getByRole("link", { name: FINANCE_COURSE }));
    await learner.context().close();
  });

  it("HR finds a learner's certificate, revokes it with a reason, and the public check shows it revoked", async () => {
    const hr = await signedIn(browser, server.url, learningLogin("hr"));
    await visible(hr.getByRole("button", { name: "Buka menu navigasi" }));
    const nav = await openNav(hr);
    await nav.getByRole("link", { name: "Sertifikat pegawai" }).click();
    await visible(hr.getByRole("heading", { level: 1, name: "Sertifikat pegawai" }));
    await hr.getByLabel("Cari sertifikat").fill("dewi");
    await hr.getByRole("button", { name: "Cari", exact: true }).click();
    const card = hr.getByRole("list", { name: "Sertifikat yang ditemukan" }).getByRole("listitem", { name: `${LEARNER_NAME} — ${ETHICS_COURSE}` });
    await visible(card.getByText("Berlaku"));
    const number = ((await card.getByText(/^ABDI\/\d{4}\/\d{6}/).textContent()) ?? "").split(" · ")[0];
    expect(await horizontalOverflow(hr)).toBe(0);
    await expectAccessible(hr);

    await card.getByRole("button", { name: "Cabut" }).click();
    const dialog = hr.getByRole("dialog", { name: "Cabut sertifikat?" });
    await visible(dialog.getByText(number, { exact: false }));
    await dialog.getByRole("button", { name: "Cabut sertifikat" }).click();
    await visible(dialog.getByText("Tulis alasan paling sedikit 3 karakter."));
    await dialog.getByLabel("Alasan pencabutan").fill(REVOKE_REASON);
    await expectAccessible(hr);
    await dialog.getByRole("button", { name: "Cabut sertifikat" }).click();
    await dialog.waitFor({ state: "hidden" });
    await visible(card.getByText("Dicabut", { exact: true }));
    await visible(card.getByText(new RegExp(`^Dicabut .+: ${REVOKE_REASON}$`)));
    expect(await card.getByRole("button", { name: "Cabut" }).count()).toBe(0);
    await hr.locator("label", { hasText: /^Dicabut$/ }).click();
    await expect.poll(() => hr.getByRole("radio", { name: "Dicabut" }).isChecked()).toBe(true);
    await visible(card);
    await hr.context().close();

    // Anyone with the number, signed out, sees it revoked.
    const visitor = await phonePage(browser, server.url);
    await visitor.goto(`/verify/${encodeURIComponent(number)}`);
    await visible(visitor.getByRole("heading", { level: 1, name: "Verifikasi sertifikat" }));
    await visible(visitor.getByRole("alert").getByText("Sertifikat dicabut"));
    await visible(visitor.getByText(LEARNER_NAME));
    expect(await visitor.getByText("Sertifikat sah").count()).toBe(0);
    await expectAccessible(visitor);
    await visitor.context().close();
  });

  it("HR opens a learner's learning record (the xAPI statements the LRS holds) from the employee page", async () => {
    const api = await apiAs(server.url, learningLogin("hr"));
    const found = await api.get<{ items: { id: string; name: string }[] }>(`/employees?q=${encodeURIComponent(LEARNER_NAME)}`);
    const learner = found.items.find((e) => e.name === LEARNER_NAME);
    expect(learner).toBeDefined();
    const hr = await signedIn(browser, server.url, learningLogin("hr"));
    await hr.goto(`/org/employees/${learner?.id}`);
    await hr.getByRole("main").getByRole("link", { name: "Catatan belajar", exact: true }).click();
    const title = `Catatan belajar ${LEARNER_NAME}`;
    await visible(hr.getByRole("heading", { level: 1, name: title }));
    const record = hr.getByRole("list", { name: title });
    await expect.poll(() => record.getByRole("listitem").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await horizontalOverflow(hr)).toBe(0);
    await expectAccessible(hr);
    await hr.context().close();
  });

  it("a facilitator who is not a learning admin finds the runs they facilitate in the management area", async () => {
    const facilitator = await signedIn(browser, server.url, learningLogin("fasilitator"));
    await visible(facilitator.getByRole("button", { name: "Buka menu navigasi" }));
    const nav = await openNav(facilitator);
    await nav.getByRole("link", { name: "Kelola" }).click();
    await visible(facilitator.getByRole("tab", { name: "Angkatan saya", selected: true }));
    expect(await facilitator.getByRole("tab").count()).toBe(1);
    const run = facilitator.getByRole("list", { name: "Angkatan yang saya fasilitasi" }).getByRole("listitem", { name: `${DIGITAL_COURSE} — Angkatan I` });
    await visible(run.getByText(/\d+ peserta/));
    expect(await facilitator.getByRole("alert").count()).toBe(0);
    expect(await horizontalOverflow(facilitator)).toBe(0);
    await expectAccessible(facilitator);
    await run.getByRole("link", { name: DIGITAL_COURSE }).click();
    await visible(facilitator.getByRole("heading", { level: 1, name: "Angkatan I" }));
    await visible(facilitator.getByRole("heading", { level: 2, name: "Penilaian" }));
    await facilitator.context().close();
  });

  it("courses saved for offline leave a shared device at sign-out, and when someone else signs in after the session ran out", async () => {
    const learner = await signedIn(browser, server.url, learningLogin("pegawai"));
    const cache = await saveServiceCourse(learner);
    expect(await savedCourseCaches(learner)).toEqual([cache]);
    await signOut(learner, LEARNER_NAME);
    expect(await savedCourseCaches(learner)).toEqual([]);

    // Saved again, then the session ends without a sign-out and a colleague signs in on the same phone.
    await signIn(learner, learningLogin("pegawai"), DEMO_PASSWORD);
    await learner.waitForURL((url) => url.pathname === "/");
    expect(await saveServiceCourse(learner)).toBe(cache);
    await learner.context().clearCookies();
    await learner.goto("/");
    await learner.waitForURL("**/login**");
    expect(await savedCourseCaches(learner)).toEqual([cache]);
    await signIn(learner, learningLogin("fasilitator"), DEMO_PASSWORD);
    await learner.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => savedCourseCaches(learner)).toEqual([]);
    await learner.context().close();
  });
});
