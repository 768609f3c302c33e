import { inflateSync } from "node:zlib";
import type { Kysely } from "kysely";
import { toJson } from "../../../db/dialect.js";
import { newId } from "../../../db/ids.js";
import type { DB } from "../../../db/schema.js";
import { DEFAULT_FORM } from "../health/questions.js";

/**
 * The text drawn in a PDF: every content stream is inflated when compressed,
 * and the hex strings of its text operators are decoded and joined.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  let text = "";
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\nendstream/g)) {
    // The end-of-line before "endstream" is "\n" or "\r\n"; compressed data may itself end in a "\r" byte,
    // so both readings are tried.
    const data = m[1];
    let content = data;
    for (const candidate of [data, data.endsWith("\r") ? data.slice(0, -1) : null]) {
      if (candidate === null) continue;
      try {
        content = inflateSync(Buffer.from(candidate, "latin1")).toString("latin1");
        break;
      } catch {
        // not this reading
      }
    }
    for (const op of content.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)) {
      for (const hex of op[1].matchAll(/<([0-9a-f]*)>/g)) text += Buffer.from(hex[1], "hex").toString("latin1");
      text += "\n";
    }
  }
  return text;
}

/** A check-in row as the check-in service would write it, with an exact position. */
export async function insertCheckin(db: Kysely<DB>, o: { agencyId: string; unitId: string; employeeId: string; workDate: string; kind?: "in" | "out" }) {
  const id = newId();
  await db
    .insertInto("checkins")
    .values({
      id,
      agency_id: o.agencyId,
      unit_id: o.unitId,
      employee_id: o.employeeId,
      work_date: o.workDate,
      kind: o.kind ?? "in",
      mode: "WFO",
      expected_mode: null,
      server_time: `${o.workDate}T00:31:00.000Z`,
      device_time: `${o.workDate}T00:30:58.000Z`,
      lat: -6.175392,
      lng: 106.827153,
      accuracy_m: 12,
      position_error: null,
      geofence: "office",
      place_id: null,
      place_name: "Kantor Pusat",
      distance_m: 35,
      minutes_off: 0,
      coords_purged_at: null,
      note: null,
      created_at: `${o.workDate}T00:31:00.000Z`,
    })
    .execute();
  return id;
}

/** A health form version 1 for an agency, then a check with answers on a day. */
export async function insertHealthForm(db: Kysely<DB>, agencyId: string) {
  const id = newId();
  await db
    .insertInto("health_forms")
    .values({
      id,
      agency_id: agencyId,
      version: 1,
      questions: toJson(DEFAULT_FORM.questions),
      rule: toJson(DEFAULT_FORM.rule),
      created_by: null,
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

export async function insertHealthCheck(db: Kysely<DB>, o: { agencyId: string; unitId: string; employeeId: string; formId: string; workDate: string }) {
  const id = newId();
  await db
    .insertInto("health_checks")
    .values({
      id,
      agency_id: o.agencyId,
      unit_id: o.unitId,
      employee_id: o.employeeId,
      work_date: o.workDate,
      form_id: o.formId,
      answers: toJson({ temperature: 38, symptoms: ["cough"], close_contact: { value: false }, test_result: { value: "none" } }),
      cleared: 0,
      reasons: toJson(["temperature", "symptoms"]),
      answers_purged_at: null,
      created_at: `${o.workDate}T01:00:00.000Z`,
      updated_at: `${o.workDate}T01:00:00.000Z`,
    })
    .execute();
  return id;
}
