import { crc32, inflateRawSync } from "node:zlib";

/**
 * A careful reader of uploaded content packages (SCORM, cmi5). It reads the
 * central directory first and refuses the archive before unpacking anything
 * when it is too large, has too many files, would unpack to too much, holds
 * links, encrypted or unsupported entries, or paths that could escape the
 * package folder (`..`, absolute paths, drive letters, NUL). Each entry is
 * then inflated with a hard cap at its declared size and checked against its
 * CRC, so a zip bomb that lies about its sizes is caught too.
 *
 * What zip tools really write is read as they mean it: backslashes as
 * folder separators, names in UTF-8 with or without the flag (or Info-ZIP's
 * Unicode path field, or code page 437), ZIP64 records (the limits apply to
 * the real sizes), data descriptors, and an identical entry written twice.
 * Names are kept in Unicode NFC, as pages and manifests spell them. The
 * desktop's own files (`__MACOSX/`, `.DS_Store`, `._*`, `Thumbs.db`,
 * `desktop.ini`) are checked like any entry but left out.
 */

export interface ZipLimits {
  maxArchiveBytes: number;
  maxFiles: number;
  maxUnpackedBytes: number;
  maxFileBytes: number;
  /** Unpacked/packed ratio above which an entry is treated as a bomb. */
  maxRatio: number;
}

export const PACKAGE_LIMITS: ZipLimits = {
  maxArchiveBytes: 200 * 1024 * 1024,
  maxFiles: 5_000,
  maxUnpackedBytes: 500 * 1024 * 1024,
  maxFileBytes: 200 * 1024 * 1024,
  maxRatio: 200,
};

export type ZipProblemCode =
  | "not_zip"
  | "too_large"
  | "too_many_files"
  | "unpacked_too_large"
  | "bad_path"
  | "duplicate_path"
  | "link"
  | "encrypted"
  | "unsupported_entry"
  | "zip64"
  | "corrupt"
  | "bomb";

export class ZipProblem extends Error {
  constructor(
    readonly code: ZipProblemCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

export interface ZipEntry {
  path: string;
  size: number;
  data: Buffer;
}

interface CentralEntry {
  path: string;
  method: number;
  flags: number;
  crc: number;
  packed: number;
  size: number;
  localOffset: number;
  /** A folder record, a desktop file or the second copy of an identical entry: checked, not kept. */
  skip: boolean;
}

const EOCD_SIG = 0x06054b50;
const EOCD64_SIG = 0x06064b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const MAX_PATH_CHARS = 1024;

/** The archive's files (folders and desktop files left out), validated and inflated. */
export function readZip(buf: Buffer, limits: ZipLimits = PACKAGE_LIMITS): ZipEntry[] {
  if (buf.length > limits.maxArchiveBytes) throw new ZipProblem("too_large", `The package is larger than ${mib(limits.maxArchiveBytes)} MiB`);
  return readCentralDirectory(buf, limits)
    .filter((e) => !e.skip)
    .map((e) => ({ path: e.path, size: e.size, data: inflateEntry(buf, e, limits) }));
}

/** Only the names and sizes, after the same checks as readZip (nothing is inflated). */
export function listZip(buf: Buffer, limits: ZipLimits = PACKAGE_LIMITS): { path: string; size: number }[] {
  if (buf.length > limits.maxArchiveBytes) throw new ZipProblem("too_large", `The package is larger than ${mib(limits.maxArchiveBytes)} MiB`);
  return readCentralDirectory(buf, limits)
    .filter((e) => !e.skip)
    .map((e) => ({ path: e.path, size: e.size }));
}

/** Files a desktop adds to a folder it zips: resource forks, Finder and Explorer caches. */
export function isDesktopJunk(path: string): boolean {
  const parts = path.split("/");
  const base = parts[parts.length - 1].toLowerCase();
  return parts[0] === "__MACOSX" || base === ".ds_store" || base.startsWith("._") || base === "thumbs.db" || base === "desktop.ini";
}

/** Where the central directory is and how many entries it has, from the end record (ZIP64 when it says so). */
function readEnd(buf: Buffer): { count: number; cdOffset: number; cdSize: number; cdLimit: number } {
  const eocd = findEocd(buf);
  if (eocd < 0) throw new ZipProblem("not_zip", "This file is not a zip archive");
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  let disk = buf.readUInt16LE(eocd + 4);
  let cdDisk = buf.readUInt16LE(eocd + 6);
  let cdLimit = eocd;
  const loc = eocd - 20;
  if (loc >= 0 && buf.readUInt32LE(loc) === EOCD64_LOCATOR_SIG) {
    const at = Number(buf.readBigUInt64LE(loc + 8));
    if (at + 56 > loc || buf.readUInt32LE(at) !== EOCD64_SIG) throw new ZipProblem("corrupt", "The zip directory is damaged (ZIP64 end record)");
    disk = buf.readUInt32LE(at + 16);
    cdDisk = buf.readUInt32LE(at + 20);
    count = Number(buf.readBigUInt64LE(at + 32));
    cdSize = Number(buf.readBigUInt64LE(at + 40));
    cdOffset = Number(buf.readBigUInt64LE(at + 48));
    cdLimit = at;
  } else if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    throw new ZipProblem("corrupt", "The zip directory is damaged (ZIP64 end record missing)");
  }
  if (disk !== 0 || cdDisk !== 0)
    throw new ZipProblem("unsupported_entry", "Zip archives split into several parts are not supported; zip the folder again as one file");
  if (cdOffset + cdSize > cdLimit) throw new ZipProblem("corrupt", "The zip directory is damaged");
  return { count, cdOffset, cdSize, cdLimit };
}

function readCentralDirectory(buf: Buffer, limits: ZipLimits): CentralEntry[] {
  const { count, cdOffset, cdLimit } = readEnd(buf);
  if (count > limits.maxFiles) throw new ZipProblem("too_many_files", `The package has more than ${limits.maxFiles} files`);

  const entries: CentralEntry[] = [];
  const seen = new Map<string, { path: string; crc: number; size: number }>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdLimit || buf.readUInt32LE(p) !== CENTRAL_SIG) throw new ZipProblem("corrupt", "The zip directory is damaged");
    const madeBy = buf.readUInt16LE(p + 4);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const external = buf.readUInt32LE(p + 38);
    if (p + 46 + nameLen + extraLen > cdLimit) throw new ZipProblem("corrupt", "The zip directory is damaged");
    const rawName = buf.subarray(p + 46, p + 46 + nameLen);
    const extra = buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    const name = entryName(rawName, flags, extra);
    const sizes = entrySizes(buf, p, extra, name);
    p += 46 + nameLen + extraLen + commentLen;

    const hostOs = madeBy >> 8;
    const unixMode = hostOs === 3 || hostOs === 19 ? (external >>> 16) & S_IFMT : 0;
    const isDir = name.endsWith("/") || name.endsWith("\\") || unixMode === S_IFDIR || (sizes.size === 0 && (external & 0x10) !== 0);
    const path = safePath(name, isDir);
    if (path.length > MAX_PATH_CHARS)
      throw new ZipProblem("bad_path", `The package contains a path longer than ${MAX_PATH_CHARS} characters: ${path.slice(0, 80)}…`, path);
    // Unix and macOS hosts keep the file mode in the high half of the external attributes.
    if (unixMode === S_IFLNK) throw new ZipProblem("link", `The package contains a link: ${path}`, path);
    if (flags & 0x1) throw new ZipProblem("encrypted", `The package contains an encrypted file: ${path}`, path);
    const entry: CentralEntry = { path, method, flags, crc, ...sizes, skip: isDir || isDesktopJunk(path) };
    entries.push(entry);
    if (isDir) continue;
    if (method !== 0 && method !== 8)
      throw new ZipProblem("unsupported_entry", `Unsupported compression in ${path} (save the zip with "deflate" or no compression)`, path);
    const { size, packed } = sizes;
    if (size > limits.maxFileBytes) throw new ZipProblem("unpacked_too_large", `${path} is larger than ${mib(limits.maxFileBytes)} MiB`, path);
    if (size > 1024 * 1024 && size / Math.max(packed, 1) > limits.maxRatio) throw new ZipProblem("bomb", `${path} is compressed beyond belief`, path);
    total += size;
    if (total > limits.maxUnpackedBytes) throw new ZipProblem("unpacked_too_large", `The package unpacks to more than ${mib(limits.maxUnpackedBytes)} MiB`);
    if (entry.skip) continue;
    const key = path.toLowerCase();
    const before = seen.get(key);
    if (before) {
      // The same file written twice (some tools append when a zip is updated) is read once; two different files under one name are refused.
      if (before.path === path && before.crc === crc && before.size === size) {
        entry.skip = true;
        continue;
      }
      throw new ZipProblem("duplicate_path", `The package contains ${path} twice`, path);
    }
    seen.set(key, { path, crc, size });
  }
  return entries;
}

/** Sizes and offset of a central entry, taken from its ZIP64 extra field where the 32-bit fields say so. */
function entrySizes(buf: Buffer, p: number, extra: Buffer, name: string): { packed: number; size: number; localOffset: number } {
  let packed = buf.readUInt32LE(p + 20);
  let size = buf.readUInt32LE(p + 24);
  let localOffset = buf.readUInt32LE(p + 42);
  if (packed !== 0xffffffff && size !== 0xffffffff && localOffset !== 0xffffffff) return { packed, size, localOffset };
  const z = extraField(extra, 0x0001);
  let at = 0;
  const next = (): number => {
    if (!z || at + 8 > z.length) throw new ZipProblem("corrupt", `The zip entry ${name} is damaged (ZIP64 sizes missing)`);
    const v = Number(z.readBigUInt64LE(at));
    at += 8;
    return v;
  };
  // The ZIP64 field holds, in this order, only the values whose 32-bit field is full.
  if (size === 0xffffffff) size = next();
  if (packed === 0xffffffff) packed = next();
  if (localOffset === 0xffffffff) localOffset = next();
  return { packed, size, localOffset };
}

function extraField(extra: Buffer, id: number): Buffer | undefined {
  let q = 0;
  while (q + 4 <= extra.length) {
    const tag = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (q + 4 + len > extra.length) return undefined;
    if (tag === id) return extra.subarray(q + 4, q + 4 + len);
    q += 4 + len;
  }
  return undefined;
}

/**
 * An entry's name: UTF-8 when flag 11 says so; else Info-ZIP's Unicode path
 * field when it matches the name; else UTF-8 when the bytes are valid UTF-8
 * (as macOS and Linux tools write without the flag); else code page 437.
 */
function entryName(raw: Buffer, flags: number, extra: Buffer): string {
  let name: string;
  if (flags & 0x800) name = raw.toString("utf8");
  else {
    const unicode = extraField(extra, 0x7075);
    if (unicode && unicode.length > 5 && unicode[0] === 1 && unicode.readUInt32LE(1) === crc32(raw) >>> 0) name = unicode.subarray(5).toString("utf8");
    else if (raw.every((b) => b < 0x80)) name = raw.toString("latin1");
    else {
      try {
        name = new TextDecoder("utf-8", { fatal: true }).decode(raw);
      } catch {
        name = Array.from(raw, (b) => (b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80])).join("");
      }
    }
  }
  return name.normalize("NFC");
}

const CP437_HIGH = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

function inflateEntry(buf: Buffer, e: CentralEntry, limits: ZipLimits): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL_SIG) throw new ZipProblem("corrupt", `The zip entry ${e.path} is damaged`, e.path);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + e.packed;
  if (end > buf.length) throw new ZipProblem("corrupt", `The zip entry ${e.path} is cut short`, e.path);
  const raw = buf.subarray(start, end);
  let data: Buffer;
  if (e.size === 0 && e.packed === 0) {
    // An empty file, whatever its method says.
    data = Buffer.alloc(0);
  } else if (e.method === 0) {
    if (e.packed !== e.size) throw new ZipProblem("corrupt", `The zip entry ${e.path} has inconsistent sizes`, e.path);
    data = Buffer.from(raw);
  } else {
    try {
      // Never more than the declared size (and never more than the per-file limit).
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, Math.min(e.size, limits.maxFileBytes)) });
    } catch {
      throw new ZipProblem("bomb", `The zip entry ${e.path} unpacks to more than it declares`, e.path);
    }
    if (data.length !== e.size) throw new ZipProblem("corrupt", `The zip entry ${e.path} has a wrong size`, e.path);
  }
  if (crc32(data) >>> 0 !== e.crc >>> 0) throw new ZipProblem("corrupt", `The zip entry ${e.path} fails its checksum`, e.path);
  return data;
}

function findEocd(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of up to 65,535 bytes.
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  return -1;
}

/** A normalised relative path, or a bad_path problem ("" for a folder record of the top level when `folder`). */
export function safePath(name: string, folder = false): string {
  if (name.length === 0 || name.includes("\0")) throw new ZipProblem("bad_path", "The package contains an empty or invalid file name");
  const forward = name.replace(/\\/g, "/");
  if (forward.startsWith("/") || /^[a-zA-Z]:/.test(forward)) throw new ZipProblem("bad_path", `The package contains an absolute path: ${name}`, name);
  const parts = forward.split("/").filter((s) => s !== "" && s !== ".");
  if (parts.some((s) => s === "..")) throw new ZipProblem("bad_path", `The package contains a path leaving its folder: ${name}`, name);
  if (parts.length === 0 && folder) return "";
  if (parts.length === 0) throw new ZipProblem("bad_path", `The package contains an invalid file name: ${name}`, name);
  return parts.join("/");
}

function mib(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}
