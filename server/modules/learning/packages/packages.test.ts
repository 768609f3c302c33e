import { crc32, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.js";
import { contentFixture } from "../../../test/fixtures.js";
import { parseCmi5 } from "./cmi5.js";
import { inspectPackage } from "./inspect.js";
import { parseScormManifest } from "./scorm.js";
import { PACKAGE_LIMITS, readZip, safePath } from "./zip.js";

interface FakeEntry {
  name: string;
  data: Buffer | string;
  deflate?: boolean;
  /** Unix mode, e.g. 0o120777 for a link. */
  mode?: number;
  declaredSize?: number;
  flags?: number;
}

/** Writes a zip archive by hand, so tests can build archives no zip tool would. */
function makeZip(entries: FakeEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data);
    const packed = e.deflate ? deflateRawSync(raw) : raw;
    const name = Buffer.from(e.name, "utf8");
    const size = e.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE((e.flags ?? 0) | 0x800, 6);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(raw) >>> 0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE((e.flags ?? 0) | 0x800, 8);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(raw) >>> 0, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const MINI_CMI5 = `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.org/course/1"><title><langstring lang="id-ID">Kursus</langstring></title><description><langstring lang="id-ID">D</langstring></description></course>
  <au id="https://example.org/course/1/au/1" moveOn="Passed" masteryScore="0.8"><title><langstring lang="id-ID">AU</langstring></title><description><langstring lang="id-ID">D</langstring></description><url>index.html?x=1</url></au>
</courseStructure>`;

function problemOf(f: () => unknown): AppError {
  try {
    f();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected a problem");
}

describe("content packages: the real fixtures", () => {
  it("reads the SCORM 1.2 package with its tree, parameters and launch files", () => {
    const p = inspectPackage(contentFixture("RuntimeMinimumCalls_SCORM12.zip"), "RuntimeMinimumCalls_SCORM12.zip");
    expect(p.standard).toBe("scorm12");
    if (p.standard === "cmi5") throw new Error("unreachable");
    expect(p.title).toBe("Golf Explained - Minimum Run-time Calls");
    expect(p.manifest.organization.children.map((c) => c.identifier)).toContain("playing_item");
    const quiz = p.manifest.launchable.find((i) => i.identifier === "playing_quiz_item");
    expect(quiz?.launch).toMatch(/\?questions=Playing$/);
    for (const item of p.manifest.launchable) expect(p.files.some((f) => f.path === item.launch?.replace(/\?.*$/, ""))).toBe(true);
  });

  it("reads the SCORM 2004 packages and their sequencing control modes", () => {
    const p = inspectPackage(contentFixture("RuntimeBasicCalls_SCORM20043rdEdition.zip"), "x.zip");
    expect(p.standard).toBe("scorm2004");
    if (p.standard === "cmi5") throw new Error("unreachable");
    expect(p.manifest.schemaVersion).toBe("2004 3rd Edition");
    expect(p.manifest.launchable).toHaveLength(1);
    expect(p.manifest.launchable[0].launch).toBe("shared/launchpage.html");
    expect(p.manifest.launchable[0].scormType).toBe("sco");
    expect(p.manifest.organization.controlMode).toEqual({ choice: true, flow: true, choiceExit: true });
    const single = inspectPackage(contentFixture("singlescobasic.zip"), "singlescobasic.zip");
    expect(single.standard === "scorm12" || single.standard === "scorm2004").toBe(true);
    expect(single.files.length).toBeGreaterThan(10);
  });

  it("reads the cmi5 packages: course, AUs, moveOn and launch urls", () => {
    const single = inspectPackage(contentFixture("single_au_basic_responsive-novideo.zip"), "a.zip");
    if (single.standard !== "cmi5") throw new Error("expected cmi5");
    expect(single.course.aus).toHaveLength(1);
    expect(single.course.aus[0].moveOn).toBe("CompletedOrPassed");
    expect(single.course.aus[0].remote).toBe(false);
    const multi = inspectPackage(contentFixture("multi_au_framed.zip"), "b.zip");
    if (multi.standard !== "cmi5") throw new Error("expected cmi5");
    expect(multi.course.aus.length).toBeGreaterThan(1);
    expect(multi.course.aus[1].url).toBe("index.html?pages=2&complete=launch");
    expect(new Set(multi.course.aus.map((a) => a.id)).size).toBe(multi.course.aus.length);
  });
});

describe("content packages: hostile and broken archives", () => {
  const ok = { name: "cmi5.xml", data: MINI_CMI5 };
  const index = { name: "index.html", data: "<html></html>" };

  it("accepts a well-formed hand-made cmi5 package", () => {
    const p = inspectPackage(makeZip([ok, index]), "ok.zip");
    expect(p.standard).toBe("cmi5");
    if (p.standard === "cmi5") expect(p.course.aus[0].masteryScore).toBe(0.8);
  });

  it.each([
    ["a path leaving the folder", "../evil.html", "bad_path"],
    ["an absolute path", "/etc/passwd", "bad_path"],
    ["a drive letter", "C:\\Windows\\evil.dll", "bad_path"],
    ["a backslash escape", "a\\..\\..\\evil", "bad_path"],
  ])("refuses %s", (_what, name, reason) => {
    const err = problemOf(() => inspectPackage(makeZip([ok, index, { name, data: "x" }]), "x.zip"));
    expect(err.code).toBe("unprocessable");
    expect(err.extra?.reason).toBe(reason);
  });

  it("refuses links, encrypted entries and duplicate paths", () => {
    expect(problemOf(() => inspectPackage(makeZip([ok, index, { name: "link", data: "/etc/passwd", mode: 0o120777 }]), "x.zip")).extra?.reason).toBe("link");
    expect(problemOf(() => inspectPackage(makeZip([ok, index, { name: "secret.txt", data: "x", flags: 1 }]), "x.zip")).extra?.reason).toBe("encrypted");
    expect(problemOf(() => inspectPackage(makeZip([ok, index, { name: "INDEX.html", data: "y" }]), "x.zip")).extra?.reason).toBe("duplicate_path");
  });

  it("refuses a bomb that lies about its size, and archives over the limits", () => {
    const zeros = Buffer.alloc(5 * 1024 * 1024);
    const liar = makeZip([ok, index, { name: "big.bin", data: zeros, deflate: true, declaredSize: 1000 }]);
    expect(problemOf(() => inspectPackage(liar, "x.zip")).extra?.reason).toBe("bomb");
    const honest = makeZip([ok, index, { name: "big.bin", data: zeros, deflate: true }]);
    expect(problemOf(() => inspectPackage(honest, "x.zip")).extra?.reason).toBe("bomb");
    const small = { ...PACKAGE_LIMITS, maxFiles: 2 };
    expect(problemOf(() => inspectPackage(makeZip([ok, index, { name: "c", data: "c" }]), "x.zip", small)).code).toBe("payload_too_large");
    const tight = { ...PACKAGE_LIMITS, maxUnpackedBytes: 100 };
    expect(problemOf(() => inspectPackage(makeZip([ok, index]), "x.zip", tight)).code).toBe("payload_too_large");
  });

  it("refuses a corrupt entry (wrong checksum) and a file that is not a zip", () => {
    const zip = makeZip([ok, index]);
    const broken = Buffer.from(zip);
    broken[30 + "cmi5.xml".length + 5] ^= 0xff;
    expect(problemOf(() => inspectPackage(broken, "x.zip")).extra?.reason).toBe("corrupt");
    expect(problemOf(() => inspectPackage(Buffer.from("%PDF-1.4 not a zip"), "x.zip")).code).toBe("unsupported_file");
  });

  it("explains a manifest inside a folder, and a zip without any manifest", () => {
    expect(problemOf(() => inspectPackage(makeZip([{ name: "course/imsmanifest.xml", data: "<manifest/>" }]), "x.zip")).message).toMatch(
      /inside the folder "course"/,
    );
    expect(problemOf(() => inspectPackage(makeZip([index]), "x.zip")).message).toMatch(/neither imsmanifest.xml/);
  });

  it("normalises safe paths", () => {
    expect(safePath("./a/./b.html")).toBe("a/b.html");
    expect(safePath("a\\b.html")).toBe("a/b.html");
    expect(readZip(makeZip([index, { name: "dir/", data: "" }])).map((f) => f.path)).toEqual(["index.html"]);
  });
});

describe("content packages: manifest rules", () => {
  const files = new Set(["index.html", "a.html"]);

  it.each([
    ["a relative AU url not in the package", MINI_CMI5.replace("index.html?x=1", "missing.html"), /not in the package/],
    ["an AU id that is not an IRI", MINI_CMI5.replace('au id="https://example.org/course/1/au/1"', 'au id="au1"'), /must be an IRI/],
    ["a masteryScore above 1", MINI_CMI5.replace('masteryScore="0.8"', 'masteryScore="80"'), /masteryScore/],
    ["an unknown moveOn", MINI_CMI5.replace('moveOn="Passed"', 'moveOn="Finished"'), /moveOn/],
    ["a duplicate id", MINI_CMI5.replace('au id="https://example.org/course/1/au/1"', 'au id="https://example.org/course/1"'), /used twice/],
    ["the wrong namespace", MINI_CMI5.replace("cmi5/v1/CourseStructure.xsd", "other.xsd"), /namespace/],
    ["a remote url that is not http", MINI_CMI5.replace("index.html?x=1", "ftp://example.org/au"), /http or https/],
    ["entity declarations", `<!DOCTYPE x [<!ENTITY a "b">]>${MINI_CMI5.replace(/^<\?xml[^>]*>/, "")}`, /not well-formed|Entity/],
    ["broken XML", MINI_CMI5.replace("</courseStructure>", ""), /not well-formed/],
  ])("cmi5: refuses %s", (_what, xml, message) => {
    expect(() => parseCmi5(xml, files)).toThrow(message);
  });

  it("cmi5: a lone cmi5.xml must have remote AUs only", () => {
    expect(() => parseCmi5(MINI_CMI5, null)).toThrow(/no package files/);
    const remote = parseCmi5(MINI_CMI5.replace("index.html?x=1", "https://content.example.org/au1/index.html"), null);
    expect(remote.aus[0].remote).toBe(true);
    const p = inspectPackage(Buffer.from(MINI_CMI5.replace("index.html?x=1", "https://content.example.org/au1/")), "cmi5.xml");
    expect(p.standard).toBe("cmi5");
  });

  const manifest = (body: string) => `<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>${body}</manifest>`;
  const orgs = `<organizations default="o"><organization identifier="o"><title>T</title><item identifier="i" identifierref="r"><title>I</title><adlcp:masteryscore>80</adlcp:masteryscore></item></organization></organizations>`;

  it("SCORM: reads the mastery score and refuses missing resources and launch files", () => {
    const good = parseScormManifest(
      manifest(`${orgs}<resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html"/></resources>`),
      files,
    );
    expect(good.launchable[0].masteryScore).toBe(80);
    expect(good.launchable[0].scormType).toBe("sco");
    expect(() => parseScormManifest(manifest(`${orgs}<resources/>`), files)).toThrow(/missing resource/);
    expect(() => parseScormManifest(manifest(`${orgs}<resources><resource identifier="r" type="webcontent" href="gone.html"/></resources>`), files)).toThrow(
      /not in the package/,
    );
    expect(() => parseScormManifest(manifest("<resources/>"), files)).toThrow(/no <organization>/);
    expect(() => parseScormManifest("<manifest", files)).toThrow(/not well-formed/);
  });
});
