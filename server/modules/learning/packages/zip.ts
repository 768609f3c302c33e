import { crc32, inflateRawSync } from "node:zlib";

/**
 * A careful reader of uploaded content packages (SCORM, cmi5). It reads the
 * central directory first and refuses the archive before unpacking anything
 * when it is too large, has too many files, would unpack to too much, holds
 * links, encrypted or unsupported entries, or paths that could escape the
 * package folder (`..`, absolute paths, drive letters, NUL). Each entry is
 * then inflated with a hard cap at its declared size and checked against its
 * CRC, so a zip bomb that lies about its sizes is caught too.
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
  isDir: boolean;
}

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** The archive's entries (directories left out), validated and inflated. */
export function readZip(buf: Buffer, limits: ZipLimits = PACKAGE_LIMITS): ZipEntry[] {
  if (buf.length > limits.maxArchiveBytes) throw new ZipProblem("too_large", `The package is larger than ${mib(limits.maxArchiveBytes)} MiB`);
  const central = readCentralDirectory(buf, limits);
  const out: ZipEntry[] = [];
  for (const e of central) {
    if (e.isDir) continue;
    out.push({ path: e.path, size: e.size, data: inflateEntry(buf, e, limits) });
  }
  return out;
}

/** Only the names and sizes, after the same checks as readZip (nothing is inflated). */
export function listZip(buf: Buffer, limits: ZipLimits = PACKAGE_LIMITS): { path: string; size: number }[] {
  if (buf.length > limits.maxArchiveBytes) throw new ZipProblem("too_large", `The package is larger than ${mib(limits.maxArchiveBytes)} MiB`);
  return readCentralDirectory(buf, limits)
    .filter((e) => !e.isDir)
    .map((e) => ({ path: e.path, size: e.size }));
}

function readCentralDirectory(buf: Buffer, limits: ZipLimits): CentralEntry[] {
  const eocd = findEocd(buf);
  if (eocd < 0) throw new ZipProblem("not_zip", "This file is not a zip archive");
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new ZipProblem("zip64", "ZIP64 archives are not supported");
  if (cdOffset + cdSize > eocd) throw new ZipProblem("corrupt", "The zip directory is damaged");
  if (count > limits.maxFiles) throw new ZipProblem("too_many_files", `The package has more than ${limits.maxFiles} files`);

  const entries: CentralEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_SIG) throw new ZipProblem("corrupt", "The zip directory is damaged");
    const madeBy = buf.readUInt16LE(p + 4);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const packed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const external = buf.readUInt32LE(p + 38);
    const localOffset = buf.readUInt32LE(p + 42);
    const rawName = buf.subarray(p + 46, p + 46 + nameLen);
    // Bit 11: the name is UTF-8; otherwise code page 437, which is ASCII for the names packages use.
    const name = rawName.toString(flags & 0x800 ? "utf8" : "latin1");
    p += 46 + nameLen + extraLen + commentLen;

    if (packed === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new ZipProblem("zip64", "ZIP64 archives are not supported");
    const path = safePath(name);
    const isDir = name.endsWith("/") || name.endsWith("\\");
    const hostOs = madeBy >> 8;
    // Unix hosts keep the file mode in the high half of the external attributes.
    if (hostOs === 3 && ((external >>> 16) & S_IFMT) === S_IFLNK) throw new ZipProblem("link", `The package contains a link: ${path}`, path);
    if (flags & 0x1) throw new ZipProblem("encrypted", `The package contains an encrypted file: ${path}`, path);
    if (!isDir && method !== 0 && method !== 8) throw new ZipProblem("unsupported_entry", `Unsupported compression in ${path}`, path);
    if (!isDir) {
      const key = path.toLowerCase();
      if (seen.has(key)) throw new ZipProblem("duplicate_path", `The package contains ${path} twice`, path);
      seen.add(key);
      if (size > limits.maxFileBytes) throw new ZipProblem("unpacked_too_large", `${path} is larger than ${mib(limits.maxFileBytes)} MiB`, path);
      if (size > 1024 * 1024 && size / Math.max(packed, 1) > limits.maxRatio) throw new ZipProblem("bomb", `${path} is compressed beyond belief`, path);
      total += size;
      if (total > limits.maxUnpackedBytes) throw new ZipProblem("unpacked_too_large", `The package unpacks to more than ${mib(limits.maxUnpackedBytes)} MiB`);
    }
    entries.push({ path, method, flags, crc, packed, size, localOffset, isDir });
  }
  return entries;
}

function inflateEntry(buf: Buffer, e: CentralEntry, limits: ZipLimits): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL_SIG) throw new ZipProblem("corrupt", `The zip entry ${e.path} is damaged`, e.path);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + e.packed;
  if (end > buf.length) throw new ZipProblem("corrupt", `The zip entry ${e.path} is cut short`, e.path);
  const raw = buf.subarray(start, end);
  let data: Buffer;
  if (e.method === 0) {
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

/** A normalised relative path, or a bad_path problem. */
export function safePath(name: string): string {
  if (name.length === 0 || name.includes("\0")) throw new ZipProblem("bad_path", "The package contains an empty or invalid file name");
  const forward = name.replace(/\\/g, "/");
  if (forward.startsWith("/") || /^[a-zA-Z]:/.test(forward)) throw new ZipProblem("bad_path", `The package contains an absolute path: ${name}`, name);
  const parts = forward.split("/").filter((s) => s !== "" && s !== ".");
  if (parts.some((s) => s === "..")) throw new ZipProblem("bad_path", `The package contains a path leaving its folder: ${name}`, name);
  if (parts.length === 0) throw new ZipProblem("bad_path", `The package contains an invalid file name: ${name}`, name);
  return parts.join("/");
}

function mib(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}
