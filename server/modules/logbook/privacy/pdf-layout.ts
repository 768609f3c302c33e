import PDFDocument from "pdfkit";

const MARGIN = 40;
const PAD = 3;
const BODY = 8.5;
const MAX_CELL = 600;

/**
 * The built-in PDF fonts speak WinAnsi only: characters outside it (emoji,
 * other scripts) would print as garbage, so they become "?".
 */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
export function pdfSafe(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (code === 0x09) out += " ";
    else if (code >= 0x20) out += "?";
  }
  return out;
}

export interface Column {
  header: string;
  /** Share of the usable width; the shares of a table add up to 1. */
  width: number;
}

/** A4 pages with headings, key/value blocks and tables that break across pages. */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;

  constructor(opts: { title: string; compress?: boolean }) {
    this.doc = new PDFDocument({
      size: "A4",
      margin: MARGIN,
      bufferPages: true,
      compress: opts.compress ?? true,
      info: { Title: opts.title, Producer: "Abdi" },
    });
    this.doc.font("Helvetica").fontSize(BODY);
  }

  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private ensureRoom(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  title(text: string, sub: string[]): void {
    this.doc.font("Helvetica-Bold").fontSize(18).text(pdfSafe(text), MARGIN, MARGIN, { width: this.width });
    this.doc.font("Helvetica").fontSize(9);
    for (const line of sub) this.doc.text(pdfSafe(line), { width: this.width });
    this.doc.moveDown(0.5).fontSize(BODY);
  }

  heading(text: string): void {
    this.ensureRoom(60);
    this.doc.moveDown(0.8).font("Helvetica-Bold").fontSize(12).text(pdfSafe(text), MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3).font("Helvetica").fontSize(BODY);
  }

  paragraph(text: string): void {
    this.doc.font("Helvetica").fontSize(BODY).text(pdfSafe(text), MARGIN, this.doc.y, { width: this.width });
  }

  keyValues(pairs: [string, string][]): void {
    this.table(
      [
        { header: "", width: 0.3 },
        { header: "", width: 0.7 },
      ],
      pairs,
      "",
      false,
    );
  }

  /** A table; rows taller than what is left of the page start a new page, which repeats the header. */
  table(columns: Column[], rows: string[][], empty: string, header = true): void {
    if (rows.length === 0) {
      this.paragraph(empty);
      return;
    }
    const widths = columns.map((c) => c.width * this.width);
    const cell = (text: string) => pdfSafe(text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…` : text);
    const heightOf = (cells: string[], bold: boolean) => {
      this.doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(BODY);
      return Math.max(...cells.map((t, i) => this.doc.heightOfString(cell(t), { width: widths[i] - 2 * PAD }))) + 2 * PAD;
    };
    const drawRow = (cells: string[], bold: boolean, shade: boolean) => {
      const h = heightOf(cells, bold);
      const y = this.doc.y;
      if (shade) this.doc.save().rect(MARGIN, y, this.width, h).fill("#eeeeee").restore();
      let x = MARGIN;
      cells.forEach((t, i) => {
        this.doc.fillColor("black").text(cell(t), x + PAD, y + PAD, { width: widths[i] - 2 * PAD });
        x += widths[i];
      });
      this.doc
        .save()
        .moveTo(MARGIN, y + h)
        .lineTo(MARGIN + this.width, y + h)
        .lineWidth(0.3)
        .strokeColor("#999999")
        .stroke()
        .restore();
      this.doc.x = MARGIN;
      this.doc.y = y + h;
    };
    const headers = columns.map((c) => c.header);
    if (header) {
      this.ensureRoom(heightOf(headers, true) + heightOf(rows[0], false));
      drawRow(headers, true, true);
    }
    for (const r of rows) {
      const h = heightOf(r, false);
      if (this.doc.y + h > this.bottom) {
        this.doc.addPage();
        if (header) drawRow(headers, true, true);
      }
      drawRow(r, false, false);
    }
    this.doc.font("Helvetica").fontSize(BODY);
  }

  /** Writes "page n of N" on every page, then ends the document; returns it as a readable stream. */
  finish(label: (n: number, total: number) => string): PDFKit.PDFDocument {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const keep = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.font("Helvetica").fontSize(8).fillColor("#555555");
      this.doc.text(pdfSafe(label(i - range.start + 1, range.count)), MARGIN, this.doc.page.height - 28, { width: this.width, align: "center" });
      this.doc.page.margins.bottom = keep;
    }
    this.doc.end();
    return this.doc;
  }
}
