import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';
import { loadPdfKit } from './pdfkit.js';
import { FONTS } from './fonts.js';

/**
 * A simple PDF/A-2a document (tagged, Swedish, embedded DejaVu fonts) with a title and
 * paragraphs of text: for documents made from text, such as the demo's attachments.
 */
export async function renderTextPdf(options: {
  title: string;
  subtitle?: string;
  text: string;
  author?: string;
  /** Reserve room for an electronic seal (PAdES, ETSI.CAdES.detached); seal the result afterwards. */
  sealReserve?: { name: string; reason: string; location: string; signatureLength: number };
}): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    info: { Title: options.title, Author: options.author ?? 'Kansli', Creator: 'Kansli' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const main = doc.struct('Document');
  doc.addStructure(main);
  main.add(doc.struct('H1', {}, () => void doc.font('bold').fontSize(16).text(options.title)));
  if (options.subtitle) main.add(doc.struct('P', {}, () => void doc.font('regular').fontSize(10).fillColor('#444444').text(options.subtitle ?? '').fillColor('black')));
  doc.moveDown();
  for (const paragraph of options.text.split(/\n{2,}/)) {
    const text = paragraph.trim();
    if (text) main.add(doc.struct('P', {}, () => void doc.font('regular').fontSize(11).text(text, { paragraphGap: 6 })));
  }
  main.end();
  if (options.sealReserve) {
    const { name, reason, location, signatureLength } = options.sealReserve;
    pdfkitAddPlaceholder({ pdf: doc, pdfBuffer: Buffer.alloc(0), reason, contactInfo: name, name, location, signatureLength, subFilter: 'ETSI.CAdES.detached', appName: 'Kansli' });
  }
  doc.end();
  return done;
}
