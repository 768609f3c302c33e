import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildZip, oneSco, scorm12Manifest } from "../server/modules/learning/packages/test-support";
import { contentFixture } from "../server/test/fixtures";
import { expectAccessible, launchBrowser, phonePage, type RunningServer, startServer } from "./harness";
import { packageCourse } from "./helpers/content";
import { apiAs, DEMO_PASSWORD } from "./helpers/logbook";
import { signIn, visible } from "./helpers/ui";

interface ItemStatus {
  id: string;
  completion: string;
  success: string;
  score: number | null;
}

/**
 * SCORM packages played in real Chromium: the platform page frames the player
 * from the content origin (the other loopback name), the SCO finds the
 * scorm-again API in its parent, and its commits reach the server.
 */
describe("SCORM playback in a real browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Awaited<ReturnType<typeof apiAs>>;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    admin = await apiAs(server.url, "pembelajaran@demo.abdi.go.id");
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function uploadAndPreview(file: string): Promise<{ playerUrl: string }> {
    const res = await admin.context.post("/api/v1/learning/content/packages", {
      multipart: { file: { name: file, mimeType: "application/zip", buffer: contentFixture(file) } },
      headers: { "x-csrf-token": (admin.me as unknown as { csrfToken: string }).csrfToken },
    });
    expect(res.status(), await res.text()).toBe(201);
    const pkg = await res.json();
    return admin.send<{ playerUrl: string }>("POST", `/learning/content/packages/${pkg.id}/preview`, {});
  }

  async function statuses(playerUrl: string): Promise<ItemStatus[]> {
    const url = new URL(playerUrl);
    const token = url.pathname.split("/").pop();
    const res = await fetch(`${url.origin}/content/runtime/${token}`);
    return (await res.json()).items;
  }

  /** A platform page framing the player, as the lesson page does. */
  async function framedPlayer(page: Page, playerUrl: string): Promise<Frame> {
    await page.goto(`${server.url}/login`);
    await page.evaluate((src) => {
      const f = document.createElement("iframe");
      f.id = "player";
      f.src = src;
      f.style.width = "100%";
      f.style.height = "600px";
      document.body.appendChild(f);
    }, playerUrl);
    const handle = await page.waitForSelector("#player");
    const frame = await handle.contentFrame();
    if (!frame) throw new Error("no player frame");
    await frame.waitForSelector("#sco");
    return frame;
  }

  async function scoFrame(player: Frame): Promise<Frame> {
    const handle = await player.waitForSelector("#sco");
    for (let i = 0; i < 100; i++) {
      const f = await handle.contentFrame();
      if (f?.url().includes("/content/p/")) return f;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("the SCO did not load");
  }

  it("runs a SCORM 2004 SCO across origins: bookmark, close, resume, complete", async () => {
    const { playerUrl } = await uploadAndPreview("RuntimeBasicCalls_SCORM20043rdEdition.zip");
    expect(new URL(playerUrl).hostname).toBe("localhost");
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on("dialog", (d) => void d.accept());

    const player = await framedPlayer(page, playerUrl);
    // The player's origin is not the platform's: it cannot reach into the platform page.
    expect(await player.evaluate(() => window.location.origin)).not.toBe(new URL(server.url).origin);
    expect(await player.evaluate(() => typeof (window as unknown as { API_1484_11?: unknown }).API_1484_11)).toBe("object");
    const sco = await scoFrame(player);
    await sco.waitForSelector("#butNext");
    await sco.click("#butNext");
    await sco.click("#butNext");
    // Closing the lesson: the SCO suspends and terminates on unload.
    await player.evaluate(() => {
      (document.getElementById("sco") as HTMLIFrameElement).src = "about:blank";
    });
    await expect.poll(async () => (await statuses(playerUrl))[0].completion, { timeout: 10_000 }).toBe("incomplete");

    // Reopen: the bookmark comes back (the sample asks whether to resume; the dialog is accepted).
    const player2 = await framedPlayer(page, playerUrl);
    const sco2 = await scoFrame(player2);
    await sco2.waitForSelector("#butNext");
    const location = await player2.evaluate(() => (window as unknown as { API_1484_11: { GetValue(k: string): string } }).API_1484_11.GetValue("cmi.location"));
    expect(location).toBe("2");
    expect(await player2.evaluate(() => (window as unknown as { API_1484_11: { GetValue(k: string): string } }).API_1484_11.GetValue("cmi.entry"))).toBe(
      "resume",
    );
    for (let i = 0; i < 30 && (await sco2.isEnabled("#butNext")); i++) await sco2.click("#butNext");
    await sco2.click("#butExit");
    await expect.poll(async () => (await statuses(playerUrl))[0].completion, { timeout: 10_000 }).toBe("completed");
    await context.close();
  }, 90_000);

  it("runs a multi-SCO SCORM 1.2 package: each SCO that finishes counts as completed", async () => {
    const { playerUrl } = await uploadAndPreview("RuntimeMinimumCalls_SCORM12.zip");
    const context = await browser.newContext();
    const page = await context.newPage();
    const before = await statuses(playerUrl);
    expect(before.length).toBeGreaterThan(5);
    expect(before.every((s) => s.completion === "not_attempted")).toBe(true);
    const player = await framedPlayer(page, playerUrl);
    const sco = await scoFrame(player);
    await sco.waitForSelector("h1");
    expect(await player.evaluate(() => typeof (window as unknown as { API?: unknown }).API)).toBe("object");
    // Leaving the SCO calls LMSFinish; an author's preview is "browse" mode, so the SCO counts as browsed.
    await player.evaluate(() => {
      (document.getElementById("sco") as HTMLIFrameElement).src = "about:blank";
    });
    await expect.poll(async () => (await statuses(playerUrl))[0].completion, { timeout: 10_000 }).not.toBe("not_attempted");
    const after = await statuses(playerUrl);
    expect(after.slice(1).every((s) => s.completion === "not_attempted")).toBe(true);
    await context.close();
  }, 90_000);

  it("a learner plays a SCORM lesson in the course player and it completes", async () => {
    const { learner, lessonUrl } = await packageCourse(server.url, admin, {
      file: "RuntimeBasicCalls_SCORM20043rdEdition.zip",
      kind: "scorm",
      code: "E2E-SCORM",
      title: "Golf SCORM",
    });

    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1024, height: 900 },
      locale: "id-ID",
      storageState: await learner.context.storageState(),
    });
    const page = await context.newPage();
    page.on("dialog", (d) => void d.accept());
    await page.goto(lessonUrl);
    const frameEl = page.locator('iframe[title^="Konten"]');
    await frameEl.waitFor({ timeout: 30_000 });
    const player = await (await frameEl.elementHandle())?.contentFrame();
    if (!player) throw new Error("no player frame");
    const sco = await scoFrame(player);
    await sco.waitForSelector("#butNext");
    for (let i = 0; i < 30 && (await sco.isEnabled("#butNext")); i++) await sco.click("#butNext");
    await sco.click("#butExit");
    await expect
      .poll(
        async () => {
          const row = (await learner.get<{ progress: { status: string } }>(lessonUrl)).progress;
          return row?.status;
        },
        { timeout: 15_000 },
      )
      .toBe("completed");
    await context.close();
  }, 120_000);

  it("refuses to play on the platform's own origin", async () => {
    const { playerUrl } = await uploadAndPreview("singlescobasic.zip");
    const onPlatform = playerUrl.replace(new URL(playerUrl).origin, server.url);
    const res = await fetch(onPlatform);
    expect(res.status).toBe(404);
  }, 60_000);
  it("a learning admin uploads a zipped course folder from the lesson editor and sees what the manifest check noted", async () => {
    const course = await admin.send<{ id: string }>("POST", "/learning/courses", {
      code: "E2E-PKG-W",
      title: "Kursus Paket Folder",
      summary: "",
      jp: 1,
      prerequisiteIds: [],
    });
    const mod = await admin.send<{ id: string }>("POST", `/learning/courses/${course.id}/modules`, { title: "Modul Paket" });
    await admin.send("POST", `/learning/modules/${mod.id}/lessons`, { kind: "scorm", title: "Pelajaran Paket", bodyMd: "", config: {} });
    const zip = buildZip([
      { name: "Kursus Folder/imsmanifest.xml", data: scorm12Manifest(oneSco("index.html")) },
      { name: "Kursus Folder/index.html", data: "<html><body>Halo</body></html>" },
    ]);

    const page = await phonePage(browser, server.url);
    await signIn(page, "pembelajaran@demo.abdi.go.id", DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto(`/learning/admin/courses/${course.id}`);
    await page.getByRole("button", { name: "Ubah Pelajaran Paket" }).click();
    const dialog = page.getByRole("dialog", { name: "Pelajaran Paket" });
    const chooser = page.waitForEvent("filechooser");
    await dialog.getByRole("button", { name: "Unggah paket" }).click();
    await (await chooser).setFiles({ name: "Kursus Folder.zip", mimeType: "application/zip", buffer: zip });
    const notes = dialog.getByRole("alert").filter({ hasText: "Paket diterima, dengan catatan dari pemeriksaan manifes" });
    await visible(notes);
    expect(await notes.textContent()).toContain('inside the folder "Kursus Folder"');
    // The new package is chosen for the lesson.
    await expect.poll(async () => dialog.getByLabel("Paket konten").inputValue()).not.toBe("");
    expect(await dialog.getByLabel("Paket konten").locator("option:checked").textContent()).toContain("Kursus Folder.zip");
    await expectAccessible(page);
    await page.context().close();
  });
});
