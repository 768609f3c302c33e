import { AppError } from "../../../platform/errors.js";
import { type Cmi5Course, Cmi5Problem, parseCmi5 } from "./cmi5.js";
import { ManifestProblem, parseScormManifest, type ScormManifest } from "./scorm.js";
import { PACKAGE_LIMITS, readZip, type ZipEntry, type ZipLimits, ZipProblem } from "./zip.js";

/** A content package that passed every check, ready to be stored. */
export type InspectedPackage =
  | { standard: "scorm12" | "scorm2004"; title: string; manifest: ScormManifest; files: ZipEntry[] }
  | { standard: "cmi5"; title: string; course: Cmi5Course; files: ZipEntry[] };

/**
 * Reads an uploaded SCORM or cmi5 package (a zip, or a lone cmi5.xml whose
 * AUs are remote) and checks it completely before anything is stored.
 * Problems become catalogue errors: 413 when too large, 415 when not a zip or
 * XML, 422 with the reason otherwise.
 */
export function inspectPackage(data: Buffer, filename: string, limits: ZipLimits = PACKAGE_LIMITS): InspectedPackage {
  const looksXml =
    /\.xml$/i.test(filename) ||
    /^\s*(<\?xml|<courseStructure)/.test(
      data
        .subarray(0, 200)
        .toString("utf8")
        .replace(/^\uFEFF/, ""),
    );
  if (looksXml) {
    const course = run(() => parseCmi5(data.toString("utf8"), null));
    return { standard: "cmi5", title: titleOf(course), course, files: [] };
  }
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    if (data.length > limits.maxArchiveBytes) throw new AppError("payload_too_large", "The package is too large");
    throw new AppError("unsupported_file", "A content package must be a zip file (SCORM or cmi5) or a cmi5.xml");
  }
  const files = run(() => readZip(data, limits));
  const names = new Set(files.map((f) => f.path));
  const manifest = files.find((f) => f.path === "imsmanifest.xml");
  const cmi5 = files.find((f) => f.path === "cmi5.xml");
  if (cmi5) {
    const course = run(() => parseCmi5(cmi5.data.toString("utf8"), names));
    return { standard: "cmi5", title: titleOf(course), course, files };
  }
  if (manifest) {
    const m = run(() => parseScormManifest(manifest.data.toString("utf8"), names));
    return { standard: m.version, title: m.title, manifest: m, files };
  }
  const nested = files.find((f) => /^[^/]+\/(imsmanifest|cmi5)\.xml$/.test(f.path));
  throw new AppError(
    "unprocessable",
    nested
      ? `The package's ${nested.path.split("/")[1]} is inside the folder "${nested.path.split("/")[0]}"; zip the folder's contents, not the folder`
      : "The zip holds neither imsmanifest.xml (SCORM) nor cmi5.xml (cmi5) at its top level",
  );
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

function titleOf(course: Cmi5Course): string {
  return (course.title.find((t) => t.lang.toLowerCase().startsWith("id")) ?? course.title[0])?.value ?? course.id;
}
