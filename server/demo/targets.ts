import type { Insertable } from "kysely";
import { toJson } from "../db/dialect.js";
import { newId } from "../db/ids.js";
import type { SkpTargetTable } from "../db/schema-logbook.js";
import type { Plan } from "./plan.js";

type Kind = "structural" | "functional" | "executor";

interface Goal {
  title: string;
  indicators: { name: string; target: number; unit: string }[];
}

/** Performance targets (RHK) the demo gives each kind of position, in the agency's own words. */
const GOALS: Record<Kind, Goal[]> = {
  structural: [
    {
      title: "Terwujudnya tata kelola layanan publik digital yang akuntabel di unit kerja",
      indicators: [
        { name: "Nilai evaluasi SAKIP unit kerja", target: 80, unit: "nilai" },
        { name: "Laporan kinerja triwulanan yang disampaikan tepat waktu", target: 4, unit: "laporan" },
      ],
    },
    {
      title: "Tersusunnya rekomendasi kebijakan layanan digital",
      indicators: [{ name: "Rekomendasi kebijakan yang ditetapkan pimpinan", target: 3, unit: "dokumen" }],
    },
    {
      title: "Meningkatnya kompetensi pegawai di unit kerja",
      indicators: [{ name: "Pegawai yang mengikuti pengembangan kompetensi", target: 10, unit: "orang" }],
    },
  ],
  functional: [
    {
      title: "Tersusunnya kajian dan rekomendasi kebijakan layanan digital",
      indicators: [
        { name: "Kajian kebijakan yang diselesaikan", target: 2, unit: "dokumen" },
        { name: "Rekomendasi yang disampaikan kepada pimpinan", target: 4, unit: "rekomendasi" },
      ],
    },
    {
      title: "Terlaksananya pengembangan dan pemeliharaan aplikasi layanan",
      indicators: [
        { name: "Aplikasi yang dikembangkan atau diperbarui", target: 2, unit: "aplikasi" },
        { name: "Laporan pemeliharaan aplikasi", target: 12, unit: "laporan" },
      ],
    },
    {
      title: "Terlaksananya pemantauan dan evaluasi penyelenggaraan layanan",
      indicators: [{ name: "Laporan pemantauan dan evaluasi", target: 4, unit: "laporan" }],
    },
  ],
  executor: [
    {
      title: "Terselenggaranya administrasi persuratan dan kearsipan yang tertib",
      indicators: [
        { name: "Surat masuk dan keluar yang diagendakan", target: 600, unit: "surat" },
        { name: "Berkas arsip yang ditata", target: 200, unit: "berkas" },
      ],
    },
    {
      title: "Tersedianya data dan laporan pendukung kegiatan unit kerja",
      indicators: [{ name: "Laporan rekapitulasi data", target: 12, unit: "laporan" }],
    },
    {
      title: "Terlaksananya dukungan layanan teknis bagi pengguna",
      indicators: [{ name: "Permintaan layanan yang diselesaikan", target: 150, unit: "tiket" }],
    },
  ],
};

/** Two or three targets of the given year for every active employee, chosen by position kind. */
export function buildTargets(plan: Plan, year: string, now: string): Insertable<SkpTargetTable>[] {
  const kindOf = new Map(plan.positions.map((p) => [p.id, p.kind]));
  const rows: Insertable<SkpTargetTable>[] = [];
  plan.employees.forEach((e, index) => {
    if (e.row.status !== "active") return;
    const kind: Kind = (e.row.position_id && kindOf.get(e.row.position_id)) || (e.isHead ? "structural" : "executor");
    const goals = GOALS[kind];
    const count = 2 + (index % 2);
    for (let n = 0; n < count; n++) {
      const goal = goals[(index + n) % goals.length];
      if (!goal) continue;
      rows.push({
        id: newId(),
        agency_id: plan.agency.id,
        employee_id: e.row.id,
        period: year,
        code: `RHK-${n + 1}`,
        title: goal.title,
        indicators: toJson(goal.indicators),
        archived: 0,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
    }
  });
  return rows;
}
