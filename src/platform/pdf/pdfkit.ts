/**
 * pdfkit, loaded on the first PDF rather than at start: it is one of the largest modules (about
 * a second of a cold start on a small machine) and most processes make no PDF for a while.
 */
import type PDFKitDocument from 'pdfkit';

let loading: Promise<typeof PDFKitDocument> | undefined;

export function loadPdfKit(): Promise<typeof PDFKitDocument> {
  loading ??= import('pdfkit').then((module) => module.default);
  return loading;
}
