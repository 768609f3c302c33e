/** Certificate numbers: "ABDI/2026/000123", a serial per year of issue. */
export const CERTIFICATE_PREFIX = "ABDI";

export function formatCertificateNumber(year: number, serial: number): string {
  return `${CERTIFICATE_PREFIX}/${year}/${String(serial).padStart(6, "0")}`;
}

const NUMBER_RE = /^ABDI[/-](\d{4})[/-](\d{6,})$/i;

/**
 * Reads a number as typed or scanned: slashes or dashes ("ABDI-2026-000123"
 * fits in a URL path segment), any case. Null when it is not a number at all.
 */
export function parseCertificateNumber(input: string): { year: number; serial: number; number: string } | null {
  const m = NUMBER_RE.exec(input.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const serial = Number(m[2]);
  if (serial < 1) return null;
  return { year, serial, number: formatCertificateNumber(year, serial) };
}

/** The public verification address printed as the QR code. */
export function verificationUrl(origin: string, number: string): string {
  return `${origin.replace(/\/+$/, "")}/verify/${encodeURIComponent(number)}`;
}

/** JP toward the yearly target of 20 (PP 17/2020). */
export const JP_TARGET = 20;

/**
 * Whether a person is behind: in a past year, under the target; in the
 * current year, under the target's share of the days gone by (8 JP by the
 * end of May is behind, 10 is not).
 */
export function isBehind(jp: number, year: number, today: string): boolean {
  const currentYear = Number(today.slice(0, 4));
  if (year < currentYear) return jp < JP_TARGET;
  if (year > currentYear) return false;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const elapsed = (Date.parse(`${today}T00:00:00Z`) - start + 86_400_000) / (end - start);
  return jp < JP_TARGET * Math.min(1, elapsed) - 1e-9;
}
