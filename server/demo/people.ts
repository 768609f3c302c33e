import { composeNip } from "../modules/org/nip.js";
import { DEMO_EMAIL_DOMAIN } from "./accounts.js";
import { emailPart, makeName, type Origin, REGION_ORIGINS } from "./names.js";
import type { Rng } from "./random.js";

/**
 * The demo data is fixed in time: appointments end in LAST_INTAKE_YEAR and
 * functional levels are those of REFERENCE_YEAR, whenever the demo is loaded.
 */
export const REFERENCE_YEAR = 2026;
const LAST_INTAKE_YEAR = 2025;
/** Years of the PPPK (contract civil servant) intakes. */
const PPPK_INTAKES = [2019, 2021, 2022, 2023, 2024];
/** CPNS usually start at the beginning of the year; some intakes start later. */
const APPOINTMENT_MONTHS = { "1": 30, "2": 18, "3": 24, "4": 10, "6": 5, "7": 5, "10": 4, "12": 4 };
/** Mobile prefixes of the Indonesian operators. */
const PHONE_PREFIXES = [
  "811",
  "812",
  "813",
  "821",
  "822",
  "852",
  "853",
  "814",
  "815",
  "856",
  "857",
  "817",
  "818",
  "819",
  "859",
  "877",
  "878",
  "838",
  "895",
  "896",
  "881",
];

export interface Person {
  name: string;
  email: string;
  phone: string;
  nip: string;
  gender: "M" | "F";
  birthDate: string;
  appointedOn: string;
  employmentType: "PNS" | "PPPK";
  serviceYears: number;
}

export interface PersonRequest {
  region: string;
  /** Probability of a man. */
  male: number;
  birthYears: [number, number];
  ageAtAppointment: [number, number];
  pppk?: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Makes people with unique names, NIPs, e-mail addresses and phone numbers. */
export class People {
  private names = new Set<string>();
  private emails = new Set<string>();
  private phones = new Set<string>();
  private serials: number[];

  constructor(private rng: Rng) {
    // NIP serials unique across the agency, so no two NIPs can collide.
    this.serials = rng.shuffle(Array.from({ length: 999 }, (_, i) => i + 1));
  }

  /** Keeps a name for a person given later, so no generated person shares it. */
  reserveName(name: string): void {
    this.names.add(name);
  }

  generate(req: PersonRequest): Person {
    const rng = this.rng;
    const gender: "M" | "F" = rng.chance(req.male) ? "M" : "F";
    const origin = rng.weighted<Origin>(REGION_ORIGINS[req.region] ?? REGION_ORIGINS.jakarta);
    let name = makeName(rng, origin, gender);
    for (let i = 0; i < 30 && this.names.has(name.name); i++) name = makeName(rng, origin, gender);
    let apptYear: number;
    let birthYear: number;
    if (req.pppk) {
      apptYear = rng.pick(PPPK_INTAKES);
      birthYear = rng.int(Math.max(req.birthYears[0], apptYear - req.ageAtAppointment[1]), Math.min(req.birthYears[1], apptYear - req.ageAtAppointment[0]));
    } else {
      // Two draws averaged: more people in the middle of the range than at its ends.
      const [lo, hi] = req.birthYears;
      birthYear = Math.round(lo + ((rng.next() + rng.next()) / 2) * (hi - lo));
      const maxAge = Math.min(req.ageAtAppointment[1], LAST_INTAKE_YEAR - birthYear);
      apptYear = birthYear + rng.int(req.ageAtAppointment[0], Math.max(req.ageAtAppointment[0], maxAge));
    }
    const birthMonth = rng.int(1, 12);
    const birth = { y: birthYear, m: birthMonth, d: rng.int(1, daysInMonth(birthYear, birthMonth)) };
    const appt = { y: apptYear, m: Number(rng.weighted(APPOINTMENT_MONTHS)) };
    return this.assemble({
      name: name.name,
      email: this.uniqueEmail(`${emailPart(name.first)}.${emailPart(name.last)}`),
      gender,
      birth,
      appt,
      employmentType: req.pppk ? "PPPK" : "PNS",
    });
  }

  /** A person whose name and dates are given (the people behind the demo accounts). */
  fixed(p: { name: string; email: string; gender: "M" | "F"; birth: { y: number; m: number; d: number }; appointed: { y: number; m: number } }): Person {
    this.emails.add(p.email);
    this.names.add(p.name);
    return this.assemble({ name: p.name, email: p.email, gender: p.gender, birth: p.birth, appt: p.appointed, employmentType: "PNS" });
  }

  private assemble(p: {
    name: string;
    email: string;
    gender: "M" | "F";
    birth: { y: number; m: number; d: number };
    appt: { y: number; m: number };
    employmentType: "PNS" | "PPPK";
  }): Person {
    const serial = this.serials.shift();
    if (serial === undefined) throw new Error("out of NIP serials");
    this.names.add(p.name);
    return {
      name: p.name,
      email: p.email,
      phone: this.uniquePhone(),
      nip: composeNip(p.birth, p.appt, p.gender, serial),
      gender: p.gender,
      birthDate: `${p.birth.y}-${pad(p.birth.m)}-${pad(p.birth.d)}`,
      appointedOn: `${p.appt.y}-${pad(p.appt.m)}`,
      employmentType: p.employmentType,
      serviceYears: REFERENCE_YEAR - p.appt.y,
    };
  }

  private uniqueEmail(local: string): string {
    let email = `${local}@${DEMO_EMAIL_DOMAIN}`;
    for (let n = 2; this.emails.has(email); n++) email = `${local}${n}@${DEMO_EMAIL_DOMAIN}`;
    this.emails.add(email);
    return email;
  }

  private uniquePhone(): string {
    const rng = this.rng;
    let phone = "";
    do {
      phone = `+62 ${rng.pick(PHONE_PREFIXES)} ${pad(rng.int(0, 9999), 4)} ${pad(rng.int(0, 9999), 4)}`;
    } while (this.phones.has(phone));
    this.phones.add(phone);
    return phone;
  }
}
