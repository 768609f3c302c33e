import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, phonePage, type RunningServer, startServer } from "./harness";
import { type ApiSession, apiAs, authorCourse, DEMO_PASSWORD, E2E_COURSE, learningLogin, QUIZ, recordWebm } from "./helpers/learning";
import { escapeRegExp, horizontalOverflow, signIn, visible } from "./helpers/ui";

const LEARNER_NAME = "Dewi Anggraini";
const DIGITAL_COURSE = "Transformasi Digital Pemerintahan";
const ASSIGNMENT = "Usulan digitalisasi satu layanan";
const SERVICE_COURSE = "Pelayanan Publik Prima";
const LINK_LESSON = "Survei Kepuasan Masyarakat (SKM)";
const VIDEO_SECONDS = 3;

interface Outline {
  enrolment: { id: string; status: string; progressPct: number };
  outline: { lessons: { title: string; progress: { status: string } }[] }[];
}

async function signedIn(browser: Browser, baseURL: string, login: string): Promise<Page> {
  const page = await phonePage(browser, baseURL);
  await signIn(page, login, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === "/");
  return page;
}

const lessonStatus = async (api: ApiSession, enrolmentId: string, title: string) => {
  const o = await api.get<Outline>(`/learning/enrolments/${enrolmentId}`);
  return o.outline.flatMap((m) => m.lessons).find((l) => l.title === title)?.progress.status;
};

describe("learning on a phone: find, enrol, study, pass, certificate, grading", () => {
  let server: RunningServer;
  let browser: Browser;
  let learnerApi: ApiSession;
  let learner: Page;
  let enrolmentId = "";
  let certificateNumber = "";

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    const recorder = await browser.newPage();
    const video = await recordWebm(recorder, VIDEO_SECONDS + 1);
    await recorder.close();
    const admin = await apiAs(server.url, learningLogin("pembelajaran"));
    await authorCourse(admin, video, VIDEO_SECONDS);
    await admin.context.dispose();
    learnerApi = await apiAs(server.url, learningLogin("pegawai"));
    learner = await signedIn(browser, server.url, learningLogin("pegawai"));
  });

  afterAll(async () => {
    await learnerApi?.context.dispose();
    await browser?.close();
    await server?.stop();
  });

  it("finds the course by words in the catalog and enrols", async () => {
    await learner.goto("/learning");
    await visible(learner.getByRole("heading", { level: 1, name: "Katalog pembelajaran" }));
    await learner.getByLabel("Cari kursus").fill("naskah dinas");
    const results = learner.getByRole("list", { name: "Hasil pencarian kursus" });
    const link = results.getByRole("link", { name: E2E_COURSE.title });
    await visible(link);
    await visible(results.getByText(`${E2E_COURSE.jp} JP`));
    await visible(learner.getByText("1 kursus ditemukan"));
    await expect.poll(() => results.getByRole("listitem").count()).toBe(1);
    expect(await horizontalOverflow(learner)).toBe(0);
    await expectAccessible(learner);

    await link.click();
    await visible(learner.getByRole("heading", { level: 1, name: E2E_COURSE.title }));
    await visible(learner.getByText(E2E_COURSE.quiz));
    await learner.getByRole("button", { name: "Daftar", exact: true }).click();
    await learner.waitForURL(/\/learning\/enrolments\/[^/]+\/lessons\//);
    enrolmentId = learner.url().split("/learning/enrolments/")[1].split("/")[0];
    expect(enrolmentId).not.toBe("");
  });

  it("reads the text lesson (Markdown rendered, no raw HTML) and marks it done", async () => {
    const article = learner.getByRole("article", { name: E2E_COURSE.text });
    await visible(article.getByRole("heading", { level: 3, name: "Ciri naskah dinas" }));
    await visible(article.locator("strong", { hasText: "jelas" }));
    await visible(article.getByRole("link", { name: "Pedoman" }));
    expect(await article.getByRole("listitem").count()).toBe(2);
    expect(await horizontalOverflow(learner)).toBe(0);
    await expectAccessible(learner);
    await article.getByRole("button", { name: "Tandai selesai" }).click();
    await visible(article.getByText("Selesai"));
    await expect.poll(() => lessonStatus(learnerApi, enrolmentId, E2E_COURSE.text)).toBe("completed");
  });

  it("watches the video to the end; the watched seconds complete the lesson", async () => {
    await learner.getByRole("link", { name: "Berikutnya" }).click();
    const article = learner.getByRole("article", { name: E2E_COURSE.video });
    const video = article.locator("video");
    await video.waitFor();
    await video.evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      const ended = new Promise((r) => v.addEventListener("ended", r, { once: true }));
      await v.play();
      await ended;
    });
    await visible(article.getByText("Kemajuan menonton tersimpan."));
    await expect.poll(() => lessonStatus(learnerApi, enrolmentId, E2E_COURSE.video), { timeout: 10_000 }).toBe("completed");
  });

  it("fails the quiz, tries again and passes; the course completes", async () => {
    await learner.getByRole("link", { name: "Berikutnya" }).click();
    const article = learner.getByRole("article", { name: E2E_COURSE.quiz });
    await visible(article.getByText("Sisa 3 kesempatan"));
    await article.getByRole("button", { name: "Mulai kuis" }).click();
    await visible(article.getByText(/Sisa waktu \d+:\d\d/));
    await expectAccessible(learner);
    for (const q of QUIZ) await article.getByRole("radio", { name: q.wrong }).check();
    await article.getByRole("button", { name: "Kumpulkan jawaban" }).click();
    await visible(article.getByText("Belum lulus"));
    await visible(article.getByText("Nilai 0 (nilai lulus 70)"));
    await visible(article.getByText("Sisa 2 kesempatan"));
    // A failed attempt does not complete the quiz lesson.
    expect(await lessonStatus(learnerApi, enrolmentId, E2E_COURSE.quiz)).toBe("in_progress");
    await learner.getByRole("button", { name: "Daftar materi" }).click();
    const drawer = learner.getByRole("dialog", { name: "Daftar materi" });
    await visible(drawer.getByRole("link", { name: new RegExp(escapeRegExp(E2E_COURSE.quiz)) }).getByText("Belum lulus"));
    await learner.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });

    await article.getByRole("button", { name: "Coba lagi" }).click();
    for (const q of QUIZ) await article.getByRole("radio", { name: q.right }).check();
    await article.getByRole("button", { name: "Kumpulkan jawaban" }).click();
    await visible(article.getByText("Nilai 100 (nilai lulus 70)"));
    expect(await article.getByRole("button", { name: "Coba lagi" }).count()).toBe(0);
    await expect.poll(async () => (await learnerApi.get<Outline>(`/learning/enrolments/${enrolmentId}`)).enrolment.status).toBe("completed");
  });

  it("shows the certificate and this year's JP on the dashboard", async () => {
    await learner.goto("/learning/me");
    await visible(learner.getByRole("heading", { level: 1, name: "Pembelajaran saya" }));
    const certificates = learner.getByRole("list", { name: "Sertifikat" });
    const card = certificates.getByRole("listitem").filter({ hasText: E2E_COURSE.title });
    await visible(card);
    await visible(card.getByRole("link", { name: `Unduh sertifikat ${E2E_COURSE.title}` }));
    const jp = await learnerApi.get<{ earned: number; target: number; year: number }>("/learning/jp/me");
    await visible(learner.getByText(`${jp.earned} dari ${jp.target} JP tahun ${jp.year}`));
    expect(jp.earned).toBeGreaterThanOrEqual(E2E_COURSE.jp);
    expect(await horizontalOverflow(learner)).toBe(0);
    await expectAccessible(learner);
    const href = await card.getByRole("link", { name: "Periksa keabsahan" }).getAttribute("href");
    certificateNumber = decodeURIComponent((href ?? "").replace("/verify/", ""));
    expect(certificateNumber).toMatch(/\d/);
  });

  it("saves a course for offline study; a lesson marked done offline is sent when back online", async () => {
    await learner.goto("/learning/me");
    await learner.getByRole("link", { name: SERVICE_COURSE }).first().click();
    await learner.getByRole("button", { name: "Simpan untuk offline" }).click();
    await visible(learner.getByText(/^Tersimpan untuk offline/));
    const ppEnrolment = learner.url().split("/learning/enrolments/")[1].split("/")[0];
    expect(await learner.evaluate(() => caches.keys())).toContain(`abdi-learning-${ppEnrolment}`);

    await learner.context().setOffline(true);
    try {
      await learner.getByRole("button", { name: "Daftar materi" }).click();
      await learner
        .getByRole("dialog", { name: "Daftar materi" })
        .getByRole("link", { name: new RegExp(escapeRegExp(LINK_LESSON)) })
        .click();
      const article = learner.getByRole("article", { name: LINK_LESSON });
      await article.getByRole("button", { name: "Tandai selesai" }).click();
      await visible(article.getByText("Tersimpan di perangkat, dikirim saat daring."));
      expect(await lessonStatus(learnerApi, ppEnrolment, LINK_LESSON)).not.toBe("completed");
    } finally {
      await learner.context().setOffline(false);
    }
    await expect.poll(() => lessonStatus(learnerApi, ppEnrolment, LINK_LESSON), { timeout: 20_000 }).toBe("completed");
  });

  it("the public verification page shows the certificate as valid without signing in", async () => {
    const context: BrowserContext = await browser.newContext({ baseURL: server.url, viewport: { width: 360, height: 740 }, locale: "id-ID" });
    const page = await context.newPage();
    await page.goto(`/verify/${encodeURIComponent(certificateNumber)}`);
    await visible(page.getByRole("heading", { level: 1, name: "Verifikasi sertifikat" }));
    await visible(page.getByText("Sertifikat sah"));
    await visible(page.getByText(LEARNER_NAME));
    await visible(page.getByText(E2E_COURSE.title));
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await page.goto("/verify/ABDI-1999-999999");
    await visible(page.getByText("Sertifikat tidak ditemukan"));
    await context.close();
  });

  it("the learner submits an assignment of the cohort run; its facilitator grades it", async () => {
    await learner.goto("/learning/me");
    await learner.getByRole("link", { name: DIGITAL_COURSE }).first().click();
    await learner.getByRole("button", { name: "Daftar materi" }).click();
    const drawer = learner.getByRole("dialog", { name: "Daftar materi" });
    await drawer.getByRole("link", { name: new RegExp(ASSIGNMENT) }).click();
    const article = learner.getByRole("article", { name: ASSIGNMENT });
    await article.getByLabel("Jawaban").fill("Digitalisasi layanan surat keterangan melalui portal satu pintu.");
    await article.getByRole("button", { name: "Kirim tugas" }).click();
    await visible(article.getByText("Menunggu penilaian"));
    await expectAccessible(learner);

    const facilitator = await signedIn(browser, server.url, learningLogin("fasilitator"));
    await facilitator.goto("/learning");
    await facilitator.getByLabel("Cari kursus").fill("digital");
    await facilitator.getByRole("link", { name: DIGITAL_COURSE }).click();
    await facilitator.getByRole("link", { name: "Kelola angkatan ini" }).click();
    const item = facilitator.getByRole("listitem", { name: `${LEARNER_NAME} — ${ASSIGNMENT}` });
    await visible(item);
    await expectAccessible(facilitator);
    await item.getByLabel("Nilai (0–100)").fill("85");
    await item.getByLabel("Umpan balik").fill("Usulan jelas dan terukur.");
    await item.getByRole("button", { name: "Simpan nilai" }).click();
    await visible(facilitator.getByText("Tidak ada yang menunggu penilaian."));
    expect(await horizontalOverflow(facilitator)).toBe(0);

    await learner.reload();
    await visible(article.getByText("Sudah dinilai"));
    await visible(article.getByText("Nilai: 85"));
    await visible(article.getByText("Usulan jelas dan terukur."));
  });
});
