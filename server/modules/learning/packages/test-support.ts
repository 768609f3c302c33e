import { crc32, deflateRawSync } from "node:zlib";
import { AppError } from "../../../platform/errors.js";
import type { InspectedPackage } from "./inspect.js";
import type { ScormManifest } from "./scorm.js";

/** One entry of a zip written by hand, in the shapes zip tools really produce. */
export interface ZipFile {
  /** The entry name; raw bytes for names in a legacy code page. */
  name: string | Buffer;
  data?: Buffer | string;
  deflate?: boolean;
  /** The packed bytes as stored, instead of the data (deflated when `deflate`). */
  packed?: Buffer;
  /** General purpose flag 11 (name in UTF-8); on unless false. */
  utf8?: boolean;
  /** Host system of "version made by": 0 DOS/Windows, 3 Unix (default), 19 macOS. */
  host?: number;
  /** Unix mode in the external attributes (hosts 3 and 19), e.g. 0o120777 for a link. */
  mode?: number;
  /** DOS attributes in the low byte of the external attributes, e.g. 0x10 for a folder. */
  dos?: number;
  /** Sizes and checksum left out of the local header and written after the data (flag 3). */
  descriptor?: boolean;
  /** Sizes and offset in a ZIP64 extra field, the 32-bit fields full. */
  zip64?: boolean;
  /** The size the ZIP64 field declares, instead of the real one. */
  zip64Size?: bigint;
  /** More extra fields of the central record. */
  extra?: Buffer;
  flags?: number;
}

/** A zip archive as bytes; `zip64End` writes the ZIP64 end record and locator, `disk` a split archive's disk number. */
export function buildZip(files: ZipFile[], opts: { zip64End?: boolean; disk?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const raw = Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data ?? "");
    const packed = f.packed ?? (f.deflate ? deflateRawSync(raw) : raw);
    const name = Buffer.isBuffer(f.name) ? f.name : Buffer.from(f.name, "utf8");
    const flags = (f.flags ?? 0) | (f.utf8 === false ? 0 : 0x800) | (f.descriptor ? 0x8 : 0);
    const method = f.deflate ? 8 : 0;
    const crc = crc32(raw) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(f.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(f.descriptor ? 0 : crc, 14);
    local.writeUInt32LE(f.descriptor ? 0 : packed.length, 18);
    local.writeUInt32LE(f.descriptor ? 0 : raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(f.descriptor ? 16 : 0);
    if (f.descriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(packed.length, 8);
      descriptor.writeUInt32LE(raw.length, 12);
    }
    let extra = f.extra ?? Buffer.alloc(0);
    if (f.zip64) {
      const z = Buffer.alloc(28);
      z.writeUInt16LE(0x0001, 0);
      z.writeUInt16LE(24, 2);
      z.writeBigUInt64LE(f.zip64Size ?? BigInt(raw.length), 4);
      z.writeBigUInt64LE(BigInt(packed.length), 12);
      z.writeBigUInt64LE(BigInt(offset), 20);
      extra = Buffer.concat([z, extra]);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(((f.host ?? 3) << 8) | 45, 4);
    central.writeUInt16LE(f.zip64 ? 45 : 20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(f.zip64 ? 0xffffffff : packed.length, 20);
    central.writeUInt32LE(f.zip64 ? 0xffffffff : raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE((((f.mode ?? 0o100644) << 16) | (f.dos ?? 0)) >>> 0, 38);
    central.writeUInt32LE(f.zip64 ? 0xffffffff : offset, 42);
    locals.push(local, name, packed, descriptor);
    centrals.push(central, name, extra);
    offset += 30 + name.length + packed.length + descriptor.length;
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (opts.zip64End) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(files.length), 24);
    rec.writeBigUInt64LE(BigInt(files.length), 32);
    rec.writeBigUInt64LE(BigInt(cd.length), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(rec, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(opts.disk ?? 0, 4);
  end.writeUInt16LE(opts.disk ?? 0, 6);
  end.writeUInt16LE(opts.zip64End ? 0xffff : files.length, 8);
  end.writeUInt16LE(opts.zip64End ? 0xffff : files.length, 10);
  end.writeUInt32LE(opts.zip64End ? 0xffffffff : cd.length, 12);
  end.writeUInt32LE(opts.zip64End ? 0xffffffff : offset, 16);
  tail.push(end);
  return Buffer.concat([...locals, cd, ...tail]);
}

/** Info-ZIP's Unicode path extra field (0x7075) for a name stored in a legacy code page. */
export function unicodePathField(rawName: Buffer, name: string): Buffer {
  const utf8 = Buffer.from(name, "utf8");
  const f = Buffer.alloc(9 + utf8.length);
  f.writeUInt16LE(0x7075, 0);
  f.writeUInt16LE(5 + utf8.length, 2);
  f.writeUInt8(1, 4);
  f.writeUInt32LE(crc32(rawName) >>> 0, 5);
  utf8.copy(f, 9);
  return f;
}

/** A SCORM 1.2 manifest around the given organisations and resources. */
export function scorm12Manifest(body: string, head = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  return `${head}
<manifest identifier="com.example.kursus" version="1.0" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  ${body}
</manifest>`;
}

/** A SCORM 2004 manifest (4th edition namespaces) around the given organisations and resources. */
export function scorm2004Manifest(body: string, schemaversion = "2004 4th Edition"): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="com.example.kursus2004" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>${schemaversion}</schemaversion></metadata>
  ${body}
</manifest>`;
}

/** One organisation with one item launching one SCO resource. */
export function oneSco(href = "index.html", itemExtra = "", resourceAttrs = ""): string {
  return `<organizations default="org"><organization identifier="org"><title>Kursus Contoh</title>
    <item identifier="item1" identifierref="res1"><title>Pelajaran 1</title>${itemExtra}</item></organization></organizations>
  <resources><resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="${href}" ${resourceAttrs}><file href="${href.replace(/[?#].*$/, "")}"/></resource></resources>`;
}

/** The SCORM manifest of an inspected package (a cmi5 package fails the test). */
export function scormOf(p: InspectedPackage): ScormManifest {
  if (p.standard === "cmi5") throw new Error("expected a SCORM package");
  return p.manifest;
}

/** The AppError a package is refused with (no refusal fails the test). */
export function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected the package to be refused");
}
