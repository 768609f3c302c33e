/**
 * The columns of the employee import file. The Indonesian name is canonical
 * (template, error reports); the English alias is accepted as well. Header
 * cells match case-insensitively, ignoring surrounding spaces, and a space or
 * hyphen counts as an underscore ("Kode Unit" = "kode_unit").
 */
export const COLUMNS = [
  { key: "nip", alias: "nip", required: true },
  { key: "nama", alias: "name", required: true },
  { key: "email", alias: "email", required: false },
  { key: "telepon", alias: "phone", required: false },
  { key: "kode_unit", alias: "unit_code", required: true },
  { key: "jabatan", alias: "position", required: false },
  { key: "jenis_pegawai", alias: "employment_type", required: true },
  { key: "status", alias: "status", required: false },
  { key: "nip_atasan", alias: "supervisor_nip", required: false },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]["key"];

export const COLUMN_KEYS: readonly ColumnKey[] = COLUMNS.map((c) => c.key);

/** The cells of one data row, by column; absent columns and empty cells are "". */
export type RowCells = Record<ColumnKey, string>;

/** How each column is labelled in the uploaded file, for error reports. */
export type ColumnLabels = Record<ColumnKey, string>;

export function normalizeHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

const BY_HEADER = new Map<string, ColumnKey>(COLUMNS.flatMap((c) => [[c.key, c.key] as const, [c.alias, c.key] as const]));

export function columnOf(headerCell: string): ColumnKey | undefined {
  return BY_HEADER.get(normalizeHeader(headerCell));
}

export function emptyCells(): RowCells {
  return { nip: "", nama: "", email: "", telepon: "", kode_unit: "", jabatan: "", jenis_pegawai: "", status: "", nip_atasan: "" };
}

export function defaultLabels(): ColumnLabels {
  return {
    nip: "nip",
    nama: "nama",
    email: "email",
    telepon: "telepon",
    kode_unit: "kode_unit",
    jabatan: "jabatan",
    jenis_pegawai: "jenis_pegawai",
    status: "status",
    nip_atasan: "nip_atasan",
  };
}
