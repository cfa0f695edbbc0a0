/**
 * The one PDF/A document factory: every PDF Kansli makes (protocols, notices, reports, plans,
 * text documents) is A4, PDF/A-2a, tagged, Swedish, with DejaVu fonts embedded and its pages
 * buffered, so that footers can be drawn on every page once the content is laid out.
 */
import { documentFonts, type FontName } from './fonts.js';
import { loadPdfKit } from './pdfkit.js';

export type PdfDoc = PDFKit.PDFDocument;
export type PdfStructure = PDFKit.PDFStructureElement;

export interface PdfaSetup {
  /** The document's title (shown by readers instead of the file name). */
  title: string;
  author: string;
  subject?: string;
  margins: number | { top: number; bottom: number; left: number; right: number };
  landscape?: boolean;
}

export interface PdfaDocument {
  doc: PdfDoc;
  /** The structure root ('Document'): the content's elements go in it. */
  main: PdfStructure;
  /**
   * Closes the structure, lets `onPages` draw on the laid-out pages (footers, frames, a seal's
   * placeholder) and returns the file.
   */
  finish(onPages?: (doc: PdfDoc) => void): Promise<Buffer>;
}


/** A new PDF/A-2a document with the fonts 'regular', 'bold' and 'italic' registered. */
export async function createPdfaDocument(setup: PdfaSetup): Promise<PdfaDocument> {
  const [PDFDocument] = await Promise.all([loadPdfKit(), loadPlaceholder()]);
  const doc = new PDFDocument({
    size: 'A4',
    layout: setup.landscape ? 'landscape' : 'portrait',
    margins: typeof setup.margins === 'number' ? { top: setup.margins, bottom: setup.margins, left: setup.margins, right: setup.margins } : setup.margins,
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    bufferPages: true,
    info: { Title: setup.title, Author: setup.author, Creator: 'Kansli', ...(setup.subject ? { Subject: setup.subject } : {}) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit takes a parsed font as well as a file (its types know only files).
  const f = (await documentFonts()) as unknown as Record<FontName, Buffer>;
  doc.registerFont('regular', f.regular);
  doc.registerFont('bold', f.bold);
  doc.registerFont('italic', f.italic);
  const main = doc.struct('Document');
  doc.addStructure(main);
  return {
    doc,
    main,
    finish(onPages) {
      main.end();
      onPages?.(doc);
      doc.end();
      return done;
    },
  };
}

export interface SealReserve {
  /** The sealing organisation. */
  name: string;
  reason: string;
  location: string;
  /** Bytes reserved for the signature (CMS, with a time-stamp token when there is one). */
  signatureLength: number;
  signingTime?: Date;
}

// Loaded with pdfkit by createPdfaDocument, so that a document's onPages can reserve a seal synchronously.
let placeholder: typeof import('@signpdf/placeholder-pdfkit') | undefined;
async function loadPlaceholder(): Promise<void> {
  placeholder ??= await import('@signpdf/placeholder-pdfkit');
}

/** Reserves room for an electronic seal (PAdES, ETSI.CAdES.detached); the file is sealed afterwards. */
export function addSealPlaceholder(doc: PdfDoc, seal: SealReserve): void {
  if (!placeholder) throw new Error('addSealPlaceholder: only for a document made by createPdfaDocument');
  const { name, reason, location, signatureLength, signingTime } = seal;
  placeholder.pdfkitAddPlaceholder({
    pdf: doc,
    pdfBuffer: Buffer.alloc(0),
    reason,
    contactInfo: name,
    name,
    location,
    signatureLength,
    subFilter: 'ETSI.CAdES.detached',
    ...(signingTime ? { signingTime } : {}),
    appName: 'Kansli',
  });
}

/**
 * Makes one small document so that the first real PDF of the process does not pay for loading
 * pdfkit, parsing the fonts and compiling the layout code (about a third of a second on a small
 * machine, inside a justering signature otherwise). Called once the server listens.
 */
export async function warmUpPdf(): Promise<void> {
  const { doc, main, finish } = await createPdfaDocument({ title: 'Kansli', author: 'Kansli', margins: 56 });
  for (const font of ['bold', 'regular', 'italic']) main.add(doc.struct('P', {}, () => void doc.font(font).fontSize(11).text('Kansli åäö ÅÄÖ §')));
  await finish();
}
