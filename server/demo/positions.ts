import type { Rng } from "./random.js";

/**
 * Non-structural positions. Functional positions (jabatan fungsional) carry a
 * level: the expert track (Ahli Pertama, Muda, Madya, Utama) or the skilled
 * track (Terampil, Mahir, Penyelia); executor positions (jabatan pelaksana)
 * have none.
 */
export type Track = "ahli" | "terampil";

interface TitleSpec {
  base: string;
  track: Track | null;
  weight: number;
}

export type PoolKey =
  | "office"
  | "plan"
  | "finance"
  | "hr"
  | "policy"
  | "archive"
  | "general"
  | "health"
  | "pr"
  | "learning"
  | "it"
  | "data"
  | "complaint"
  | "audit"
  | "regional";

const t = (base: string, track: Track | null, weight: number): TitleSpec => ({ base, track, weight });

const POOLS: Record<PoolKey, TitleSpec[]> = {
  office: [
    t("Penata Layanan Operasional", null, 3),
    t("Pengadministrasi Perkantoran", null, 3),
    t("Pengolah Data dan Informasi", null, 2),
    t("Arsiparis", "terampil", 1),
    t("Pengelola Keuangan", null, 1),
  ],
  plan: [t("Perencana", "ahli", 4), t("Analis Anggaran", "ahli", 2), t("Pengolah Data dan Informasi", null, 1)],
  finance: [t("Analis Pengelolaan Keuangan APBN", "ahli", 3), t("Pengelola Keuangan", null, 3), t("Bendahara", null, 1), t("Penata Laporan Keuangan", null, 2)],
  hr: [t("Analis SDM Aparatur", "ahli", 4), t("Pranata SDM Aparatur", "terampil", 2), t("Pengadministrasi Perkantoran", null, 1)],
  policy: [t("Analis Kebijakan", "ahli", 5), t("Pengolah Data dan Informasi", null, 1), t("Penata Layanan Operasional", null, 1)],
  archive: [t("Arsiparis", "ahli", 2), t("Arsiparis", "terampil", 1), t("Pengadministrasi Perkantoran", null, 2)],
  general: [
    t("Pengelola Pengadaan Barang/Jasa", "ahli", 2),
    t("Pengelola Barang Milik Negara", null, 2),
    t("Operator Layanan Operasional", null, 2),
    t("Pengadministrasi Perkantoran", null, 1),
  ],
  health: [t("Dokter", "ahli", 1), t("Perawat", "terampil", 2), t("Perawat", "ahli", 1), t("Apoteker", "ahli", 1)],
  pr: [t("Pranata Hubungan Masyarakat", "ahli", 3), t("Pranata Hubungan Masyarakat", "terampil", 1), t("Pranata Komputer", "ahli", 1)],
  learning: [
    t("Widyaiswara", "ahli", 4),
    t("Pengembang Teknologi Pembelajaran", "ahli", 2),
    t("Analis SDM Aparatur", "ahli", 1),
    t("Penata Layanan Operasional", null, 1),
  ],
  it: [t("Pranata Komputer", "ahli", 5), t("Pranata Komputer", "terampil", 2), t("Pengolah Data dan Informasi", null, 1)],
  data: [t("Pranata Komputer", "ahli", 2), t("Statistisi", "ahli", 2), t("Pengolah Data dan Informasi", null, 1)],
  complaint: [
    t("Penata Layanan Operasional", null, 3),
    t("Analis Kebijakan", "ahli", 1),
    t("Pengolah Data dan Informasi", null, 1),
    t("Pranata Hubungan Masyarakat", "ahli", 1),
  ],
  audit: [t("Auditor", "ahli", 6), t("Pengadministrasi Perkantoran", null, 1)],
  regional: [
    t("Penata Layanan Operasional", null, 2),
    t("Pranata Komputer", "ahli", 2),
    t("Analis Kebijakan", "ahli", 1),
    t("Pengolah Data dan Informasi", null, 1),
  ],
};

export interface StaffTitle {
  title: string;
  kind: "functional" | "executor";
}

/** The level that fits the years since first appointment. */
export function levelFor(track: Track, serviceYears: number, rng: Rng): string {
  if (track === "ahli") {
    if (serviceYears >= 28 && rng.chance(0.15)) return "Ahli Utama";
    if (serviceYears >= 16) return "Ahli Madya";
    if (serviceYears >= 8) return "Ahli Muda";
    return "Ahli Pertama";
  }
  if (serviceYears >= 14) return "Penyelia";
  if (serviceYears >= 6) return "Mahir";
  return "Terampil";
}

export function pickStaffTitle(rng: Rng, pool: PoolKey, serviceYears: number): StaffTitle {
  const specs = POOLS[pool];
  const weights: Record<string, number> = {};
  specs.forEach((s, i) => {
    weights[String(i)] = s.weight;
  });
  const spec = specs[Number(rng.weighted(weights))];
  if (!spec.track) return { title: spec.base, kind: "executor" };
  return { title: `${spec.base} ${levelFor(spec.track, serviceYears, rng)}`, kind: "functional" };
}
