import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { type Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { buildCourse, buildLearningWorld, L, type LearningWorld, ok, selfPacedRun } from "../test-support.js";

const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom"), Buffer.alloc(12), Buffer.from("0123456789abcdef".repeat(8))]);
const PDF = Buffer.from("%PDF-1.7\n% materi\n");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

function form(parts: { name: string; value?: string; filename?: string; content?: Buffer }[]) {
  const boundary = "----abdi-media-test";
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const head = p.filename
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n`;
    chunks.push(Buffer.from(head), p.content ?? Buffer.from(p.value ?? ""), Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(ENGINES)("learning media on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  let dataDir: string;
  const previous = process.env.ABDI_DATA_DIR;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "abdi-media-"));
    process.env.ABDI_DATA_DIR = dataDir;
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
  });
  afterAll(async () => {
    await t.close();
    process.env.ABDI_DATA_DIR = previous;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = (who: Client, kind: string | null, filename: string, content: Buffer) => {
    const { body, contentType } = form([...(kind ? [{ name: "kind", value: kind }] : []), { name: "file", filename, content }]);
    return who.request("POST", `${L}/media`, body, { "content-type": contentType });
  };
  const files = () => (fs.existsSync(path.join(dataDir, "media")) ? fs.readdirSync(path.join(dataDir, "media")) : []);
  const mediaRows = async () =>
    Number(
      (
        await t.database.db
          .selectFrom("learning_media")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("stores a video judged by its content and serves it with range requests to authors and enrolled learners", async () => {
    const { admin, employee, adminOtherAgency } = lw.c;
    const media = await ok<{ id: string; url: string; mime: string; size: number }>(upload(admin, "video", "kelas.mp4", MP4), 201);
    expect(media).toMatchObject({ mime: "video/mp4", size: MP4.length, url: `${L}/media/${media.id}` });
    expect(files()).toContain(media.id);

    const full = await admin.get(media.url);
    expect(full.statusCode).toBe(200);
    expect(full.headers["accept-ranges"]).toBe("bytes");
    expect(full.rawPayload.equals(MP4)).toBe(true);
    const part = await admin.request("GET", media.url, undefined, { range: "bytes=4-11" });
    expect(part.statusCode).toBe(206);
    expect(part.headers["content-range"]).toBe(`bytes 4-11/${MP4.length}`);
    expect(part.rawPayload.toString("latin1")).toBe("ftypisom");
    const tail = await admin.request("GET", media.url, undefined, { range: "bytes=-16" });
    expect(tail.rawPayload.equals(MP4.subarray(MP4.length - 16))).toBe(true);
    const bad = await admin.request("GET", media.url, undefined, { range: `bytes=${MP4.length + 5}-` });
    expect(bad.statusCode).toBe(416);
    expect(bad.headers["content-range"]).toBe(`bytes */${MP4.length}`);

    expect((await employee.get(media.url)).statusCode).toBe(403);
    expect((await adminOtherAgency.get(media.url)).statusCode).toBe(404);
    const course = await buildCourse(admin, { code: "MED-1", title: "Video", draft: true }, []);
    await ok(
      admin.post(`${L}/modules/${course.moduleIds[0]}/lessons`, { kind: "video", title: "Rekaman", config: { mediaId: media.id, durationSeconds: 60 } }),
      201,
    );
    await ok(admin.post(`${L}/courses/${course.id}/publish`));
    const runId = await selfPacedRun(admin, course.id);
    await ok(employee.post(`${L}/runs/${runId}/enrol`), 201);
    const learner = await employee.request("GET", media.url, undefined, { range: "bytes=0-3" });
    expect(learner.statusCode).toBe(206);
    const pdfLesson = await admin.post(`${L}/modules/${course.moduleIds[0]}/lessons`, { kind: "pdf", title: "Salah", config: { mediaId: media.id } });
    expect(pdfLesson.statusCode).toBe(400);
  });

  it("refuses a file that is not what it claims (415) and writes nothing", async () => {
    const { admin } = lw.c;
    const [before, rows] = [files().length, await mediaRows()];
    const fake = await upload(admin, "video", "bukan-video.mp4", PDF);
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe("unsupported_file");
    expect((await upload(admin, null, "catatan.txt", Buffer.from("hanya teks biasa, bukan media"))).statusCode).toBe(415);
    expect((await upload(admin, "audio", "x.mp3", MP4)).statusCode).toBe(400);
    expect(files().length).toBe(before);
    expect(await mediaRows()).toBe(rows);
    const pdf = await ok<{ mime: string }>(upload(admin, null, "materi.pdf", PDF), 201);
    expect(pdf.mime).toBe("application/pdf");
  });

  it("refuses a file over its kind's limit (413) and removes the partial file; learners cannot upload", async () => {
    const { admin, employee } = lw.c;
    const [before, rows] = [files().length, await mediaRows()];
    const big = await upload(admin, "image", "besar.png", Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe("payload_too_large");
    expect(files().length).toBe(before);
    expect(await mediaRows()).toBe(rows);
    expect((await upload(employee, "image", "a.png", PNG)).statusCode).toBe(403);
  });

  it("refuses a 2 GB upload from its Content-Length before reading it", async () => {
    if (!t.app.server.listening) await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = t.app.server.address() as AddressInfo;
    const { admin } = lw.c;
    const started = Date.now();
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: `${L}/media`,
          headers: {
            cookie: admin.cookie,
            "x-csrf-token": admin.csrf,
            "content-type": "multipart/form-data; boundary=x",
            "content-length": String(2 * 1024 * 1024 * 1024),
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode);
          req.destroy();
        },
      );
      req.on("error", (err) => (req.destroyed ? undefined : reject(err)));
      req.write(Buffer.alloc(64 * 1024));
    });
    expect(status).toBe(413);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
