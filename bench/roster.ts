/**
 * Roster generation benchmark: synthetic agencies of 1,000, 10,000 and 100,000
 * employees (units of 20–60 people, one 5-day week with a national window on
 * Friday, factors, absences and keep-apart pairs from a fixed seed).
 * Prints the median wall-clock and CPU time per size and the growth factor per 10×.
 *
 *   npm run bench:roster
 */
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import type { AbsenceKind, CommuteMode, RosterEmployee, RosterInput, RosterUnit } from "../server/modules/arrangement/engine/index.js";
import { DEFAULT_RISK_LEVELS, generateRoster } from "../server/modules/arrangement/engine/index.js";

/** Small xorshift generator: deterministic synthetic data from one seed. */
function makeRandom(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

const DATES = ["2024-07-15", "2024-07-16", "2024-07-17", "2024-07-18", "2024-07-19"];
const COMMUTES: Array<[CommuteMode, number]> = [
  ["KRL", 0.18],
  ["MRT", 0.05],
  ["LRT", 0.03],
  ["BUS", 0.14],
];
const ABSENCES: AbsenceKind[] = ["CUTI", "DL", "SAKIT"];

function syntheticAgency(size: number, seed: number): RosterInput {
  const rnd = makeRandom(seed);
  const pick = (p: number) => rnd() < p;
  const units: RosterUnit[] = [];
  const employees: RosterEmployee[] = [];
  const keepApart: Array<[string, string]> = [];
  const pad = (n: number, w: number) => String(n).padStart(w, "0");

  let unitNo = 0;
  while (employees.length < size) {
    const unitId = `u${pad(unitNo, 5)}`;
    const depth = unitNo === 0 ? 1 : unitNo < 8 ? 2 : unitNo < 60 ? 3 : 4;
    const parentId = unitNo === 0 ? null : `u${pad(Math.floor(rnd() * Math.min(unitNo, 60)), 5)}`;
    const level = 1 + Math.floor(rnd() * 4);
    units.push({ id: unitId, parentId, name: `Unit ${unitNo}`, capPct: DEFAULT_RISK_LEVELS[level], minOnSite: 1 + Math.floor(rnd() * 3) });
    const members = Math.min(20 + Math.floor(rnd() * 41), size - employees.length);
    for (let k = 0; k < members; k++) {
      const id = `e${pad(employees.length, 6)}`;
      let commute: CommuteMode | null = null;
      let r = rnd();
      for (const [mode, p] of COMMUTES) {
        if (r < p) {
          commute = mode;
          break;
        }
        r -= p;
      }
      const absences: Record<string, AbsenceKind> = {};
      for (const d of DATES) if (pick(0.05)) absences[d] = ABSENCES[Math.floor(rnd() * 3)];
      employees.push({
        id,
        unitId,
        name: `Pegawai ${employees.length}`,
        echelon: k === 0 ? depth : null,
        essential: pick(0.03),
        frontDesk: pick(0.05),
        factors: {
          commute,
          comorbidity: pick(0.08),
          pregnancy: pick(0.02),
          caregiving: pick(0.1),
          healthNotCleared: pick(0.03),
          age: 22 + Math.floor(rnd() * 38),
        },
        absences,
        recentOfficeDays: [Math.floor(rnd() * 6), Math.floor(rnd() * 6)],
      });
      if (k > 0 && pick(0.04)) keepApart.push([id, employees[employees.length - 2].id]);
    }
    unitNo++;
  }
  // Friday is a national work-from-anywhere day: only pinned and minimum staff come in.
  return { dates: DATES, units, employees, keepApart, policy: {}, windows: [{ date: DATES[4], name: "Hari WFA nasional" }] };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const SIZES: Array<[number, number]> = [
  [1_000, 9],
  [10_000, 5],
  [100_000, 5],
];

console.log(`roster bench: node ${process.version}, ${DATES.length} workdays`);
const results: Array<{ size: number; ms: number; cpu: number }> = [];
for (const [size, runs] of SIZES) {
  const input = syntheticAgency(size, 20_240_715 + size);
  generateRoster(input); // warm-up
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let conflicts = 0;
  let units = 0;
  let cells = 0;
  for (let run = 0; run < runs; run++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const roster = generateRoster(input);
    times.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    conflicts = roster.conflicts.length;
    units = roster.units.length;
    cells = roster.rows.length * roster.dates.length;
  }
  const ms = median(times);
  const cpu = median(cpuTimes);
  results.push({ size, ms, cpu });
  console.log(
    `${String(size).padStart(7)} employees, ${String(units).padStart(5)} units, ${String(cells).padStart(6)} cells: ` +
      `median ${ms.toFixed(1).padStart(7)} ms wall, ${cpu.toFixed(1).padStart(7)} ms CPU of ${runs} runs ` +
      `(wall min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}), ${conflicts} conflicts`,
  );
}
for (let i = 1; i < results.length; i++) {
  const prev = results[i - 1];
  const cur = results[i];
  console.log(`growth ${prev.size} → ${cur.size} (×10): wall ×${(cur.ms / prev.ms).toFixed(2)}, CPU ×${(cur.cpu / prev.cpu).toFixed(2)}`);
}
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} on ${availableParallelism()} CPUs (wall times suffer when the machine is busy)`,
);
