import { PdfWriter } from "../../logbook/privacy/pdf-layout.js";
import type { WeeklyReport } from "./service.js";
import { FILE_STRINGS, type Lang } from "./strings.js";
import { weeklyTables } from "./table.js";

function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/** The weekly unit report as an A4 PDF: the unit and week, then attendance, health and report tables per workday. */
export function renderWeeklyPdf(r: WeeklyReport, lang: Lang, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const s = FILE_STRINGS[lang].weekly;
  const pdf = new PdfWriter({ title: `${s.title} ${r.week}`, compress: opts.compress });
  const done = toBuffer(pdf.doc);
  pdf.title(s.title, [
    `${s.unit}: ${r.unit.name}`,
    `${s.week}: ${r.week} (${r.from} – ${r.to})`,
    `${s.generatedAt}: ${r.generatedAt.slice(0, 16).replace("T", " ")} UTC`,
  ]);
  for (const t of weeklyTables(r, lang)) {
    pdf.heading(t.title);
    const first = 0.28;
    const rest = (1 - first) / (t.header.length - 1);
    pdf.table(
      t.header.map((h, i) => ({ header: h, width: i === 0 ? first : rest })),
      r.days.length ? t.rows.map((row) => row.map(String)) : [],
      s.none,
    );
  }
  pdf.finish(s.page);
  return done;
}
