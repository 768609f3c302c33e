import { describe, expect, it } from "vitest";
import type { Unit } from "../../../db/schema.js";
import { composeNip } from "../nip.js";
import { defaultLabels, emptyCells, type RowCells } from "./columns.js";
import type { ParsedRow } from "./parse.js";
import { nipFor } from "./test-support.js";
import type { ExistingEmployee, LookupLoader } from "./types.js";
import { validateRows } from "./validate.js";

const AGENCY = "agency-1";
const now = new Date("2026-01-15T00:00:00Z");

function unit(id: string, code: string, path = `/root/${id}/`): Unit {
  return { id, agency_id: AGENCY, parent_id: "root", code, name: code, timezone: "Asia/Jakarta", path, depth: 1, created_at: "", updated_at: "" };
}

const UNITS = [unit("u1", "BIRO"), unit("u2", "biro"), unit("u3", "Keu"), unit("u4", "LUAR", "/other/u4/")];

function rows(...cells: Partial<RowCells>[]): ParsedRow[] {
  return cells.map((c, i) => ({ row: i + 2, cells: { ...emptyCells(), kode_unit: "BIRO", jenis_pegawai: "PNS", nama: `P${i}`, ...c } }));
}

function stored(over: Partial<ExistingEmployee> & { nip: string; id: string }): ExistingEmployee {
  return {
    agency_id: AGENCY,
    unit_id: "u1",
    unit_path: "/root/u1/",
    position_id: "p-old",
    name: "Lama",
    email: "lama@x.id",
    phone: "0812000000",
    employment_type: "PNS",
    status: "inactive",
    supervisor_id: "boss",
    birth_date: "",
    gender: "M",
    appointed_on: "",
    created_at: "2020-01-01T00:00:00.000Z",
    updated_at: "",
    ...over,
  };
}

function loader(o: { employees?: ExistingEmployee[]; positions?: { id: string; unit_id: string; name: string }[] } = {}) {
  const calls: { nips: string[][]; emails: string[][]; units: string[][] } = { nips: [], emails: [], units: [] };
  const l: LookupLoader = {
    employeesByNip: async (nips) => {
      calls.nips.push(nips);
      return (o.employees ?? []).filter((e) => nips.includes(e.nip));
    },
    employeeIdsByEmail: async (emails) => {
      calls.emails.push(emails);
      return (o.employees ?? []).filter((e) => e.email && emails.includes(e.email)).map((e) => ({ id: e.id, email: e.email }));
    },
    positionsOfUnits: async (ids) => {
      calls.units.push(ids);
      return (o.positions ?? []).filter((p) => ids.includes(p.unit_id));
    },
  };
  return { l, calls };
}

const run = (r: ParsedRow[], l: LookupLoader, extra: { chunkSize?: number; onProgress?: (n: number) => Promise<void> } = {}) =>
  validateRows({ rows: r, labels: defaultLabels(), agencyId: AGENCY, units: UNITS, canManage: (p) => p.startsWith("/root/"), now, loader: l, ...extra });

describe("validating import rows", () => {
  it("prefers the exact unit code, then the code in another case, and respects HR scope", async () => {
    const r = await run(
      rows(
        { nip: nipFor(1), kode_unit: "biro" },
        { nip: nipFor(2), kode_unit: "BIRO" },
        { nip: nipFor(3), kode_unit: "KEU" },
        { nip: nipFor(4), kode_unit: "LUAR" },
      ),
      loader().l,
    );
    expect(r.plans.map((p) => p.values.unit_id)).toEqual(["u2", "u1", "u3"]);
    expect(r.errors).toEqual([{ row: 5, column: "kode_unit", message: 'Unit "LUAR" is outside your HR scope' }]);
  });

  it("matches positions ignoring case and spacing, and plans each missing one once", async () => {
    const { l } = loader({ positions: [{ id: "p1", unit_id: "u1", name: "Analis SDM" }] });
    const r = await run(
      rows({ nip: nipFor(1), jabatan: " analis   sdm " }, { nip: nipFor(2), jabatan: "Pranata Komputer" }, { nip: nipFor(3), jabatan: "PRANATA komputer" }),
      l,
    );
    expect(r.plans[0].values.position_id).toBe("p1");
    expect(r.plans[1].values.position_id).toBe(r.plans[2].values.position_id);
    expect([...r.newPositions.values()]).toEqual([{ id: r.plans[1].values.position_id, unitId: "u1", name: "Pranata Komputer" }]);
  });

  it("fails a chain of supervisors from its invalid top, naming the rows", async () => {
    const [a, b, c] = [nipFor(1), nipFor(2), nipFor(3)];
    const r = await run(
      rows({ nip: a, nip_atasan: b }, { nip: b, nip_atasan: c }, { nip: c, jenis_pegawai: "Honorer" }, { nip: nipFor(4), nip_atasan: a }),
      loader().l,
    );
    expect(r.plans).toHaveLength(0);
    expect(r.errors.map((e) => [e.row, e.message])).toEqual([
      [2, "The supervisor's row 3 is invalid"],
      [3, "The supervisor's row 4 is invalid"],
      [4, "Employment type must be PNS or PPPK"],
      [5, "The supervisor's row 2 is invalid"],
    ]);
    expect(r.invalidRows).toBe(4);
  });

  it("links a supervisor from the file before one stored, and marks whether they are new", async () => {
    const boss = stored({ id: "boss-id", nip: nipFor(9), unit_path: "/root/u1/" });
    const r = await run(
      rows({ nip: nipFor(1), nip_atasan: nipFor(2) }, { nip: nipFor(2) }, { nip: nipFor(3), nip_atasan: boss.nip }),
      loader({ employees: [boss] }).l,
    );
    expect(r.plans[0]).toMatchObject({ supervisorIsNew: true });
    expect(r.plans[0].values.supervisor_id).toBe(r.plans[1].id);
    expect(r.plans[2]).toMatchObject({ supervisorIsNew: false, values: { supervisor_id: "boss-id" } });
  });

  it("keeps stored values where cells are blank and lists only the fields that change", async () => {
    const e = stored({ id: "e1", nip: nipFor(1) });
    const r = await run(rows({ nip: e.nip, nama: "Lama" }, { nip: nipFor(2), status: "nonaktif" }), loader({ employees: [e] }).l);
    expect(r.plans[0]).toMatchObject({
      id: "e1",
      changed: [],
      values: { email: "lama@x.id", phone: "0812000000", status: "inactive", supervisor_id: "boss", position_id: "p-old" },
    });
    expect(r.plans[1].values.status).toBe("inactive");
    const moved = await run(rows({ nip: e.nip, nama: "Baru", kode_unit: "Keu", status: "aktif" }), loader({ employees: [e] }).l);
    expect(moved.plans[0].changed).toEqual(["unit_id", "position_id", "name", "status"]);
    expect(moved.plans[0].values.position_id).toBeNull();
  });

  it("accepts NIPs typed in groups and explains ones that lost digits", async () => {
    const grouped = composeNip({ y: 1990, m: 5, d: 17 }, { y: 2015, m: 3 }, "F", 1).replace(/^(\d{8})(\d{6})(\d)(\d{3})$/, "$1 $2 $3 $4");
    const r = await run(rows({ nip: grouped }, { nip: "1.98503E+17" }, { nip: nipFor(3), nip_atasan: "1,98503E+17" }), loader().l);
    expect(r.plans[0].values).toMatchObject({ nip: "199005172015032001", gender: "F", birth_date: "1990-05-17", appointed_on: "2015-03" });
    expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, "nip", "The NIP was stored as a number and lost its last digits; format the column as text and type it again"],
      [4, "nip_atasan", "The NIP was stored as a number and lost its last digits; format the column as text and type it again"],
    ]);
  });

  it("checks emails and phones, and duplicates within the file", async () => {
    const r = await run(
      rows(
        { nip: nipFor(1), email: "Sama@x.id" },
        { nip: nipFor(2), email: "sama@X.id" },
        { nip: nipFor(3), telepon: "telp 0812" },
        { nip: nipFor(4), status: "cuti" },
      ),
      loader().l,
    );
    expect(r.plans[0].values.email).toBe("sama@x.id");
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "email"],
      [4, "telepon"],
      [5, "status"],
    ]);
    expect(r.errors[0].message).toBe("This email already appears on row 2");
  });

  it("reads the database in batches per chunk, never per row, and reports progress per chunk", async () => {
    const { l, calls } = loader();
    const progress: number[] = [];
    const many = rows(...Array.from({ length: 1200 }, (_, i) => ({ nip: nipFor(i), email: `p${i}@x.id`, nip_atasan: i % 2 ? nipFor(99_999) : "" })));
    const r = await run(many, l, { chunkSize: 500, onProgress: async (n) => void progress.push(n) });
    expect(r.plans).toHaveLength(600);
    expect(r.errors).toHaveLength(600);
    // The unknown supervisor NIP shared by half the rows is asked for once, not once per chunk.
    expect(calls.nips.map((c) => c.length)).toEqual([501, 500, 200]);
    expect(calls.emails).toHaveLength(3);
    expect(calls.units.flat()).toEqual(["u1"]);
    expect(progress).toEqual([500, 1000, 1200]);
  });
});
