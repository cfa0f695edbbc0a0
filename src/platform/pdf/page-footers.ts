/**
 * The foot of every page of a buffered pdfkit document: the document's name on the left and
 * "Sida x av y" on the right, marked as pagination artifacts so that screen readers skip them.
 * Call after the content, before `doc.end()`; the document must be created with `bufferPages: true`.
 */
export function drawPageFooters(
  doc: PDFKit.PDFDocument,
  options: { text: string; margin: number; fromBottom: number; fontSize?: number; color?: string },
): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - options.fromBottom;
    const width = doc.page.width - 2 * options.margin;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font('regular').fontSize(options.fontSize ?? 8.5).fillColor(options.color ?? '#444444');
    doc.text(options.text, options.margin, y, { width, align: 'left', lineBreak: false });
    doc.text(`Sida ${i - range.start + 1} av ${range.count}`, options.margin, y, { width, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
