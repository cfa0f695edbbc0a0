/**
 * A report as PDF/A-2a: tagged (Table, TR, TH, TD), Swedish, A4, embedded DejaVu fonts, page
 * numbers as pagination artifacts, amounts in the seed's format ("1 781 236", "-55 958").
 */
import { createPdfaDocument } from '../../platform/pdf/pdfa-document.js';
import { drawPageFooters } from '../../platform/pdf/page-footers.js';
import { formatKronor } from '../../domain/money-format.js';
import type { Cell, ReportDoc, ReportTable } from './report-doc.js';

const MARGIN = 48;
const GREY = '#444444';
type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const cellText = (cell: Cell) => (typeof cell === 'number' ? formatKronor(cell) : (cell ?? ''));

/** Column widths: text columns share what the amounts (fixed width) leave. */
function widths(doc: Doc, table: ReportTable): number[] {
  const total = doc.page.width - 2 * MARGIN;
  const amount = Math.min(78, total / table.columns.length);
  const texts = table.columns.filter((c) => !c.numeric).length || 1;
  const numbers = table.columns.filter((c) => c.numeric).length;
  const text = (total - numbers * amount) / texts;
  return table.columns.map((c) => (c.numeric ? amount : text));
}

function rowHeight(doc: Doc, cells: string[], w: number[], font: string): number {
  doc.font(font).fontSize(8.5);
  return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (w[i] ?? 40) - 6 }))) + 6;
}

function drawRow(doc: Doc, parent: Struct, cells: string[], options: { header: boolean; bold: boolean; w: number[]; numeric: boolean[] }): void {
  const font = options.bold || options.header ? 'bold' : 'regular';
  const height = rowHeight(doc, cells, options.w, font);
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y;
  const tr = doc.struct('TR');
  parent.add(tr);
  let x = MARGIN;
  for (const [i, text] of cells.entries()) {
    const width = options.w[i] ?? 40;
    const numeric = options.numeric[i] ?? false;
    tr.add(
      doc.struct(options.header ? 'TH' : 'TD', {}, () => {
        doc.font(font).fontSize(8.5).fillColor('black').text(text, x + 3, y + 3, { width: width - 6, align: numeric ? 'right' : 'left' });
      }),
    );
    x += width;
  }
  tr.end();
  doc.markContent('Artifact', { type: 'Layout' });
  doc.moveTo(MARGIN, y + height).lineTo(doc.page.width - MARGIN, y + height).lineWidth(options.header || options.bold ? 1 : 0.4).strokeColor(options.header ? '#000000' : '#999999').stroke();
  doc.endMarkedContent();
  doc.x = MARGIN;
  doc.y = y + height;
}

function drawTable(doc: Doc, main: Struct, table: ReportTable): void {
  if (doc.y + 80 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  main.add(doc.struct('H2', {}, () => void doc.font('bold').fontSize(11.5).fillColor('black').text(table.caption, MARGIN, doc.y, { paragraphGap: 4 })));
  const w = widths(doc, table);
  const numeric = table.columns.map((c) => c.numeric);
  const t = doc.struct('Table');
  main.add(t);
  drawRow(doc, t, table.columns.map((c) => c.label), { header: true, bold: true, w, numeric });
  for (const row of table.rows) drawRow(doc, t, row.cells.map(cellText), { header: false, bold: row.emphasis === 'total', w, numeric });
  t.end();
  doc.moveDown(1);
}

/** Render a report to PDF/A-2a. */
export async function renderReportPdf(report: ReportDoc): Promise<Buffer> {
  const { doc, main, finish } = await createPdfaDocument({ title: report.title, author: report.subtitle.split(' · ')[0] ?? 'Kansli', subject: report.subtitle, margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 16 } });
  main.add(doc.struct('H1', {}, () => void doc.font('bold').fontSize(17).fillColor('black').text(report.title, { paragraphGap: 2 })));
  main.add(doc.struct('P', {}, () => void doc.font('regular').fontSize(10).fillColor(GREY).text(report.subtitle, { paragraphGap: 10 })));
  for (const table of report.tables) drawTable(doc, main, table);
  for (const note of report.notes) main.add(doc.struct('P', {}, () => void doc.font('regular').fontSize(9).fillColor(GREY).text(note, MARGIN, doc.y, { paragraphGap: 4 })));
  return finish(() => drawPageFooters(doc, { text: report.title, margin: MARGIN, fromBottom: 32, color: GREY }));
}
