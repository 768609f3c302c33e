import type { APIResponse, Page } from "playwright-core";
import { type ApiSession, apiAs, DEMO_PASSWORD } from "./logbook";
import { signIn } from "./ui";

export const learningLogin = (who: "pegawai" | "fasilitator" | "pembelajaran" | "hr") => `${who}@demo.abdi.go.id`;

/** The course the test authors: findable by "naskah dinas", worth 3 JP. */
export const E2E_COURSE = {
  code: "E2E-NASKAH",
  title: "Penulisan Naskah Dinas Elektronik",
  jp: 3,
  text: "Naskah dinas yang baik",
  video: "Contoh menyusun nota dinas",
  quiz: "Kuis naskah dinas",
};

/** The two questions of the test quiz: the right and a wrong option of each. */
export const QUIZ = [
  { prompt: "Naskah dinas ditandatangani oleh…", right: "Pejabat yang berwenang", wrong: "Siapa saja" },
  { prompt: "Nota dinas ditujukan kepada…", right: "Pejabat di lingkungan sendiri", wrong: "Masyarakat umum" },
];

async function ok<T>(r: APIResponse, what: string): Promise<T> {
  if (!r.ok()) throw new Error(`${what} answered ${r.status()}: ${await r.text()}`);
  return (r.status() === 204 ? undefined : await r.json()) as T;
}

/** A few seconds of WebM video recorded from a canvas by the browser itself (headless Chromium has VP8). */
export async function recordWebm(page: Page, seconds: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (ms) => {
    const canvas = document.createElement("canvas");
    canvas.width = 64;
    canvas.height = 48;
    const g = canvas.getContext("2d");
    if (!g) throw new Error("no 2d context");
    const rec = new MediaRecorder(canvas.captureStream(10), { mimeType: "video/webm;codecs=vp8" });
    const chunks: Blob[] = [];
    rec.ondataavailable = (e) => chunks.push(e.data);
    let frame = 0;
    const timer = setInterval(() => {
      g.fillStyle = `hsl(${(frame++ * 37) % 360}, 70%, 50%)`;
      g.fillRect(0, 0, 64, 48);
    }, 100);
    rec.start(500);
    await new Promise((r) => setTimeout(r, ms));
    const stopped = new Promise((r) => {
      rec.onstop = r;
    });
    rec.stop();
    await stopped;
    clearInterval(timer);
    const bytes = new Uint8Array(await new Blob(chunks, { type: "video/webm" }).arrayBuffer());
    let bin = "";
    for (const b of bytes) bin += String.fromCharCode(b);
    return btoa(bin);
  }, seconds * 1000);
  return Buffer.from(base64, "base64");
}

export interface AuthoredCourse {
  courseId: string;
  runId: string;
}

/**
 * The learning admin authors and publishes the test course through the API:
 * a text lesson, the uploaded video and a two-question quiz (3 attempts, 70 to pass).
 */
export async function authorCourse(admin: ApiSession, video: Buffer, videoSeconds: number): Promise<AuthoredCourse> {
  const csrf = { "x-csrf-token": (admin.me as unknown as { csrfToken: string }).csrfToken };
  const media = await ok<{ id: string }>(
    await admin.context.post("/api/v1/learning/media", {
      headers: csrf,
      multipart: { kind: "video", file: { name: "nota-dinas.webm", mimeType: "video/webm", buffer: video } },
    }),
    "POST /learning/media",
  );
  const course = await admin.send<{ id: string }>("POST", "/learning/courses", {
    code: E2E_COURSE.code,
    title: E2E_COURSE.title,
    summary: "Menyusun surat, nota dinas, dan memo sesuai tata naskah dinas.",
    topic: "Administrasi",
    competency: "Tata Naskah Dinas",
    language: "id",
    jp: E2E_COURSE.jp,
  });
  const mod = await admin.send<{ id: string }>("POST", `/learning/courses/${course.id}/modules`, { title: "Dasar tata naskah" });
  const lesson = (body: unknown) => admin.send<{ id: string }>("POST", `/learning/modules/${mod.id}/lessons`, body);
  await lesson({
    kind: "text",
    title: E2E_COURSE.text,
    bodyMd:
      "## Ciri naskah dinas\n\nNaskah dinas yang baik itu **jelas** dan *ringkas*.\n\n- Lugas\n- Sesuai format\n\n[Pedoman](https://jdih.demo.abdi.go.id/tnd)",
    durationMin: 10,
  });
  await lesson({
    kind: "video",
    title: E2E_COURSE.video,
    config: { mediaId: media.id, durationSeconds: videoSeconds, completionThreshold: 0.8 },
    durationMin: 1,
  });
  const quiz = await lesson({ kind: "quiz", title: E2E_COURSE.quiz, durationMin: 5 });
  const bank = await admin.send<{ id: string }>("POST", "/learning/banks", { title: "Bank soal naskah dinas", description: "" });
  for (const q of QUIZ) {
    await admin.send("POST", `/learning/banks/${bank.id}/questions`, {
      prompt: q.prompt,
      points: 1,
      content: {
        kind: "single",
        options: [
          { id: "a", text: q.right },
          { id: "b", text: q.wrong },
        ],
        correct: "a",
      },
    });
  }
  await admin.send("PUT", `/learning/lessons/${quiz.id}/quiz`, {
    draws: [{ bankId: bank.id, count: QUIZ.length }],
    maxAttempts: 3,
    timeLimitMinutes: 10,
    passingScore: 70,
    review: "answers",
  });
  await admin.send("POST", `/learning/courses/${course.id}/publish`, {});
  const run = await admin.send<{ id: string }>("POST", `/learning/courses/${course.id}/runs`, { kind: "self_paced", title: "Mandiri", selfPacedDays: 30 });
  return { courseId: course.id, runId: run.id };
}

export { type ApiSession, apiAs, DEMO_PASSWORD, signIn };
