import { buildZip } from "../../packages/test-support.js";

/** A zip with stored (uncompressed) entries. */
export function storedZip(entries: { name: string; data: Buffer | string }[]): Buffer {
  return buildZip(entries);
}
