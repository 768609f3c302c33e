import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Client } from "../../../test/harness.js";
import { composeNip } from "../nip.js";
import type { ImportJobDto } from "./schema.js";

/** Helpers for the import tests: multipart bodies, files, polling. */

export interface FormPart {
  name: string;
  value?: string;
  filename?: string;
  content?: Buffer;
  contentType?: string;
}

/** A multipart/form-data body, built byte by byte as a browser would send it. */
export function multipartBody(parts: FormPart[]): { body: Buffer; contentType: string } {
  const boundary = `----abdi${randomBytes(12).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? "" : `; filename="${p.filename}"`}`;
    const type = p.content ? `Content-Type: ${p.contentType ?? "application/octet-stream"}\r\n` : "";
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(p.content ?? Buffer.from(p.value ?? ""));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface UploadOptions {
  filename?: string;
  /** null leaves the field out. */
  mode?: string | null;
  dryRun?: string | null;
  contentType?: string;
  agencyId?: string;
}

export function uploadFile(c: Client, content: Buffer, o: UploadOptions = {}): Promise<LightMyRequestResponse> {
  const parts: FormPart[] = [];
  if (o.mode !== null) parts.push({ name: "mode", value: o.mode ?? "valid_rows" });
  if (o.dryRun !== null) parts.push({ name: "dryRun", value: o.dryRun ?? "false" });
  parts.push({ name: "file", filename: o.filename ?? "pegawai.csv", content, contentType: o.contentType ?? "text/csv" });
  const { body, contentType } = multipartBody(parts);
  const url = `/api/v1/imports/employees${o.agencyId ? `?agencyId=${o.agencyId}` : ""}`;
  return c.request("POST", url, body, { "content-type": contentType });
}

export const HEADER = ["nip", "nama", "email", "telepon", "kode_unit", "jabatan", "jenis_pegawai", "status", "nip_atasan"];

/** A row in HEADER order: a valid employee of unit BIRO-UMUM unless cells say otherwise. */
export function row(c: Partial<Record<string, string>> & { nip: string }): string[] {
  const cells: Partial<Record<string, string>> = { nama: `Pegawai ${c.nip.slice(-4)}`, kode_unit: "BIRO-UMUM", jenis_pegawai: "PNS", ...c };
  return HEADER.map((h) => cells[h] ?? "");
}

/** CSV text from rows of cells (quoted where needed). */
export function csv(rows: string[][], sep = ","): Buffer {
  const cell = (v: string) => (v.includes(sep) || v.includes('"') || v.includes("\n") ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(rows.map((r) => r.map(cell).join(sep)).join("\r\n"));
}

/**
 * A valid NIP per index, unique up to 9,000,000 and never equal to the
 * factories' NIPs (their appointment is 23 years after birth, these 25).
 */
export function nipFor(i: number, gender: "M" | "F" = "M"): string {
  const day = i % 9000;
  const y = 1960 + (day % 30);
  const m = 1 + (Math.floor(day / 30) % 12);
  const d = 1 + (Math.floor(day / 360) % 25);
  return composeNip({ y, m, d }, { y: y + 25, m }, gender, 1 + Math.floor(i / 9000));
}

export const FINISHED = ["done", "rejected", "failed"];

/** Polls a job until it has finished (bounded), returning every state seen. */
export async function waitForJob(c: Client, id: string, timeoutMs = 30_000, pauseMs = 5): Promise<{ job: ImportJobDto; seen: ImportJobDto[] }> {
  const seen: ImportJobDto[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await c.get(`/api/v1/imports/${id}`);
    if (res.statusCode !== 200) throw new Error(`GET job: ${res.statusCode} ${res.body}`);
    const job = res.json() as ImportJobDto;
    seen.push(job);
    if (FINISHED.includes(job.status)) return { job, seen };
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  throw new Error(`import ${id} did not finish within ${timeoutMs} ms`);
}

/** Sends a body over a real TCP connection (inject never exercises socket back-pressure or early answers). */
export async function postOverSocket(
  app: FastifyInstance,
  path: string,
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ status: number | undefined; body: string }> {
  if (!app.server.listening) await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path, headers: { ...headers, "content-length": body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (d: Buffer) => chunks.push(d));
      res.on("end", () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}
