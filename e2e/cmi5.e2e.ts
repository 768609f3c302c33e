import type { Browser, BrowserContext, Frame, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type RunningServer, startServer } from "./harness";
import { packageCourse } from "./helpers/content";
import { apiAs } from "./helpers/logbook";

const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;
const SATISFIED = "https://w3id.org/xapi/adl/verbs/satisfied";

/**
 * cmi5 courses played in real Chromium from the course player: the platform
 * launches each AU (fetch URL, LaunchData), the AU's own cmi5 library talks to
 * the LRS, and moveOn decides when the lesson is completed.
 */
describe("cmi5 lessons in a real browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof apiAs>>;
  const lrsAuth = `Basic ${Buffer.from("demo-lrs-key:demo-lrs-secret-2026").toString("base64")}`;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    admin = await apiAs(server.url, "pembelajaran@demo.abdi.go.id");
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  interface Played {
    context: BrowserContext;
    page: Page;
    frameEl: Locator;
    /** Statements of the registration with this verb, as the LRS answers them. */
    count: (verb: string) => Promise<number>;
    lessonStatus: () => Promise<string>;
  }

  /** Uploads the package, makes a one-lesson course with a self-paced run, enrols the demo employee and opens the lesson. */
  async function playCourse(file: string, code: string): Promise<Played> {
    const { learner, lessonUrl } = await packageCourse(server.url, admin, { file, kind: "cmi5", code, title: `Geologi ${code}` });

    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1024, height: 900 },
      locale: "id-ID",
      storageState: await learner.context.storageState(),
    });
    const page = await context.newPage();
    await page.goto(lessonUrl);
    const frameEl = page.locator('iframe[title^="Konten"]');
    await frameEl.waitFor({ timeout: 30_000 });
    const registration = new URL((await frameEl.getAttribute("src")) ?? "").searchParams.get("registration") ?? "";
    expect(registration).toMatch(/^[0-9a-f-]{36}$/);
    const count = async (verb: string) => {
      const res = await fetch(`${server.url}/xapi/statements?${new URLSearchParams({ registration, verb })}`, {
        headers: { authorization: lrsAuth, "x-experience-api-version": "1.0.3" },
      });
      return (await res.json()).statements.length as number;
    };
    const lessonStatus = async () => (await learner.get<{ progress: { status: string } }>(lessonUrl)).progress.status;
    return { context, page, frameEl, count, lessonStatus };
  }

  async function auFrame(frameEl: Locator): Promise<Frame> {
    const au = await (await frameEl.elementHandle())?.contentFrame();
    if (!au) throw new Error("no AU frame");
    return au;
  }

  /** The AU's menu (behind its toggle on narrow layouts) → the quiz page. */
  async function openQuiz(au: Frame): Promise<void> {
    const quiz = au.locator("#navmenu .navmenuitem").last();
    if (!(await quiz.isVisible())) await au.locator(".navtoggle").click();
    await quiz.click();
    // On a narrow layout the open menu lies over the page: fold it again.
    if ((await au.locator("#navigation.visible-narrow").count()) > 0) await au.locator(".navtoggle").click();
  }

  it("single AU: a failed quiz leaves the lesson open; passing it in a new session completes the lesson", async () => {
    const { context, page, frameEl, count, lessonStatus } = await playCourse("single_au_basic_responsive-novideo.zip", "E2E-CMI5-1");
    // The platform's launched, then the AU's initialized (the AU also sends "cmi5 allowed" statements with that verb).
    expect(await count(VERB("launched"))).toBe(1);
    await expect.poll(() => count(VERB("initialized")), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    let au = await auFrame(frameEl);
    await openQuiz(au);
    await au.getByRole("button", { name: /Select wrong answers/ }).click();
    await au.getByRole("button", { name: "Submit Answers" }).click();
    await expect.poll(() => count(VERB("failed")), { timeout: 30_000 }).toBe(1);
    expect(await count(VERB("passed"))).toBe(0);
    expect(await lessonStatus()).not.toBe("completed");

    // A new launch is a new session; this time the answers are right.
    await page.reload();
    await frameEl.waitFor({ timeout: 30_000 });
    await expect.poll(() => count(VERB("launched")), { timeout: 30_000 }).toBe(2);
    au = await auFrame(frameEl);
    // The AU finds its bookmark in the LRS state and offers to resume there.
    await au.getByRole("button", { name: "Resume From Bookmark" }).click({ timeout: 30_000 });
    await openQuiz(au);
    await au.getByRole("button", { name: /Select correct answers/ }).click();
    await au.getByRole("button", { name: "Submit Answers" }).click();
    await expect.poll(() => count(VERB("passed")), { timeout: 30_000 }).toBe(1);
    expect(await count(SATISFIED)).toBeGreaterThanOrEqual(1);
    await expect.poll(lessonStatus, { timeout: 15_000 }).toBe("completed");
    await context.close();
  }, 180_000);

  it("multi AU: a learner completes a framed multi-AU course, the last AU a quiz", async () => {
    const { context, frameEl, count, lessonStatus, page } = await playCourse("multi_au_framed.zip", "E2E-CMI5-N");
    const select = page.getByLabel("Unit tugas (AU)");
    const options = await select.locator("option").count();
    expect(options).toBeGreaterThan(1);
    // Every AU but the last passes and completes when launched; the last is a quiz (moveOn CompletedAndPassed).
    for (let i = 0; i < options - 1; i++) {
      if (i > 0) await select.selectOption((await select.locator("option").nth(i).getAttribute("value")) ?? "");
      await expect.poll(() => count(VERB("completed")), { timeout: 30_000 }).toBe(i + 1);
    }
    expect(await lessonStatus()).not.toBe("completed");
    await select.selectOption((await select.locator("option").last().getAttribute("value")) ?? "");
    await expect.poll(async () => (await frameEl.getAttribute("src")) ?? "", { timeout: 15_000 }).toContain("pages=quiz");
    const au = await auFrame(frameEl);
    await au.getByRole("button", { name: /Select correct answers/ }).click({ timeout: 30_000 });
    await au.getByRole("button", { name: "Submit Answers" }).click();
    // The quiz answered correctly: the last AU's passed (with its score) and completed arrive.
    await expect.poll(() => count(VERB("passed")), { timeout: 30_000 }).toBe(options);
    await expect.poll(() => count(VERB("completed")), { timeout: 30_000 }).toBe(options);
    expect(await count(VERB("initialized"))).toBeGreaterThanOrEqual(options);
    expect(await count(SATISFIED)).toBeGreaterThanOrEqual(1);
    await expect.poll(lessonStatus, { timeout: 15_000 }).toBe("completed");
    await context.close();
  }, 180_000);
});
