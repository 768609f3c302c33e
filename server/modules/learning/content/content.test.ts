import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../test/engines.js";
import { contentFixture } from "../../../test/fixtures.js";
import { Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { buildOrgWorld, type OrgWorld } from "../../../test/org-world.js";
import { multipartBody } from "../../org/import/test-support.js";

describe.each(ENGINES)("content packages on %s", (engine) => {
  let t: TestApp;
  let w: OrgWorld;
  let admin: Client;
  let adminB: Client;
  let learner: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    w = await buildOrgWorld(t);
    const f = t.factory;
    const la = await f.employee({ agencyId: w.A.id, unitId: w.A.root.id, name: "Admin Pembelajaran", roles: [{ role: "learning_admin" }] });
    const laB = await f.employee({ agencyId: w.B.id, unitId: w.B.root.id, name: "Admin Pembelajaran B", roles: [{ role: "learning_admin" }] });
    admin = await Client.signIn(t.app, la.nip);
    adminB = await Client.signIn(t.app, laB.nip);
    learner = await Client.signIn(t.app, w.e1.nip);
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (c: Client, name: string, content: Buffer) => {
    const { body, contentType } = multipartBody([{ name: "file", filename: name, content, contentType: "application/zip" }]);
    return c.request("POST", "/api/v1/learning/content/packages", body, { "content-type": contentType });
  };
  const count = async (table: "content_packages" | "content_files") =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const onContentHost = (method: "GET" | "POST", url: string, body?: unknown, host = "127.0.0.1:80") =>
    t.app.inject({
      method,
      url,
      headers: { host, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });

  let scorm12Id = "";

  it("stores a SCORM 1.2 package with all its files, audited", async () => {
    const res = await upload(admin, "RuntimeMinimumCalls_SCORM12.zip", contentFixture("RuntimeMinimumCalls_SCORM12.zip"));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.standard).toBe("scorm12");
    scorm12Id = body.id;
    const files = await t.database.db.selectFrom("content_files").select("path").where("package_id", "=", body.id).execute();
    expect(body.fileCount).toBe(files.length);
    expect(files.length).toBeGreaterThan(40);
    expect(files.map((f) => f.path)).toContain("imsmanifest.xml");
    const event = await t.database.db.selectFrom("audit_events").select("action").where("subject_id", "=", body.id).executeTakeFirst();
    expect(event?.action).toBe("content_package.created");
  });

  it("refuses a hostile or broken package and stores nothing", async () => {
    const before = [await count("content_packages"), await count("content_files")];
    const notZip = await upload(admin, "evil.zip", Buffer.from("MZ this is an executable"));
    expect(notZip.statusCode).toBe(415);
    expect(notZip.headers["content-type"]).toMatch(/problem\+json/);
    const truncated = contentFixture("singlescobasic.zip").subarray(0, 50_000);
    const cut = await upload(admin, "cut.zip", truncated);
    expect(cut.statusCode).toBe(422);
    const bad = Buffer.from(contentFixture("single_au_basic_responsive-novideo.zip"));
    // Damage the first file's data: its checksum no longer matches.
    bad[200] ^= 0xff;
    const damaged = await upload(admin, "damaged.zip", bad);
    expect(damaged.statusCode).toBe(422);
    expect([await count("content_packages"), await count("content_files")]).toEqual(before);
  });

  it("lets only learning admins of the agency manage packages", async () => {
    expect((await upload(learner, "a.zip", contentFixture("singlescobasic.zip"))).statusCode).toBe(403);
    expect((await new Client(t.app).request("GET", "/api/v1/learning/content/packages")).statusCode).toBe(401);
    expect((await adminB.request("GET", `/api/v1/learning/content/packages/${scorm12Id}`)).statusCode).toBe(404);
    const list = await admin.request("GET", "/api/v1/learning/content/packages");
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(scorm12Id);
    expect((await adminB.request("GET", "/api/v1/learning/content/packages")).json().items).toHaveLength(0);
  });

  it("plays a package on the content origin only, stores commits and resumes a suspended SCO", async () => {
    const launch = await admin.request("POST", `/api/v1/learning/content/packages/${scorm12Id}/preview`, {});
    expect(launch.statusCode, launch.body).toBe(200);
    const url = new URL(launch.json().playerUrl);
    expect(url.host).toBe("127.0.0.1");
    const token = url.pathname.split("/").pop() ?? "";

    // The platform host never serves content.
    expect((await onContentHost("GET", `/content/player/${token}`, undefined, "localhost:80")).statusCode).toBe(404);
    const player = await onContentHost("GET", `/content/player/${token}`);
    expect(player.statusCode).toBe(200);
    expect(player.headers["content-security-policy"]).toContain("frame-ancestors http://localhost");
    expect(player.headers["x-frame-options"]).toBeUndefined();
    expect(player.body).toContain("/content/lib/scorm-again.js");

    const state = await onContentHost("GET", `/content/runtime/${token}`);
    expect(state.statusCode, state.body).toBe(200);
    const s = state.json();
    expect(s.standard).toBe("scorm12");
    expect(s.cmi.core.entry).toBe("ab-initio");
    expect(s.cmi.core.lesson_mode).toBe("browse");
    expect(s.items.length).toBeGreaterThan(5);

    const launchFile = await onContentHost("GET", `/content/p/${token}/${s.item.launch.split("?")[0]}`);
    expect(launchFile.statusCode).toBe(200);
    expect(launchFile.headers["content-type"]).toMatch(/text\/html/);
    expect((await onContentHost("GET", `/content/p/${token}/..%2F..%2Fetc%2Fpasswd`)).statusCode).toBe(404);

    const commitUrl = `/content/runtime/${token}/attempts/${s.attemptId}/commit`;
    const c1 = await onContentHost("POST", commitUrl, {
      cmi: { core: { lesson_status: "incomplete", lesson_location: "page3", exit: "suspend" }, suspend_data: "abc" },
    });
    expect(c1.statusCode, c1.body).toBe(200);
    expect(c1.json().result).toBe(true);
    const resumed = (await onContentHost("GET", `/content/runtime/${token}`)).json();
    expect(resumed.cmi.core.entry).toBe("resume");
    expect(resumed.cmi.core.lesson_location).toBe("page3");
    expect(resumed.cmi.suspend_data).toBe("abc");

    const c2 = await onContentHost("POST", `${commitUrl}?terminate=true`, {
      cmi: { core: { lesson_status: "passed", score: { raw: "90", min: "0", max: "100" }, exit: "" } },
    });
    expect(c2.json()).toMatchObject({ completion: "completed", success: "passed" });
    const row = await t.database.db.selectFrom("content_attempts").selectAll().where("id", "=", s.attemptId).executeTakeFirstOrThrow();
    expect(row.commits).toBe(2);
    expect(row.score_scaled).toBeCloseTo(0.9);
    expect(row.terminated_at).not.toBeNull();
    const after = (await onContentHost("GET", `/content/runtime/${token}`)).json();
    expect(after.items.find((i: { id: string }) => i.id === s.item.id)).toMatchObject({ completion: "completed", success: "passed", score: 90 });

    expect((await onContentHost("POST", commitUrl, { nothing: 1 })).statusCode).toBe(400);
    expect((await onContentHost("GET", "/content/runtime/not-a-real-token-but-long-enough")).statusCode).toBe(404);
    expect((await onContentHost("POST", `/content/runtime/${token}/attempts/unknown/commit`, { cmi: { core: {} } })).statusCode).toBe(400);
    expect((await onContentHost("POST", `/content/runtime/${token}/attempts/${randomUUID()}/commit`, { cmi: { core: {} } })).statusCode).toBe(404);
  });

  it("serves the runtime library without a token and removes a package with its attempts", async () => {
    const lib = await onContentHost("GET", "/content/lib/scorm-again.js");
    expect(lib.statusCode).toBe(200);
    expect(lib.body).toContain("Scorm2004API");
    expect((await adminB.request("DELETE", `/api/v1/learning/content/packages/${scorm12Id}`)).statusCode).toBe(404);
    expect((await learner.request("DELETE", `/api/v1/learning/content/packages/${scorm12Id}`)).statusCode).toBe(403);
    expect((await admin.request("DELETE", `/api/v1/learning/content/packages/${scorm12Id}`)).statusCode).toBe(204);
    expect(await t.database.db.selectFrom("content_attempts").select("id").where("package_id", "=", scorm12Id).execute()).toHaveLength(0);
  });
});
