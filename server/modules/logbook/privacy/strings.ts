/** Words of the personal data PDF: Indonesian first, English second. */
export interface PdfStrings {
  title: string;
  intro: string;
  generatedAt: string;
  page: (n: number, total: number) => string;
  none: string;
  purged: string;
  yes: string;
  no: string;
  sections: Record<"profile" | "roles" | "sessions" | "checkins" | "health" | "reports" | "targets" | "places" | "notifications" | "access" | "audit", string>;
  fields: Record<"name" | "nip" | "birthDate" | "gender" | "agency" | "unit" | "position" | "employmentType" | "status" | "email" | "phone", string>;
  cols: Record<
    | "role"
    | "scope"
    | "since"
    | "date"
    | "time"
    | "kind"
    | "mode"
    | "place"
    | "coordinates"
    | "result"
    | "reasons"
    | "answers"
    | "status"
    | "activity"
    | "output"
    | "minutes"
    | "period"
    | "target"
    | "who"
    | "category"
    | "detail"
    | "action"
    | "lastSeen"
    | "device",
    string
  >;
  gender: Record<string, string>;
  cleared: Record<"true" | "false", string>;
  words: Record<string, string>;
}

const id: PdfStrings = {
  title: "Data Pribadi Saya",
  intro:
    "Salinan data tentang Anda yang disimpan Abdi, dengan jejak siapa yang membaca data sensitif Anda (UU 27/2022 tentang Pelindungan Data Pribadi). Koordinat dan jawaban kesehatan yang masa simpannya sudah habis telah dihapus; hasil turunannya tetap ada.",
  generatedAt: "Dibuat pada",
  page: (n, total) => `Halaman ${n} dari ${total}`,
  none: "Tidak ada data.",
  purged: "dihapus (masa simpan habis)",
  yes: "ya",
  no: "tidak",
  sections: {
    profile: "Profil",
    roles: "Peran",
    sessions: "Sesi masuk",
    checkins: "Presensi",
    health: "Pemeriksaan kesehatan",
    reports: "Laporan harian",
    targets: "Sasaran kinerja (SKP)",
    places: "Tempat terdaftar",
    notifications: "Notifikasi",
    access: "Jejak akses data sensitif",
    audit: "Catatan perubahan tentang Anda",
  },
  fields: {
    name: "Nama",
    nip: "NIP",
    birthDate: "Tanggal lahir",
    gender: "Jenis kelamin",
    agency: "Instansi",
    unit: "Unit kerja",
    position: "Jabatan",
    employmentType: "Jenis pegawai",
    status: "Status",
    email: "Email",
    phone: "Telepon",
  },
  cols: {
    role: "Peran",
    scope: "Cakupan",
    since: "Sejak",
    date: "Tanggal",
    time: "Waktu",
    kind: "Jenis",
    mode: "Mode",
    place: "Tempat",
    coordinates: "Koordinat",
    result: "Hasil",
    reasons: "Alasan",
    answers: "Jawaban",
    status: "Status",
    activity: "Kegiatan",
    output: "Hasil kerja",
    minutes: "Menit",
    period: "Periode",
    target: "Rencana hasil kerja",
    who: "Oleh",
    category: "Kategori",
    detail: "Rincian",
    action: "Tindakan",
    lastSeen: "Terakhir aktif",
    device: "Perangkat",
  },
  gender: { M: "Laki-laki", F: "Perempuan" },
  cleared: { true: "Sehat (boleh bekerja)", false: "Tidak sehat" },
  words: {
    in: "masuk",
    out: "pulang",
    office: "kantor",
    home: "rumah terdaftar",
    other_place: "tempat lain terdaftar",
    outside: "di luar tempat terdaftar",
    poor_fix: "akurasi rendah",
    unavailable: "posisi tidak tersedia",
    temperature: "suhu",
    symptoms: "gejala",
    close_contact: "kontak erat",
    positive_test: "tes positif",
    nip_detail: "NIP lengkap",
    health: "kesehatan",
    location: "lokasi",
    sensitive_profile: "profil sensitif",
    draft: "draf",
    submitted: "dikirim",
    returned: "dikembalikan",
    approved: "disetujui",
    pending: "menunggu",
    rejected: "ditolak",
    agencyWide: "seluruh instansi",
    active: "aktif",
    inactive: "nonaktif",
  },
};

const en: PdfStrings = {
  title: "My Personal Data",
  intro:
    "A copy of the data Abdi holds about you, with the trail of who read your sensitive data (Indonesian Personal Data Protection Law 27/2022). Coordinates and health answers past their retention period have been deleted; the results derived from them remain.",
  generatedAt: "Generated at",
  page: (n, total) => `Page ${n} of ${total}`,
  none: "No data.",
  purged: "deleted (retention ended)",
  yes: "yes",
  no: "no",
  sections: {
    profile: "Profile",
    roles: "Roles",
    sessions: "Sign-in sessions",
    checkins: "Check-ins",
    health: "Health checks",
    reports: "Daily reports",
    targets: "Performance targets (SKP)",
    places: "Registered places",
    notifications: "Notifications",
    access: "Access trail of sensitive data",
    audit: "Changes recorded about you",
  },
  fields: {
    name: "Name",
    nip: "NIP",
    birthDate: "Date of birth",
    gender: "Gender",
    agency: "Agency",
    unit: "Work unit",
    position: "Position",
    employmentType: "Employment type",
    status: "Status",
    email: "Email",
    phone: "Phone",
  },
  cols: {
    role: "Role",
    scope: "Scope",
    since: "Since",
    date: "Date",
    time: "Time",
    kind: "Kind",
    mode: "Mode",
    place: "Place",
    coordinates: "Coordinates",
    result: "Result",
    reasons: "Reasons",
    answers: "Answers",
    status: "Status",
    activity: "Activity",
    output: "Output",
    minutes: "Minutes",
    period: "Period",
    target: "Work result target",
    who: "By",
    category: "Category",
    detail: "Detail",
    action: "Action",
    lastSeen: "Last seen",
    device: "Device",
  },
  gender: { M: "Male", F: "Female" },
  cleared: { true: "Cleared", false: "Not cleared" },
  words: {
    in: "in",
    out: "out",
    office: "office",
    home: "registered home",
    other_place: "other registered place",
    outside: "outside registered places",
    poor_fix: "poor accuracy",
    unavailable: "position unavailable",
    temperature: "temperature",
    symptoms: "symptoms",
    close_contact: "close contact",
    positive_test: "positive test",
    nip_detail: "full NIP",
    health: "health",
    location: "location",
    sensitive_profile: "sensitive profile",
    draft: "draft",
    submitted: "submitted",
    returned: "returned",
    approved: "approved",
    pending: "pending",
    rejected: "rejected",
    agencyWide: "whole agency",
    active: "active",
    inactive: "inactive",
  },
};

export const PDF_STRINGS = { id, en } as const;
export type PdfLang = keyof typeof PDF_STRINGS;
