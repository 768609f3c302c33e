/** Shapes of the logbook API (server/modules/logbook/**), as the web app reads them. */

export const WORK_MODES = ["WFO", "WFH", "DL", "CUTI", "SAKIT"] as const;
export type WorkMode = (typeof WORK_MODES)[number];

export type Geofence = "office" | "home" | "other_place" | "outside" | "poor_fix" | "unavailable";
export type PositionError = "permission_denied" | "position_unavailable" | "timeout";

export interface Fix {
  lat: number;
  lng: number;
  accuracy: number;
}

export interface Checkin {
  id: string;
  employeeId: string;
  workDate: string;
  kind: "in" | "out";
  mode: WorkMode;
  expectedMode: WorkMode | null;
  serverTime: string;
  deviceTime: string | null;
  deviceTimeSkewed: boolean;
  geofence: Geofence;
  place: { id: string; name: string } | null;
  positionError: string | null;
  minutesOff: number | null;
  note: string | null;
  position?: Fix | null;
  distanceM?: number | null;
  coordinatesPurged?: boolean;
}

export interface CheckinInput {
  kind: "in" | "out";
  mode: WorkMode;
  position: Fix | null;
  positionError?: PositionError;
  deviceTime: string;
}

export interface Today {
  date: string;
  timezone: string;
  workday: boolean;
  weekend: boolean;
  dayOff: { kind: "holiday" | "cuti_bersama"; nameId: string; nameEn: string } | null;
  ramadan: boolean;
  hours: { start: string; end: string } | null;
  lateGraceMinutes: number;
  accuracyThresholdM: number;
  expectedMode: WorkMode | null;
  mode: WorkMode | null;
  checkin: Checkin | null;
  checkout: Checkin | null;
}

// ---------- places ----------

export type Shape = { type: "circle"; lat: number; lng: number; radiusM: number } | { type: "polygon"; points: [number, number][] };

export interface Place {
  id: string;
  kind: "office" | "home" | "other";
  name: string;
  agencyId: string;
  unitId: string | null;
  employeeId: string | null;
  status: "pending" | "approved" | "rejected";
  shape: Shape | null;
  coordinatesHidden: boolean;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Proposal extends Place {
  employee: { id: string; name: string; unitName: string };
}

// ---------- health ----------

export type HealthReason = "temperature" | "symptoms" | "close_contact" | "positive_test";
export type Advice = "WFH" | "SAKIT";

export interface FormOption {
  id: string;
  label: string;
  dateLabel?: string | null;
}

export interface FormQuestion {
  id: string;
  type: "number" | "multi" | "choice" | "yes_no" | "text";
  label: string;
  required: boolean;
  min?: number;
  max?: number;
  unit?: string | null;
  maxLength?: number;
  options?: FormOption[];
  dateLabel?: string | null;
}

export interface HealthRule {
  temperatureAtLeast: number | null;
  anySymptom: boolean;
  contactWithinDays: number | null;
  positiveTestWithinDays: number | null;
}

export interface HealthForm {
  formId: string;
  version: number;
  publishedAt: string;
  lang: "id" | "en";
  questions: FormQuestion[];
  rule: HealthRule;
}

export interface DatedAnswer {
  value: boolean | string;
  date?: string;
}
export type AnswerValue = number | string | string[] | DatedAnswer;
export type Answers = Record<string, AnswerValue>;

export interface HealthDay {
  workDate: string;
  cleared: boolean;
  submittedAt: string;
  formVersion?: number;
  reasons?: HealthReason[];
  answers?: Record<string, unknown> | null;
  answersPurged?: boolean;
}

export interface HealthToday {
  workDate: string;
  currentVersion: number;
  check: (HealthDay & { advice: Advice[] }) | null;
}

export interface HealthResult {
  id: string;
  workDate: string;
  formVersion: number;
  cleared: boolean;
  reasons: HealthReason[];
  advice: Advice[];
  replaced: boolean;
  submittedAt: string;
}

export interface HealthHistory {
  employee: { id: string; name: string };
  from: string;
  to: string;
  answersVisible: boolean;
  items: HealthDay[];
}

interface Person {
  id: string;
  name: string;
  unitName: string;
}

export interface HealthCases {
  date: string;
  unitId: string | null;
  counts: { employees: number; submitted: number; cleared: number; notCleared: number; notSubmitted: number } | null;
  cases:
    | { employee: Person; cleared: false; reasons: HealthReason[]; formVersion: number; answers: Record<string, unknown> | null; submittedAt: string }[]
    | null;
  truncated: boolean;
  directReports: { employee: Person; status: "cleared" | "not_cleared" | "missing" }[];
}

/** A published form version with both languages (labels for old answers). */
export interface FormVersion {
  id: string;
  version: number;
  questions: {
    id: string;
    type: FormQuestion["type"];
    label: { id: string; en: string };
    options?: { id: string; label: { id: string; en: string } }[];
  }[];
}

// ---------- SKP targets ----------

export interface Target {
  id: string;
  period: string;
  code: string | null;
  title: string;
  archived: boolean;
}

// ---------- reports ----------

export type ReportStatus = "draft" | "submitted" | "returned" | "approved";

export type EvidenceIn = { url: string } | { fileId: string } | null;
export type EvidenceOut = { url: string } | { fileId: string; filename: string; mime: string; size: number; href: string };

export interface ActivityIn {
  description: string;
  rhkId: string | null;
  outputQty: number;
  outputUnit: string;
  minutes: number;
  evidence: EvidenceIn;
}

export interface Activity {
  ordinal: number;
  description: string;
  rhk: { id: string; code: string | null; title: string } | null;
  outputQty: number;
  outputUnit: string;
  minutes: number;
  evidence: EvidenceOut | null;
}

export interface Report {
  id: string;
  employeeId: string;
  workDate: string;
  status: ReportStatus;
  revision: number;
  deadlineAt: string;
  submittedAt: string | null;
  late: boolean;
  overdue: boolean;
  reviewedAt: string | null;
  reviewerId: string | null;
  reviewComment: string | null;
  totalMinutes: number;
  activities: Activity[];
  createdAt: string;
  updatedAt: string;
}

export interface ReportHistoryItem {
  action: "submitted" | "resubmitted" | "returned" | "approved";
  at: string;
  by: { userId: string; name: string } | null;
  comment: string | null;
  activities: Activity[];
}

export interface ReportDetail extends Report {
  employee: { id: string; name: string; unitName: string };
  history: ReportHistoryItem[];
}

export interface QueueItem extends Report {
  employee: { id: string; name: string; nip: string; unit: { id: string; name: string } };
  day: { checkins: { kind: "in" | "out"; mode: string; geofence: string; placeName: string | null }[]; cleared: boolean | null };
}

export interface UploadedFile {
  id: string;
  filename: string;
  mime: string;
  size: number;
  href: string;
}

// ---------- settings ----------

interface DayHours {
  start: string;
  end: string;
}

export interface LogbookSettings {
  accuracyThresholdM: number;
  lateGraceMinutes: number;
  hours: { monThu: DayHours; fri: DayHours };
  ramadanHours: { monThu: DayHours; fri: DayHours };
  reportDeadlineWorkdays: number;
  reportDeadlineTime: string;
  retention: { coordinatesDays: number; healthAnswersDays: number };
}
