import type { PoolKey } from "./positions.js";

export type Timezone = "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura" | "Asia/Pontianak";

/**
 * One unit of the demo agency. `seg` is appended to the parent's code;
 * timezone and region (which sets the mix of names) are inherited when absent.
 * `staff` counts the non-head employees placed directly in the unit.
 */
export interface UnitSpec {
  seg: string;
  name: string;
  staff: number;
  pool: PoolKey;
  timezone?: Timezone;
  region?: string;
  children?: UnitSpec[];
}

export const AGENCY = {
  code: "DEMO",
  name: "Kementerian Pelayanan Publik Digital",
  timezone: "Asia/Jakarta" as Timezone,
};

const u = (seg: string, name: string, staff: number, pool: PoolKey, children?: UnitSpec[]): UnitSpec => ({ seg, name, staff, pool, children });

/** A regional office (Kantor Wilayah): a full one has sub-sections, a small one two sections. */
function kanwil(seg: string, province: string, timezone: Timezone, region: string, size: "full" | "small"): UnitSpec {
  const children =
    size === "full"
      ? [
          u("TU", "Bagian Tata Usaha dan Umum", 1, "office", [
            u("1", "Subbagian Kepegawaian dan Umum", 3, "hr"),
            u("2", "Subbagian Perencanaan dan Keuangan", 3, "finance"),
          ]),
          u("LD", "Bidang Layanan Digital", 5, "regional"),
          u("SP", "Bidang Standar dan Pengaduan Pelayanan", 5, "complaint"),
        ]
      : [u("TU", "Bagian Tata Usaha dan Umum", 4, "office"), u("LP", "Bidang Layanan Publik Digital", 5, "regional")];
  return { seg, name: `Kantor Wilayah ${province}`, staff: size === "full" ? 2 : 1, pool: "office", timezone, region, children };
}

export const TREE: UnitSpec = {
  seg: AGENCY.code,
  name: AGENCY.name,
  staff: 3,
  pool: "office",
  timezone: "Asia/Jakarta",
  region: "jakarta",
  children: [
    u("SJ", "Sekretariat Jenderal", 2, "office", [
      u("RK", "Biro Perencanaan dan Keuangan", 1, "plan", [
        u("PR", "Bagian Perencanaan dan Anggaran", 2, "plan", [
          u("1", "Subbagian Penyusunan Program", 4, "plan"),
          u("2", "Subbagian Evaluasi dan Pelaporan", 3, "plan"),
        ]),
        u("KU", "Bagian Keuangan", 1, "finance", [
          u("1", "Subbagian Perbendaharaan", 5, "finance"),
          u("2", "Subbagian Akuntansi dan Pelaporan Keuangan", 4, "finance"),
        ]),
      ]),
      u("SDM", "Biro Sumber Daya Manusia dan Organisasi", 1, "hr", [
        u("PG", "Bagian Pengelolaan Sumber Daya Manusia", 2, "hr", [
          u("1", "Subbagian Pengadaan dan Mutasi", 4, "hr"),
          u("2", "Subbagian Kinerja dan Disiplin", 3, "hr"),
        ]),
        u("OR", "Bagian Organisasi dan Tata Laksana", 4, "policy"),
      ]),
      u("UM", "Biro Umum dan Hubungan Masyarakat", 1, "office", [
        u("TU", "Bagian Tata Usaha dan Kearsipan", 2, "archive", [u("1", "Subbagian Persuratan", 3, "archive"), u("2", "Subbagian Kearsipan", 3, "archive")]),
        u("RT", "Bagian Rumah Tangga dan Layanan Kesehatan", 2, "general", [
          u("1", "Subbagian Layanan Kesehatan Pegawai", 4, "health"),
          u("2", "Subbagian Pengelolaan Barang Milik Negara", 3, "general"),
        ]),
        u("HM", "Bagian Hubungan Masyarakat", 5, "pr"),
      ]),
      u("PK", "Pusat Pengembangan Kompetensi Aparatur", 4, "learning", [
        u("PP", "Bidang Penyelenggaraan Pembelajaran", 5, "learning"),
        u("ES", "Bidang Evaluasi dan Sertifikasi", 3, "learning"),
      ]),
      u("DTI", "Pusat Data dan Teknologi Informasi", 2, "it", [
        u("INF", "Bidang Infrastruktur dan Keamanan Informasi", 5, "it"),
        u("SI", "Bidang Sistem Informasi", 5, "it"),
      ]),
    ]),
    u("LD", "Direktorat Jenderal Layanan Digital", 2, "office", [
      u("SET", "Sekretariat Direktorat Jenderal Layanan Digital", 2, "office", [
        u("PK", "Bagian Program dan Keuangan", 4, "finance"),
        u("UK", "Bagian Umum dan Kepegawaian", 4, "general"),
      ]),
      u("PLT", "Direktorat Platform Layanan Terpadu", 2, "it", [
        u("AP", "Subdirektorat Pengembangan Aplikasi", 1, "it", [u("1", "Seksi Aplikasi Layanan Publik", 6, "it"), u("2", "Seksi Integrasi Sistem", 4, "it")]),
        u("OP", "Subdirektorat Operasi dan Dukungan Teknis", 1, "it", [
          u("1", "Seksi Pusat Kontak Layanan", 4, "complaint"),
          u("2", "Seksi Pemantauan Kinerja Sistem", 3, "it"),
        ]),
      ]),
      u("IOD", "Direktorat Interoperabilitas Data", 2, "data", [
        u("SD", "Subdirektorat Standar Data", 4, "data"),
        u("PB", "Subdirektorat Pertukaran dan Berbagi Data", 4, "data"),
      ]),
    ]),
    u("SK", "Direktorat Jenderal Standar dan Kualitas Pelayanan", 2, "office", [
      u("SET", "Sekretariat Direktorat Jenderal Standar dan Kualitas Pelayanan", 4, "office"),
      u("STD", "Direktorat Standar Pelayanan", 2, "policy", [
        u("PS", "Subdirektorat Penyusunan Standar", 4, "policy"),
        u("IN", "Subdirektorat Inovasi Pelayanan", 4, "policy"),
      ]),
      u("PEV", "Direktorat Pengaduan dan Evaluasi Pelayanan", 2, "complaint", [
        u("PG", "Subdirektorat Pengelolaan Pengaduan", 5, "complaint"),
        u("EV", "Subdirektorat Evaluasi Kinerja Pelayanan", 4, "policy"),
      ]),
    ]),
    u("IJ", "Inspektorat Jenderal", 1, "office", [
      u("SET", "Sekretariat Inspektorat Jenderal", 4, "office"),
      u("I1", "Inspektorat I", 6, "audit"),
      u("I2", "Inspektorat II", 6, "audit"),
    ]),
    kanwil("KWJB", "Jawa Barat", "Asia/Jakarta", "jabar", "full"),
    kanwil("KWSU", "Sumatera Utara", "Asia/Jakarta", "sumut", "full"),
    kanwil("KWKB", "Kalimantan Barat", "Asia/Pontianak", "kalbar", "small"),
    kanwil("KWSS", "Sulawesi Selatan", "Asia/Makassar", "sulsel", "full"),
    kanwil("KWBA", "Bali", "Asia/Makassar", "bali", "small"),
    kanwil("KWMA", "Maluku", "Asia/Jayapura", "maluku", "small"),
    kanwil("KWPA", "Papua", "Asia/Jayapura", "papua", "full"),
  ],
};

/**
 * Echelon and head title from the unit's name, following the nomenclature of
 * central government: eselon I (Sekretariat/Direktorat/Inspektorat Jenderal),
 * eselon II (Biro, Direktorat, Pusat, Inspektorat, Kantor Wilayah, Sekretariat
 * of a Ditjen), eselon III (Bagian, Subdirektorat, Bidang), eselon IV
 * (Subbagian, Seksi). The top unit is the minister's: a political office
 * without an echelon, recorded as the highest (1) so that rules about the
 * top levels treat it as such.
 */
export function headOf(name: string, isRoot: boolean): { title: string; echelon: number } {
  if (isRoot) return { title: `Menteri ${name.replace(/^Kementerian /, "")}`, echelon: 1 };
  const rules: [RegExp, string, number][] = [
    [/^Sekretariat Jenderal/, "Sekretaris Jenderal", 1],
    [/^Direktorat Jenderal/, "Direktur Jenderal", 1],
    [/^Inspektorat Jenderal/, "Inspektur Jenderal", 1],
    [/^Sekretariat /, "Sekretaris ", 2],
    [/^Inspektorat /, "Inspektur ", 2],
    [/^Direktorat /, "Direktur ", 2],
    [/^Biro /, "Kepala Biro ", 2],
    [/^Pusat /, "Kepala Pusat ", 2],
    [/^Kantor Wilayah /, "Kepala Kantor Wilayah ", 2],
    [/^Bagian /, "Kepala Bagian ", 3],
    [/^Subdirektorat /, "Kepala Subdirektorat ", 3],
    [/^Bidang /, "Kepala Bidang ", 3],
    [/^Subbagian /, "Kepala Subbagian ", 4],
    [/^Seksi /, "Kepala Seksi ", 4],
  ];
  for (const [re, title, echelon] of rules) if (re.test(name)) return { title: name.replace(re, title), echelon };
  throw new Error(`no head title for unit ${name}`);
}
