import type { Insertable } from "kysely";
import { toJson } from "../../server/db/dialect.js";
import type { PositionTable } from "../../server/db/schema.js";
import type { SkpTargetTable } from "../../server/db/schema-logbook.js";
import type { IdSource } from "./ids.js";

const GOALS: Record<PositionTable["kind"], [string, string][]> = {
  structural: [
    ["Terwujudnya tata kelola unit kerja yang akuntabel", toJson([{ name: "Nilai evaluasi SAKIP unit kerja", target: 80, unit: "nilai" }])],
    ["Tercapainya sasaran program unit kerja", toJson([{ name: "Capaian indikator program", target: 90, unit: "persen" }])],
    ["Meningkatnya kompetensi pegawai di unit kerja", toJson([{ name: "Pegawai yang mengikuti pengembangan kompetensi", target: 10, unit: "orang" }])],
  ],
  functional: [
    ["Tersusunnya kajian dan rekomendasi kebijakan", toJson([{ name: "Kajian kebijakan yang diselesaikan", target: 2, unit: "dokumen" }])],
    ["Terlaksananya pengelolaan sistem informasi", toJson([{ name: "Laporan pemeliharaan aplikasi", target: 12, unit: "laporan" }])],
    ["Terlaksananya pemantauan dan evaluasi program", toJson([{ name: "Laporan pemantauan dan evaluasi", target: 4, unit: "laporan" }])],
  ],
  executor: [
    ["Terselenggaranya administrasi persuratan yang tertib", toJson([{ name: "Surat yang diagendakan", target: 600, unit: "surat" }])],
    ["Tersedianya data pendukung kegiatan unit kerja", toJson([{ name: "Laporan rekapitulasi data", target: 12, unit: "laporan" }])],
    ["Terlaksananya dukungan layanan bagi pengguna", toJson([{ name: "Permintaan layanan yang diselesaikan", target: 150, unit: "tiket" }])],
  ],
};

/** The SKP targets (RHK) of one employee for a period, chosen by the kind of position. */
export function targetRows(
  ids: IdSource,
  o: { agencyId: string; employeeId: string; kind: PositionTable["kind"]; period: string; now: string; count: number },
): Insertable<SkpTargetTable>[] {
  const goals = GOALS[o.kind];
  return Array.from({ length: Math.min(o.count, goals.length) }, (_, n) => ({
    id: ids.next(),
    agency_id: o.agencyId,
    employee_id: o.employeeId,
    period: o.period,
    code: `RHK-${n + 1}`,
    title: goals[n][0],
    indicators: goals[n][1],
    archived: 0,
    created_by: null,
    created_at: o.now,
    updated_at: o.now,
  }));
}
