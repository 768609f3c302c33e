import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { buildOrgWorld } from "../../../test/org-world.js";
import { multipartBody } from "../../org/import/test-support.js";
import { buildZip, oneSco, scorm12Manifest, scorm2004Manifest } from "./test-support.js";

const page = { name: "index.html", data: "<html><body>Pelajaran</body></html>" };

describe.each(ENGINES)("SCORM packages from authoring tools, stored and played on %s", (engine) => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const w = await buildOrgWorld(t);
    const la = await t.factory.employee({ agencyId: w.A.id, unitId: w.A.root.id, name: "Admin Konten", roles: [{ role: "learning_admin" }] });
    admin = await Client.signIn(t.app, la.nip);
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (name: string, content: Buffer) => {
    const { body, contentType } = multipartBody([{ name: "file", filename: name, content, contentType: "application/zip" }]);
    return admin.request("POST", "/api/v1/learning/content/packages", body, { "content-type": contentType });
  };
  const stored = async () => (await t.database.db.selectFrom("content_files").select(["package_id", "path"]).execute()).length;

  it("stores a zipped course folder under the package's top level and serves its launch file with a space and an accent in its name", async () => {
    const zip = buildZip([
      { name: "Pelatihan Integritas/" },
      { name: "Pelatihan Integritas/imsmanifest.xml", data: scorm12Manifest(oneSco("materi/bab 1 - pengantar é.html", "", 'xml:base=""')) },
      { name: "Pelatihan Integritas/materi/bab 1 - pengantar e\u0301.html", data: "<html>bab satu</html>", deflate: true },
      { name: "__MACOSX/Pelatihan Integritas/._imsmanifest.xml", data: "fork" },
    ]);
    const res = await upload("Pelatihan Integritas.zip", zip);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.fileCount).toBe(2);
    expect(body.manifest.warnings[0]).toMatch(/inside the folder "Pelatihan Integritas"/);
    const paths = await t.database.db.selectFrom("content_files").select("path").where("package_id", "=", body.id).orderBy("path").execute();
    expect(paths.map((p) => p.path)).toEqual(["imsmanifest.xml", "materi/bab 1 - pengantar é.html"]);

    const launch = await admin.request("POST", `/api/v1/learning/content/packages/${body.id}/preview`, {});
    expect(launch.statusCode, launch.body).toBe(200);
    const token = new URL(launch.json().playerUrl).pathname.split("/").pop() ?? "";
    const onContentHost = (url: string) => t.app.inject({ method: "GET", url, headers: { host: "127.0.0.1:80" } });
    const state = (await onContentHost(`/content/runtime/${token}`)).json();
    expect(state.item.launch).toBe("materi/bab%201%20-%20pengantar%20%C3%A9.html");
    const file = await onContentHost(`/content/p/${token}/${state.item.launch}`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe("<html>bab satu</html>");
  });

  it("gives a SCO its time limit and what to do when it runs out, on 1.2 and 2004", async () => {
    const runtimeOf = async (zip: Buffer) => {
      const res = await upload("Batas waktu.zip", zip);
      expect(res.statusCode, res.body).toBe(201);
      const launch = await admin.request("POST", `/api/v1/learning/content/packages/${res.json().id}/preview`, {});
      const token = new URL(launch.json().playerUrl).pathname.split("/").pop() ?? "";
      return (await t.app.inject({ method: "GET", url: `/content/runtime/${token}`, headers: { host: "127.0.0.1:80" } })).json().cmi;
    };
    const v12 = await runtimeOf(
      buildZip([
        {
          name: "imsmanifest.xml",
          data: scorm12Manifest(
            oneSco("index.html", "<adlcp:maxtimeallowed>00:30:00</adlcp:maxtimeallowed><adlcp:timelimitaction>exit,message</adlcp:timelimitaction>"),
          ),
        },
        { name: "index.html", data: "<html></html>" },
      ]),
    );
    expect(v12.student_data).toMatchObject({ max_time_allowed: "00:30:00", time_limit_action: "exit,message" });
    const v2004 = await runtimeOf(
      buildZip([
        {
          name: "imsmanifest.xml",
          data: scorm2004Manifest(
            oneSco(
              "index.html",
              '<adlcp:timeLimitAction>continue,no message</adlcp:timeLimitAction><imsss:sequencing><imsss:limitConditions attemptAbsoluteDurationLimit="PT45M"/></imsss:sequencing>',
            ),
          ),
        },
        { name: "index.html", data: "<html></html>" },
      ]),
    );
    expect(v2004).toMatchObject({ max_time_allowed: "PT45M", time_limit_action: "continue,no message" });
  });

  it("serves files whose names hold a percent sign, a hash or a question mark, each by its encoded name", async () => {
    const zip = buildZip([
      { name: "imsmanifest.xml", data: scorm12Manifest(oneSco("index.html")) },
      { name: "index.html", data: "<html>mulai</html>" },
      { name: "promo/diskon 100%.html", data: "<html>diskon</html>" },
      { name: "promo/bab #2?.html", data: "<html>bab dua</html>" },
    ]);
    const res = await upload("Nama berkas.zip", zip);
    expect(res.statusCode, res.body).toBe(201);
    const launch = await admin.request("POST", `/api/v1/learning/content/packages/${res.json().id}/preview`, {});
    const token = new URL(launch.json().playerUrl).pathname.split("/").pop() ?? "";
    const get = (name: string) => t.app.inject({ method: "GET", url: `/content/p/${token}/${name}`, headers: { host: "127.0.0.1:80" } });
    const percent = await get(`promo/${encodeURIComponent("diskon 100%.html")}`);
    expect([percent.statusCode, percent.body]).toEqual([200, "<html>diskon</html>"]);
    const hash = await get(`promo/${encodeURIComponent("bab #2?.html")}`);
    expect([hash.statusCode, hash.body]).toEqual([200, "<html>bab dua</html>"]);
    // A query string is not part of the name.
    expect((await get("index.html?lang=id")).body).toBe("<html>mulai</html>");
    expect((await get("promo/diskon%20100.html")).statusCode).toBe(404);
  });

  it("refuses a hostile package with a clear reason and stores nothing of it", async () => {
    const before = await stored();
    const xxe = scorm12Manifest(
      oneSco().replace("Kursus Contoh", "&xxe;"),
      '<?xml version="1.0"?><!DOCTYPE manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    );
    const entity = await upload("xxe.zip", buildZip([{ name: "imsmanifest.xml", data: xxe }, page]));
    expect(entity.statusCode).toBe(422);
    expect(entity.json().detail).toMatch(/Entity declarations are not allowed/);
    const leaving = await upload(
      "escape.zip",
      buildZip([
        { name: "kursus/imsmanifest.xml", data: scorm12Manifest(oneSco()) },
        { name: "kursus/..\\..\\index.html", data: "x" },
      ]),
    );
    expect([leaving.statusCode, leaving.json().reason]).toEqual([422, "bad_path"]);
    expect(await stored()).toBe(before);
  });
});
