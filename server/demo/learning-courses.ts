import type { LessonKind } from "../db/schema-learning.js";

export interface DemoLesson {
  kind: LessonKind;
  title: string;
  body?: string;
  config?: Record<string, unknown>;
  minutes: number;
}
export interface DemoCourse {
  code: string;
  title: string;
  summary: string;
  topic: string;
  competency: string;
  jp: number;
  status: "draft" | "published";
  modules: { title: string; lessons: DemoLesson[] }[];
}

const VIDEO = "https://media.demo.abdi.go.id/video";
const DOCS = "https://jdih.demo.abdi.go.id";

/** The demo catalog: Indonesian courses with lessons of every format. */
export const COURSES: DemoCourse[] = [
  {
    code: "PP-101",
    title: "Pelayanan Publik Prima",
    summary: "Standar pelayanan, maklumat pelayanan, dan cara melayani masyarakat dengan ramah, cepat, dan tuntas.",
    topic: "Pelayanan Publik",
    competency: "Pelayanan Publik",
    jp: 4,
    status: "published",
    modules: [
      {
        title: "Dasar-dasar pelayanan",
        lessons: [
          {
            kind: "text",
            title: "Apa itu pelayanan prima?",
            body: "Pelayanan prima berarti **melayani** sesuai standar, tepat waktu, dan tuntas.",
            minutes: 15,
          },
          { kind: "video", title: "Kisah loket yang berubah", config: { url: `${VIDEO}/loket.mp4`, durationSeconds: 420 }, minutes: 7 },
          { kind: "pdf", title: "UU 25/2009 tentang Pelayanan Publik", config: { url: `${DOCS}/uu-25-2009.pdf` }, minutes: 30 },
        ],
      },
      {
        title: "Praktik dan evaluasi",
        lessons: [
          { kind: "link", title: "Survei Kepuasan Masyarakat (SKM)", config: { url: "https://skm.demo.abdi.go.id" }, minutes: 10 },
          { kind: "quiz", title: "Kuis pelayanan prima", minutes: 15 },
          { kind: "assignment", title: "Rancang maklumat pelayanan unit Anda", minutes: 60 },
        ],
      },
    ],
  },
  {
    code: "ETK-101",
    title: "Etika dan Integritas ASN",
    summary: "Nilai dasar BerAKHLAK, kode etik, konflik kepentingan, dan gratifikasi.",
    topic: "Etika",
    competency: "Integritas",
    jp: 2,
    status: "published",
    modules: [
      {
        title: "Nilai dasar ASN",
        lessons: [
          {
            kind: "text",
            title: "BerAKHLAK dalam keseharian",
            body: "Berorientasi pelayanan, akuntabel, kompeten, harmonis, loyal, adaptif, kolaboratif.",
            minutes: 20,
          },
          { kind: "video", title: "Menolak gratifikasi dengan santun", config: { url: `${VIDEO}/gratifikasi.mp4`, durationSeconds: 300 }, minutes: 5 },
          { kind: "quiz", title: "Kuis integritas", minutes: 10 },
        ],
      },
    ],
  },
  {
    code: "DIG-201",
    title: "Transformasi Digital Pemerintahan",
    summary: "SPBE, arsitektur layanan digital, dan pengelolaan data untuk pelayanan yang terpadu.",
    topic: "Digital",
    competency: "Literasi Digital",
    jp: 6,
    status: "published",
    modules: [
      {
        title: "SPBE dan layanan terpadu",
        lessons: [
          { kind: "text", title: "Peta jalan SPBE", body: "Perpres 95/2018 tentang Sistem Pemerintahan Berbasis Elektronik.", minutes: 25 },
          {
            kind: "live",
            title: "Kelas daring: merancang layanan digital",
            config: { location: "Ruang Widyaiswara 2", meetingUrl: "https://rapat.demo.abdi.go.id/dig-201" },
            minutes: 120,
          },
          { kind: "link", title: "Katalog aplikasi SPBE", config: { url: "https://spbe.demo.abdi.go.id" }, minutes: 10 },
          { kind: "assignment", title: "Usulan digitalisasi satu layanan", minutes: 90 },
        ],
      },
    ],
  },
  {
    code: "KEU-101",
    title: "Pengelolaan Keuangan Negara bagi Pegawai Non-Keuangan",
    summary: "Siklus anggaran, pertanggungjawaban perjalanan dinas, dan pengadaan barang/jasa sederhana.",
    topic: "Keuangan",
    competency: "Pengelolaan Keuangan",
    jp: 3,
    status: "published",
    modules: [
      {
        title: "Anggaran dan pertanggungjawaban",
        lessons: [
          { kind: "text", title: "Siklus anggaran dalam satu halaman", body: "Perencanaan, penganggaran, pelaksanaan, pelaporan.", minutes: 20 },
          { kind: "pdf", title: "PMK tentang perjalanan dinas", config: { url: `${DOCS}/pmk-perjadin.pdf` }, minutes: 40 },
        ],
      },
    ],
  },
  {
    code: "ARS-101",
    title: "Manajemen Kearsipan Dinamis",
    summary: "Penataan arsip aktif dan inaktif, jadwal retensi arsip, dan arsip elektronik.",
    topic: "Kearsipan",
    competency: "Manajemen Arsip",
    jp: 2,
    status: "draft",
    modules: [{ title: "Penataan arsip", lessons: [{ kind: "text", title: "Klasifikasi arsip", body: "Draf materi.", minutes: 20 }] }],
  },
];

export const QUESTIONS: Record<string, { prompt: string; options: string[]; correct: number }[]> = {
  "PP-101": [
    { prompt: "Dasar hukum utama pelayanan publik adalah…", options: ["UU 25/2009", "UU 5/2014", "PP 94/2021"], correct: 0 },
    { prompt: "Maklumat pelayanan berisi…", options: ["Janji penyelenggara memenuhi standar", "Daftar pegawai", "Jadwal cuti"], correct: 0 },
    { prompt: "Hasil SKM dipakai untuk…", options: ["Memperbaiki layanan", "Menilai cuti", "Menentukan gaji"], correct: 0 },
  ],
  "ETK-101": [
    { prompt: "Huruf A pertama dalam BerAKHLAK berarti…", options: ["Akuntabel", "Aktif", "Amanah"], correct: 0 },
    { prompt: "Hadiah dari pemohon layanan sebaiknya…", options: ["Ditolak dengan santun dan dilaporkan", "Diterima", "Dibagi ke rekan"], correct: 0 },
  ],
};
