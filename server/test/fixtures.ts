import fs from "node:fs";
import path from "node:path";

/**
 * The real SCORM and cmi5 packages the content tests play. They are kept
 * outside the repository (third-party samples); ABDI_CONTENT_FIXTURES names
 * their folder, else the shared folder beside the checkout is used. Missing
 * fixtures fail the tests loudly rather than skipping them.
 */
export function contentFixturesDir(): string {
  const root = path.resolve(import.meta.dirname, "../..");
  const candidates = [process.env.ABDI_CONTENT_FIXTURES, path.join(root, "../shared/fixtures/content"), "/work/shared/fixtures/content"].filter(
    (p): p is string => typeof p === "string" && p.length > 0,
  );
  const found = candidates.find((p) => fs.existsSync(path.join(p, "RuntimeBasicCalls_SCORM20043rdEdition.zip")));
  if (!found) throw new Error(`The content fixtures were not found (tried ${candidates.join(", ")}); set ABDI_CONTENT_FIXTURES`);
  return found;
}

export function contentFixture(name: string): Buffer {
  return fs.readFileSync(path.join(contentFixturesDir(), name));
}
