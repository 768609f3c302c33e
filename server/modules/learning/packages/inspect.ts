import { AppError } from "../../../platform/errors.js";
import { type Cmi5Course, Cmi5Problem, cmi5Title, parseCmi5 } from "./cmi5.js";
import { ManifestProblem, parseScormManifest, type ScormManifest } from "./scorm.js";
import { decodeXml } from "./xml.js";
import { PACKAGE_LIMITS, readZip, type ZipEntry, type ZipLimits, ZipProblem } from "./zip.js";

/** A content package that passed every check, ready to be stored. */
export type InspectedPackage =
  | { standard: "scorm12" | "scorm2004"; title: string; manifest: ScormManifest; files: ZipEntry[] }
  | { standard: "cmi5"; title: string; course: Cmi5Course; files: ZipEntry[] };

/**
 * Reads an uploaded SCORM or cmi5 package (a zip, or a lone cmi5.xml whose
 * AUs are remote) and checks it completely before anything is stored.
 * The manifest is `imsmanifest.xml` (or `cmi5.xml`) at the top of the zip,
 * in any letter case; when the zip holds one folder and nothing beside it
 * (someone zipped the course folder rather than its contents) and the
 * manifest is at the top of that folder, the folder is read as the package.
 * Problems become catalogue errors: 413 when too large, 415 when not a zip or
 * XML, 422 with the reason otherwise.
 */
export function inspectPackage(data: Buffer, filename: string, limits: ZipLimits = PACKAGE_LIMITS): InspectedPackage {
  const isZip = data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;
  const looksXml = !isZip && (/\.xml$/i.test(filename) || /^\s*(<\?xml|<courseStructure)/.test(decodeXml(data.subarray(0, 400))));
  if (looksXml) {
    const course = run(() => parseCmi5(decodeXml(data), null));
    return { standard: "cmi5", title: cmi5Title(course), course, files: [] };
  }
  if (!isZip) {
    if (data.length > limits.maxArchiveBytes) throw new AppError("payload_too_large", "The package is too large");
    throw new AppError("unsupported_file", "A content package must be a zip file (SCORM or cmi5) or a cmi5.xml");
  }
  const { files, folder } = packageRoot(run(() => readZip(data, limits)));
  const names = new Set(files.map((f) => f.path));
  const manifest = files.find((f) => f.path.toLowerCase() === "imsmanifest.xml");
  const cmi5 = files.find((f) => f.path.toLowerCase() === "cmi5.xml");
  if (cmi5) {
    const course = run(() => inFolder(folder, () => parseCmi5(decodeXml(cmi5.data), names)));
    return { standard: "cmi5", title: cmi5Title(course), course, files };
  }
  if (manifest) {
    const m = run(() => inFolder(folder, () => parseScormManifest(decodeXml(manifest.data), names)));
    if (folder) m.warnings.unshift(`The package's files are inside the folder "${folder}", which was read as the top level of the package`);
    return { standard: m.version, title: m.title, manifest: m, files };
  }
  const nested = files.find((f) => /^[^/]+\/(imsmanifest|cmi5)\.xml$/i.test(f.path));
  throw new AppError(
    "unprocessable",
    nested
      ? `The package's ${nested.path.split("/")[1]} is inside the folder "${nested.path.split("/")[0]}" and other files are outside it; zip the folder's contents, not the folder`
      : "The zip holds neither imsmanifest.xml (SCORM) nor cmi5.xml (cmi5) at its top level",
    { extra: { reason: "no_manifest" } },
  );
}

/**
 * The package's files relative to its top level: the zip's own top level when
 * a manifest is there, else the one folder that holds everything and a
 * manifest at its top (its name is dropped from every path).
 */
function packageRoot(all: ZipEntry[]): { files: ZipEntry[]; folder: string | null } {
  const isManifest = (p: string) => /^(imsmanifest|cmi5)\.xml$/i.test(p);
  if (all.some((f) => isManifest(f.path))) return { files: all, folder: null };
  const tops = new Set(all.map((f) => (f.path.includes("/") ? f.path.slice(0, f.path.indexOf("/")) : "")));
  const [folder] = [...tops];
  if (tops.size !== 1 || !folder) return { files: all, folder: null };
  const prefix = `${folder}/`;
  const inner = all.map((f) => ({ ...f, path: f.path.slice(prefix.length) }));
  if (!inner.some((f) => isManifest(f.path))) return { files: all, folder: null };
  return { files: inner, folder };
}

/** A manifest problem of a package read from a folder names the folder, so the author knows which manifest was read. */
function inFolder<T>(folder: string | null, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (folder && (err instanceof ManifestProblem || err instanceof Cmi5Problem)) {
      const note = ` (the manifest read is the one inside the folder "${folder}")`;
      throw err instanceof ManifestProblem ? new ManifestProblem(err.message + note, err.field) : new Cmi5Problem(err.message + note, err.field);
    }
    throw err;
  }
}

function run<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof ZipProblem) {
      if (err.code === "too_large" || err.code === "unpacked_too_large" || err.code === "too_many_files") {
        throw new AppError("payload_too_large", err.message, { extra: { reason: err.code } });
      }
      throw new AppError("unprocessable", err.message, { extra: { reason: err.code, path: err.path ?? null } });
    }
    if (err instanceof ManifestProblem || err instanceof Cmi5Problem) {
      throw new AppError("unprocessable", err.message, { errors: [{ path: err.field ?? "package", message: err.message }] });
    }
    throw err;
  }
}
