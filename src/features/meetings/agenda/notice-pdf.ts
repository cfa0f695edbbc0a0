import { createPdfaDocument } from '../../../platform/pdf/pdfa-document.js';
import { drawPageFooters } from '../../../platform/pdf/page-footers.js';
import { proposalBlocks } from './agenda.schema.js';

/** A decision-basis document as the notice shows it: a secret one by its Hid only. */
export interface NoticeDocument {
  handlingId: string;
  /** null for a secret document: its description may itself reveal the secret. */
  description: string | null;
}

export interface NoticeItem {
  number: number;
  kindLabel: string;
  heading: string;
  caseNumber: string | null;
  proposal: string;
  documents: NoticeDocument[];
}

export interface NoticeContent {
  bodyName: string;
  /** YYYY-MM-DD */
  date: string;
  longDate: string;
  time: string;
  place: string;
  items: NoticeItem[];
}

/** How a secret document is named wherever the notice leaves Kansli (e-mail, PDF). */
export const SECRET_DOCUMENT_MARKER = 'sekretessbelagd handling, kan läsas i Kansli';

export function describeNoticeDocument(d: NoticeDocument): string {
  return d.description === null ? `Hid: ${d.handlingId}, ${SECRET_DOCUMENT_MARKER}` : `${d.description}, Hid: ${d.handlingId}`;
}

const MARGIN = 56;
const FOOTER_GAP = 36;
const GREY = '#444444';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** Start a new page when less than `height` points are left, so a heading stays with its text. */
function keepSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function paragraph(doc: Doc, parent: Struct, text: string, options: { tag?: 'P' | 'H4'; font?: 'regular' | 'bold'; size?: number; color?: string; gap?: number } = {}): void {
  parent.add(
    doc.struct(options.tag ?? 'P', {}, () => {
      doc.font(options.font ?? 'regular').fontSize(options.size ?? 11).fillColor(options.color ?? 'black');
      doc.text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN, paragraphGap: options.gap ?? 4 });
    }),
  );
}

/** A tagged list (L > LI > Lbl + LBody) with the label hanging in the margin of the body. */
function list(doc: Doc, parent: Struct, entries: { label: string; text: string }[]): void {
  const l = doc.struct('L');
  parent.add(l);
  const indent = 22;
  for (const entry of entries) {
    keepSpace(doc, 30);
    const li = doc.struct('LI');
    l.add(li);
    const y = doc.y;
    doc.font('regular').fontSize(11).fillColor('black');
    li.add(doc.struct('Lbl', {}, () => void doc.text(entry.label, MARGIN + 8, y, { width: indent, lineBreak: false })));
    li.add(doc.struct('LBody', {}, () => void doc.text(entry.text, MARGIN + 8 + indent, y, { width: doc.page.width - 2 * MARGIN - 8 - indent, paragraphGap: 3 })));
    li.end();
  }
  l.end();
  doc.x = MARGIN;
  doc.moveDown(0.3);
}

function renderItem(doc: Doc, main: Struct, item: NoticeItem): void {
  keepSpace(doc, 90);
  doc.moveDown(0.6);
  const section = doc.struct('Sect');
  main.add(section);
  section.add(doc.struct('H3', {}, () => void doc.font('bold').fontSize(12.5).fillColor('black').text(`${item.number}. ${item.heading}`, MARGIN, doc.y, { paragraphGap: 2 })));
  paragraph(doc, section, [item.kindLabel, item.caseNumber ? `Ärendenr ${item.caseNumber}` : ''].filter(Boolean).join(' · '), { size: 9.5, color: GREY });
  const blocks = proposalBlocks(item.proposal);
  if (blocks.length) {
    keepSpace(doc, 40);
    paragraph(doc, section, 'Förslag till beslut', { tag: 'H4', font: 'bold', size: 10.5, gap: 2 });
    let points: { label: string; text: string }[] = [];
    const flush = () => {
      if (points.length) list(doc, section, points);
      points = [];
    };
    for (const b of blocks) {
      if (b.kind === 'point') points.push({ label: `${b.number}.`, text: b.text });
      else {
        flush();
        paragraph(doc, section, b.text);
      }
    }
    flush();
  }
  if (item.documents.length) {
    keepSpace(doc, 40);
    paragraph(doc, section, 'Beslutsunderlag', { tag: 'H4', font: 'bold', size: 10.5, gap: 2 });
    list(doc, section, item.documents.map((d) => ({ label: '•', text: describeNoticeDocument(d) })));
  }
  section.end();
}

/**
 * The notice (kallelse) with its agenda as PDF/A-2a: tagged, Swedish, fonts embedded.
 * Reglemente 10 §: time, place and the agenda. Never holds a secret document's description.
 */
export async function renderNoticePdf(content: NoticeContent): Promise<Buffer> {
  const title = `Kallelse ${content.bodyName} ${content.date}`;
  const { doc, main, finish } = await createPdfaDocument({ title, author: content.bodyName, subject: 'Kallelse med föredragningslista', margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 20 } });
  paragraph(doc, main, content.bodyName, { font: 'bold', size: 11, color: GREY, gap: 2 });
  main.add(doc.struct('H1', {}, () => void doc.font('bold').fontSize(22).fillColor('black').text('Kallelse', { paragraphGap: 8 })));
  for (const [label, value] of [
    ['Datum', content.longDate],
    ['Tid', `kl. ${content.time}`],
    ['Plats', content.place],
  ] as const) {
    main.add(
      doc.struct('P', {}, () => {
        doc.font('bold').fontSize(11).fillColor('black').text(`${label}: `, MARGIN, doc.y, { continued: true });
        doc.font('regular').text(value, { paragraphGap: 2 });
      }),
    );
  }
  doc.moveDown(1);
  main.add(doc.struct('H2', {}, () => void doc.font('bold').fontSize(15).fillColor('black').text('Föredragningslista', MARGIN, doc.y, { paragraphGap: 2 })));
  if (content.items.length === 0) paragraph(doc, main, 'Dagordningen är ännu inte klar.');
  for (const item of content.items) renderItem(doc, main, item);
  return finish(() => drawPageFooters(doc, { text: `Kallelse, ${content.bodyName} ${content.date}`, margin: MARGIN, fromBottom: FOOTER_GAP, fontSize: 9, color: GREY }));
}
