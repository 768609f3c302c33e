import type { Conflict, FactorKey, IsoDate, Lang, PinBasis, Reason, WorkMode } from "./types.js";
import { weekday } from "./util.js";

const DAY_NAMES: Record<Lang, readonly string[]> = {
  id: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

export function dayName(date: IsoDate, lang: Lang): string {
  return DAY_NAMES[lang][weekday(date)];
}

/** Whole numbers as is, others with up to two decimals; decimal comma in Indonesian. */
export function formatNumber(value: number, lang: Lang): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
  return lang === "id" ? text.replace(".", ",") : text;
}

const ROMAN = ["", "I", "II", "III", "IV", "V", "VI"];
const roman = (n: number): string => ROMAN[n] ?? String(n);

const FACTOR_LABELS: Record<Lang, Record<Exclude<FactorKey, "age">, string>> = {
  id: {
    krl: "pengguna KRL",
    mrt: "pengguna MRT",
    lrt: "pengguna LRT",
    bus: "pengguna TransJakarta/bus",
    comorbidity: "komorbid",
    pregnancy: "hamil",
    caregiving: "merawat anggota keluarga",
    healthNotCleared: "kesehatan belum dinyatakan aman",
  },
  en: {
    krl: "KRL commuter",
    mrt: "MRT commuter",
    lrt: "LRT commuter",
    bus: "TransJakarta/bus commuter",
    comorbidity: "comorbidity",
    pregnancy: "pregnancy",
    caregiving: "caregiving",
    healthNotCleared: "health not cleared",
  },
};

export function factorLabel(key: FactorKey, lang: Lang, ageThreshold: number): string {
  if (key === "age") return lang === "id" ? `usia ≥ ${formatNumber(ageThreshold, lang)}` : `age ≥ ${formatNumber(ageThreshold, lang)}`;
  return FACTOR_LABELS[lang][key];
}

function factorsAndPriority(factors: readonly FactorKey[], priority: number, ageThreshold: number, lang: Lang, none: string): string {
  const list = factors.length > 0 ? factors.map((f) => factorLabel(f, lang, ageThreshold)).join(", ") : none;
  return lang === "id" ? `${list}, prioritas ${formatNumber(priority, lang)}` : `${list}, priority ${formatNumber(priority, lang)}`;
}

const PIN_TEXT: Record<Lang, Record<Exclude<PinBasis, "echelon">, string>> = {
  id: { essential: "tugas esensial, wajib di kantor", front_desk: "layanan publik garda depan, wajib di kantor" },
  en: { essential: "essential role, stays in the office", front_desk: "front-desk public service, stays in the office" },
};

const ABSENCE_TEXT: Record<Lang, Record<"CUTI" | "DL" | "SAKIT", string>> = {
  id: { CUTI: "cuti tercatat", DL: "dinas luar tercatat", SAKIT: "sakit tercatat" },
  en: { CUTI: "leave on record", DL: "official travel on record", SAKIT: "sick leave on record" },
};

const people = (n: number): string => (n === 1 ? "1 person" : `${n} people`);
const note = (text: string | null): string => (text ? ` (${text})` : "");

function reasonBody(reason: Reason, lang: Lang): string {
  const id = lang === "id";
  const pct = (n: number) => `${formatNumber(n, lang)} %`;
  switch (reason.code) {
    case "absence":
      return ABSENCE_TEXT[lang][reason.params.kind];
    case "pinned": {
      const p = reason.params;
      if (p.basis !== "echelon") return PIN_TEXT[lang][p.basis];
      const range = p.pinnedEchelons > 1 ? `I–${roman(p.pinnedEchelons)}` : "I";
      const own = roman(p.echelon ?? 0);
      return id ? `pejabat eselon ${own}; eselon ${range} tetap bekerja di kantor` : `echelon ${own} official; echelon ${range} staff stay in the office`;
    }
    case "office_rotation": {
      const p = reason.params;
      const day = dayName(p.date, lang);
      return id
        ? `giliran kantor, prioritas ${formatNumber(p.priority, lang)}; kuota kantor ${p.unitName} ${day} ${pct(p.capPct)} (${p.cap} orang)`
        : `office rotation, priority ${formatNumber(p.priority, lang)}; office quota of ${p.unitName} on ${day}: ${pct(p.capPct)} (${people(p.cap)})`;
    }
    case "quota_full": {
      const p = reason.params;
      const who = factorsAndPriority(p.factors, p.priority, p.ageThreshold, lang, id ? "giliran rumah" : "home rotation");
      const day = dayName(p.date, lang);
      return id
        ? `${who}; kuota kantor ${p.unitName} ${day} ${pct(p.capPct)} sudah terpenuhi`
        : `${who}; office quota of ${p.unitName} on ${day} (${pct(p.capPct)}) is full`;
    }
    case "keep_apart": {
      const p = reason.params;
      const who = factorsAndPriority(p.factors, p.priority, p.ageThreshold, lang, id ? "tanpa faktor prioritas" : "no priority factor");
      return id
        ? `dipisahkan dari ${p.partnerName} (berbagi meja/sif) yang hari ini di kantor; ${who}`
        : `kept apart from ${p.partnerName} (shared desk/shift), who is in the office today; ${who}`;
    }
    case "window_home": {
      const p = reason.params;
      return id
        ? `${p.window} (${dayName(p.date, lang)}); pegawai yang tidak wajib di kantor bekerja dari rumah`
        : `${p.window} (${dayName(p.date, lang)}); staff not pinned to the office work from home`;
    }
    case "window_office": {
      const p = reason.params;
      return id
        ? `${p.window} (${dayName(p.date, lang)}); petugas minimal di kantor, kuota ${p.cap} orang`
        : `${p.window} (${dayName(p.date, lang)}); minimum staff on site, ${p.cap === 1 ? "1 place" : `${p.cap} places`}`;
    }
    case "override": {
      const p = reason.params;
      return id ? `ditetapkan HR${note(p.note)}; semula ${p.previous}` : `set by HR${note(p.note)}; was ${p.previous}`;
    }
    case "request": {
      const p = reason.params;
      return id ? `permohonan disetujui${note(p.note)}; semula ${p.previous}` : `approved request${note(p.note)}; was ${p.previous}`;
    }
  }
}

/** "WFH: pengguna KRL, prioritas 2; kuota kantor Unit X Selasa 50 % sudah terpenuhi". */
export function renderReason(cell: { mode: WorkMode; reason: Reason }, lang: Lang): string {
  return `${cell.mode}: ${reasonBody(cell.reason, lang)}`;
}

/** One line for HR, e.g. "Unit X, Selasa 2024-07-16: 5 pegawai wajib di kantor melebihi kuota 3 orang (50 %)". */
export function renderConflict(conflict: Conflict, lang: Lang, unitName?: string): string {
  const id = lang === "id";
  const head = `${unitName ?? conflict.unitId}, ${dayName(conflict.date, lang)} ${conflict.date}`;
  const who = conflict.employeeId ? ` [${conflict.employeeId}]` : "";
  const pct = (n: number) => `${formatNumber(n, lang)} %`;
  let body: string;
  switch (conflict.rule) {
    case "cap_exceeded_by_pinned": {
      const d = conflict.detail;
      body = id
        ? `${d.pinned} pegawai wajib di kantor melebihi kuota ${d.cap} orang (${pct(d.capPct)})`
        : `${d.pinned} pinned staff exceed the office quota of ${d.cap} (${pct(d.capPct)})`;
      break;
    }
    case "cap_below_min_on_site": {
      const d = conflict.detail;
      body = id
        ? `kuota kantor ${d.cap} orang (${pct(d.capPct)}) di bawah minimal ${d.minOnSite} orang di kantor`
        : `office quota of ${d.cap} (${pct(d.capPct)}) is below the minimum of ${d.minOnSite} on site`;
      break;
    }
    case "min_on_site_unreachable": {
      const d = conflict.detail;
      body = id
        ? `hanya ${d.available} pegawai tersedia untuk minimal ${d.minOnSite} orang di kantor`
        : `only ${d.available} staff available for a minimum of ${d.minOnSite} on site`;
      break;
    }
    case "cap_exceeded": {
      const d = conflict.detail;
      body = id ? `${d.office} orang di kantor melebihi kuota ${d.cap} orang` : `${d.office} in the office exceed the quota of ${d.cap}`;
      break;
    }
    case "min_on_site_not_met": {
      const d = conflict.detail;
      body = id ? `hanya ${d.office} orang di kantor, minimal ${d.minOnSite}` : `only ${d.office} in the office, minimum ${d.minOnSite}`;
      break;
    }
    case "pinned_not_in_office":
      body = id ? `pegawai wajib di kantor dijadwalkan ${conflict.detail.mode}` : `pinned employee scheduled ${conflict.detail.mode}`;
      break;
    case "employee_absent":
      body = id ? `pegawai tercatat ${conflict.detail.kind} pada hari itu` : `employee is on ${conflict.detail.kind} that day`;
      break;
    case "cell_overridden":
      body = id ? `hari ini sudah ditetapkan HR (${conflict.detail.mode})` : `this day was set by HR (${conflict.detail.mode})`;
      break;
  }
  return `${head}${who}: ${body}`;
}
