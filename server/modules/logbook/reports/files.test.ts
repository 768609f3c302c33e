import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import type { Client, TestApp } from "../../../test/harness.js";
import { createTestApp } from "../../../test/harness.js";
import { type ActorName, buildOrgWorld, type OrgWorld, signInAll } from "../../../test/org-world.js";
import { activity, daysAgo, multipart, PDF, PNG, upload } from "./test-support.js";

describe.each(ENGINES)("evidence files on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let c: Record<ActorName, Client>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    c = await signInAll(t, w);
  });
  afterAll(() => t.close());

  const countFiles = async () =>
    Number(
      (
        await t.database.db
          .selectFrom("files")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const send = (file: { name: string; content: Buffer; type?: string }, fields?: Record<string, string>) =>
    upload(t, c.employee, "/api/v1/me/files", file, fields);

  it("stores a PNG and a PDF with their sha256, judged by content, and serves them safely", async () => {
    const png = await send({ name: "foto.png", content: PNG, type: "image/png" }, { purpose: "evidence" });
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ filename: "foto.png", mime: "image/png", size: PNG.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const disguised = await send({ name: "scan.pdf", content: PNG, type: "application/pdf" });
    expect(disguised.json()).toMatchObject({ mime: "image/png", filename: "scan.png" });
    const pdf = await send({ name: "notulen rapat.pdf", content: PDF });
    expect(pdf.json()).toMatchObject({ mime: "application/pdf", filename: "notulen rapat.pdf" });

    const got = await c.employee.get(`/api/v1/files/${pdf.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers["content-type"]).toBe("application/pdf");
    expect(got.headers["x-content-type-options"]).toBe("nosniff");
    expect(got.headers["content-disposition"]).toContain('filename="notulen rapat.pdf"');
    expect(got.rawPayload.equals(PDF)).toBe(true);
    const attachment = await c.employee.get(`/api/v1/files/${png.json().id}?download=true`);
    expect(attachment.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(attachment.headers["content-type"]).toBe("image/png");
  });

  it("refuses executables, archives and text with 415, whatever their name", async () => {
    const before = await countFiles();
    const cases: [string, Buffer][] = [
      ["laporan.pdf", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)])],
      ["laporan.pdf", Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(100)])],
      ["laporan.pdf", Buffer.from("#!/bin/sh\nrm -rf /\n")],
      ["laporan.pdf", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)])],
      ["catatan.txt", Buffer.from("hanya teks biasa\n")],
      ["gambar.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
      ["kosong.png", Buffer.alloc(0)],
    ];
    for (const [name, content] of cases) {
      const res = await send({ name, content, type: "application/pdf" });
      expect(res.statusCode, name).toBe(415);
      expect(res.json().code).toBe("unsupported_file");
    }
    expect((await send({ name: "x.png", content: PNG }, { purpose: "avatar" })).statusCode).toBe(400);
    expect(await countFiles()).toBe(before);
  });

  it("answers a 30 MB upload and a file just over 10 MiB with 413, writing nothing", async () => {
    const before = await countFiles();
    const huge = Buffer.concat([PNG, Buffer.alloc(30 * 1024 * 1024)]);
    const res = await send({ name: "video.png", content: huge });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe("payload_too_large");
    const justOver = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 + 1 - PNG.length)]);
    const res2 = await send({ name: "foto.png", content: justOver });
    expect(res2.statusCode).toBe(413);
    expect(await countFiles()).toBe(before);
    const atLimit = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 - PNG.length)]);
    expect((await send({ name: "foto.png", content: atLimit })).statusCode).toBe(201);
  });

  it("answers 413 cleanly over a real connection too, with or without a declared length", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = t.app.server.address() as { port: number };
    const form = multipart({ name: "video.png", content: Buffer.concat([PNG, Buffer.alloc(30 * 1024 * 1024)]) });
    const before = await countFiles();
    for (const length of [{ "content-length": String(form.payload.length) }, { "transfer-encoding": "chunked" }]) {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const headers = { cookie: c.employee.cookie, "x-csrf-token": c.employee.csrf, "content-type": form.contentType, ...length };
        const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/api/v1/me/files", headers }, (res) => {
          let body = "";
          res.on("data", (d) => {
            body += d;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on("error", reject);
        req.end(form.payload);
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).code).toBe("payload_too_large");
    }
    expect(await countFiles()).toBe(before);
  });

  it("lets the owner and whoever may see the owner's day read a file; evidence ids must be one's own", async () => {
    const file = (await send({ name: "bukti.png", content: PNG })).json();
    const expected: Record<ActorName, number> = {
      employee: 200,
      supervisor: 200,
      otherSupervisor: 403,
      leader: 200,
      health: 200,
      hr: 200,
      hrScoped: 403,
      hrOtherAgency: 404,
      outsider: 401,
    };
    for (const [actor, status] of Object.entries(expected) as [ActorName, number][]) {
      expect((await c[actor].get(`/api/v1/files/${file.id}`)).statusCode, actor).toBe(status);
    }
    expect((await c.outsider.request("POST", "/api/v1/me/files", {})).statusCode).toBe(401);

    const date = daysAgo(3);
    const ok = await c.employee.request("PUT", `/api/v1/me/reports/${date}`, { activities: [activity({ evidence: { fileId: file.id } })] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().activities[0].evidence).toMatchObject({ fileId: file.id, mime: "image/png", href: `/api/v1/files/${file.id}` });
    const stolen = await c.supervisor.request("PUT", `/api/v1/me/reports/${date}`, { activities: [activity({ evidence: { fileId: file.id } })] });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().errors[0].path).toBe("activities.0.evidence.fileId");
  });
});
