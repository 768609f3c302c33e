import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../../../config.js";

export const MIB = 1024 * 1024;

export type SniffedType =
  | { kind: "video"; mime: "video/mp4" | "video/webm" }
  | { kind: "pdf"; mime: "application/pdf" }
  | { kind: "image"; mime: "image/png" | "image/jpeg" };

/** Per kind: the largest file taken. */
export const MEDIA_LIMITS = { video: 500 * MIB, pdf: 50 * MIB, image: 10 * MIB } as const;
export const MEDIA_MAX = MEDIA_LIMITS.video;

/** Bytes needed to judge a file by its content. */
export const SNIFF_BYTES = 12;

/** What a file is, by its first bytes; null for anything else. */
export function sniffMedia(head: Buffer): SniffedType | null {
  if (head.length >= 8 && head.subarray(4, 8).toString("latin1") === "ftyp") return { kind: "video", mime: "video/mp4" };
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return { kind: "video", mime: "video/webm" };
  if (head.length >= 5 && head.subarray(0, 5).toString("latin1") === "%PDF-") return { kind: "pdf", mime: "application/pdf" };
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { kind: "image", mime: "image/png" };
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { kind: "image", mime: "image/jpeg" };
  return null;
}

/** The folder of uploaded learning media, under the data folder (ABDI_DATA_DIR). */
export function mediaDir(): string {
  const dir = path.join(loadConfig().dataDir, "media");
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function mediaPath(id: string): string {
  return path.join(mediaDir(), id);
}

export async function removeQuietly(file: string): Promise<void> {
  await fs.promises.rm(file, { force: true });
}
