import type { Rng } from "../../server/demo/random.js";

export type Zone = "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";

/** Cities with a government office, their zone and the region that sets the mix of names. */
export interface City {
  name: string;
  lat: number;
  lng: number;
  timezone: Zone;
  region: string;
}

export const JAKARTA: City = { name: "Jakarta", lat: -6.2088, lng: 106.8456, timezone: "Asia/Jakarta", region: "jakarta" };

export const CITIES: readonly City[] = [
  { name: "Bandung", lat: -6.9147, lng: 107.6098, timezone: "Asia/Jakarta", region: "jabar" },
  { name: "Semarang", lat: -6.9667, lng: 110.4167, timezone: "Asia/Jakarta", region: "jakarta" },
  { name: "Surabaya", lat: -7.2575, lng: 112.7521, timezone: "Asia/Jakarta", region: "jakarta" },
  { name: "Yogyakarta", lat: -7.7956, lng: 110.3695, timezone: "Asia/Jakarta", region: "jakarta" },
  { name: "Medan", lat: 3.5952, lng: 98.6722, timezone: "Asia/Jakarta", region: "sumut" },
  { name: "Palembang", lat: -2.9761, lng: 104.7754, timezone: "Asia/Jakarta", region: "jakarta" },
  { name: "Padang", lat: -0.9471, lng: 100.4172, timezone: "Asia/Jakarta", region: "jakarta" },
  { name: "Pekanbaru", lat: 0.5071, lng: 101.4478, timezone: "Asia/Jakarta", region: "sumut" },
  { name: "Pontianak", lat: -0.0263, lng: 109.3425, timezone: "Asia/Jakarta", region: "kalbar" },
  { name: "Bandar Lampung", lat: -5.3971, lng: 105.2668, timezone: "Asia/Jakarta", region: "jakarta" },
  { name: "Makassar", lat: -5.1477, lng: 119.4327, timezone: "Asia/Makassar", region: "sulsel" },
  { name: "Denpasar", lat: -8.6705, lng: 115.2126, timezone: "Asia/Makassar", region: "bali" },
  { name: "Balikpapan", lat: -1.2379, lng: 116.8529, timezone: "Asia/Makassar", region: "kalbar" },
  { name: "Banjarmasin", lat: -3.3186, lng: 114.5944, timezone: "Asia/Makassar", region: "kalbar" },
  { name: "Manado", lat: 1.4748, lng: 124.8421, timezone: "Asia/Makassar", region: "sulsel" },
  { name: "Mataram", lat: -8.5833, lng: 116.1167, timezone: "Asia/Makassar", region: "bali" },
  { name: "Kupang", lat: -10.1772, lng: 123.607, timezone: "Asia/Makassar", region: "maluku" },
  { name: "Jayapura", lat: -2.5337, lng: 140.7181, timezone: "Asia/Jayapura", region: "papua" },
  { name: "Ambon", lat: -3.6954, lng: 128.1814, timezone: "Asia/Jayapura", region: "maluku" },
  { name: "Sorong", lat: -0.8762, lng: 131.2558, timezone: "Asia/Jayapura", region: "papua" },
  { name: "Ternate", lat: 0.7893, lng: 127.3753, timezone: "Asia/Jayapura", region: "maluku" },
];

const M_PER_DEG = 111_320;

/** A point `metres` away from `from` in a random direction. */
export function offset(rng: Rng, from: { lat: number; lng: number }, metres: number): { lat: number; lng: number } {
  const angle = rng.next() * 2 * Math.PI;
  const dLat = (metres * Math.cos(angle)) / M_PER_DEG;
  const dLng = (metres * Math.sin(angle)) / (M_PER_DEG * Math.cos((from.lat * Math.PI) / 180));
  return { lat: round6(from.lat + dLat), lng: round6(from.lng + dLng) };
}

export function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
