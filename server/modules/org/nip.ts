/**
 * NIP (Nomor Induk Pegawai): 18 digits =
 *   birth date YYYYMMDD + first appointment YYYYMM + gender (1 male, 2 female) + serial 001-999.
 * It reveals the birth date and gender, so it is personal data: show it in full
 * only to the person and to HR in scope, masked to everyone else.
 */
export interface DecodedNip {
  nip: string;
  birthDate: string;
  appointedOn: string;
  gender: "M" | "F";
  serial: number;
}

export type NipResult = { ok: true; value: DecodedNip } | { ok: false; message: string };

/** Youngest age at first appointment as a civil servant (PP 11/2017: 18 years). */
const MIN_AGE_AT_APPOINTMENT_MONTHS = 18 * 12;

function isValidDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function decodeNip(input: string, today: Date = new Date()): NipResult {
  const nip = input.replace(/\s+/g, "");
  if (!/^\d{18}$/.test(nip)) return { ok: false, message: "NIP must be exactly 18 digits" };
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  const g = nip[14];
  const serial = Number(nip.slice(15, 18));
  if (by < 1900 || !isValidDate(by, bm, bd)) return { ok: false, message: "NIP digits 1-8 are not a valid birth date" };
  const birth = new Date(Date.UTC(by, bm - 1, bd));
  if (birth > today) return { ok: false, message: "NIP birth date is in the future" };
  if (am < 1 || am > 12 || ay < 1900) return { ok: false, message: "NIP digits 9-14 are not a valid appointment month" };
  const apptIndex = ay * 12 + (am - 1);
  const todayIndex = today.getUTCFullYear() * 12 + today.getUTCMonth();
  if (apptIndex > todayIndex + 12) return { ok: false, message: "NIP appointment month is too far in the future" };
  if (apptIndex - (by * 12 + (bm - 1)) < MIN_AGE_AT_APPOINTMENT_MONTHS) {
    return { ok: false, message: "NIP appointment month is before the person turned 18" };
  }
  if (g !== "1" && g !== "2") return { ok: false, message: "NIP digit 15 (gender) must be 1 or 2" };
  if (serial === 0) return { ok: false, message: "NIP serial (digits 16-18) must not be 000" };
  return {
    ok: true,
    value: {
      nip,
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      appointedOn: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      gender: g === "1" ? "M" : "F",
      serial,
    },
  };
}

/** "198503122010011001" -> "1985***********001": enough to tell people apart, not their birth date or gender. */
export function maskNip(nip: string): string {
  if (nip.length !== 18) return "*".repeat(nip.length);
  return `${nip.slice(0, 4)}${"*".repeat(11)}${nip.slice(15)}`;
}

/** Builds a valid NIP (demo data, tests). */
export function composeNip(birth: { y: number; m: number; d: number }, appt: { y: number; m: number }, gender: "M" | "F", serial: number): string {
  const p = (n: number, w: number) => String(n).padStart(w, "0");
  return `${p(birth.y, 4)}${p(birth.m, 2)}${p(birth.d, 2)}${p(appt.y, 4)}${p(appt.m, 2)}${gender === "M" ? 1 : 2}${p(serial, 3)}`;
}
