import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/engines.js";
import { TEST_PASSWORD } from "../../test/factories.js";
import { Client, createTestApp, type TestApp } from "../../test/harness.js";

describe.each(ENGINES)("auth on %s", (engine) => {
  let t: TestApp;
  let agency: Awaited<ReturnType<TestApp["factory"]["agency"]>>;
  let emp: Awaited<ReturnType<TestApp["factory"]["employee"]>>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    agency = await t.factory.agency();
    emp = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id, email: "siti@example.go.id", name: "Siti Aminah" });
  });
  afterAll(() => t.close());

  it("signs in by NIP and by email, with an HttpOnly SameSite=Lax cookie", async () => {
    const c = new Client(t.app);
    const res = await c.request("POST", "/api/v1/auth/login", { login: emp.nip, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(204);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/abdi_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const me = await c.get("/api/v1/auth/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ employeeId: emp.id, displayName: "Siti Aminah", agencyId: agency.id });
    await Client.signIn(t.app, "SITI@example.go.id");
  });

  it("sets the Secure flag behind HTTPS", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: emp.nip, password: TEST_PASSWORD },
      headers: { "x-forwarded-proto": "https" },
    });
    // trustProxy is off in tests: a forged header must not be believed.
    expect(String(res.headers["set-cookie"])).not.toMatch(/Secure/i);
  });

  it("refuses a wrong password with problem+json and does not say which part was wrong", async () => {
    const c = new Client(t.app);
    const res = await c.request("POST", "/api/v1/auth/login", { login: emp.nip, password: "salah-sekali-123" });
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: "invalid_credentials", status: 401 });
    const unknown = await c.request("POST", "/api/v1/auth/login", { login: "999999999999999999", password: "x" });
    expect(unknown.json().code).toBe("invalid_credentials");
  });

  it("requires a session and a CSRF token", async () => {
    const anon = await t.app.inject({ method: "GET", url: "/api/v1/auth/me" });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().code).toBe("unauthenticated");
    const c = await Client.signIn(t.app, emp.nip);
    const noToken = await t.app.inject({ method: "PUT", url: "/api/v1/auth/locale", payload: { locale: "en" }, headers: { cookie: c.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe("csrf_failed");
    const ok = await c.request("PUT", "/api/v1/auth/locale", { locale: "en" });
    expect(ok.statusCode).toBe(204);
    expect((await c.get("/api/v1/auth/me")).json().locale).toBe("en");
  });

  it("refuses a cross-origin sign-in", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: emp.nip, password: TEST_PASSWORD },
      headers: { origin: "https://evil.example", host: "localhost:80" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("csrf_failed");
  });

  it("signs out, lists and revokes own sessions", async () => {
    const a = await Client.signIn(t.app, emp.nip);
    const b = await Client.signIn(t.app, emp.nip);
    const list = (await a.get("/api/v1/auth/sessions")).json() as { id: string; current: boolean }[];
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const other = list.find((s) => !s.current);
    expect(other).toBeDefined();
    const bId = ((await b.get("/api/v1/auth/sessions")).json() as { id: string; current: boolean }[]).find((s) => s.current)?.id;
    expect((await a.del(`/api/v1/auth/sessions/${bId}`)).statusCode).toBe(204);
    expect((await b.get("/api/v1/auth/me")).statusCode).toBe(401);
    expect((await a.del(`/api/v1/auth/sessions/${"0".repeat(64)}`)).statusCode).toBe(404);
    expect((await a.post("/api/v1/auth/logout")).statusCode).toBe(204);
    expect((await a.get("/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("changes the password, checks strength, and signs out other devices", async () => {
    const e = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id });
    const a = await Client.signIn(t.app, e.nip);
    const b = await Client.signIn(t.app, e.nip);
    const weak = await a.post("/api/v1/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "short" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe("newPassword");
    const wrong = await a.post("/api/v1/auth/password", { currentPassword: "nope-nope-nope", newPassword: "Kuat-Sekali-2026!" });
    expect(wrong.statusCode).toBe(400);
    expect((await a.post("/api/v1/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "Kuat-Sekali-2026!" })).statusCode).toBe(204);
    expect((await a.get("/api/v1/auth/me")).statusCode).toBe(200);
    expect((await b.get("/api/v1/auth/me")).statusCode).toBe(401);
    await expect(Client.signIn(t.app, e.nip)).rejects.toThrow(/401/);
    await Client.signIn(t.app, e.nip, "Kuat-Sekali-2026!");
  });

  it("slows repeated failures per account and IP without locking out the office", async () => {
    const victim = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id });
    const colleague = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id });
    const attempt = (login: string, password: string, ip = "10.1.1.1") =>
      t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login, password }, remoteAddress: ip });
    for (let i = 0; i < 5; i++) expect((await attempt(victim.nip, "wrong-password-x")).statusCode).toBe(401);
    const locked = await attempt(victim.nip, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe("too_many_attempts");
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    // A colleague behind the same public IP signs in fine.
    expect((await attempt(colleague.nip, TEST_PASSWORD)).statusCode).toBe(204);
    // The victim from another address is not blocked by the first attacker yet.
    expect((await attempt(victim.nip, TEST_PASSWORD, "10.2.2.2")).statusCode).toBe(204);
  });

  it("forces a password change after an admin reset", async () => {
    const hr = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id, roles: [{ role: "hr_admin" }] });
    const e = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id });
    const admin = await Client.signIn(t.app, hr.nip);
    const reset = await admin.post(`/api/v1/employees/${e.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const temp = reset.json().temporaryPassword as string;
    expect(temp).toHaveLength(12);
    const user = await Client.signIn(t.app, e.nip, temp);
    const blocked = await user.get("/api/v1/units");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe("password_change_required");
    expect((await user.get("/api/v1/auth/me")).json().mustChangePassword).toBe(true);
    expect((await user.post("/api/v1/auth/password", { currentPassword: temp, newPassword: "Baru-Sekali-2026!" })).statusCode).toBe(204);
    expect((await user.get("/api/v1/units")).statusCode).toBe(200);
    const events = await t.database.db.selectFrom("audit_events").select("action").where("subject_id", "=", e.id).execute();
    expect(events.map((x) => x.action)).toContain("auth.password_reset");
  });

  it("refuses inactive employees", async () => {
    const e = await t.factory.employee({ agencyId: agency.id, unitId: agency.root.id, status: "inactive" });
    const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login: e.nip, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("account_disabled");
  });
});
