import { addSealPlaceholder, createPdfaDocument } from '../../platform/pdf/pdfa-document.js';
import { justeringRows, servedLine, type JusteringRow, type MeetingRecord, type ProtocolDocument, type ProtocolParagraph } from './protocol.model.js';
import { basisLine, decisionHeading, footerTitle } from './protocol-wording.js';
import { hasRecord, meetingRecordLines } from './protocol-record-lines.js';
import { assuranceLabel } from '../../domain/assurance.js';
import { swedishStamp } from '../../platform/time-format.js';
import type { SignatureMethod } from './signature-method.js';

/**
 * The protocol as PDF/A-2a (tagged, Swedish, embedded DejaVu), laid out like the committee's
 * paper protocols: a first page with the header facts, then one page or more per paragraph (§),
 * and on every page the boxes "Justerandes signatur" and "Utdragsbestyrkande", the page number
 * and, for a final protocol, the SHA-256 the signers signed.
 */
export interface ProtocolPdfOptions {
  /** Reserve room for the electronic seal (a PAdES signature placeholder); seal with sealPdf. */
  sealReserve?: boolean;
  /** The canonical digest (protocolDigest) of a final protocol: printed on every page. */
  digest?: string | null;
  /** The seal's name, reason and location in the placeholder. */
  sealName?: string;
  /** Room for the signature (bytes of CMS); the default fits an RSA-2048 seal, its certificate and a time-stamp token. */
  signatureLength?: number;
  /** The seal's reason; by default "Fastställt protokoll <body> <date>". */
  sealReason?: string;
  /** The claimed signing time, the signature dictionary's /M (PAdES: no signing-time in the CMS). */
  signingTime?: Date;
  /** The justering signatures, named under the signature lines of a final protocol. */
  signatures?: PdfSignature[];
}

/** How a signer signed: method, provider and level for e-ID, and the time; never a personnummer. */
export interface PdfSignature {
  role: 'chair' | 'adjuster';
  method: SignatureMethod;
  signedAt: Date;
  assuranceProvider: string | null;
  assuranceLevel: string | null;
}

/** The header's justering lines (justeringRows): the day adjusted once final, the plan before. */
const JUSTERING_LABEL: Record<JusteringRow['label'], string> = {
  justering: 'Justeringens plats och tid',
  justeringPlanned: 'Planerad justering',
  justeringPlace: 'Justeringens plats',
  justeredOn: 'Justeringsdag',
};

const METHOD: Record<Exclude<SignatureMethod, 'e-id'>, string> = { passkey: 'säkerhetsnyckel (passkey)', totp: 'engångskod (TOTP)', password: 'lösenord' };

/** "Signerat elektroniskt 2026-12-06 15:03 med e-legitimation via Freja (tillitsnivå 3)". */
export function signatureLine(s: PdfSignature): string {
  const how = s.method === 'e-id' ? `e-legitimation via ${s.assuranceProvider ?? '–'}${s.assuranceLevel ? ` (${assuranceLabel(s.assuranceLevel)})` : ''}` : METHOD[s.method];
  return `Signerat elektroniskt ${swedishStamp(s.signedAt)} med ${how}`;
}

/** Bytes reserved for the seal's CMS: an RSA-2048 seal with certificate is some 2 KB, a time-stamp token up to 6 KB more. */
export const SEAL_SIGNATURE_LENGTH = 16384;

const MARGIN = { top: 88, bottom: 118, left: 64, right: 64 };
const SIZE = { body: 10, small: 7.5, h1: 18, h2: 14, h3: 10.5 };

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** "Protokoll sammanträde e-nämnden 2022-12-14", as the seed's page footer. */
export function protocolTitle(doc: ProtocolDocument): string {
  return footerTitle(doc.letterhead.shortName, doc.meetingDate);
}

export { genitive } from './protocol-wording.js';

export function paragraphRange(doc: ProtocolDocument): string {
  const numbers = doc.paragraphs.map((p) => p.number).filter((n): n is number => n !== null);
  if (numbers.length === 0) return '–';
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  return first === last ? `§ ${first}` : `§§ ${first}–${last}`;
}


export async function renderProtocolPdf(protocol: ProtocolDocument, options: ProtocolPdfOptions = {}): Promise<Buffer> {
  const title = protocolTitle(protocol);
  const { doc, main, finish } = await createPdfaDocument({ title, author: protocol.organisationName, subject: `Sammanträdesprotokoll ${paragraphRange(protocol)}`, margins: MARGIN });
  const w = new Writer(doc, main);

  firstPage(w, protocol, options.signatures ?? []);
  for (const paragraph of protocol.paragraphs) {
    doc.addPage();
    paragraphPages(w, protocol, paragraph);
  }
  return finish(() => {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      doc.switchToPage(i);
      pageFrame(doc, protocol, i - range.start + 1, range.count, options.digest ?? null);
    }
    doc.switchToPage(range.start + range.count - 1);
    if (options.sealReserve) {
      const name = options.sealName ?? protocol.organisationName;
      addSealPlaceholder(doc, {
        name,
        reason: options.sealReason ?? `Fastställt protokoll ${protocol.bodyName} ${protocol.meetingDate}`,
        location: protocol.place || name,
        signatureLength: options.signatureLength ?? SEAL_SIGNATURE_LENGTH,
        ...(options.signingTime ? { signingTime: options.signingTime } : {}),
      });
    }
  });
}

/** Text with structure tags, page breaks that keep a heading with what follows. */
class Writer {
  constructor(
    readonly doc: Doc,
    readonly main: Struct,
  ) {}

  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  ensure(height: number): void {
    if (this.doc.y + height > this.doc.page.height - MARGIN.bottom) this.doc.addPage();
  }

  heading(tag: 'H1' | 'H2' | 'H3', text: string, size: number, gapBefore = 10): void {
    const doc = this.doc;
    if (doc.y > MARGIN.top + 1) doc.y += gapBefore;
    this.ensure(size * 1.4 + SIZE.body * 3);
    this.main.add(doc.struct(tag, {}, () => void doc.font('bold').fontSize(size).text(text, MARGIN.left, doc.y, { width: this.width })));
    doc.y += 2;
  }

  para(text: string, options: { indent?: number; font?: 'regular' | 'bold' | 'italic'; size?: number; gap?: number } = {}): void {
    const doc = this.doc;
    const size = options.size ?? SIZE.body;
    const indent = options.indent ?? 0;
    this.ensure(size * 1.3);
    this.main.add(
      doc.struct('P', {}, () => void doc.font(options.font ?? 'regular').fontSize(size).text(text, MARGIN.left + indent, doc.y, { width: this.width - indent, paragraphGap: options.gap ?? 4, lineGap: 1 })),
    );
  }

  /** Blank-line separated paragraphs; lines "1. …" and "- …" keep their own line with a hanging indent. */
  block(text: string): void {
    for (const chunk of text.split(/\n\s*\n/)) {
      const lines = chunk.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
      if (lines.length === 0) continue;
      const listy = lines.some((l) => /^\s*(\d+[.)]|[-•–o])\s+/.test(l));
      if (!listy) {
        this.para(lines.join(' '));
        continue;
      }
      for (const line of lines) {
        const m = /^\s*(\d+[.)]|[-•–o])\s+(.*)$/.exec(line);
        if (m) this.listItem(m[1] === '-' || m[1] === 'o' ? '•' : (m[1] ?? ''), m[2] ?? '');
        else this.para(line.trim(), { gap: 2 });
      }
      this.doc.y += 2;
    }
  }

  listItem(label: string, text: string): void {
    const doc = this.doc;
    this.ensure(SIZE.body * 1.3);
    const y = doc.y;
    this.main.add(
      doc.struct('L', {}, [
        doc.struct('LI', {}, [
          doc.struct('Lbl', {}, () => void doc.font('regular').fontSize(SIZE.body).text(label, MARGIN.left + 4, y, { width: 18, lineBreak: false })),
          doc.struct('LBody', {}, () => void doc.font('regular').fontSize(SIZE.body).text(text, MARGIN.left + 22, y, { width: this.width - 22, paragraphGap: 2, lineGap: 1 })),
        ]),
      ]),
    );
  }

  /** Label at the left, value at a fixed column (the first page's facts, the votes). */
  row(label: string, value: string, column = 175, size = SIZE.body, labelFont: 'bold' | 'regular' = 'bold'): void {
    const doc = this.doc;
    const labelHeight = doc.font(labelFont).fontSize(size).heightOfString(label, { width: column - 8 });
    const height = Math.max(doc.font('regular').fontSize(size).heightOfString(value || ' ', { width: this.width - column }), labelHeight, size * 1.2);
    this.ensure(height);
    const y = doc.y;
    this.main.add(
      doc.struct('P', {}, () => {
        doc.font(labelFont).fontSize(size).text(label, MARGIN.left, y, { width: column - 8 });
        doc.font('regular').fontSize(size).text(value, MARGIN.left + column, y, { width: this.width - column, lineGap: 1 });
      }),
    );
    doc.y = y + height + 3;
  }
}

function firstPage(w: Writer, p: ProtocolDocument, signatures: PdfSignature[]): void {
  const doc = w.doc;
  w.main.add(doc.struct('H1', {}, () => void doc.font('bold').fontSize(SIZE.h1).text('Sammanträdesprotokoll', MARGIN.left, MARGIN.top, { width: w.width })));
  w.para(p.organisationName === p.bodyName ? p.bodyName : `${p.organisationName} · ${p.bodyName}`, { size: 11, gap: 10 });
  if (p.status !== 'final') w.para(p.status === 'draft' ? 'Utkast – inte justerat' : 'Låst för justering – inte justerat', { font: 'italic', gap: 8 });

  w.row('Datum', p.meetingDate);
  w.row('Tid', p.endTime ? `${p.startTime}–${p.endTime}` : p.startTime);
  w.row('Plats', p.place);

  w.heading('H2', 'Beslutande', SIZE.h3 + 1);
  for (const person of p.served) w.listItem('•', servedLine(p, person));
  if (p.served.length === 0) w.para('–');

  w.heading('H2', 'Övriga närvarande', SIZE.h3 + 1);
  for (const line of (p.otherPresent || '–').split('\n')) if (line.trim()) w.para(line.trim(), { gap: 1 });

  doc.y += 8;
  w.row('Justerare', p.adjuster ?? '–');
  for (const row of justeringRows(p)) w.row(JUSTERING_LABEL[row.label], row.value);
  w.row('Paragrafer', paragraphRange(p));

  w.heading('H2', 'Underskrifter', SIZE.h3 + 1, 14);
  const signers: [string, string | null, PdfSignature | undefined][] = [
    ['Sekreterare', p.secretary || null, undefined],
    ['Ordförande', p.chair, signatures.find((s) => s.role === 'chair')],
    ['Justerare', p.adjuster, signatures.find((s) => s.role === 'adjuster')],
  ];
  for (const [role, name, signature] of signers) {
    w.ensure(40);
    const y = doc.y + 22;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.moveTo(MARGIN.left + 175, y).lineTo(MARGIN.left + 420, y).lineWidth(0.5).strokeColor('#777777').stroke().strokeColor('black');
    doc.endMarkedContent();
    doc.y = y + 3;
    w.row(role, name ?? '');
    if (signature) w.para(signatureLine(signature), { size: 8.5, gap: 2 });
  }
}

function paragraphPages(w: Writer, p: ProtocolDocument, par: ProtocolParagraph): void {
  const doc = w.doc;
  doc.y = MARGIN.top;
  w.main.add(doc.struct('H2', {}, () => void doc.font('bold').fontSize(SIZE.h2).text(`§ ${par.number ?? '–'}`, MARGIN.left, MARGIN.top, { width: w.width })));
  doc.y += 6;
  w.main.add(doc.struct('H3', {}, () => void doc.font('bold').fontSize(12).text(par.heading, MARGIN.left, doc.y, { width: w.width })));
  if (par.caseNumber) w.para(`Ärendenr ${par.caseNumber}`, { size: 9.5 });

  const withheld = par.secrecyProvision !== null && !par.decision && !par.summary && !par.handling;
  if (withheld) {
    doc.y += 8;
    w.para(`Paragrafen innehåller uppgifter som omfattas av sekretess enligt ${par.secrecyProvision ?? ''} och redovisas inte i den offentliga versionen.`, { font: 'italic' });
    return;
  }
  if (par.secrecyProvision) w.para(`Sekretess: ${par.secrecyProvision}`, { font: 'italic', size: 9 });

  w.heading('H3', decisionHeading(p.letterhead.shortName, par), SIZE.h3, 12);
  w.block(par.decision || '–');
  if (par.immediateJustering) w.para('Paragrafen justeras omedelbart.', { font: 'italic' });

  if (par.summary.trim()) {
    w.heading('H3', 'Sammanfattning av ärendet', SIZE.h3);
    w.block(par.summary);
  }

  if (par.handling.trim() || hasRecord(par.record)) {
    w.heading('H3', 'Sammanträdet', SIZE.h3);
    if (par.handling.trim()) w.block(par.handling);
    meetingRecord(w, par.record, { shortName: p.letterhead.shortName, afterHandling: par.handling.trim() !== '' });
  }

  if (par.decisionBasis.length > 0) {
    w.heading('H3', 'Beslutsunderlag', SIZE.h3);
    for (const item of par.decisionBasis) w.listItem('•', basisLine(item, p.letterhead.registryCode));
  }

  if (par.recipients.length > 0) {
    w.heading('H3', 'Beslutet skickas till', SIZE.h3);
    for (const r of par.recipients) w.para(r, { gap: 1 });
  }
}

/** The facts of the meeting, laid out from the lines the extract prints too. */
function meetingRecord(w: Writer, r: MeetingRecord, options: { shortName: string; afterHandling: boolean }): void {
  for (const line of meetingRecordLines(r, options)) {
    if (line.kind === 'heading') w.heading('H3', line.text, line.level === 'section' ? SIZE.h3 : SIZE.body, 6);
    else if (line.kind === 'para') w.para(line.text, line.bold ? { font: 'bold' } : {});
    else if (line.kind === 'item') w.listItem('•', line.text);
    else if (line.kind === 'row') w.row(line.label, line.value, 300, 9, 'regular');
    else w.block(line.text);
  }
}

/** Header, signature boxes, digest and page number: artifacts, written when the page count is known. */
function pageFrame(doc: Doc, p: ProtocolDocument, page: number, pages: number, digest: string | null): void {
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.markContent('Artifact', { type: 'Pagination' });
  doc.font('bold').fontSize(8.5).fillColor('black');
  doc.text((p.letterhead.hostName || p.organisationName).toLocaleUpperCase('sv-SE'), MARGIN.left, 34, { width: width / 2, lineBreak: false });
  doc.text('SAMMANTRÄDESPROTOKOLL', MARGIN.left + width / 2, 34, { width: width / 2, align: 'right', lineBreak: false });
  doc.font('regular').fontSize(8.5);
  doc.text(p.letterhead.shortName, MARGIN.left, 47, { width: width / 2, lineBreak: false });
  doc.text(p.meetingDate, MARGIN.left + width / 2, 47, { width: width / 2, align: 'right', lineBreak: false });
  doc.moveTo(MARGIN.left, 62).lineTo(MARGIN.left + width, 62).lineWidth(0.5).strokeColor('#999999').stroke();

  const boxTop = doc.page.height - 104;
  const boxWidth = (width - 16) / 2;
  doc.rect(MARGIN.left, boxTop, boxWidth, 38).rect(MARGIN.left + boxWidth + 16, boxTop, boxWidth, 38).lineWidth(0.6).strokeColor('#555555').stroke();
  doc.font('regular').fontSize(SIZE.small).fillColor('#333333');
  doc.text('Justerandes signatur/Beslutandes underskrift', MARGIN.left + 4, boxTop + 3, { lineBreak: false });
  doc.text('Utdragsbestyrkande', MARGIN.left + boxWidth + 20, boxTop + 3, { lineBreak: false });
  doc.fillColor('black');
  const lineY = boxTop + 46;
  doc.text(protocolTitle(p), MARGIN.left, lineY, { width: width - 80, lineBreak: false });
  doc.text(`Sida ${page} av ${pages}`, MARGIN.left, lineY, { width, align: 'right', lineBreak: false });
  if (digest) doc.text(`Signerat, SHA-256 ${digest}`, MARGIN.left, lineY + 11, { width, lineBreak: false });
  doc.endMarkedContent();
  doc.strokeColor('black');
  doc.page.margins.bottom = bottom;
}
