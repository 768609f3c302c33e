/**
 * The learning bench's data: one agency with units and employees (each with
 * an account sharing one password), published courses with Indonesian titles
 * and summaries (search columns built by the module's own searchColumns),
 * modules, lessons, runs, enrolments with lesson progress, the JP ledger and
 * certificates of completed enrolments, and live sessions for some learners.
 * Everything goes in with large multi-row inserts; a seeded random source
 * makes both engines hold the same catalog and enrolments.
 */
import { randomBytes } from "node:crypto";
import type { Insertable, Kysely } from "kysely";
import { toJson } from "../server/db/dialect.js";
import { newId } from "../server/db/ids.js";
import type { DB } from "../server/db/schema.js";
import type { CourseTable, EnrolmentTable, LessonKind, LessonProgressTable } from "../server/db/schema-learning.js";
import type { CertificateTable, JpLedgerTable } from "../server/db/schema-learning-assessment.js";
import { hashToken } from "../server/modules/auth/service.js";
import { searchColumns } from "../server/modules/learning/courses/service.js";
import { DEFAULT_RULE } from "../server/modules/learning/progress/completion.js";
import { hashPassword } from "../server/platform/passwords.js";
import { buildNip } from "../server/test/factories.js";

export const LEARNER_PASSWORD = "Belajar-Bench-2026";
export const TIMEZONE = "Asia/Jakarta";

export interface SeedOptions {
  courses: number;
  enrolments: number;
  employees: number;
  /** Learners given a live session row (the rest can sign in with LEARNER_PASSWORD). */
  sessions: number;
}

export interface Learner {
  employeeId: string;
  nip: string;
}

export interface Session {
  employeeId: string;
  cookie: string;
}

export interface LearningWorld {
  agencyId: string;
  learners: Learner[];
  sessions: Session[];
  topics: string[];
}

/** mulberry32: the same sequence on every run. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS: [topic: string, subject: string, about: string][] = [
  ["Pelayanan Publik", "Pelayanan Publik", "melayani masyarakat dengan standar pelayanan, maklumat dan survei kepuasan"],
  ["Pelayanan Publik", "Penanganan Pengaduan Masyarakat", "menerima, menindaklanjuti dan menyelesaikan pengaduan melalui SP4N-LAPOR"],
  ["Pelayanan Publik", "Budaya Melayani", "sikap melayani, keramahan dan komunikasi dengan pengguna layanan"],
  ["Keuangan", "Pengelolaan Keuangan Daerah", "perencanaan, penatausahaan dan pertanggungjawaban keuangan daerah"],
  ["Keuangan", "Penyusunan Anggaran Berbasis Kinerja", "menyusun RKA dan mengaitkan anggaran dengan sasaran kinerja"],
  ["Keuangan", "Akuntansi Pemerintahan", "pencatatan transaksi dan penyusunan laporan keuangan berbasis akrual"],
  ["Pengadaan", "Pengadaan Barang dan Jasa Pemerintah", "perencanaan pengadaan, pemilihan penyedia dan pengelolaan kontrak"],
  ["Pengadaan", "E-Katalog dan Toko Daring", "berbelanja melalui katalog elektronik secara akuntabel"],
  ["Kepegawaian", "Manajemen Kinerja Pegawai", "menetapkan SKP, memantau dan mengevaluasi kinerja pegawai"],
  ["Kepegawaian", "Pengembangan Kompetensi ASN", "merencanakan pengembangan kompetensi dan memenuhi 20 JP setahun"],
  ["Kepegawaian", "Disiplin dan Kode Etik ASN", "kewajiban, larangan dan hukuman disiplin pegawai negeri"],
  ["Kepemimpinan", "Kepemimpinan Pelayanan", "memimpin tim, mengambil keputusan dan memberi teladan"],
  ["Kepemimpinan", "Coaching dan Mentoring", "membimbing pegawai agar berkembang dan mandiri"],
  ["Teknologi Informasi", "Transformasi Digital Pemerintahan", "SPBE, layanan digital dan interoperabilitas data"],
  ["Teknologi Informasi", "Keamanan Informasi", "melindungi data pribadi dan sistem informasi instansi"],
  ["Teknologi Informasi", "Analisis Data untuk Kebijakan", "mengolah data menjadi bahan perumusan kebijakan"],
  ["Kearsipan", "Pengelolaan Arsip Dinamis", "penciptaan, penggunaan, pemeliharaan dan penyusutan arsip"],
  ["Kearsipan", "Arsip Digital dan Tata Naskah Dinas Elektronik", "naskah dinas elektronik dan penyimpanan arsip digital"],
  ["Perencanaan", "Perencanaan Pembangunan Daerah", "menyusun RPJMD, Renstra dan rencana kerja perangkat daerah"],
  ["Perencanaan", "Monitoring dan Evaluasi Program", "menyusun indikator, memantau capaian dan mengevaluasi program"],
  ["Hukum", "Penyusunan Peraturan Perundang-undangan", "teknik merancang peraturan daerah dan peraturan kepala daerah"],
  ["Integritas", "Pencegahan Korupsi dan Gratifikasi", "mengenali konflik kepentingan, gratifikasi dan pelaporannya"],
  ["Komunikasi", "Komunikasi Publik dan Media Sosial", "menyampaikan informasi pemerintah secara jelas dan tepercaya"],
  ["Komunikasi", "Penulisan Naskah Dinas", "menulis surat, nota dinas dan laporan yang ringkas"],
];
const PREFIXES = ["Dasar-dasar", "Pelatihan", "Teknik", "Strategi", "Praktik Baik", "Pengantar", "Lanjutan:", "Lokakarya", "Bimbingan Teknis"];
const AUDIENCES = ["bagi pejabat pengawas", "bagi pelaksana", "untuk perangkat daerah", "tingkat kecamatan", "bagi pejabat fungsional", "di era digital", ""];
const COMPETENCIES = ["Teknis", "Manajerial", "Sosial Kultural"];
const JPS = [2, 3, 4, 6, 8, 10, 12, 16, 20];
const KINDS: LessonKind[] = ["text", "video", "video", "pdf", "link", "live", "text"];
const LESSON_VERBS = ["Memahami", "Menerapkan", "Menyusun", "Menganalisis", "Mengevaluasi", "Studi kasus:", "Latihan:"];

const log = (s: string) => process.stderr.write(s);

/** Rows in chunks; each chunk is one multi-row insert, a few chunks per transaction. */
async function inBatches<T>(label: string, rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < rows.length; i += size) {
    await insert(rows.slice(i, i + size));
    log(`\r  ${label} ${Math.min(i + size, rows.length).toLocaleString("en")}/${rows.length.toLocaleString("en")}`);
  }
  const s = (performance.now() - started) / 1000;
  log(`\r  ${label} ${rows.length.toLocaleString("en")} rows in ${s.toFixed(1)} s (${Math.round(rows.length / Math.max(s, 0.001)).toLocaleString("en")}/s)\n`);
}

const isoDaysAgo = (now: number, days: number) => new Date(now - days * 86_400_000).toISOString();

interface CourseSeed {
  id: string;
  title: string;
  jp: number;
  runs: { id: string; kind: "self_paced" | "cohort"; days: number | null; endsOn: string | null }[];
  lessons: { id: string; kind: LessonKind; minutes: number }[];
}

async function seedOrg(db: Kysely<DB>, o: SeedOptions, rnd: () => number) {
  const at = new Date().toISOString();
  const stamps = { created_at: at, updated_at: at };
  const agencyId = newId();
  await db
    .insertInto("agencies")
    .values({ id: agencyId, code: "BENCHLRN", name: "Pemerintah Kabupaten Bench", timezone: TIMEZONE, ...stamps })
    .execute();
  const rootId = newId();
  const units = [
    {
      id: rootId,
      agency_id: agencyId,
      parent_id: null as string | null,
      code: "SETDA",
      name: "Sekretariat Daerah",
      timezone: TIMEZONE,
      path: `/${rootId}/`,
      depth: 0,
    },
  ];
  const names = ["Dinas Pendidikan", "Dinas Kesehatan", "Badan Keuangan", "Dinas Kependudukan", "BKPSDM", "Bappeda", "Dinas Sosial", "Inspektorat"];
  for (let i = 0; i < 24; i++) {
    const id = newId();
    const name = `${names[i % names.length]}${i >= names.length ? ` ${Math.floor(i / names.length) + 1}` : ""}`;
    units.push({ id, agency_id: agencyId, parent_id: rootId, code: `U${i + 1}`, name, timezone: TIMEZONE, path: `/${rootId}/${id}/`, depth: 1 });
  }
  await db
    .insertInto("units")
    .values(units.map((u) => ({ ...u, ...stamps })))
    .execute();
  const passwordHash = await hashPassword(LEARNER_PASSWORD);
  const people = Array.from({ length: o.employees }, (_, i) => ({
    id: newId(),
    userId: newId(),
    nip: buildNip(),
    unitId: units[1 + (i % (units.length - 1))].id,
    name: `Pegawai Bench ${i + 1}`,
  }));
  await inBatches("employees + accounts", people, 1000, (chunk) =>
    db.transaction().execute(async (trx) => {
      await trx
        .insertInto("employees")
        .values(
          chunk.map((p) => ({
            ...{ id: p.id, agency_id: agencyId, unit_id: p.unitId, position_id: null, nip: p.nip, name: p.name, email: null, phone: null },
            ...{ employment_type: "PNS" as const, status: "active" as const, supervisor_id: null, birth_date: `${p.nip.slice(0, 4)}-01-01` },
            ...{ gender: "M" as const, appointed_on: "2010-01", ...stamps },
          })),
        )
        .execute();
      await trx
        .insertInto("users")
        .values(
          chunk.map((p) => ({
            ...{ id: p.userId, employee_id: p.id, email: null, display_name: p.name, password_hash: passwordHash, must_change_password: 0 },
            ...{ is_operator: 0, is_demo: 0, disabled: 0, locale: "id", password_changed_at: at, ...stamps },
          })),
        )
        .execute();
    }),
  );
  const shuffled = [...people];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const picked = shuffled.slice(0, Math.min(o.sessions, people.length));
  const sessions = picked.map((p) => ({ p, token: randomBytes(24).toString("base64url") }));
  const expires = new Date(Date.now() + 86_400_000).toISOString();
  await inBatches("sessions", sessions, 1000, (chunk) =>
    db
      .insertInto("sessions")
      .values(
        chunk.map((s) => ({
          ...{ id: hashToken(s.token), user_id: s.p.userId, csrf_token: randomBytes(18).toString("base64url"), ip: null, user_agent: null },
          ...{ created_at: at, last_seen_at: at, expires_at: expires },
        })),
      )
      .execute(),
  );
  return {
    agencyId,
    units,
    people,
    sessions: sessions.map((s) => ({ employeeId: s.p.id, cookie: `abdi_session=${s.token}` })),
  };
}

async function seedCourses(db: Kysely<DB>, agencyId: string, count: number, rnd: () => number): Promise<CourseSeed[]> {
  const now = Date.now();
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const courses: Insertable<CourseTable>[] = [];
  const seeds: CourseSeed[] = [];
  const modules: { id: string; course_id: string; ordinal: number; title: string; created_at: string; updated_at: string }[] = [];
  const lessons: Insertable<DB["lessons"]>[] = [];
  const runs: Insertable<DB["course_runs"]>[] = [];
  // A few drafts and archived courses besides the published ones, so the status filter has work to do.
  const total = count + Math.ceil(count / 20);
  for (let i = 0; i < total; i++) {
    const [topic, subject, about] = SUBJECTS[i % SUBJECTS.length];
    const title = `${pick(PREFIXES)} ${subject} ${pick(AUDIENCES)}`.trim();
    const summary = `Kursus ini membahas ${about}. Peserta belajar melalui materi, video dan studi kasus dari instansi pemerintah.`;
    const status = i < count ? ("published" as const) : i % 2 === 0 ? ("draft" as const) : ("archived" as const);
    const created = isoDaysAgo(now, 30 + rnd() * 700);
    const base = { code: `KRS-${String(i + 1).padStart(5, "0")}`, title, summary, topic, competency: pick(COMPETENCIES) };
    const course = {
      id: newId(),
      agency_id: agencyId,
      ...base,
      description_md: `## Tujuan\n\nSetelah mengikuti kursus ini peserta mampu ${about}.\n`,
      language: rnd() < 0.9 ? ("id" as const) : ("en" as const),
      jp: pick(JPS),
      status,
      completion_rule: toJson(DEFAULT_RULE),
      prerequisite_ids: toJson([]),
      ...searchColumns(base),
      created_by: null,
      created_at: created,
      updated_at: created,
      published_at: status === "draft" ? null : isoDaysAgo(now, rnd() * 700),
    };
    courses.push(course);
    const seed: CourseSeed = { id: course.id, title, jp: course.jp, runs: [], lessons: [] };
    const moduleCount = 2 + Math.floor(rnd() * 3);
    for (let m = 0; m < moduleCount; m++) {
      const moduleId = newId();
      const moduleTitle = `Modul ${m + 1}: ${pick(LESSON_VERBS)} ${subject}`;
      modules.push({ id: moduleId, course_id: course.id, ordinal: m + 1, title: moduleTitle, created_at: created, updated_at: created });
      const lessonCount = 1 + Math.floor(rnd() * 3);
      for (let l = 0; l < lessonCount; l++) {
        const kind = pick(KINDS);
        const minutes = 10 + Math.floor(rnd() * 50);
        const config =
          kind === "video"
            ? { url: `https://video.example.go.id/${course.code}/${m}-${l}.mp4`, durationSeconds: minutes * 60, completionThreshold: 0.9 }
            : kind === "pdf" || kind === "link"
              ? { url: `https://materi.example.go.id/${course.code}/${m}-${l}` }
              : {};
        const id = newId();
        lessons.push({
          ...{
            id,
            course_id: course.id,
            module_id: moduleId,
            ordinal: l + 1,
            kind,
            title: `${pick(LESSON_VERBS)} ${subject.toLowerCase()} (${m + 1}.${l + 1})`,
          },
          ...{ body_md: `Materi tentang ${about}.`, config: toJson(config), required: 1, duration_min: minutes, created_at: created, updated_at: created },
        });
        seed.lessons.push({ id, kind, minutes });
      }
    }
    const selfPaced = { id: newId(), kind: "self_paced" as const, days: 60 + 30 * Math.floor(rnd() * 3), endsOn: null };
    seed.runs.push(selfPaced);
    runs.push({
      ...{ id: selfPaced.id, course_id: course.id, agency_id: agencyId, kind: "self_paced", title: "Belajar mandiri", starts_on: null, ends_on: null },
      ...{ enrol_open: 1, self_paced_days: selfPaced.days, capacity: null, created_at: created, updated_at: created },
    });
    if (rnd() < 0.3) {
      const starts = isoDaysAgo(now, rnd() * 200 - 60).slice(0, 10);
      const endsOn = isoDaysAgo(new Date(`${starts}T00:00:00Z`).getTime(), -28).slice(0, 10);
      const cohort = { id: newId(), kind: "cohort" as const, days: null, endsOn };
      seed.runs.push(cohort);
      runs.push({
        ...{
          id: cohort.id,
          course_id: course.id,
          agency_id: agencyId,
          kind: "cohort",
          title: `Angkatan ${starts.slice(0, 7)}`,
          starts_on: starts,
          ends_on: endsOn,
        },
        ...{ enrol_open: 1, self_paced_days: null, capacity: 60, created_at: created, updated_at: created },
      });
    }
    if (status === "published") seeds.push(seed);
  }
  await inBatches("courses", courses, 200, (chunk) => db.insertInto("courses").values(chunk).execute());
  await inBatches("course modules", modules, 1000, (chunk) => db.insertInto("course_modules").values(chunk).execute());
  await inBatches("lessons", lessons, 1000, (chunk) => db.insertInto("lessons").values(chunk).execute());
  await inBatches("course runs", runs, 1000, (chunk) => db.insertInto("course_runs").values(chunk).execute());
  return seeds;
}

type Person = { id: string; unitId: string; name: string };

async function seedEnrolments(db: Kysely<DB>, agencyId: string, people: Person[], courses: CourseSeed[], count: number, rnd: () => number) {
  const now = Date.now();
  const enrolments: Insertable<EnrolmentTable>[] = [];
  const progress: Insertable<LessonProgressTable>[] = [];
  const ledger: Insertable<JpLedgerTable>[] = [];
  const certificates: Insertable<CertificateTable>[] = [];
  const serials = new Map<number, number>();
  const perPerson = Math.max(1, Math.min(courses.length, Math.ceil(count / people.length)));
  // Popular courses draw more learners: a skewed pick over the catalog.
  const popular = () => courses[Math.floor(courses.length * rnd() ** 2)];
  const byId = new Map(courses.map((c) => [c.id, c]));
  for (let p = 0; enrolments.length < count && p < people.length * 4; p++) {
    const person = people[p % people.length];
    const mine = new Set<string>();
    const want = Math.min(perPerson, count - enrolments.length);
    while (mine.size < want) mine.add(popular().id);
    for (const courseId of mine) {
      const course = byId.get(courseId) as CourseSeed;
      const run = course.runs[Math.floor(rnd() * course.runs.length)];
      const created = isoDaysAgo(now, rnd() * 540);
      const roll = rnd();
      const status = roll < 0.55 ? ("active" as const) : roll < 0.9 ? ("completed" as const) : ("withdrawn" as const);
      const completedAt = status === "completed" ? new Date(Math.min(now - 3_600_000, Date.parse(created) + rnd() * 90 * 86_400_000)).toISOString() : null;
      const dueOn = run.kind === "cohort" ? run.endsOn : new Date(Date.parse(created) + (run.days ?? 90) * 86_400_000).toISOString().slice(0, 10);
      const pct = status === "completed" ? 100 : Math.floor(rnd() * 95);
      const id = newId();
      enrolments.push({
        ...{ id, run_id: run.id, course_id: course.id, agency_id: agencyId, unit_id: person.unitId, employee_id: person.id },
        ...{ source: rnd() < 0.6 ? ("self" as const) : rnd() < 0.7 ? ("assigned" as const) : ("rule" as const), status, due_on: dueOn },
        ...{ started_at: pct > 0 || completedAt ? created : null, completed_at: completedAt, progress_pct: pct },
        ...{ score: status === "completed" ? 70 + Math.floor(rnd() * 30) : null, created_at: created, updated_at: completedAt ?? created },
      });
      if (status !== "withdrawn" && pct > 0 && rnd() < 0.4) {
        const done = status === "completed" ? course.lessons.length : Math.floor((course.lessons.length * pct) / 100);
        course.lessons.forEach((l, i) => {
          if (i > done) return;
          const complete = i < done;
          const seconds = l.minutes * 60;
          progress.push({
            ...{ enrolment_id: id, lesson_id: l.id, status: complete ? "completed" : "in_progress", position_s: complete ? seconds : seconds / 3 },
            ...{ watched_s: complete ? seconds : seconds / 3, duration_s: l.kind === "video" ? seconds : null, score: null, passed: null },
            ...{ completed_at: complete ? created : null, updated_at: completedAt ?? created },
          });
        });
      }
      if (completedAt) {
        const year = Number(completedAt.slice(0, 4));
        const serial = (serials.get(year) ?? 0) + 1;
        serials.set(year, serial);
        const day = completedAt.slice(0, 10);
        ledger.push({
          id: newId(),
          agency_id: agencyId,
          employee_id: person.id,
          year,
          jp: course.jp,
          source: "course",
          ref_id: id,
          title: course.title,
          earned_on: day,
          created_at: completedAt,
        });
        certificates.push({
          ...{ id: newId(), agency_id: agencyId, employee_id: person.id, enrolment_id: id, course_id: course.id },
          ...{ number: `ABDI/${year}/${String(serial).padStart(6, "0")}`, year, serial, employee_name: person.name, course_title: course.title },
          ...{ jp: course.jp, issued_on: day, revoked_at: null, revoked_by: null, revoke_reason: null, created_at: completedAt },
        });
      }
    }
  }
  const tx = <T>(fn: (trx: Kysely<DB>) => Promise<T>) => db.transaction().execute(fn);
  await inBatches("enrolments", enrolments, 1000, (chunk) => tx((trx) => trx.insertInto("enrolments").values(chunk).execute()));
  await inBatches("lesson progress", progress, 2000, (chunk) => tx((trx) => trx.insertInto("lesson_progress").values(chunk).execute()));
  await inBatches("JP ledger", ledger, 1000, (chunk) => tx((trx) => trx.insertInto("jp_ledger").values(chunk).execute()));
  await inBatches("certificates", certificates, 1000, (chunk) => tx((trx) => trx.insertInto("certificates").values(chunk).execute()));
  return { enrolments: enrolments.length, progress: progress.length, ledger: ledger.length };
}

/** Seeds the bench agency; prints progress to stderr. */
export async function seedLearning(db: Kysely<DB>, o: SeedOptions): Promise<LearningWorld & { counts: Record<string, number> }> {
  const rnd = randomSource(20_261_204);
  const org = await seedOrg(db, o, rnd);
  const courses = await seedCourses(db, org.agencyId, o.courses, rnd);
  const counts = await seedEnrolments(db, org.agencyId, org.people, courses, o.enrolments, rnd);
  return {
    agencyId: org.agencyId,
    learners: org.people.map((p) => ({ employeeId: p.id, nip: p.nip })),
    sessions: org.sessions,
    topics: [...new Set(SUBJECTS.map(([t]) => t))],
    counts: { employees: org.people.length, courses: courses.length, ...counts },
  };
}
