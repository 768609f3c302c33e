import type { Rng } from "./random.js";

/**
 * Indonesian names by regional origin. Each person gets a given name and a
 * second element: a family name (marga, fam, Chinese-Indonesian surname) where
 * the culture has one, otherwise a second given name, as is usual in Java or
 * Sulawesi. Balinese names carry the I/Ni prefix and the birth-order name.
 */
export type Origin = "javanese" | "sundanese" | "batak" | "minang" | "bugis" | "balinese" | "papuan" | "maluku" | "chinese" | "malay";

interface NameBank {
  male: readonly string[];
  female: readonly string[];
  /** Second element for men and women; a shared family-name list is given as both. */
  lastMale: readonly string[];
  lastFemale: readonly string[];
}

const BATAK_MARGA = [
  "Simanjuntak",
  "Siregar",
  "Nasution",
  "Harahap",
  "Sitorus",
  "Hutapea",
  "Panjaitan",
  "Sinaga",
  "Situmorang",
  "Lubis",
  "Manurung",
  "Simatupang",
  "Pardede",
  "Sihombing",
  "Tambunan",
  "Nainggolan",
  "Hutagalung",
  "Silalahi",
  "Damanik",
  "Purba",
  "Ginting",
  "Tarigan",
  "Sembiring",
];
const BUGIS_LAST = [
  "Latief",
  "Tahir",
  "Rasyid",
  "Hamzah",
  "Parenrengi",
  "Mappaseng",
  "Sulaiman",
  "Bahtiar",
  "Arsyad",
  "Nurdin",
  "Haruna",
  "Syarifuddin",
  "Makkasau",
];
const PAPUAN_FAM = [
  "Rumbiak",
  "Mandowen",
  "Kambu",
  "Wenda",
  "Tabuni",
  "Yikwa",
  "Rumbewas",
  "Wanggai",
  "Karubaba",
  "Ayomi",
  "Sawaki",
  "Mofu",
  "Kareth",
  "Rumaropen",
  "Fonataba",
  "Samori",
  "Krey",
  "Maniagasi",
  "Yoku",
];
const MALUKU_FAM = [
  "Pattinasarany",
  "Latuconsina",
  "Tuasikal",
  "Sahetapy",
  "Pelupessy",
  "Wattimena",
  "Lekatompessy",
  "Tuhumury",
  "Pattiasina",
  "Lawalata",
  "Sopacua",
  "Huwae",
  "Ohorella",
  "Tuanaya",
  "Marasabessy",
  "Latupeirissa",
];
const CHINESE_SURNAME = [
  "Wijaya",
  "Gunawan",
  "Halim",
  "Hartono",
  "Kusuma",
  "Tanjaya",
  "Lim",
  "Tjandra",
  "Sutanto",
  "Hadinata",
  "Setiadi",
  "Lukito",
  "Widjaja",
  "Tanuwidjaja",
  "Liem",
];
const MINANG_SUKU = ["Tanjung", "Koto", "Piliang", "Sikumbang", "Chaniago", "Jambak"];

const BANKS: Record<Exclude<Origin, "balinese">, NameBank> = {
  javanese: {
    male: [
      "Budi",
      "Agus",
      "Bambang",
      "Joko",
      "Eko",
      "Hadi",
      "Slamet",
      "Wahyu",
      "Teguh",
      "Arif",
      "Rizky",
      "Fajar",
      "Bayu",
      "Aditya",
      "Galih",
      "Yoga",
      "Dimas",
      "Heru",
      "Sigit",
      "Prasetya",
    ],
    female: [
      "Sri",
      "Siti",
      "Endang",
      "Dewi",
      "Ratna",
      "Ayu",
      "Indah",
      "Fitri",
      "Rini",
      "Anisa",
      "Dian",
      "Yuni",
      "Retno",
      "Kartika",
      "Novi",
      "Wening",
      "Laras",
      "Galuh",
    ],
    lastMale: [
      "Santoso",
      "Wibowo",
      "Prasetyo",
      "Setiawan",
      "Susanto",
      "Nugroho",
      "Wahyudi",
      "Kurniawan",
      "Saputra",
      "Pranoto",
      "Purnomo",
      "Hartanto",
      "Wicaksono",
      "Utomo",
    ],
    lastFemale: [
      "Lestari",
      "Rahayu",
      "Wulandari",
      "Utami",
      "Handayani",
      "Pratiwi",
      "Wahyuni",
      "Susanti",
      "Kusumawati",
      "Anggraini",
      "Puspitasari",
      "Safitri",
      "Setyowati",
    ],
  },
  sundanese: {
    male: ["Asep", "Dede", "Cecep", "Ujang", "Dadang", "Iwan", "Yayan", "Wawan", "Rudi", "Engkus", "Jajang", "Dadan", "Ade"],
    female: ["Euis", "Neneng", "Iis", "Lilis", "Yanti", "Rina", "Nenden", "Ratih", "Imas", "Cucu", "Tati", "Nining"],
    lastMale: ["Saepudin", "Hidayat", "Permana", "Sukmana", "Gunawan", "Suryana", "Ruhiyat", "Supriatna", "Nugraha", "Mulyana", "Kusnadi", "Sumpena"],
    lastFemale: ["Nurhayati", "Rohmawati", "Kartika", "Sumiati", "Mulyani", "Suryani", "Herlina", "Komalasari", "Rosita", "Nurjanah"],
  },
  batak: {
    male: ["Maruli", "Hotman", "Togar", "Parlindungan", "Bonar", "Fernando", "Daniel", "Samuel", "Tigor", "Binsar", "Ronald", "Jonggi", "Poltak"],
    female: ["Rotua", "Tiurma", "Hotmaida", "Rosmawati", "Lamria", "Dame", "Friska", "Novita", "Yohana", "Ruth", "Erni", "Sondang"],
    lastMale: BATAK_MARGA,
    lastFemale: BATAK_MARGA,
  },
  minang: {
    male: ["Afrizal", "Yusrizal", "Hendri", "Fadli", "Zulfikar", "Rahmat", "Irwan", "Andika", "Fauzi", "Syahrial", "Rizki", "Yulizar"],
    female: ["Yeni", "Elvi", "Desi", "Rika", "Yulia", "Nofita", "Fitria", "Mardiana", "Delvia", "Rahmi", "Silvia", "Yusnita"],
    lastMale: [...MINANG_SUKU, "Syafri", "Amran", "Yusuf", "Putra"],
    lastFemale: [...MINANG_SUKU, "Marlina", "Oktaviani", "Yanti", "Putri"],
  },
  bugis: {
    male: ["Syamsul", "Amiruddin", "Ridwan", "Firman", "Akbar", "Haerul", "Arman", "Rusdi", "Baharuddin", "Ilham", "Asri", "Yusran", "Muhammad"],
    female: ["Sitti", "Nurhayati", "Hasnawati", "Nurul", "Rahmawati", "Sukmawati", "Hasriani", "Nurfadillah", "Irma", "Besse", "Hajrah"],
    lastMale: BUGIS_LAST,
    lastFemale: BUGIS_LAST,
  },
  papuan: {
    male: ["Yohanes", "Marthen", "Yulianus", "Frans", "Petrus", "Yakob", "Nikolaus", "Elias", "Benny", "Herman", "Agustinus", "Obed"],
    female: ["Elisabeth", "Yosina", "Maria", "Ribka", "Debora", "Agustina", "Martha", "Yuliana", "Fransina", "Naomi", "Selfina"],
    lastMale: PAPUAN_FAM,
    lastFemale: PAPUAN_FAM,
  },
  maluku: {
    male: ["Ronald", "Johanis", "Abraham", "Hendrik", "Semuel", "Rizal", "Hasan", "Ismail", "Jacky", "Melkianus", "Umar"],
    female: ["Jeane", "Meity", "Christin", "Novalina", "Lusiana", "Fatma", "Nurlela", "Mariam", "Ellen", "Sarlota", "Halijah"],
    lastMale: MALUKU_FAM,
    lastFemale: MALUKU_FAM,
  },
  chinese: {
    male: ["Hendra", "Kevin", "Budiman", "Andreas", "Steven", "Vincent", "Felix", "Yohan", "Michael", "Irwan", "Ferry"],
    female: ["Lina", "Sherly", "Fransiska", "Lily", "Melinda", "Cynthia", "Jessica", "Vivian", "Stephanie", "Meilani", "Lanny"],
    lastMale: CHINESE_SURNAME,
    lastFemale: CHINESE_SURNAME,
  },
  malay: {
    male: ["Rizal", "Fauzan", "Zulkifli", "Azhar", "Hamdan", "Firdaus", "Rahmadi", "Usman", "Khairul", "Syafrudin", "Hendy"],
    female: ["Nurhasanah", "Aisyah", "Juliana", "Zuraidah", "Nuraini", "Khairunnisa", "Hafsah", "Mardiah", "Salmah", "Rosnani"],
    lastMale: ["Abdullah", "Hasan", "Ismail", "Yusuf", "Mahmud", "Idris", "Hamid", "Rahman", "Zainal", "Saleh"],
    lastFemale: ["Abdullah", "Hasan", "Ismail", "Yusuf", "Mahmud", "Idris", "Hamid", "Rahman", "Zainal", "Saleh"],
  },
};

const BALI_ORDER = ["Wayan", "Putu", "Gede", "Made", "Kadek", "Nyoman", "Komang", "Ketut"];
const BALI_MALE = ["Suarta", "Sudirta", "Arimbawa", "Wirawan", "Astawa", "Darmawan", "Sukerta", "Mahendra", "Adnyana", "Budiarta", "Suardana", "Wiradana"];
const BALI_FEMALE = ["Sriani", "Ariani", "Suartini", "Wulandari", "Sukmawati", "Purnamasari", "Astiti", "Widiastuti", "Yuliantari", "Sudarmi", "Rusmini"];

export interface PersonName {
  name: string;
  /** The parts used for the e-mail address: first.last. */
  first: string;
  last: string;
}

export function makeName(rng: Rng, origin: Origin, gender: "M" | "F"): PersonName {
  if (origin === "balinese") {
    // "Gede" is used for boys only; "Luh" marks a girl.
    const order = gender === "M" ? rng.pick(BALI_ORDER) : rng.pick(["Luh", ...BALI_ORDER.filter((o) => o !== "Gede")]);
    const given = rng.pick(gender === "M" ? BALI_MALE : BALI_FEMALE);
    return { name: `${gender === "M" ? "I" : "Ni"} ${order} ${given}`, first: order, last: given };
  }
  const bank = BANKS[origin];
  const first = rng.pick(gender === "M" ? bank.male : bank.female);
  const last = rng.pick(gender === "M" ? bank.lastMale : bank.lastFemale);
  // Bugis nobility keep the "Andi" title in front of the name.
  const andi = origin === "bugis" && rng.chance(0.2);
  let middle = "";
  if (origin === "javanese" && rng.chance(0.25)) middle = rng.pick(gender === "M" ? ["Dwi", "Tri", "Adi", "Nur"] : ["Dwi", "Tri", "Ayu", "Nur"]);
  const parts = [andi ? "Andi" : "", first, middle, last].filter(Boolean);
  return { name: parts.join(" "), first: andi ? "andi" : first, last };
}

/** The mix of origins among the staff of a region, in percent. */
export const REGION_ORIGINS: Record<string, Partial<Record<Origin, number>>> = {
  jakarta: { javanese: 34, sundanese: 14, batak: 10, minang: 10, bugis: 6, chinese: 7, balinese: 4, maluku: 4, papuan: 4, malay: 4 },
  jabar: { sundanese: 65, javanese: 18, batak: 5, minang: 5, chinese: 7 },
  sumut: { batak: 55, javanese: 15, minang: 12, malay: 10, chinese: 8 },
  kalbar: { malay: 40, chinese: 22, javanese: 20, bugis: 10, batak: 4, sundanese: 4 },
  sulsel: { bugis: 70, javanese: 12, chinese: 5, minang: 4, maluku: 4, papuan: 5 },
  bali: { balinese: 72, javanese: 14, chinese: 6, bugis: 4, sundanese: 4 },
  maluku: { maluku: 60, bugis: 15, javanese: 10, papuan: 8, chinese: 7 },
  papua: { papuan: 52, maluku: 12, javanese: 14, bugis: 14, batak: 4, minang: 4 },
};

/** Lower-case ASCII for an e-mail local part. */
export function emailPart(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}
