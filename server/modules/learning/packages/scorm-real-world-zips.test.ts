import { describe, expect, it } from "vitest";
import { inspectPackage } from "./inspect.js";
import { buildZip, oneSco, refusal, scorm12Manifest, scormOf, unicodePathField } from "./test-support.js";
import { PACKAGE_LIMITS, readZip } from "./zip.js";

/**
 * SCORM zips as Windows, macOS, Linux and streaming zip writers make them:
 * read as meant, with every safety check kept.
 */

describe("SCORM zips: what zip tools write", () => {
  const manifest = { name: "imsmanifest.xml", data: scorm12Manifest(oneSco("konten/index.html")) };
  const paths = (zip: Buffer) => readZip(zip).map((f) => f.path);
  const reason = (zip: Buffer, limits = PACKAGE_LIMITS) => refusal(() => inspectPackage(zip, "x.zip", limits)).extra?.reason;

  it("reads a zip from Windows: backslash separators, DOS folder records, no UTF-8 flag", () => {
    const p = inspectPackage(
      buildZip([
        { ...manifest, host: 0, utf8: false },
        { name: "konten\\", host: 0, utf8: false, dos: 0x10 },
        { name: "konten", host: 0, utf8: false, dos: 0x10 },
        { name: "konten\\index.html", data: "<html></html>", host: 0, utf8: false, deflate: true },
      ]),
      "x.zip",
    );
    expect(p.files.map((f) => f.path)).toEqual(["imsmanifest.xml", "konten/index.html"]);
    expect(scormOf(p).launchable[0].launch).toBe("konten/index.html");
  });

  it("reads zips with and without folder records, and a record for the top folder itself", () => {
    expect(paths(buildZip([{ name: "./" }, { name: "a/" }, { name: "a/b/" }, { name: "a/b/c.js", data: "x" }]))).toEqual(["a/b/c.js"]);
    expect(paths(buildZip([{ name: "a/b/c.js", data: "x" }]))).toEqual(["a/b/c.js"]);
    expect(
      paths(
        buildZip([
          { name: "d", mode: 0o040755 },
          { name: "d/e.css", data: "" },
        ]),
      ),
    ).toEqual(["d/e.css"]);
  });

  it("reads names in UTF-8 without the flag, in code page 437, and from the Unicode path field, all in NFC", () => {
    const cp437 = Buffer.from([0x72, 0x82, 0x73, 0x75, 0x6d, 0x82, 0x2e, 0x68, 0x74, 0x6d, 0x6c]); // "résumé.html"
    const legacy = Buffer.from("materi-lama.html");
    const zip = buildZip([
      { name: "pelajaran/ringkasan-ñ.html", data: "a", utf8: false },
      { name: cp437, data: "b", utf8: false },
      { name: legacy, data: "c", utf8: false, extra: unicodePathField(legacy, "materi/ujian-ü.html") },
      { name: "cafe\u0301.html", data: "d" },
    ]);
    expect(paths(zip)).toEqual(["pelajaran/ringkasan-ñ.html", "résumé.html", "materi/ujian-ü.html", "café.html"]);
  });

  it("leaves out Finder and Explorer files, but still refuses them when they are hostile", () => {
    const zip = buildZip([
      manifest,
      { name: "konten/index.html", data: "x" },
      { name: "konten/Thumbs.db", data: "x" },
      { name: "konten/desktop.ini", data: "x" },
      { name: "konten/._index.html", data: "x" },
      { name: "__MACOSX/konten/._index.html", data: "x" },
    ]);
    expect(paths(zip)).toEqual(["imsmanifest.xml", "konten/index.html"]);
    expect(reason(buildZip([manifest, { name: "konten/index.html", data: "x" }, { name: "__MACOSX/../../evil", data: "x" }]))).toBe("bad_path");
    expect(reason(buildZip([manifest, { name: "konten/index.html", data: "x" }, { name: "__MACOSX/.DS_Store", data: "x", host: 19, mode: 0o120777 }]))).toBe(
      "link",
    );
  });

  it("reads long paths and refuses absurd ones", () => {
    const long = `${"folder-yang-panjang/".repeat(15)}index.html`;
    expect(paths(buildZip([{ name: long, data: "x" }]))).toEqual([long]);
    expect(reason(buildZip([manifest, { name: `${"a/".repeat(600)}x.html`, data: "x" }]))).toBe("bad_path");
  });

  it("reads an identical entry written twice once, and refuses two different files under one name", () => {
    const twice = buildZip([manifest, { name: "konten/index.html", data: "x" }, { name: "konten/index.html", data: "x", deflate: true }]);
    expect(inspectPackage(twice, "x.zip").files.map((f) => f.path)).toEqual(["imsmanifest.xml", "konten/index.html"]);
    const clash = buildZip([manifest, { name: "konten/index.html", data: "x" }, { name: "konten/index.html", data: "y" }]);
    expect(reason(clash)).toBe("duplicate_path");
    const nfc = buildZip([manifest, { name: "konten/index.html", data: "x" }, { name: "café.html", data: "x" }, { name: "cafe\u0301.html", data: "y" }]);
    expect(reason(nfc)).toBe("duplicate_path");
  });

  it("reads empty files, stored, deflated, or deflated to nothing", () => {
    const zip = buildZip([
      { name: "a.txt", data: "" },
      { name: "b.txt", data: "", deflate: true },
      { name: "c.txt", data: "", deflate: true, packed: Buffer.alloc(0) },
    ]);
    expect(readZip(zip).map((f) => [f.path, f.data.length])).toEqual([
      ["a.txt", 0],
      ["b.txt", 0],
      ["c.txt", 0],
    ]);
  });

  it("reads entries with data descriptors, as streaming zip writers make them", () => {
    const zip = buildZip([
      { ...manifest, descriptor: true, deflate: true },
      { name: "konten/index.html", data: "<html>isi</html>", descriptor: true, deflate: true },
    ]);
    expect(
      inspectPackage(zip, "x.zip")
        .files.find((f) => f.path === "konten/index.html")
        ?.data.toString(),
    ).toBe("<html>isi</html>");
  });

  it("reads ZIP64 archives and applies the limits to their real sizes", () => {
    const zip = buildZip(
      [
        { ...manifest, zip64: true, deflate: true },
        { name: "konten/index.html", data: "<html></html>", zip64: true },
      ],
      { zip64End: true },
    );
    expect(scormOf(inspectPackage(zip, "x.zip")).launchable[0].launch).toBe("konten/index.html");
    const huge = buildZip([manifest, { name: "konten/index.html", data: "x", zip64: true, zip64Size: 5n * 1024n ** 3n }], { zip64End: true });
    expect(refusal(() => inspectPackage(huge, "x.zip")).code).toBe("payload_too_large");
    const fewer = { ...PACKAGE_LIMITS, maxFiles: 1 };
    expect(reason(zip, fewer)).toBe("too_many_files");
  });

  it("refuses a ZIP64 marker without its record, a split archive, and a lie about a ZIP64 size", () => {
    const zip = buildZip([manifest, { name: "konten/index.html", data: "x" }], { zip64End: true });
    const noRecord = Buffer.concat([zip.subarray(0, zip.length - 22 - 20 - 56), zip.subarray(zip.length - 22)]);
    expect(reason(noRecord)).toBe("corrupt");
    const split = refusal(() => inspectPackage(buildZip([manifest, { name: "konten/index.html", data: "x" }], { disk: 1 }), "x.zip"));
    expect(split.message).toMatch(/split into several parts/);
    const liar = buildZip([manifest, { name: "konten/index.html", data: "x".repeat(1000), deflate: true, zip64: true, zip64Size: 10n }]);
    expect(reason(liar)).toBe("bomb");
  });

  it("refuses links made on a Mac", () => {
    expect(reason(buildZip([manifest, { name: "konten/index.html", data: "/etc/passwd", host: 19, mode: 0o120755 }]))).toBe("link");
  });
});
