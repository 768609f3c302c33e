import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { createTestApp, type TestApp } from "../../../test/harness.js";
import { buildCourse, buildLearningWorld, L, type LearningWorld, ok } from "../test-support.js";

interface Page {
  items: { id: string; title: string; formats: string[]; lessonCount: number }[];
  total: number;
}

describe.each(ENGINES)("learning catalog on %s", (engine) => {
  let t: TestApp;
  let lw: LearningWorld;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp(engine);
    lw = await buildLearningWorld(t);
    const { admin, adminOtherAgency } = lw.c;
    ids.layanan = (await buildCourse(admin, { code: "C-1", title: "Pelayanan Publik Prima", topic: "Pelayanan", jp: 4 }, ["text", "video"])).id;
    ids.kelola = (
      await buildCourse(admin, { code: "C-2", title: "Manajemen Arsip", summary: "Pengelolaan arsip dan melayani permintaan data", topic: "Arsip", jp: 2 }, [
        "pdf",
      ])
    ).id;
    ids.keuangan = (await buildCourse(admin, { code: "C-3", title: "Pengelolaan Keuangan Daerah", topic: "Keuangan", jp: 8 }, ["text", "live"])).id;
    ids.draft = (await buildCourse(admin, { code: "C-4", title: "Pelayanan Draf", draft: true }, ["text"])).id;
    ids.other = (await buildCourse(adminOtherAgency, { code: "C-1", title: "Pelayanan Instansi B" }, ["text"])).id;
  });
  afterAll(() => t.close());

  const search = (qs: string) => ok<Page>(lw.c.employee.get(`${L}/catalog?${qs}`));

  it("shows learners only their agency's published courses", async () => {
    const all = await search("");
    expect(all.items.map((c) => c.id).sort()).toEqual([ids.layanan, ids.kelola, ids.keuangan].sort());
    expect((await ok<Page>(lw.c.eB.get(`${L}/catalog`))).items.map((c) => c.id)).toEqual([ids.other]);
  });

  it("matches affixed Indonesian forms through their stems, regardless of case and diacritics", async () => {
    const melayani = await search(`q=${encodeURIComponent("MELAYANI")}`);
    expect(melayani.items.map((c) => c.id)).toEqual([ids.layanan, ids.kelola]);
    const kelola = await search(`q=${encodeURIComponent("kelola")}`);
    expect(kelola.items.map((c) => c.id).sort()).toEqual([ids.kelola, ids.keuangan].sort());
    // Title matches rank first.
    expect(kelola.items[0].id).toBe(ids.keuangan);
    const both = await search(`q=${encodeURIComponent("pengelolaan keuangan")}`);
    expect(both.items.map((c) => c.id)).toEqual([ids.keuangan]);
    expect((await search(`q=${encodeURIComponent("pélayanan")}`)).total).toBe(2);
    expect((await search("q=astronomi")).total).toBe(0);
    expect((await search(`q=${encodeURIComponent("100% _")}`)).total).toBe(0);
  });

  it("filters by topic, format, JP range and language, and counts facets", async () => {
    expect((await search("format=live")).items.map((c) => c.id)).toEqual([ids.keuangan]);
    expect((await search("topic=Arsip")).items.map((c) => c.id)).toEqual([ids.kelola]);
    expect((await search("jpMin=3&jpMax=5")).items.map((c) => c.id)).toEqual([ids.layanan]);
    expect((await search("language=en")).total).toBe(0);
    const page = await search("pageSize=1&page=2");
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
    const card = (await search("q=prima")).items[0];
    expect(card).toMatchObject({ formats: ["text", "video"], lessonCount: 2 });
    const facets = await ok<{ topics: { value: string; count: number }[]; formats: { value: string; count: number }[] }>(
      lw.c.employee.get(`${L}/catalog/facets`),
    );
    expect(facets.topics.map((x) => x.value)).toEqual(["Arsip", "Keuangan", "Pelayanan"]);
    expect(facets.formats.find((f) => f.value === "text")?.count).toBe(2);
    expect((await lw.c.employee.get(`${L}/catalog?format=hologram`)).statusCode).toBe(400);
  });

  it("keeps search words in step with edits", async () => {
    await ok(lw.c.admin.patch(`${L}/courses/${ids.kelola}`, { summary: "Penataan berkas" }));
    expect((await search("q=melayani")).items.map((c) => c.id)).toEqual([ids.layanan]);
    expect((await search("q=tata")).items.map((c) => c.id)).toEqual([ids.kelola]);
  });
});
