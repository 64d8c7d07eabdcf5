/**
 * A small layer over pdfkit for the venue's documents: A4, DejaVu Sans
 * embedded (so names such as Çelik, Şahin and Noëlle print correctly, which
 * the PDF standard fonts cannot), a heading, key-value lines, tables with
 * page breaks, and signature lines.
 */
import PDFDocument from 'pdfkit';

const fontRegular = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const fontBold = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const margin = 50;

export interface Column {
  header: string;
  /** Share of the usable page width, summing to 1 over all columns. */
  width: number;
}

export class PdfWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(title: string, createdAt: Date) {
    this.doc = new PDFDocument({ size: 'A4', margin, info: { Title: title, Creator: 'OKE Lokaal', CreationDate: createdAt } });
    this.doc.registerFont('regular', fontRegular);
    this.doc.registerFont('bold', fontBold);
    this.doc.font('regular').fontSize(10);
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  private get usableWidth(): number {
    return this.doc.page.width - 2 * margin;
  }

  heading(text: string): this {
    this.doc.font('bold').fontSize(16).text(text).moveDown(0.5).font('regular').fontSize(10);
    return this;
  }

  subheading(text: string): this {
    this.doc.moveDown(0.6).font('bold').fontSize(12).text(text).moveDown(0.3).font('regular').fontSize(10);
    return this;
  }

  fields(rows: [string, string][]): this {
    for (const [label, value] of rows) {
      this.doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
    }
    return this;
  }

  paragraph(text: string): this {
    this.doc.text(text, { width: this.usableWidth });
    return this;
  }

  table(columns: Column[], rows: string[][], rowHeight = 0): this {
    const x0 = margin;
    const widths = columns.map((column) => column.width * this.usableWidth);
    this.doc.moveDown(0.5);
    const drawRow = (cells: string[], bold: boolean) => {
      this.doc.font(bold ? 'bold' : 'regular').fontSize(bold ? 8 : 9);
      const heights = cells.map((cell, i) => this.doc.heightOfString(cell, { width: widths[i]! - 6 }));
      const height = Math.max(rowHeight, ...heights) + 6;
      if (this.doc.y + height > this.doc.page.height - margin) this.doc.addPage();
      const y = this.doc.y;
      let x = x0;
      cells.forEach((cell, i) => {
        this.doc.text(cell, x + 3, y + 3, { width: widths[i]! - 6 });
        this.doc.rect(x, y, widths[i]!, height).lineWidth(0.5).stroke();
        x += widths[i]!;
      });
      this.doc.x = x0;
      this.doc.y = y + height;
    };
    drawRow(
      columns.map((column) => column.header),
      true,
    );
    for (const row of rows) drawRow(row, false);
    this.doc.font('regular').fontSize(10).moveDown(0.5);
    return this;
  }

  signatureLines(labels: string[]): this {
    this.doc.moveDown(1.5);
    for (const label of labels) {
      if (this.doc.y + 50 > this.doc.page.height - margin) this.doc.addPage();
      this.doc.text(`${label}:`).moveDown(1.8);
      const y = this.doc.y;
      this.doc.moveTo(margin, y).lineTo(margin + 250, y).lineWidth(0.5).stroke().moveDown(0.8);
    }
    return this;
  }

  footer(text: string): this {
    this.doc.moveDown(1).fontSize(8).fillColor('#555555').text(text).fillColor('black').fontSize(10);
    return this;
  }

  finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}
