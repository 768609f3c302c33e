import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../../db/ids.js";
import { ENGINES } from "../../../test/engines.js";
import { type Client, createTestApp, type TestApp } from "../../../test/harness.js";
import { toCsv } from "./files.js";
import { MAX_DOWNLOAD_ROWS } from "./service.js";
import { type Agency, buildAgency, DAY, type DayData, seedDay, signIn } from "./test-support.js";

/** A small CSV reader for the tests: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}

async function readXlsx(body: Buffer): Promise<(string | number | null)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  const out: (string | number | null)[][] = [];
  sheet.eachRow((r) => {
    const values = r.values as (string | number | null | undefined)[];
    out.push(values.slice(1).map((v) => v ?? null));
  });
  return out;
}

describe("CSV cells", () => {
  it("quotes commas, semicolons, quotes and line breaks, and defuses formulas", () => {
    const csv = toCsv({
      sheet: "s",
      columns: [{ label: "a" }, { label: "b" }],
      rows: [
        ["x;y", 'say "hi"'],
        ["=1+1", "+62 812"],
        ["line\nbreak", null],
      ],
    });
    const text = csv.toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split("\r\n")).toEqual(["a,b", '"x;y","say ""hi"""', "'=1+1,+62 812", '"line\nbreak",', ""]);
  });
});

describe.each(ENGINES)("monitoring downloads on %s", (engine) => {
  let t: TestApp;
  let ag: Agency;
  let day: DayData;
  let hr: Client;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ag = await buildAgency(t);
    // A name that needs quoting in CSV.
    await t.database.db.updateTable("employees").set({ name: 'Siti; "Ani", S.Kom' }).where("id", "=", ag.staff[0].id).execute();
    day = await seedDay(t, ag);
    hr = await signIn(t, ag.hr.nip);
  });
  afterAll(async () => t.close());

  it("downloads the people of a bucket as CSV with Indonesian labels, as many rows as the list", async () => {
    const res = await hr.get(`/api/v1/monitoring/board/people.csv?unitId=${ag.root.id}&date=${DAY}&bucket=checked_in`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toContain(`monitoring-people_${DAY}_checked_in.csv`);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(res.rawPayload.toString("utf8").slice(1));
    expect(rows[0].slice(0, 4)).toEqual(["Nama", "NIP", "Unit", "Telepon"]);
    expect(rows[0]).not.toContain("Lolos cek kesehatan");
    const list = (await hr.get(`/api/v1/monitoring/board/people?unitId=${ag.root.id}&date=${DAY}&bucket=checked_in&pageSize=200`)).json();
    expect(rows.length - 1).toBe(list.total);
    expect(rows.slice(1).map((r) => r[0])).toEqual(list.items.map((p: { name: string }) => p.name));
    expect(rows.slice(1).map((r) => r[1])).toEqual(list.items.map((p: { nipMasked: string }) => p.nipMasked));
    const first = list.items[0];
    const local = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Jakarta", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
      new Date(first.checkinAt),
    );
    expect(rows[1][4]).toBe(local);
  });

  it("keeps a name with a semicolon, comma and quotes in one cell", async () => {
    const res = await hr.get(`/api/v1/monitoring/board/people.csv?unitId=${ag.root.id}&date=${DAY}&q=Siti`);
    const text = res.rawPayload.toString("utf8");
    expect(text).toContain('"Siti; ""Ani"", S.Kom"');
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1][0]).toBe('Siti; "Ani", S.Kom');
  });

  it("downloads the same list as XLSX in English for an English-speaking viewer, with the health column for a health officer", async () => {
    await t.database.db.updateTable("users").set({ locale: "en" }).where("employee_id", "=", ag.health.id).execute();
    const officer = await signIn(t, ag.health.nip);
    const res = await officer.get(`/api/v1/monitoring/board/people.xlsx?unitId=${ag.root.id}&date=${DAY}&bucket=health:not_cleared`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain("monitoring-people_2026-12-03_health-not_cleared.xlsx");
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual([
      "Name",
      "NIP",
      "Unit",
      "Phone",
      "Checked in at",
      "Checked out at",
      "Work mode",
      "Rostered mode",
      "Late (minutes)",
      "Location",
      "Report status",
      "Health cleared",
    ]);
    const active = new Set(ag.staff.filter((p) => p.active).map((p) => p.id));
    const expected = day.health.filter((h) => h.cleared === 0 && active.has(h.employee_id)).length;
    expect(rows.length - 1).toBe(expected);
    expect(rows.slice(1).every((r) => r[11] === "No")).toBe(true);
  });

  it("downloads the board's per-unit table with the total row", async () => {
    const board = (await hr.get(`/api/v1/monitoring/board?unitId=${ag.root.id}&date=${DAY}`)).json();
    const res = await hr.get(`/api/v1/monitoring/board.xlsx?unitId=${ag.root.id}&date=${DAY}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain(`monitoring-board_${DAY}.xlsx`);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0].slice(0, 4)).toEqual(["Unit", "Pegawai", "Sudah presensi", "Belum presensi"]);
    expect(rows.map((r) => r[0])).toEqual(["Unit", ag.root.name, ag.A.name, ag.B.name, "Jumlah"]);
    expect(rows[4].slice(1, 6)).toEqual([
      board.totals.employees,
      board.totals.checkedIn,
      board.totals.notCheckedIn,
      board.totals.late,
      board.totals.checkedOut,
    ]);
    expect(rows[2][1]).toBe(board.units[1].employees);
    const csv = parseCsv((await hr.get(`/api/v1/monitoring/board.csv?unitId=${ag.root.id}&date=${DAY}`)).rawPayload.toString("utf8").slice(1));
    expect(csv).toHaveLength(5);
    expect(csv[4][0]).toBe("Jumlah");
    expect(Number(csv[4][2])).toBe(board.totals.checkedIn);
  });

  it(`refuses more than ${MAX_DOWNLOAD_ROWS} rows with 413 and points to the export job`, async () => {
    const now = new Date().toISOString();
    const rows = Array.from({ length: MAX_DOWNLOAD_ROWS + 1 - ag.staff.filter((p) => p.active).length }, (_, i) => ({
      id: newId(),
      agency_id: ag.agencyId,
      unit_id: ag.B.id,
      position_id: null,
      nip: `19900101201501${String(1000 + i).padStart(4, "0")}`.slice(0, 18),
      name: `Massal ${i}`,
      email: null,
      phone: null,
      employment_type: "PNS" as const,
      status: "active" as const,
      supervisor_id: null,
      birth_date: "1990-01-01",
      gender: "M" as const,
      appointed_on: "2015-01",
      created_at: now,
      updated_at: now,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await t.database.db
        .insertInto("employees")
        .values(rows.slice(i, i + 500))
        .execute();
    const res = await hr.get(`/api/v1/monitoring/board/people.csv?unitId=${ag.root.id}&date=${DAY}`);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe("payload_too_large");
    expect(res.json().detail).toContain("/monitoring/exports");
    // One fewer fits.
    expect((await hr.get(`/api/v1/monitoring/board/people.xlsx?unitId=${ag.B.id}&date=${DAY}`)).statusCode).toBe(200);
  });
});
