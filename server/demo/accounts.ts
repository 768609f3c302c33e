/** Every demo account, for employees and the operator alike, signs in with this password. */
export const DEMO_PASSWORD = "Demo-Abdi-2026";

export const DEMO_EMAIL_DOMAIN = "demo.abdi.go.id";

export interface DemoAccount {
  /** The role's name in the UI (Bahasa Indonesia). */
  role: string;
  /** Sign-in: the e-mail address (employees may also use their NIP). */
  email: string;
  description: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    role: "Admin kepegawaian",
    email: `hr@${DEMO_EMAIL_DOMAIN}`,
    description: "HR admin for the whole agency, also operator of the installation (Analis SDM Aparatur, Biro SDM dan Organisasi)",
  },
  { role: "Pimpinan", email: `pimpinan@${DEMO_EMAIL_DOMAIN}`, description: "Leader: the minister, head of the agency, with dashboards over the whole agency" },
  {
    role: "Atasan",
    email: `atasan@${DEMO_EMAIL_DOMAIN}`,
    description: "Supervisor: Kepala Seksi Aplikasi Layanan Publik (eselon IV, Jakarta) with six direct reports",
  },
  { role: "Pegawai", email: `pegawai@${DEMO_EMAIL_DOMAIN}`, description: "Employee: Pranata Komputer in the same section, reports to atasan@" },
  { role: "Petugas kesehatan", email: `kesehatan@${DEMO_EMAIL_DOMAIN}`, description: "Health officer for the whole agency (doctor of the staff clinic)" },
  {
    role: "Admin pembelajaran",
    email: `pembelajaran@${DEMO_EMAIL_DOMAIN}`,
    description: "Learning admin for the whole agency (Pusat Pengembangan Kompetensi Aparatur)",
  },
  { role: "Fasilitator", email: `fasilitator@${DEMO_EMAIL_DOMAIN}`, description: "Facilitator (widyaiswara) of courses and discussions" },
  { role: "Operator", email: `operator@${DEMO_EMAIL_DOMAIN}`, description: "Operator of the installation, without an employee record" },
];

export type KeyRole = "pimpinan" | "hr" | "atasan" | "pegawai" | "kesehatan" | "pembelajaran" | "fasilitator";

/** The employees behind the demo accounts: fixed, so the README can name them. */
export interface KeyPerson {
  key: KeyRole;
  name: string;
  gender: "M" | "F";
  birth: { y: number; m: number; d: number };
  appointed: { y: number; m: number };
  /** Full code of the unit. */
  unit: string;
  /** Head of the unit, or a staff member with this title. */
  head: boolean;
  title?: { title: string; kind: "functional" | "executor" };
}

export const KEY_PEOPLE: readonly KeyPerson[] = [
  { key: "pimpinan", name: "Bambang Wicaksono", gender: "M", birth: { y: 1966, m: 4, d: 17 }, appointed: { y: 1991, m: 3 }, unit: "DEMO", head: true },
  {
    key: "hr",
    name: "Ratna Kusumawati",
    gender: "F",
    birth: { y: 1979, m: 8, d: 9 },
    appointed: { y: 2004, m: 1 },
    unit: "SJ.SDM.PG",
    head: false,
    title: { title: "Analis SDM Aparatur Ahli Madya", kind: "functional" },
  },
  { key: "atasan", name: "Agus Setiawan", gender: "M", birth: { y: 1983, m: 2, d: 14 }, appointed: { y: 2008, m: 3 }, unit: "LD.PLT.AP.1", head: true },
  {
    key: "pegawai",
    name: "Dewi Anggraini",
    gender: "F",
    birth: { y: 1995, m: 11, d: 3 },
    appointed: { y: 2020, m: 2 },
    unit: "LD.PLT.AP.1",
    head: false,
    title: { title: "Pranata Komputer Ahli Pertama", kind: "functional" },
  },
  {
    key: "kesehatan",
    name: "Yosina Mandowen",
    gender: "F",
    birth: { y: 1986, m: 6, d: 21 },
    appointed: { y: 2012, m: 4 },
    unit: "SJ.UM.RT.1",
    head: false,
    title: { title: "Dokter Ahli Muda", kind: "functional" },
  },
  {
    key: "pembelajaran",
    name: "Rotua Simanjuntak",
    gender: "F",
    birth: { y: 1984, m: 1, d: 30 },
    appointed: { y: 2009, m: 3 },
    unit: "SJ.PK.PP",
    head: false,
    title: { title: "Pengembang Teknologi Pembelajaran Ahli Muda", kind: "functional" },
  },
  {
    key: "fasilitator",
    name: "I Made Suarta",
    gender: "M",
    birth: { y: 1975, m: 9, d: 12 },
    appointed: { y: 2000, m: 3 },
    unit: "SJ.PK",
    head: false,
    title: { title: "Widyaiswara Ahli Madya", kind: "functional" },
  },
];

export const OPERATOR = { email: `operator@${DEMO_EMAIL_DOMAIN}`, name: "Operator Demo" };
