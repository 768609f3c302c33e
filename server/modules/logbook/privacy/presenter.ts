import { fromJson } from "../../../db/dialect.js";
import type * as repo from "./repository.js";

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
type Row<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];
type Profile = NonNullable<Rows<typeof repo.profileOf>>;
type Account = NonNullable<Rows<typeof repo.accountOf>>;

export function presentProfile(p: Profile) {
  return {
    id: p.id,
    nip: p.nip,
    name: p.name,
    birthDate: p.birth_date,
    gender: p.gender,
    appointedOn: p.appointed_on,
    employmentType: p.employment_type,
    status: p.status,
    email: p.email,
    phone: p.phone,
    agency: { id: p.agency_id, name: p.agency_name },
    unit: { id: p.unit_id, name: p.unit_name, timezone: p.unit_timezone },
    position: p.position_id ? { id: p.position_id, name: p.position_name } : null,
    supervisorId: p.supervisor_id,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

export function presentAccount(a: Account) {
  return {
    userId: a.id,
    displayName: a.display_name,
    email: a.email,
    locale: a.locale,
    createdAt: a.created_at,
    passwordChangedAt: a.password_changed_at,
    mustChangePassword: a.must_change_password === 1,
  };
}

export const presentGrant = (g: Row<typeof repo.grantsOf>) => ({ role: g.role, agency: g.agency_name, unit: g.unit_name, since: g.created_at });

export const presentSession = (s: Row<typeof repo.sessionsOf>, currentId: string) => ({
  createdAt: s.created_at,
  lastSeenAt: s.last_seen_at,
  expiresAt: s.expires_at,
  ip: s.ip,
  userAgent: s.user_agent,
  current: s.id === currentId,
});

export const presentCheckin = (c: Row<typeof repo.checkinsOf>) => ({
  workDate: c.work_date,
  kind: c.kind,
  mode: c.mode,
  expectedMode: c.expected_mode,
  serverTime: c.server_time,
  deviceTime: c.device_time,
  lat: c.lat,
  lng: c.lng,
  accuracyM: c.accuracy_m,
  coordinatesPurgedAt: c.coords_purged_at,
  positionError: c.position_error,
  geofence: c.geofence,
  placeName: c.place_name,
  distanceM: c.distance_m,
  minutesOff: c.minutes_off,
  note: c.note,
});

export const presentHealthCheck = (h: Row<typeof repo.healthChecksOf>) => ({
  workDate: h.work_date,
  formVersion: h.form_version,
  cleared: h.cleared === 1,
  reasons: fromJson<string[]>(h.reasons),
  answers: h.answers === null ? null : fromJson<Record<string, unknown>>(h.answers),
  answersPurgedAt: h.answers_purged_at,
  submittedAt: h.created_at,
  updatedAt: h.updated_at,
});

export function presentReport(r: Row<typeof repo.reportsOf>, activities: Row<typeof repo.activitiesOf>[], events: Row<typeof repo.reportEventsOf>[]) {
  return {
    workDate: r.work_date,
    status: r.status,
    deadlineAt: r.deadline_at,
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    reviewComment: r.review_comment,
    revision: r.revision,
    activities: activities.map((a) => ({
      description: a.description,
      rhk: a.rhk_title,
      outputQty: a.output_qty,
      outputUnit: a.output_unit,
      minutes: a.minutes,
      evidenceUrl: a.evidence_url,
      evidenceFileId: a.evidence_file_id,
    })),
    history: events.map((e) => ({ at: e.created_at, action: e.action, by: e.actor_name, comment: e.comment })),
  };
}

export const presentSkpTarget = (s: Row<typeof repo.skpTargetsOf>) => ({
  period: s.period,
  code: s.code,
  title: s.title,
  indicators: fromJson<unknown>(s.indicators),
  archived: s.archived === 1,
  createdAt: s.created_at,
});

export const presentPlace = (p: Row<typeof repo.placesOf>) => ({
  kind: p.kind,
  name: p.name,
  lat: p.lat,
  lng: p.lng,
  radiusM: p.radius_m,
  polygon: p.polygon === null ? null : fromJson<unknown>(p.polygon),
  status: p.status,
  decidedAt: p.decided_at,
  createdAt: p.created_at,
});

export const presentNotification = (n: Row<typeof repo.notificationsOf>) => ({
  kind: n.kind,
  params: fromJson<Record<string, unknown>>(n.params),
  link: n.link,
  createdAt: n.created_at,
  readAt: n.read_at,
});

export const presentFile = (f: Row<typeof repo.filesOf>) => ({
  id: f.id,
  purpose: f.purpose,
  filename: f.filename,
  mime: f.mime,
  size: f.size,
  sha256: f.sha256,
  createdAt: f.created_at,
});

export const presentAccess = (a: Row<typeof repo.accessTrailOf>) => ({ at: a.created_at, who: a.actor_name ?? null, category: a.category, detail: a.detail });

export const presentAudit = (e: Row<typeof repo.auditAbout>) => ({
  at: e.created_at,
  action: e.action,
  by: e.actor_name ?? null,
  subjectType: e.subject_type,
  changes: fromJson<Record<string, unknown>>(e.changes),
});
