import { describe, expect, it } from "vitest";
import { inspectPackage } from "./inspect.js";
import { parseScormManifest } from "./scorm.js";
import { buildZip, oneSco, refusal, scorm12Manifest, scorm2004Manifest, scormOf, type ZipFile } from "./test-support.js";

/**
 * SCORM packages in the shapes authoring tools and LMS exports give them:
 * manifests in a folder, other encodings and prefixes, several organisations,
 * parameters, 2004 sequencing, odd hrefs, and what the SCORM 1.2 and 2004
 * CAM books allow or require of each.
 */

const page = { name: "index.html", data: "<html><body>Pelajaran</body></html>" };
const zip12 = (body: string, more: ZipFile[] = [page]) => buildZip([{ name: "imsmanifest.xml", data: scorm12Manifest(body) }, ...more]);
const files = (...names: string[]) => new Set(names);

describe("SCORM packages: where the manifest is", () => {
  it("reads a zip of the course folder as the folder's contents, and says so", () => {
    const p = inspectPackage(
      buildZip([
        { name: "Kursus Etika/", data: "" },
        { name: "Kursus Etika/imsmanifest.xml", data: scorm12Manifest(oneSco("res/index.html")) },
        { name: "Kursus Etika/res/index.html", data: "<html></html>" },
        { name: "Kursus Etika/adlcp_rootv1p2.xsd", data: "<xs/>" },
      ]),
      "kursus.zip",
    );
    expect(p.files.map((f) => f.path).sort()).toEqual(["adlcp_rootv1p2.xsd", "imsmanifest.xml", "res/index.html"]);
    expect(scormOf(p).launchable[0].launch).toBe("res/index.html");
    expect(scormOf(p).warnings[0]).toMatch(/inside the folder "Kursus Etika"/);
  });

  it("reads a folder zipped on a Mac, its resource forks and Finder files left out", () => {
    const p = inspectPackage(
      buildZip([
        { name: "course/imsmanifest.xml", data: scorm12Manifest(oneSco()) },
        { name: "course/index.html", data: "<html></html>" },
        { name: "course/.DS_Store", data: "junk" },
        { name: "__MACOSX/course/._imsmanifest.xml", data: "fork" },
        { name: "__MACOSX/._course", data: "fork" },
      ]),
      "course.zip",
    );
    expect(p.files.map((f) => f.path).sort()).toEqual(["imsmanifest.xml", "index.html"]);
  });

  it("finds the manifest in any letter case at the top", () => {
    const p = inspectPackage(buildZip([{ name: "IMSManifest.XML", data: scorm12Manifest(oneSco()) }, page]), "x.zip");
    expect(p.standard).toBe("scorm12");
  });

  it("refuses a folder manifest with other files beside the folder, or a manifest deeper down", () => {
    const beside = refusal(() =>
      inspectPackage(buildZip([{ name: "course/imsmanifest.xml", data: scorm12Manifest(oneSco()) }, { name: "course/index.html", data: "x" }, page]), "x.zip"),
    );
    expect(beside.code).toBe("unprocessable");
    expect(beside.message).toMatch(/inside the folder "course" and other files are outside it/);
    const deep = refusal(() => inspectPackage(buildZip([{ name: "a/b/imsmanifest.xml", data: scorm12Manifest(oneSco()) }]), "x.zip"));
    expect(deep.message).toMatch(/neither imsmanifest.xml/);
  });

  it("names the folder when the manifest read from it is wrong", () => {
    const err = refusal(() => inspectPackage(buildZip([{ name: "c/imsmanifest.xml", data: scorm12Manifest(oneSco("gone.html")) }]), "x.zip"));
    expect(err.message).toMatch(/"gone.html" of item "item1" is not in the package \(the manifest read is the one inside the folder "c"\)/);
  });
});

describe("SCORM manifests: XML as tools write it", () => {
  it("reads prefixed IMS elements and the scormtype attribute in either spelling", () => {
    const xml = `<?xml version="1.0"?>
<imscp:manifest identifier="m" xmlns:imscp="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <imscp:metadata><imscp:schema>ADL SCORM</imscp:schema><imscp:schemaversion>1.2</imscp:schemaversion></imscp:metadata>
  <imscp:organizations default="o"><imscp:organization identifier="o"><imscp:title>Judul</imscp:title>
    <imscp:item identifier="a" identifierref="ra" isVisible="False"><imscp:title>A</imscp:title><adlcp:masteryScore>75</adlcp:masteryScore></imscp:item>
    <imscp:item identifier="b" identifierref="rb"><imscp:title>B</imscp:title></imscp:item>
  </imscp:organization></imscp:organizations>
  <imscp:resources>
    <imscp:resource identifier="ra" type="webcontent" adlcp:scormType="sco" href="index.html"/>
    <imscp:resource identifier="rb" type="webcontent" ADLCP:SCORMTYPE="Asset" href="index.html"/>
  </imscp:resources>
</imscp:manifest>`;
    const m = parseScormManifest(xml, files("index.html"));
    expect(m.version).toBe("scorm12");
    expect(m.title).toBe("Judul");
    expect(m.launchable.map((i) => [i.identifier, i.scormType, i.isVisible, i.masteryScore])).toEqual([
      ["a", "sco", false, 75],
      ["b", "asset", true, null],
    ]);
  });

  it.each([
    [
      "a UTF-8 byte order mark",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(scorm12Manifest(oneSco(), '<?xml version="1.0" encoding="utf-8"?>'))]),
    ],
    [
      "UTF-16 LE with its mark",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(scorm12Manifest(oneSco(), '<?xml version="1.0" encoding="utf-16"?>'), "utf16le")]),
    ],
    ["UTF-16 LE without a mark", Buffer.from(scorm12Manifest(oneSco(), '<?xml version="1.0" encoding="UTF-16"?>'), "utf16le")],
    ["UTF-16 declared but written in UTF-8", Buffer.from(scorm12Manifest(oneSco(), '<?xml version="1.0" encoding="utf-16"?>'))],
  ])("reads a manifest in %s", (_what, bytes) => {
    const p = inspectPackage(buildZip([{ name: "imsmanifest.xml", data: bytes }, page]), "x.zip");
    expect(scormOf(p).title).toBe("Kursus Contoh");
  });

  it("reads manifests in ISO-8859-1 (declared) and windows-1252 (undeclared)", () => {
    const latin = Buffer.from(scorm12Manifest(oneSco().replace("Kursus Contoh", "Pelatihan Café"), '<?xml version="1.0" encoding="ISO-8859-1"?>'), "latin1");
    expect(scormOf(inspectPackage(buildZip([{ name: "imsmanifest.xml", data: latin }, page]), "x.zip")).title).toBe("Pelatihan Café");
    const undeclared = Buffer.from(scorm12Manifest(oneSco().replace("Kursus Contoh", "Déjà vu"), '<?xml version="1.0"?>'), "latin1");
    expect(scormOf(inspectPackage(buildZip([{ name: "imsmanifest.xml", data: undeclared }, page]), "x.zip")).title).toBe("Déjà vu");
  });

  it("reads comments, CDATA, a DOCTYPE naming an outside DTD and processing instructions", () => {
    const body = oneSco().replace("<title>Kursus Contoh</title>", "<!-- judul --><title><![CDATA[Etika & <Integritas>]]></title><?authoring tool?>");
    const m = parseScormManifest(scorm12Manifest(body, '<?xml version="1.0"?>\n<!DOCTYPE manifest SYSTEM "imscp_rootv1p1p2.dtd">'), files("index.html"));
    expect(m.title).toBe("Etika & <Integritas>");
  });

  it.each([
    ["an outside entity (XXE)", '<!DOCTYPE manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"],
    ["nested entities (billion laughs)", '<!DOCTYPE manifest [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>', "&b;"],
    ["a parameter entity", '<!DOCTYPE manifest [<!ENTITY % p SYSTEM "http://example.org/x.dtd"> %p;]>', "T"],
  ])("refuses %s", (_what, doctype, title) => {
    const xml = scorm12Manifest(oneSco().replace("Kursus Contoh", title), `<?xml version="1.0"?>\n${doctype}`);
    expect(() => parseScormManifest(xml, files("index.html"))).toThrow(/Entity declarations are not allowed/);
    const err = refusal(() => inspectPackage(buildZip([{ name: "imsmanifest.xml", data: xml }, page]), "x.zip"));
    expect(err.code).toBe("unprocessable");
    expect(err.errors?.[0].path).toBe("imsmanifest.xml");
  });
});

describe("SCORM manifests: version", () => {
  it.each([
    ["1.2", "scorm12"],
    ["SCORM 1.2", "scorm12"],
    ["1.1", "scorm12"],
    ["CAM 1.3", "scorm2004"],
    ["2004 2nd Edition", "scorm2004"],
    ["2004 3rd Edition", "scorm2004"],
    ["2004 4th Edition", "scorm2004"],
    ["SCORM 2004", "scorm2004"],
    ["1.3", "scorm2004"],
  ])("schemaversion %s is %s", (schemaversion, version) => {
    const xml = scorm2004Manifest(oneSco(), schemaversion);
    expect(parseScormManifest(xml, files("index.html")).version).toBe(version);
  });

  it("without a schemaversion, follows the namespaces", () => {
    const no = (xml: string) => xml.replace(/<schemaversion>[^<]*<\/schemaversion>/, "");
    expect(parseScormManifest(no(scorm2004Manifest(oneSco())), files("index.html")).version).toBe("scorm2004");
    expect(parseScormManifest(no(scorm12Manifest(oneSco())), files("index.html")).version).toBe("scorm12");
    const bare = `<manifest identifier="m">${oneSco().replace(' adlcp:scormtype="sco"', "")}</manifest>`;
    expect(parseScormManifest(bare, files("index.html")).version).toBe("scorm12");
  });

  it("refuses a schemaversion that names no SCORM version when nothing else tells", () => {
    const xml = `<manifest identifier="m"><metadata><schemaversion>banana</schemaversion></metadata>${oneSco().replace(' adlcp:scormtype="sco"', "")}</manifest>`;
    expect(() => parseScormManifest(xml, files("index.html"))).toThrow(/Unknown SCORM version "banana"/);
  });
});

describe("SCORM manifests: organisations and items", () => {
  const resources = (...ids: string[]) =>
    `<resources>${ids.map((id) => `<resource identifier="${id}" type="webcontent" adlcp:scormtype="sco" href="${id}.html"><file href="${id}.html"/></resource>`).join("")}</resources>`;
  const pages = (...ids: string[]) => files(...ids.map((id) => `${id}.html`));

  it("launches the default organisation of several, and the first when the default is missing", () => {
    const orgs = (def: string) => `<organizations default="${def}">
      <organization identifier="ringkas"><title>Versi Ringkas</title><item identifier="r1" identifierref="a"><title>A</title></item></organization>
      <organization identifier="lengkap"><title>Versi Lengkap</title><item identifier="l1" identifierref="b"><title>B</title></item></organization>
    </organizations>`;
    const chosen = parseScormManifest(scorm12Manifest(orgs("lengkap") + resources("a", "b")), pages("a", "b"));
    expect([chosen.title, chosen.launchable.map((i) => i.identifier)]).toEqual(["Versi Lengkap", ["l1"]]);
    expect(chosen.warnings).toEqual([]);
    const dangling = parseScormManifest(scorm12Manifest(orgs("hilang") + resources("a", "b")), pages("a", "b"));
    expect(dangling.title).toBe("Versi Ringkas");
    expect(dangling.warnings[0]).toMatch(/default organisation "hilang" does not exist/);
  });

  it("keeps clusters, hidden items and empty placeholders, launching the leaves in tree order", () => {
    const body = `<organizations default="o"><organization identifier="o"><title>T</title>
      <item identifier="bab1"><title>Bab 1</title>
        <item identifier="s1" identifierref="a"><title>1.1</title></item>
        <item identifier="bab1b"><title>Bab 1b</title><item identifier="s2" identifierref="b" isvisible="false"><title>1.2</title></item></item>
      </item>
      <item identifier="s3" identifierref="c" isvisible="0"><title>2</title></item>
      <item identifier="kosong"><title>Segera hadir</title></item>
    </organization></organizations>${resources("a", "b", "c")}`;
    const m = parseScormManifest(scorm12Manifest(body), pages("a", "b", "c"));
    expect(m.launchable.map((i) => [i.identifier, i.isVisible])).toEqual([
      ["s1", true],
      ["s2", false],
      ["s3", false],
    ]);
    expect(m.organization.children.map((c) => c.identifier)).toEqual(["bab1", "s3", "kosong"]);
    expect(m.organization.children[0].launch).toBeNull();
    expect(m.warnings).toEqual(['Item "kosong" has neither a resource nor child items; it launches nothing']);
  });

  it.each([
    ["index.html", "?page=2", "index.html?page=2"],
    ["index.html", "page=2", "index.html?page=2"],
    ["index.html?lang=id", "?page=2", "index.html?lang=id&page=2"],
    ["index.html?lang=id", "&page=2", "index.html?lang=id&page=2"],
    ["index.html", "#bagian3", "index.html#bagian3"],
    ["index.html#awal", "#bagian3", "index.html#awal"],
    ["index.html#awal", "?page=2", "index.html?page=2#awal"],
    ["index.html", "  ", "index.html"],
  ])("joins href %s and parameters %s as %s", (href, parameters, launch) => {
    const body = oneSco(href).replace('identifierref="res1"', `identifierref="res1" parameters="${parameters}"`);
    expect(parseScormManifest(scorm12Manifest(body), files("index.html")).launchable[0].launch).toBe(launch);
  });

  it("reads the SCORM 1.2 runtime settings of an item", () => {
    const extra =
      '<adlcp:prerequisites type="aicc_script">x</adlcp:prerequisites><adlcp:maxtimeallowed>00:30:00</adlcp:maxtimeallowed><adlcp:timelimitaction>exit,message</adlcp:timelimitaction><adlcp:datafromlms>mode=ujian&amp;lang=id</adlcp:datafromlms><adlcp:masteryscore>70</adlcp:masteryscore>';
    const item = parseScormManifest(scorm12Manifest(oneSco("index.html", extra)), files("index.html")).launchable[0];
    expect([item.maxTimeAllowed, item.timeLimitAction, item.dataFromLms, item.masteryScore]).toEqual(["00:30:00", "exit,message", "mode=ujian&lang=id", 70]);
  });

  it("reads SCORM 2004 sequencing, presentation and runtime settings, with a shared sequencing by IDRef", () => {
    const body = `<organizations default="o"><organization identifier="o"><title>T</title>
      <item identifier="a" identifierref="r">
        <title>A</title>
        <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.75" progressWeight="1"/>
        <adlcp:timeLimitAction>continue,message</adlcp:timeLimitAction>
        <adlcp:dataFromLMS>start=1</adlcp:dataFromLMS>
        <imsss:sequencing IDRef="bersama"><imsss:limitConditions attemptAbsoluteDurationLimit="PT1H"/></imsss:sequencing>
        <adlnav:presentation><adlnav:navigationInterface><adlnav:hideLMSUI>continue</adlnav:hideLMSUI></adlnav:navigationInterface></adlnav:presentation>
      </item>
      <item identifier="b" identifierref="r"><title>B</title><adlcp:completionThreshold>0.5</adlcp:completionThreshold>
        <imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="p" satisfiedByMeasure="1"/></imsss:objectives></imsss:sequencing></item>
      <item identifier="c" identifierref="r"><title>C</title><adlcp:completionThreshold completedByMeasure="false" minProgressMeasure="0.9"/></item>
      <imsss:sequencing><imsss:controlMode choice="false" flow="true"/></imsss:sequencing>
    </organization></organizations>
    <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="index.html"/></resources>
    <imsss:sequencingCollection><imsss:sequencing ID="bersama"><imsss:controlMode choiceExit="false"/>
      <imsss:objectives><imsss:primaryObjective objectiveID="lulus" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives>
    </imsss:sequencing></imsss:sequencingCollection>`;
    const m = parseScormManifest(scorm2004Manifest(body), files("index.html"));
    const [a, b, c] = m.launchable;
    expect(m.organization.controlMode).toEqual({ choice: false, flow: true, choiceExit: true });
    expect(a).toMatchObject({
      completionThreshold: 0.75,
      timeLimitAction: "continue,message",
      dataFromLms: "start=1",
      maxTimeAllowed: "PT1H",
      scaledPassingScore: 0.6,
    });
    expect(a.controlMode).toEqual({ choice: true, flow: false, choiceExit: false });
    // satisfiedByMeasure without minNormalizedMeasure: the default 1.0.
    expect([b.completionThreshold, b.scaledPassingScore]).toEqual([0.5, 1]);
    expect([c.completionThreshold, c.scaledPassingScore]).toEqual([null, null]);
  });
});

describe("SCORM manifests: resources and their files", () => {
  const launchOf = (href: string, names: string[], resourceAttrs = "", manifestBody?: string) =>
    parseScormManifest(scorm12Manifest(manifestBody ?? oneSco(href, "", resourceAttrs)), files(...names)).launchable[0].launch;

  it.each([
    ["a space", "materi/bab 1.html", ["materi/bab 1.html"], "materi/bab%201.html"],
    ["URL encoding", "materi/bab%201.html", ["materi/bab 1.html"], "materi/bab%201.html"],
    ["non-ASCII letters", "materi/pengantar-é.html", ["materi/pengantar-é.html"], "materi/pengantar-%C3%A9.html"],
    ["a query string", "story.html?lms=1", ["story.html"], "story.html?lms=1"],
    ["a leading ./", "./res/index.html", ["res/index.html"], "res/index.html"],
    ["a step back inside the package", "res/../shared/launch.html", ["shared/launch.html"], "shared/launch.html"],
    ["backslashes", "res\\index.html", ["res/index.html"], "res/index.html"],
    ["another letter case than the file", "Index.HTML", ["index.html"], "index.html"],
    ["decomposed accents in the file name", "café.html", ["cafe\u0301.html"], "cafe%CC%81.html"],
  ])("resolves an href with %s", (_what, href, names, launch) => {
    expect(launchOf(href, names)).toBe(launch);
  });

  it("resolves xml:base on the manifest, resources and resource, with or without a final slash", () => {
    const body = oneSco("index.html")
      .replace("<resources>", '<resources xml:base="konten/">')
      .replace('type="webcontent"', 'type="webcontent" xml:base="bab1"');
    const xml = scorm12Manifest(body).replace('<manifest identifier="com.example.kursus"', '<manifest xml:base="paket/" identifier="com.example.kursus"');
    const m = parseScormManifest(xml, files("paket/konten/bab1/index.html"));
    expect(m.launchable[0].launch).toBe("paket/konten/bab1/index.html");
    expect(m.warnings).toEqual([]);
  });

  it("refuses an href or a base leading out of the package, or an absolute path", () => {
    expect(() => launchOf("../index.html", ["index.html"])).toThrow(/"..\/index.html" of item "item1" is outside the package/);
    expect(() => launchOf("index.html", ["index.html"], 'xml:base="../../"')).toThrow(/outside the package/);
    expect(() => launchOf("/index.html", ["index.html"])).toThrow(/outside the package/);
    expect(() => launchOf("C:\\kursus\\index.html", ["index.html"])).toThrow(/not in the package/);
  });

  it("launches an item whose resource is an asset, and a remote resource as it is", () => {
    const asset = oneSco("panduan.pdf").replace('adlcp:scormtype="sco"', 'adlcp:scormtype="asset"');
    const m = parseScormManifest(scorm12Manifest(asset), files("panduan.pdf"));
    expect([m.launchable[0].scormType, m.launchable[0].launch]).toEqual(["asset", "panduan.pdf"]);
    expect(launchOf("https://konten.example.org/kursus/index.html", [])).toBe("https://konten.example.org/kursus/index.html");
  });

  it("warns of listed files and dependencies missing from the zip, and ignores files the manifest does not list", () => {
    const body = `<organizations default="o"><organization identifier="o"><title>T</title><item identifier="i" identifierref="sco"><title>I</title></item></organization></organizations>
      <resources>
        <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/><file href="gambar/logo.png"/><dependency identifierref="umum"/><dependency identifierref="hilang"/></resource>
        <resource identifier="umum" type="webcontent" adlcp:scormtype="asset"><file href="umum/api.js"/></resource>
      </resources>`;
    const p = inspectPackage(zip12(body, [page, { name: "umum/api.js", data: "" }, { name: "tidak-terdaftar.css", data: "" }]), "x.zip");
    expect(scormOf(p).warnings).toEqual([
      'Resource "sco" lists the file "gambar/logo.png", which is not in the package',
      'Resource "sco" depends on the missing resource "hilang"',
    ]);
    expect(p.files.map((f) => f.path)).toContain("tidak-terdaftar.css");
  });

  it("keeps refusing what cannot be launched: a missing resource, an href-less resource, a missing launch file", () => {
    expect(() => parseScormManifest(scorm12Manifest(oneSco().replace('identifierref="res1"', 'identifierref="lain"')), files("index.html"))).toThrow(
      /refers to the missing resource "lain"/,
    );
    expect(() => parseScormManifest(scorm12Manifest(oneSco().replace('href="index.html" ', "")), files("index.html"))).toThrow(/has no launch file/);
    const err = refusal(() => inspectPackage(zip12(oneSco("story.html")), "x.zip"));
    expect([err.code, err.errors?.[0].path, err.message]).toEqual([
      "unprocessable",
      "href",
      'The launch file "story.html" of item "item1" is not in the package',
    ]);
  });
});
