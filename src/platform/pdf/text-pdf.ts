import { addSealPlaceholder, createPdfaDocument } from './pdfa-document.js';

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
  const { doc, main, finish } = await createPdfaDocument({ title: options.title, author: options.author ?? 'Kansli', margins: 56 });
  main.add(doc.struct('H1', {}, () => void doc.font('bold').fontSize(16).text(options.title)));
  if (options.subtitle) main.add(doc.struct('P', {}, () => void doc.font('regular').fontSize(10).fillColor('#444444').text(options.subtitle ?? '').fillColor('black')));
  doc.moveDown();
  for (const paragraph of options.text.split(/\n{2,}/)) {
    const text = paragraph.trim();
    if (text) main.add(doc.struct('P', {}, () => void doc.font('regular').fontSize(11).text(text, { paragraphGap: 6 })));
  }
  return finish(() => {
    if (options.sealReserve) addSealPlaceholder(doc, options.sealReserve);
  });
}
