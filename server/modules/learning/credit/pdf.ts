import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { pdfSafe } from "../../logbook/privacy/pdf-layout.js";

export interface CertificatePdfInput {
  number: string;
  name: string;
  nipMasked: string;
  course: string;
  jp: number;
  issuedOn: string;
  agencyName: string;
  verifyUrl: string;
  revoked: boolean;
}

const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/** "2026-03-05" → "5 Maret 2026". */
export function tanggal(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${d} ${MONTHS[m - 1] ?? ""} ${y}`;
}

/** The certificate as an A4 landscape PDF with a QR code of its public verification address. */
export async function certificatePdf(c: CertificatePdfInput): Promise<Buffer> {
  const qr = await QRCode.toBuffer(c.verifyUrl, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 240 });
  const doc = new PDFDocument({ size: "A4", layout: "landscape", margin: 50, info: { Title: `Sertifikat ${c.number}`, Producer: "Abdi" } });
  const chunks: Buffer[] = [];
  doc.on("data", (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 100;
  doc
    .lineWidth(3)
    .rect(30, 30, doc.page.width - 60, doc.page.height - 60)
    .stroke("#1f4e79");
  doc.fillColor("#1f4e79").font("Helvetica-Bold").fontSize(12).text(pdfSafe(c.agencyName.toUpperCase()), 50, 60, { width, align: "center" });
  doc.moveDown(1.2).fontSize(30).text("SERTIFIKAT", { width, align: "center" });
  doc.font("Helvetica-Oblique").fontSize(11).fillColor("#444").text("Certificate of completion", { width, align: "center" });
  doc
    .moveDown(0.4)
    .font("Helvetica")
    .fontSize(11)
    .text(`Nomor: ${pdfSafe(c.number)}`, { width, align: "center" });
  doc.moveDown(1.4).fontSize(13).fillColor("#000").text("Diberikan kepada", { width, align: "center" });
  doc.moveDown(0.5).font("Helvetica-Bold").fontSize(24).text(pdfSafe(c.name), { width, align: "center" });
  doc
    .font("Helvetica")
    .fontSize(12)
    .text(`NIP ${pdfSafe(c.nipMasked)}`, { width, align: "center" });
  doc.moveDown(1).fontSize(13).text("telah menyelesaikan pembelajaran", { width, align: "center" });
  doc.moveDown(0.4).font("Helvetica-Bold").fontSize(18).text(pdfSafe(c.course), { width, align: "center" });
  doc
    .moveDown(0.4)
    .font("Helvetica")
    .fontSize(13)
    .text(`dengan bobot ${c.jp} JP (jam pelajaran) pada ${tanggal(c.issuedOn)}`, { width, align: "center" });
  const qrSize = 110;
  const bottom = doc.page.height - 60 - qrSize;
  doc.image(qr, doc.page.width - 60 - qrSize, bottom, { width: qrSize, height: qrSize });
  doc
    .font("Helvetica")
    .fontSize(8)
    .fillColor("#444")
    .text(`Verifikasi: ${pdfSafe(c.verifyUrl)}`, 60, bottom + qrSize - 20, { width: doc.page.width - 200 });
  if (c.revoked) {
    doc.save().rotate(-20, { origin: [doc.page.width / 2, doc.page.height / 2] });
    doc
      .font("Helvetica-Bold")
      .fontSize(80)
      .fillColor("#c00000")
      .opacity(0.35)
      .text("DICABUT", 0, doc.page.height / 2 - 40, { width: doc.page.width, align: "center" });
    doc.restore();
  }
  doc.end();
  return done;
}
