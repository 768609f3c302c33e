import ExcelJS from "exceljs";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { visible } from "./ui";

/** A stat card of the monitoring board, found by its label (its name reads "<label>: <count> — lihat daftar pegawai"). */
export function boardCard(page: Page, label: string): Locator {
  return page.getByRole("button", { name: new RegExp(`^${label}: [\\d.]+ — lihat daftar pegawai$`) }).first();
}

/** The number a stat card shows. */
export async function boardCount(page: Page, label: string): Promise<number> {
  const name = (await boardCard(page, label).getAttribute("aria-label")) ?? "";
  const m = name.match(/: ([\d.]+) —/);
  if (!m) throw new Error(`no number in "${name}"`);
  return Number(m[1].replace(/\./g, ""));
}

/** Opens the board and waits until the live feed is connected. */
export async function openBoard(page: Page): Promise<void> {
  await page.goto("/monitoring");
  await visible(page.getByRole("heading", { level: 1, name: "Papan pemantauan" }));
  await visible(boardCard(page, "Sudah check-in"));
  await visible(page.locator("[data-live-state=live]"), 20_000);
}

/** Leaves only the app's own server reachable: tile servers and any other host fail as they would offline. */
export async function blockOtherHosts(context: BrowserContext, baseURL: string): Promise<string[]> {
  const blocked: string[] = [];
  await context.route(
    (url) => !url.href.startsWith(baseURL),
    (route) => {
      blocked.push(route.request().url());
      return route.abort("internetdisconnected");
    },
  );
  return blocked;
}

/** Reads the first sheet of an XLSX file: the header row and the data rows as text. */
export async function readXlsx(file: string): Promise<{ header: string[]; rows: string[][] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("the workbook has no sheet");
  const text = (row: ExcelJS.Row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    return values.map((v) => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v)));
  };
  const all: string[][] = [];
  sheet.eachRow((row) => {
    all.push(text(row));
  });
  return { header: all[0] ?? [], rows: all.slice(1) };
}
