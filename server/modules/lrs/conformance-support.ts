import { createHash, randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ACTIVITY, AGENT, type Lrs, VERB } from "./test-support.js";

/** Helpers of the tests that check the LRS against what the xAPI conformance suite requires. */
export const V2 = "2.0.0";
export const q = (o: Record<string, unknown>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === "string" ? v : JSON.stringify(v))}`)
    .join("&");
export const mbox = () => `mailto:${randomUUID()}@example.go.id`;
export const person = () => ({ objectType: "Agent", name: "Dewi", mbox: mbox() });
export const activityId = () => `https://abdi.go.id/xapi/activities/${randomUUID()}`;
export const sub = (over: Record<string, unknown> = {}) => ({ objectType: "SubStatement", actor: AGENT, verb: VERB, object: ACTIVITY, ...over });
export const fileAttachment = (over: Record<string, unknown> = {}) => ({
  usageType: "https://abdi.go.id/xapi/attachment-usage/report",
  display: { "en-US": "Report" },
  description: { "en-US": "Monthly report" },
  contentType: "text/plain; charset=ascii",
  length: 27,
  sha2: "a".repeat(64),
  fileUrl: "https://files.abdi.go.id/report.txt",
  ...over,
});
export const FULL_ACTIVITY = {
  objectType: "Activity",
  definition: {
    name: { "en-US": "Weekly meeting", "en-GB": "Weekly meeting (GB)" },
    description: { "en-US": "A meeting every week", "en-GB": "A meeting every week (GB)" },
    type: "http://adlnet.gov/expapi/activities/meeting",
    moreInfo: "https://abdi.go.id/meetings/weekly",
    extensions: { "https://abdi.go.id/xapi/extensions/room": "B2" },
  },
};

/** Requests as a 2.0 client sends them, on the LRS `lrs()` gives once it is created. */
export function clientOf(lrs: () => Lrs) {
  const x2: Lrs["x"] = (method, url, opts = {}) => lrs().x(method, url, { version: V2, ...opts });
  const post = (body: unknown, version = V2) => lrs().x("POST", "/xapi/statements", { body, version });
  const put = (body: Record<string, unknown>, version = V2) => {
    const id = randomUUID();
    return lrs().x("PUT", `/xapi/statements?statementId=${id}`, { body: { ...body, id }, version });
  };
  const getOne = async (id: string, headers: Record<string, string> = {}, extra = "") => {
    const r = await x2("GET", `/xapi/statements?statementId=${id}${extra}`, { headers });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  return { x2, post, put, getOne };
}

/** Attachments sent as multipart/mixed parts, as a 2.0 client sends them. */
export const TEXT_A = Buffer.from("Materi pelatihan bagian pertama.\n");
export const TEXT_B = Buffer.from("Materi pelatihan bagian kedua, sedikit lebih panjang.\n");
export const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
export const textAttachment = (content: Buffer, over: Record<string, unknown> = {}) => ({
  usageType: "https://abdi.go.id/xapi/attachment-usage/handout",
  display: { "en-US": "Handout" },
  contentType: "text/plain",
  length: content.length,
  sha2: sha(content),
  ...over,
});
export const BOUNDARY = "abdi-resources-v2";
export const CRLF = "\r\n";
export const jsonPart = (s: unknown, type = "application/json") => `--${BOUNDARY}${CRLF}Content-Type: ${type}${CRLF}${CRLF}${JSON.stringify(s)}${CRLF}`;
export const textPart = (content: Buffer, hash: string | null = sha(content)) =>
  `--${BOUNDARY}${CRLF}Content-Type: text/plain${CRLF}Content-Transfer-Encoding: binary${CRLF}${hash === null ? "" : `X-Experience-API-Hash: ${hash}${CRLF}`}${CRLF}${content.toString("utf8")}${CRLF}`;
export const closing = `--${BOUNDARY}--${CRLF}`;
export const MIXED = { "content-type": `multipart/mixed; boundary=${BOUNDARY}` };
