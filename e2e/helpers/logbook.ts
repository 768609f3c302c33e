import { type APIRequestContext, type APIResponse, type Browser, type BrowserContext, type Page, request } from "playwright-core";
import { signIn } from "./ui";

export const DEMO_PASSWORD = "Demo-Abdi-2026";
export const demoLogin = (who: "pegawai" | "atasan" | "hr" | "kesehatan" | "pimpinan") => `${who}@demo.abdi.go.id`;

/** The demo employee and their supervisor, as the demo data names them. */
export const EMPLOYEE_NAME = "Dewi Anggraini";

/** Monas, Jakarta: where the test office stands. */
export const OFFICE = { name: "Kantor Pusat Uji", lat: -6.1754, lng: 106.8272, radiusM: 200 };

export interface ApiSession {
  context: APIRequestContext;
  me: { employeeId: string; unitId: string; displayName: string };
  get<T>(path: string): Promise<T>;
  send<T>(method: "POST" | "PUT" | "PATCH", path: string, body: unknown): Promise<T>;
}

async function answer<T>(r: APIResponse, what: string): Promise<T> {
  if (!r.ok()) throw new Error(`${what} answered ${r.status()}: ${await r.text()}`);
  return (await r.json()) as T;
}

/** Signs in through the API (cookie + CSRF token), as the web app does. */
export async function apiAs(baseURL: string, login: string): Promise<ApiSession> {
  const context = await request.newContext({ baseURL });
  const res = await context.post("/api/v1/auth/login", { data: { login, password: DEMO_PASSWORD } });
  if (res.status() !== 204) throw new Error(`sign-in of ${login} answered ${res.status()}`);
  const me = await (await context.get("/api/v1/auth/me")).json();
  return {
    context,
    me,
    get: async <T>(path: string) => answer<T>(await context.get(`/api/v1${path}`), `GET ${path}`),
    send: async <T>(method: string, path: string, body: unknown) =>
      answer<T>(await context.fetch(`/api/v1${path}`, { method, data: body, headers: { "x-csrf-token": me.csrfToken } }), `${method} ${path}`),
  };
}

/** HR creates the test office for the employee's unit (the demo agency has none). */
export async function createOffice(baseURL: string, unitId: string): Promise<void> {
  const hr = await apiAs(baseURL, demoLogin("hr"));
  await hr.send("POST", "/places", { name: OFFICE.name, unitId, shape: { type: "circle", lat: OFFICE.lat, lng: OFFICE.lng, radiusM: OFFICE.radiusM } });
  await hr.context.dispose();
}

/** A phone (360 × 740, Indonesian) whose browser reports a position at the office. */
export async function phoneAtOffice(browser: Browser, baseURL: string, opts: { serviceWorkers?: "allow" | "block" } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    serviceWorkers: opts.serviceWorkers ?? "block",
  });
  await context.grantPermissions(["geolocation"]);
  await context.setGeolocation({ latitude: OFFICE.lat + 0.0001, longitude: OFFICE.lng + 0.0001, accuracy: 15 });
  return context;
}

/** Signs a demo account in on a new page of the context. */
export async function signedInPage(context: BrowserContext, login: string): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, login, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === "/");
  return page;
}

/** Answers the default health form as a healthy person. */
export async function fillHealthyCheck(page: Page): Promise<void> {
  await page.getByLabel("Suhu tubuh").fill("36,5");
  await page
    .getByRole("radiogroup", { name: /Kontak erat/ })
    .getByRole("radio", { name: "Tidak", exact: true })
    .check();
  await page
    .getByRole("radiogroup", { name: /Hasil tes terakhir/ })
    .getByRole("radio", { name: "Tidak ada tes" })
    .check();
  await page.getByRole("button", { name: "Kirim pemeriksaan" }).click();
}

/** Fills the first activity of the report editor. */
export async function fillFirstActivity(page: Page, description: string): Promise<void> {
  const activity = page.getByRole("group", { name: "Kegiatan 1" });
  await activity.getByLabel("Uraian kegiatan").fill(description);
  await activity.getByLabel("Satuan").fill("dokumen");
}
