import type { LightMyRequestResponse } from "fastify";
import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { Client, TestApp } from "../../../test/harness.js";
import { todayIn } from "../../org/hierarchy.js";
import { addDays } from "../calendar/workdays.js";

/** A date `n` days before today in Jakarta (the factories' default zone). */
export const daysAgo = (n: number) => addDays(todayIn("Asia/Jakarta"), -n);

export function activity(over: Record<string, unknown> = {}) {
  return { description: "Menyusun laporan", rhkId: null, outputQty: 1, outputUnit: "dokumen", minutes: 120, evidence: null, ...over };
}

/** Adds an SKP target straight into the database. */
export async function addTarget(
  t: TestApp,
  o: { agencyId: string; employeeId: string; period?: string; code?: string | null; title?: string; archived?: boolean },
) {
  const id = newId();
  const now = new Date().toISOString();
  await t.database.db
    .insertInto("skp_targets")
    .values({
      id,
      agency_id: o.agencyId,
      employee_id: o.employeeId,
      period: o.period ?? daysAgo(0).slice(0, 4),
      code: o.code === undefined ? "RHK-1" : o.code,
      title: o.title ?? "Terselenggaranya layanan administrasi",
      indicators: toJson([{ name: "Jumlah laporan", target: 12, unit: "laporan" }]),
      archived: o.archived ? 1 : 0,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A multipart/form-data body with text fields and one file part named "file". */
export function multipart(file: { name: string; type?: string; content: Buffer }, fields: Record<string, string> = {}) {
  const boundary = `----abdi${newId().replace(/-/g, "")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Sends a multipart upload as the signed-in client. */
export function upload(t: TestApp, c: Client, url: string, file: { name: string; type?: string; content: Buffer }, fields?: Record<string, string>) {
  const form = multipart(file, fields);
  return t.app.inject({
    method: "POST",
    url,
    headers: { ...(c.cookie ? { cookie: c.cookie } : {}), ...(c.csrf ? { "x-csrf-token": c.csrf } : {}), "content-type": form.contentType },
    payload: form.payload,
  }) as Promise<LightMyRequestResponse>;
}

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
export const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

/** Saves a draft and submits it; answers the submitted report. */
export async function submitted(c: Client, date: string, activities = [activity()]) {
  const put = await c.request("PUT", `/api/v1/me/reports/${date}`, { activities });
  if (put.statusCode >= 300) throw new Error(`draft failed: ${put.statusCode} ${put.body}`);
  const sub = await c.post(`/api/v1/me/reports/${date}/submit`);
  if (sub.statusCode !== 200) throw new Error(`submit failed: ${sub.statusCode} ${sub.body}`);
  return sub.json() as { id: string; status: string; revision: number };
}
