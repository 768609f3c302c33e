import type { Question } from "../health/questions.js";
import type { MyData } from "./my-data.js";
import { PdfWriter } from "./pdf-layout.js";
import { PDF_STRINGS, type PdfLang, type PdfStrings } from "./strings.js";

/** "2026-03-16T03:04:05Z" → "2026-03-16 10:04" in the person's zone. */
function localTime(iso: string | null, timezone: string): string {
  if (!iso) return "";
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

const ZONE_NAMES: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };

/** One answer in words, with the option labels of the question it answers. */
function formatAnswer(q: Question | undefined, value: unknown, lang: PdfLang, s: PdfStrings): string {
  const label = (id: unknown) => {
    const option = q && (q.type === "multi" || q.type === "choice") ? q.options.find((o) => o.id === id) : undefined;
    return option ? option.label[lang] : String(id);
  };
  if (Array.isArray(value)) return value.length ? value.map(label).join(", ") : "-";
  if (value && typeof value === "object") {
    const v = value as { value?: unknown; date?: unknown };
    const main = typeof v.value === "boolean" ? (v.value ? s.yes : s.no) : label(v.value);
    return typeof v.date === "string" ? `${main} (${v.date})` : main;
  }
  return String(value);
}

/** "Suhu tubuh: 36.6; Gejala: -; …" with the labels of the version the answers were given in. */
function answersSummary(h: MyData["healthChecks"][number], data: MyData, lang: PdfLang, s: PdfStrings): string {
  if (h.answers === null) return s.purged;
  const form = data.healthForms.find((f) => f.version === h.formVersion);
  const answers = h.answers;
  const order = [...(form?.questions.map((q) => q.id) ?? []), ...Object.keys(answers).sort()];
  return [...new Set(order)]
    .filter((key) => answers[key] !== undefined)
    .map((key) => {
      const q = form?.questions.find((x) => x.id === key);
      return `${q ? q.label[lang] : key}: ${formatAnswer(q, answers[key], lang, s)}`;
    })
    .join("; ");
}

/**
 * The personal data export as a readable PDF: profile, then one table per kind
 * of record, the access trail and the audit events; page numbers and the
 * moment it was generated. Every table holds all rows (nothing is sampled).
 */
export function renderMyDataPdf(data: MyData, opts: { lang: PdfLang; compress?: boolean }): PDFKit.PDFDocument {
  const s = PDF_STRINGS[opts.lang];
  const w = (key: string) => s.words[key] ?? key;
  const tz = data.profile.unit.timezone;
  const at = (iso: string | null) => localTime(iso, tz);
  const pdf = new PdfWriter({ title: s.title, compress: opts.compress });
  const p = data.profile;

  pdf.title(s.title, [`${p.name} · NIP ${p.nip}`, `${s.generatedAt} ${at(data.generatedAt)} ${ZONE_NAMES[tz] ?? tz}`]);
  pdf.paragraph(s.intro);

  pdf.heading(s.sections.profile);
  pdf.keyValues([
    [s.fields.name, p.name],
    [s.fields.nip, p.nip],
    [s.fields.birthDate, p.birthDate],
    [s.fields.gender, s.gender[p.gender] ?? p.gender],
    [s.fields.agency, p.agency.name],
    [s.fields.unit, p.unit.name],
    [s.fields.position, p.position?.name ?? "-"],
    [s.fields.employmentType, p.employmentType],
    [s.fields.status, w(p.status)],
    [s.fields.email, p.email ?? "-"],
    [s.fields.phone, p.phone ?? "-"],
  ]);

  pdf.heading(s.sections.roles);
  pdf.table(
    [
      { header: s.cols.role, width: 0.3 },
      { header: s.cols.scope, width: 0.45 },
      { header: s.cols.since, width: 0.25 },
    ],
    data.roleGrants.map((g) => [g.role, g.unit ?? `${g.agency} (${w("agencyWide")})`, at(g.since)]),
    s.none,
  );

  pdf.heading(s.sections.sessions);
  pdf.table(
    [
      { header: s.cols.since, width: 0.2 },
      { header: s.cols.lastSeen, width: 0.2 },
      { header: "IP", width: 0.15 },
      { header: s.cols.device, width: 0.45 },
    ],
    data.sessions.map((x) => [at(x.createdAt), at(x.lastSeenAt), x.ip ?? "", x.userAgent ?? ""]),
    s.none,
  );

  pdf.heading(s.sections.checkins);
  pdf.table(
    [
      { header: s.cols.date, width: 0.13 },
      { header: s.cols.kind, width: 0.09 },
      { header: s.cols.time, width: 0.16 },
      { header: s.cols.mode, width: 0.08 },
      { header: s.cols.place, width: 0.27 },
      { header: s.cols.coordinates, width: 0.27 },
    ],
    data.checkins.map((c) => [
      c.workDate,
      w(c.kind),
      at(c.serverTime),
      c.mode,
      [w(c.geofence), c.placeName].filter(Boolean).join(": "),
      c.lat !== null && c.lng !== null
        ? `${c.lat.toFixed(6)}, ${c.lng.toFixed(6)}${c.accuracyM !== null ? ` ±${Math.round(c.accuracyM)} m` : ""}`
        : c.coordinatesPurgedAt
          ? s.purged
          : "-",
    ]),
    s.none,
  );

  pdf.heading(s.sections.health);
  pdf.table(
    [
      { header: s.cols.date, width: 0.13 },
      { header: s.cols.result, width: 0.17 },
      { header: s.cols.reasons, width: 0.2 },
      { header: s.cols.answers, width: 0.5 },
    ],
    data.healthChecks.map((h) => [
      h.workDate,
      s.cleared[h.cleared ? "true" : "false"],
      h.reasons.map(w).join(", ") || "-",
      answersSummary(h, data, opts.lang, s),
    ]),
    s.none,
  );

  pdf.heading(s.sections.reports);
  pdf.table(
    [
      { header: s.cols.date, width: 0.13 },
      { header: s.cols.status, width: 0.13 },
      { header: s.cols.activity, width: 0.44 },
      { header: s.cols.output, width: 0.2 },
      { header: s.cols.minutes, width: 0.1 },
    ],
    data.dailyReports.flatMap((r) =>
      r.activities.length
        ? r.activities.map((a, i) => [
            i === 0 ? r.workDate : "",
            i === 0 ? w(r.status) : "",
            a.description,
            `${a.outputQty} ${a.outputUnit}`,
            String(a.minutes),
          ])
        : [[r.workDate, w(r.status), "-", "", ""]],
    ),
    s.none,
  );

  pdf.heading(s.sections.targets);
  pdf.table(
    [
      { header: s.cols.period, width: 0.15 },
      { header: "#", width: 0.15 },
      { header: s.cols.target, width: 0.7 },
    ],
    data.skpTargets.map((t) => [t.period, t.code ?? "", t.title]),
    s.none,
  );

  pdf.heading(s.sections.places);
  pdf.table(
    [
      { header: s.cols.place, width: 0.35 },
      { header: s.cols.kind, width: 0.2 },
      { header: s.cols.coordinates, width: 0.3 },
      { header: s.cols.status, width: 0.15 },
    ],
    data.places.map((x) => [x.name, w(x.kind), `${x.lat.toFixed(6)}, ${x.lng.toFixed(6)}`, w(x.status)]),
    s.none,
  );

  pdf.heading(s.sections.notifications);
  pdf.table(
    [
      { header: s.cols.time, width: 0.25 },
      { header: s.cols.kind, width: 0.75 },
    ],
    data.notifications.map((n) => [at(n.createdAt), n.kind]),
    s.none,
  );

  pdf.heading(s.sections.access);
  pdf.table(
    [
      { header: s.cols.time, width: 0.2 },
      { header: s.cols.who, width: 0.3 },
      { header: s.cols.category, width: 0.2 },
      { header: s.cols.detail, width: 0.3 },
    ],
    data.accessTrail.map((a) => [at(a.at), a.who ?? "-", w(a.category), a.detail ?? ""]),
    s.none,
  );

  pdf.heading(s.sections.audit);
  pdf.table(
    [
      { header: s.cols.time, width: 0.2 },
      { header: s.cols.action, width: 0.4 },
      { header: s.cols.who, width: 0.4 },
    ],
    data.auditEvents.map((e) => [at(e.at), e.action, e.by ?? "-"]),
    s.none,
  );

  return pdf.finish(s.page);
}
