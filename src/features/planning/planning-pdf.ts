/**
 * PDF/A-2a documents of planning (tagged, Swedish, fonts embedded): the business plan and the
 * internal control plan, built from headings, paragraphs and tables.
 */
import { createPdfaDocument } from '../../platform/pdf/pdfa-document.js';
import { drawPageFooters } from '../../platform/pdf/page-footers.js';

export type PdfBlock =
  | { kind: 'h2' | 'h3'; text: string }
  | { kind: 'p'; text: string; muted?: boolean }
  | { kind: 'table'; headers: string[]; rows: string[][]; widths: number[] };

const MARGIN = 50;
const GREY = '#444444';
type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;

function keepSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function text(doc: Doc, parent: Struct, tag: 'H2' | 'H3' | 'P', value: string, options: { font: 'regular' | 'bold'; size: number; color?: string; gap: number }): void {
  parent.add(
    doc.struct(tag, {}, () => {
      doc.font(options.font).fontSize(options.size).fillColor(options.color ?? 'black');
      doc.text(value, MARGIN, doc.y, { width: contentWidth(doc), paragraphGap: options.gap });
    }),
  );
}

/** A tagged table (Table > TR > TH/TD) with wrapped cells; the header row repeats on a new page. */
function table(doc: Doc, parent: Struct, block: Extract<PdfBlock, { kind: 'table' }>): void {
  const total = block.widths.reduce((a, b) => a + b, 0);
  const widths = block.widths.map((w) => (w / total) * contentWidth(doc));
  const pad = 3;
  const t = doc.struct('Table');
  parent.add(t);
  const heightOf = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(8.5);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (widths[i] ?? 40) - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], header: boolean) => {
    const height = heightOf(cells, header ? 'bold' : 'regular');
    keepSpace(doc, height);
    const y = doc.y;
    const tr = doc.struct('TR');
    t.add(tr);
    let x = MARGIN;
    for (const [i, cell] of cells.entries()) {
      const w = widths[i] ?? 40;
      tr.add(
        doc.struct(header ? 'TH' : 'TD', {}, () => {
          doc.font(header ? 'bold' : 'regular').fontSize(8.5).fillColor('black');
          doc.text(cell, x + pad, y + pad, { width: w - 2 * pad });
        }),
      );
      x += w;
    }
    tr.end();
    doc.markContent('Artifact', { type: 'Layout' });
    doc.lineWidth(0.5).strokeColor('#888888');
    x = MARGIN;
    for (const w of widths) {
      doc.rect(x, y, w, height).stroke();
      x += w;
    }
    doc.endMarkedContent();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  drawRow(block.headers, true);
  for (const row of block.rows) {
    if (doc.y + heightOf(row, 'regular') > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawRow(block.headers, true);
    }
    drawRow(row, false);
  }
  t.end();
  doc.moveDown(0.8);
}

/** A planning document as PDF/A-2a: the committee's name, a title, a status line, then the blocks. */
export async function renderPlanningPdf(options: { committeeName: string; title: string; subtitle: string; blocks: PdfBlock[]; landscape?: boolean }): Promise<Buffer> {
  const { doc, main, finish } = await createPdfaDocument({ title: `${options.title}, ${options.committeeName}`, author: options.committeeName, margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 20 }, landscape: options.landscape ?? false });
  text(doc, main, 'P', options.committeeName, { font: 'bold', size: 10.5, color: GREY, gap: 2 });
  main.add(doc.struct('H1', {}, () => void doc.font('bold').fontSize(20).fillColor('black').text(options.title, MARGIN, doc.y, { paragraphGap: 4 })));
  text(doc, main, 'P', options.subtitle, { font: 'regular', size: 10, color: GREY, gap: 10 });
  for (const block of options.blocks) {
    if (block.kind === 'h2') {
      keepSpace(doc, 60);
      doc.moveDown(0.4);
      text(doc, main, 'H2', block.text, { font: 'bold', size: 14, gap: 4 });
    } else if (block.kind === 'h3') {
      keepSpace(doc, 45);
      text(doc, main, 'H3', block.text, { font: 'bold', size: 11.5, gap: 3 });
    } else if (block.kind === 'p') {
      for (const para of block.text.split(/\n{2,}/)) if (para.trim()) text(doc, main, 'P', para.trim(), { font: 'regular', size: 10.5, color: block.muted ? GREY : 'black', gap: 5 });
    } else if (block.kind === 'table') {
      table(doc, main, block);
    }
  }
  return finish(() => drawPageFooters(doc, { text: `${options.title}, ${options.committeeName}`, margin: MARGIN, fromBottom: 36, color: GREY }));
}
