import type { AdminCourse, AdminModule } from "./adminTypes";
import type { CourseDetail, Dashboard, Enrolment, LessonContent, LessonProgress, LessonStatus, OutlineModule, Person, PlayerOutline, Run } from "./types";

/**
 * The API's answers as the pages use them. The player's outline and lesson
 * answers carry the server's names (positionS, watchedS, progressPct,
 * config.*); the pages read one flat shape.
 */
type Raw = Record<string, unknown>;

const obj = (v: unknown): Raw => (v && typeof v === "object" && !Array.isArray(v) ? (v as Raw) : {});
const num = (v: unknown, d = 0) => (typeof v === "number" && Number.isFinite(v) ? v : d);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const STATUSES: LessonStatus[] = ["not_started", "in_progress", "completed"];
const status = (v: unknown): LessonStatus => (STATUSES.includes(v as LessonStatus) ? (v as LessonStatus) : "not_started");

export function normalizeProgress(raw: unknown): LessonProgress {
  const p = obj(raw);
  const s = status(p.status);
  return {
    status: s,
    position: num(p.positionS ?? p.position),
    watchedSeconds: num(p.watchedS ?? p.watchedSeconds),
    completed: s === "completed" || p.completed === true,
    score: typeof p.score === "number" ? p.score : null,
  };
}

export function normalizeOutline(raw: unknown): PlayerOutline {
  const r = obj(raw);
  const e = obj(r.enrolment);
  const c = obj(r.course);
  const modules = (Array.isArray(r.outline) ? r.outline : Array.isArray(r.modules) ? r.modules : []) as Raw[];
  return {
    id: str(e.id) ?? str(r.id) ?? "",
    course: { id: str(c.id) ?? "", title: str(c.title) ?? "", jp: num(c.jp) },
    status: str(e.status) ?? str(r.status) ?? "active",
    progress: num(e.progressPct ?? r.progress),
    modules: modules.map(
      (m): OutlineModule => ({
        id: str(m.id) ?? "",
        title: str(m.title) ?? "",
        lessons: ((Array.isArray(m.lessons) ? m.lessons : []) as Raw[]).map((l) => ({
          id: str(l.id) ?? "",
          title: str(l.title) ?? "",
          kind: (str(l.kind) ?? "text") as PlayerOutline["modules"][number]["lessons"][number]["kind"],
          durationMinutes: num(l.durationMin, 0) || null,
          locked: Boolean(l.locked),
          status: l.progress ? normalizeProgress(l.progress).status : status(l.status),
          failed: obj(l.progress).passed === false && obj(l.progress).status !== "completed",
        })),
      }),
    ),
    certificate: (r.certificate as PlayerOutline["certificate"]) ?? null,
  };
}

export function normalizeLesson(raw: unknown): LessonContent {
  const r = obj(raw);
  const config = obj(r.config);
  return {
    ...(r as unknown as LessonContent),
    body: str(r.bodyMd) ?? str(r.body),
    url: str(config.url) ?? str(r.url),
    mediaUrl: str(r.mediaUrl),
    durationSeconds: typeof config.durationSeconds === "number" ? config.durationSeconds : null,
    startsAt: str(config.startsAt) ?? str(r.startsAt),
    endsAt: str(config.endsAt) ?? str(r.endsAt),
    meetingUrl: str(config.meetingUrl) ?? str(r.meetingUrl),
    location: str(config.location),
    progress: normalizeProgress(r.progress),
  };
}

/** The course page: `{course, outline, prerequisites, runs, myEnrolment}` flattened, facilitators of all runs together. */
export function normalizeCoursePage(raw: unknown): CourseDetail {
  const r = obj(raw);
  const runs = (Array.isArray(r.runs) ? r.runs : []) as Run[];
  const facilitators = new Map<string, Person>();
  for (const run of runs) for (const f of run.facilitators ?? []) facilitators.set(f.employeeId, f);
  return {
    ...(obj(r.course) as unknown as CourseDetail),
    formats: [],
    modules: (Array.isArray(r.outline) ? r.outline : []) as OutlineModule[],
    prerequisites: (Array.isArray(r.prerequisites) ? r.prerequisites : []) as CourseDetail["prerequisites"],
    runs,
    facilitators: [...facilitators.values()],
    myEnrolment: (r.myEnrolment as CourseDetail["myEnrolment"]) ?? null,
    canAuthor: r.canAuthor === true,
  };
}

/** The author's view (`/courses/:id/preview`): the course with every lesson's body and settings. */
export function normalizeAdminCourse(raw: unknown): AdminCourse {
  const r = obj(raw);
  return { ...(obj(r.course) as unknown as AdminCourse), modules: (Array.isArray(r.outline) ? r.outline : []) as AdminModule[] };
}

export function normalizeDashboard(raw: unknown): Dashboard {
  const r = obj(raw);
  const jp = obj(r.jp);
  const enrolments = ((Array.isArray(r.enrolments) ? r.enrolments : []) as Raw[]).map((e): Enrolment => {
    const course = obj(e.course);
    const run = obj(e.run);
    return {
      id: str(e.id) ?? "",
      runId: str(run.id) ?? str(e.runId) ?? "",
      courseId: str(course.id) ?? str(e.courseId) ?? "",
      courseTitle: str(course.title) ?? str(e.courseTitle) ?? "",
      jp: num(course.jp ?? e.jp),
      status: str(e.status) ?? "active",
      progress: num(e.progressPct ?? e.progress),
      dueOn: str(e.dueOn),
      completedAt: str(e.completedAt),
    };
  });
  return {
    enrolments,
    jp: { year: num(jp.year, new Date().getFullYear()), earned: num(jp.earned), target: num(jp.target, 20) },
    certificates: ((Array.isArray(r.certificates) ? r.certificates : []) as Raw[]).map((c) => ({
      id: str(c.id) ?? "",
      number: str(c.number) ?? "",
      courseTitle: str(c.courseTitle) ?? "",
      jp: num(c.jp),
      issuedOn: str(c.issuedOn) ?? "",
      revokedAt: str(c.revokedAt),
    })),
  };
}
