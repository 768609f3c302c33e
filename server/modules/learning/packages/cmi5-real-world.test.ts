import { describe, expect, it } from "vitest";
import { contentFixture } from "../../../test/fixtures.js";
import { storedZip } from "../content/cmi5/test-support.js";
import { CMI5_NS, cmi5Title, parseCmi5, pickLang } from "./cmi5.js";
import { inspectPackage } from "./inspect.js";

const FILES = new Set(["index.html", "index_lms.html", "My AU/start.html", "content/Story.html", "au/2/index.html"]);

function course(body: string, opts: { root?: string; ns?: string } = {}): string {
  const root = opts.root ?? "courseStructure";
  return `<?xml version="1.0" encoding="UTF-8"?>
<${root} ${opts.ns ?? `xmlns="${CMI5_NS}"`}>
  <course id="https://kursus.example.go.id/c/1">
    <title><langstring lang="en-US">Public service ethics</langstring><langstring lang="id-ID">Etika pelayanan publik</langstring></title>
    <description><langstring lang="en-US"/></description>
  </course>
  ${body}
</${root}>`;
}

function au(id: string, attrs = "", inner = "<url>index.html</url>"): string {
  return `<au id="https://kursus.example.go.id/c/1/au/${id}" ${attrs}>
    <title><langstring lang="id-ID">Unit ${id}</langstring></title>
    <description><langstring lang="id-ID">Uraian</langstring></description>
    ${inner}
  </au>`;
}

describe("cmi5 course structures as real packages write them", () => {
  it("reads the course test packages: every AU, its moveOn and its own query string", () => {
    const multi = inspectPackage(contentFixture("multi_au_framed.zip"), "multi_au_framed.zip");
    if (multi.standard !== "cmi5") throw new Error("expected cmi5");
    expect(multi.course.aus.length).toBeGreaterThan(1);
    expect(multi.course.aus[0]).toMatchObject({ url: "index.html?pages=1&complete=launch", moveOn: "CompletedOrPassed", remote: false });
    expect(multi.course.aus.map((a) => a.url)).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7].map((page) => `index.html?pages=${page}&complete=launch`),
      "index.html?pages=quiz&complete=quiz",
    ]);
    const single = inspectPackage(contentFixture("single_au_basic_responsive-novideo.zip"), "single.zip");
    if (single.standard !== "cmi5") throw new Error("expected cmi5");
    expect(single.course.aus).toHaveLength(1);
    expect(single.course.description[0].value).toMatch(/^This course will introduce you/);
  });

  it("resolves namespaces: a prefix, a default namespace, or none at all", () => {
    const prefixed = course(au("1"), { ns: `xmlns:cs="${CMI5_NS}"` })
      .replace(/<(\/?)(course|title|description|langstring|au|url)\b/g, "<$1cs:$2")
      .replace(/<(\/?)courseStructure\b/g, "<$1cs:courseStructure");
    expect(parseCmi5(prefixed, FILES).aus[0].id).toBe("https://kursus.example.go.id/c/1/au/1");
    expect(parseCmi5(course(au("1")), FILES).aus).toHaveLength(1);
    expect(parseCmi5(course(au("1"), { ns: "" }), FILES).aus).toHaveLength(1);
    expect(() => parseCmi5(course(au("1"), { ns: 'xmlns="https://example.org/other.xsd"' }), FILES)).toThrow(/namespace/);
  });

  it("ignores extension elements of other namespaces, whatever their local names", () => {
    const xml = course(
      `${au("1", "", `<url>index.html</url><ext:title>not a title</ext:title>`)}
       <ext:au id="not-an-iri"><ext:url>missing.html</ext:url></ext:au>
       <ext:block><title><langstring>x</langstring></title></ext:block>`,
      { ns: `xmlns="${CMI5_NS}" xmlns:ext="https://vendor.example.com/cmi5-ext.xsd" ext:version="2"` },
    );
    const c = parseCmi5(xml, FILES);
    expect(c.aus).toHaveLength(1);
    expect(c.blocks).toHaveLength(0);
    expect(c.aus[0].title).toEqual([{ lang: "id-ID", value: "Unit 1" }]);
  });

  it("reads a file with a UTF-8 byte order mark, alone or in a zip", () => {
    const xml = `\uFEFF${course(au("1", "", "<url>https://au.example.com/start.html</url>"))}`;
    expect(parseCmi5(xml, null).aus[0].remote).toBe(true);
    const alone = inspectPackage(Buffer.from(xml, "utf8"), "cmi5.xml");
    expect(alone.standard).toBe("cmi5");
    const zipped = inspectPackage(storedZip([{ name: "cmi5.xml", data: Buffer.from(xml, "utf8") }]), "kursus.zip");
    expect(zipped.standard).toBe("cmi5");
  });

  it("keeps document order through nested blocks and records each AU's blocks", () => {
    const block = (id: string, inner: string) =>
      `<block id="https://kursus.example.go.id/c/1/b/${id}"><title><langstring lang="id">Blok ${id}</langstring></title><description><langstring lang="id">B</langstring></description>${inner}</block>`;
    const c = parseCmi5(course(`${au("1")}${block("A", `${au("2")}${block("B", au("3"))}${au("4")}`)}${au("5")}`), FILES);
    expect(c.aus.map((a) => a.id.split("/").pop())).toEqual(["1", "2", "3", "4", "5"]);
    expect(c.aus[2].blocks).toEqual(["https://kursus.example.go.id/c/1/b/A", "https://kursus.example.go.id/c/1/b/B"]);
    expect(c.aus[4].blocks).toEqual([]);
    expect(c.blocks.map((b) => b.blocks.length)).toEqual([0, 1]);
    expect(() => parseCmi5(course(`${au("1")}${block("E", "")}`), FILES)).toThrow(/holds no assignable unit/);
  });

  it.each(["Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable"])("accepts moveOn %s", (moveOn) => {
    expect(parseCmi5(course(au("1", `moveOn="${moveOn}"`)), FILES).aus[0].moveOn).toBe(moveOn);
  });

  it("defaults moveOn to NotApplicable and launchMethod to AnyWindow, and reads OwnWindow", () => {
    expect(parseCmi5(course(au("1")), FILES).aus[0]).toMatchObject({ moveOn: "NotApplicable", launchMethod: "AnyWindow", masteryScore: null });
    expect(parseCmi5(course(au("1", 'launchMethod="OwnWindow"')), FILES).aus[0].launchMethod).toBe("OwnWindow");
    expect(parseCmi5(course(au("1", 'launchMethod="AnyWindow"')), FILES).aus[0].launchMethod).toBe("AnyWindow");
  });

  it.each([
    ["0", 0],
    ["1", 1],
    ["0.8500", 0.85],
    [" 0.75 ", 0.75],
    ["1.", 1],
    [".5", 0.5],
    ["+0.6", 0.6],
  ])("accepts masteryScore %j", (raw, value) => {
    expect(parseCmi5(course(au("1", `masteryScore="${raw}"`)), FILES).aus[0].masteryScore).toBe(value);
  });

  it("reads activityType, launchParameters and entitlementKey, trimmed", () => {
    const c = parseCmi5(
      course(
        au(
          "1",
          'activityType="http://adlnet.gov/expapi/activities/media"',
          `<url>index.html</url><launchParameters>
             {"mode":"quiz","lang":"id"} &amp; more
           </launchParameters><entitlementKey> xyz-123-9999 </entitlementKey>`,
        ),
      ),
      FILES,
    );
    expect(c.aus[0]).toMatchObject({
      activityType: "http://adlnet.gov/expapi/activities/media",
      launchParameters: '{"mode":"quiz","lang":"id"} & more',
      entitlementKey: "xyz-123-9999",
    });
  });

  it("reads objectives and the AUs' and blocks' references to them", () => {
    const objectives = `<objectives>
      <objective id="https://kursus.example.go.id/obj/1"><title><langstring lang="id">Memahami etika</langstring></title><description><langstring lang="id">D</langstring></description></objective>
      <objective id="https://kursus.example.go.id/obj/2"><title><langstring lang="id">Menerapkan</langstring></title><description><langstring lang="id">D</langstring></description></objective>
    </objectives>`;
    const ref = (id: string) => `<objectives><objective idref="https://kursus.example.go.id/obj/${id}"/></objectives>`;
    const c = parseCmi5(course(`${objectives}${au("1", "", `${ref("2")}<url>index.html</url>`)}`), FILES);
    expect(c.objectives?.map((o) => o.id)).toEqual(["https://kursus.example.go.id/obj/1", "https://kursus.example.go.id/obj/2"]);
    expect(c.aus[0].objectives).toEqual(["https://kursus.example.go.id/obj/2"]);
    expect(() => parseCmi5(course(`${objectives}${au("1", "", `${ref("9")}<url>index.html</url>`)}`), FILES)).toThrow(/does not define/);
    expect(() => parseCmi5(course(`${objectives.replace("obj/2", "obj/1")}${au("1")}`), FILES)).toThrow(/used twice/);
  });

  it("picks the reader's language: Bahasa Indonesia first, else English, else the first", () => {
    const c = parseCmi5(course(au("1")), FILES);
    expect(cmi5Title(c)).toBe("Etika pelayanan publik");
    expect(cmi5Title(c, "en")).toBe("Public service ethics");
    expect(
      pickLang([
        { lang: "de-DE", value: "Ethik" },
        { lang: "en-GB", value: "Ethics" },
      ]),
    ).toBe("Ethics");
    expect(
      pickLang([
        { lang: "de-DE", value: "Ethik" },
        { lang: "fr", value: "Éthique" },
      ]),
    ).toBe("Ethik");
    expect(
      pickLang([
        { lang: "en", value: "Ethics" },
        { lang: "in-ID", value: "Etika" },
      ]),
    ).toBe("Etika");
    expect(
      pickLang([
        { lang: "ind", value: "x" },
        { lang: "en", value: "Ethics" },
      ]),
    ).toBe("Ethics");
    expect(pickLang([])).toBe("");
    // An empty langstring (as some authoring tools write for a description) is no text.
    expect(c.description).toEqual([]);
  });

  it.each([
    ["a query string", "index.html?lang=id&amp;mode=1", "index.html?lang=id&mode=1"],
    ["a fragment", "index.html#/lesson/1", "index.html#/lesson/1"],
    ["a leading ./", "./index_lms.html", "index_lms.html"],
    ["a leading /", "/content/Story.html", "content/Story.html"],
    ["an encoded space", "My%20AU/start.html", "My%20AU/start.html"],
    ["a literal space", "My AU/start.html", "My%20AU/start.html"],
    ["another letter case", "Content/story.HTML", "content/Story.html"],
    ["whitespace around it", "\n   au/2/index.html \n ", "au/2/index.html"],
  ])("takes a relative url with %s", (_what, url, stored) => {
    expect(parseCmi5(course(au("1", "", `<url>${url}</url>`)), FILES).aus[0]).toMatchObject({ url: stored, remote: false });
  });

  it("takes absolute http(s) urls as remote AUs", () => {
    const c = parseCmi5(course(au("1", "", "<url>https://au.example.com/a/start.html?x=1</url>")), null);
    expect(c.aus[0]).toMatchObject({ url: "https://au.example.com/a/start.html?x=1", remote: true });
  });

  it.each([
    ["a url leaving the package", "<url>../index.html</url>", /leaves the package/],
    ["a url of another scheme", "<url>mailto:someone@example.com</url>", /http or https/],
    ["an empty url", "<url>  </url>", /no <url>/],
    ["no url", "", /no <url>/],
    ["a query using a launch parameter name", "<url>index.html?registration=1</url>", /launch parameter name "registration"/],
    ["a missing file", "<url>start.html</url>", /not in the package/],
  ])("refuses %s", (_what, inner, message) => {
    expect(() => parseCmi5(course(au("1", "", inner)), FILES)).toThrow(message);
  });

  it.each([
    ["a course without id", course(au("1")).replace('course id="https://kursus.example.go.id/c/1"', "course"), /course id is missing/],
    ["an AU without id", course(au("1")).replace('au id="https://kursus.example.go.id/c/1/au/1"', "au"), /AU id is missing/],
    ["an AU id that is no IRI", course(au("1")).replace('au id="https://kursus.example.go.id/c/1/au/1"', 'au id="unit 1"'), /must be an IRI/],
    ["two AUs with one id", course(`${au("1")}${au("1")}`), /used twice/],
    [
      "a block sharing an AU's id",
      course(`${au("1")}<block id="https://kursus.example.go.id/c/1/au/1"><title><langstring>B</langstring></title>${au("2")}</block>`),
      /used twice/,
    ],
    ["masteryScore above 1", course(au("1", 'masteryScore="1.01"')), /masteryScore/],
    ["a negative masteryScore", course(au("1", 'masteryScore="-0.1"')), /masteryScore/],
    ["masteryScore as a percentage", course(au("1", 'masteryScore="80"')), /masteryScore/],
    ["masteryScore that is no number", course(au("1", 'masteryScore="high"')), /masteryScore/],
    ["an empty masteryScore", course(au("1", 'masteryScore=""')), /masteryScore/],
    ["an unknown moveOn", course(au("1", 'moveOn="Finished"')), /moveOn "Finished" is not one of/],
    ["moveOn in other letter case", course(au("1", 'moveOn="passed"')), /moveOn/],
    ["an unknown launchMethod", course(au("1", 'launchMethod="NewWindow"')), /launchMethod/],
    ["an activityType that is no IRI", course(au("1", 'activityType="media"')), /activityType/],
    ["an AU without title", course(au("1")).replace('<title><langstring lang="id-ID">Unit 1</langstring></title>', ""), /title is missing/],
    ["no AU", course(""), /no assignable unit/],
  ])("refuses %s with a clear message", (_what, xml, message) => {
    expect(() => parseCmi5(xml, FILES)).toThrow(message);
  });

  it("ids keep no surrounding whitespace", () => {
    const c = parseCmi5(course(au("1")).replace('au id="https://kursus.example.go.id/c/1/au/1"', 'au id="  https://kursus.example.go.id/c/1/au/1\n"'), FILES);
    expect(c.aus[0].id).toBe("https://kursus.example.go.id/c/1/au/1");
  });

  it("reads a zipped course folder as the package", () => {
    const xml = course(au("1", "", "<url>au/2/index.html?x=1</url>"));
    const p = inspectPackage(
      storedZip([
        { name: "Etika/cmi5.xml", data: xml },
        { name: "Etika/au/2/index.html", data: "<!doctype html>" },
      ]),
      "etika.zip",
    );
    if (p.standard !== "cmi5") throw new Error("expected cmi5");
    expect(p.course.aus[0].url).toBe("au/2/index.html?x=1");
    expect(p.files.map((f) => f.path).sort()).toEqual(["au/2/index.html", "cmi5.xml"]);
  });
});
