import { unzipSync } from 'fflate';
import { getDocumentProxy } from 'unpdf';
import type { FileKind } from './file-types.js';
import { textFromDocxXml, textFromOdtXml, textFromXlsxStrings } from './office-text.js';

/**
 * Why the text of a file is incomplete: more pages or characters than are read (`pages`, `chars`),
 * parts that unpack to more than the limit (`size`, a zip bomb), or the worker's time or memory
 * limit (`time`, `memory`; see extract-isolated.ts).
 */
export type CutReason = 'pages' | 'chars' | 'size' | 'time' | 'memory';

/**
 * The text found for search; `ok` is false when the file could not be read, and `text` is then ''
 * (or what was read before a limit stopped the work). `cut` says why the text is incomplete.
 */
export interface ExtractionResult {
  readonly text: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly cut?: CutReason;
}

/** Longest text kept for search from one file. */
export const MAX_EXTRACTED_CHARS = 1_000_000;

/** Pages of a PDF read for search; a longer one is cut short (a 3,000-page PDF would hold the worker for minutes). */
export const MAX_PDF_PAGES = 500;

/** The parts of an Office file read for text may unpack to at most this much together (zip bombs). */
export const MAX_UNCOMPRESSED_BYTES = 32 * 1024 * 1024;

class LimitError extends Error {
  constructor(
    readonly reason: CutReason,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Plain text of a file for the search index. Never throws: a damaged file gives
 * `{ text: '', ok: false, error }` so the upload can be kept and the problem shown or logged.
 * `onPage` hears each page of a PDF as it is read, so a caller that stops the work keeps those.
 */
export async function extractText(options: { kind: FileKind; bytes: Uint8Array; onPage?: (text: string) => void }): Promise<ExtractionResult> {
  try {
    const { text, cut } = await extractByKind(options.kind, options.bytes, options.onPage);
    const capped = capText(text);
    const reason = capped.length < text.length ? 'chars' : cut;
    return reason ? { text: capped, ok: true, cut: reason } : { text: capped, ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return error instanceof LimitError ? { text: '', ok: false, error: message, cut: error.reason } : { text: '', ok: false, error: message };
  }
}

async function extractByKind(kind: FileKind, bytes: Uint8Array, onPage?: (text: string) => void): Promise<{ text: string; cut?: CutReason }> {
  switch (kind) {
    case 'pdf':
      return textFromPdf(bytes, onPage);
    default:
      return { text: extractFromOther(kind, bytes) };
  }
}

function extractFromOther(kind: Exclude<FileKind, 'pdf'>, bytes: Uint8Array): string {
  switch (kind) {
    case 'docx':
      return textFromDocxXml(readZipPart(bytes, 'word/document.xml'));
    case 'xlsx':
      return textFromXlsx(bytes);
    case 'odt':
      return textFromOdtXml(readZipPart(bytes, 'content.xml'));
    case 'text':
      // TextDecoder drops a leading byte order mark by default.
      return new TextDecoder('utf-8').decode(bytes);
    case 'png':
    case 'jpeg':
      return '';
  }
}

async function textFromPdf(bytes: Uint8Array, onPage?: (text: string) => void): Promise<{ text: string; cut?: CutReason }> {
  // pdf.js may detach the buffer it is given; verbosity 0 keeps its warnings off stdout.
  // A copy as a plain Uint8Array: pdf.js refuses Node Buffers and may detach what it is given.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const pages: string[] = [];
    let length = 0;
    const lastPage = Math.min(pdf.numPages, MAX_PDF_PAGES);
    for (let pageNumber = 1; pageNumber <= lastPage && length < MAX_EXTRACTED_CHARS; pageNumber += 1) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/[^\S\n]+/g, ' ');
      pages.push(text);
      onPage?.(text);
      length += text.length + 1;
    }
    return pdf.numPages > MAX_PDF_PAGES ? { text: pages.join('\n'), cut: 'pages' } : { text: pages.join('\n') };
  } finally {
    await pdf.destroy();
  }
}

/** Shared strings first, then inline strings of each sheet in sheet order. */
function textFromXlsx(bytes: Uint8Array): string {
  const parts = readZipParts(bytes, (name) => name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(name));
  const sheetNames = Object.keys(parts)
    .filter((name) => name.startsWith('xl/worksheets/'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const texts = ['xl/sharedStrings.xml', ...sheetNames]
    .map((name) => parts[name])
    .filter((xml): xml is string => xml !== undefined)
    .map(textFromXlsxStrings)
    .filter((text) => text !== '');
  if (texts.length === 0 && sheetNames.length === 0) throw new Error('xlsx has no worksheets');
  return texts.join('\n');
}

function readZipPart(bytes: Uint8Array, name: string): string {
  const part = readZipParts(bytes, (entry) => entry === name)[name];
  if (part === undefined) throw new Error(`zip has no ${name}`);
  return part;
}

/**
 * The wanted parts, refused when their declared sizes add up to more than the limit. A part whose
 * header understates its size cannot grow past it: fflate inflates into a buffer of the declared size.
 */
function readZipParts(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, string> {
  let total = 0;
  const files = unzipSync(bytes, {
    filter: (file) => {
      if (!wanted(file.name)) return false;
      total += file.originalSize;
      if (total > MAX_UNCOMPRESSED_BYTES) throw new LimitError('size', `${file.name} unpacks to more than ${MAX_UNCOMPRESSED_BYTES} bytes`);
      return true;
    },
  });
  const decoder = new TextDecoder('utf-8');
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, decoder.decode(data)]));
}

/** Cuts at the limit without splitting a surrogate pair. */
function capText(text: string): string {
  if (text.length <= MAX_EXTRACTED_CHARS) return text;
  const last = text.charCodeAt(MAX_EXTRACTED_CHARS - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? MAX_EXTRACTED_CHARS - 1 : MAX_EXTRACTED_CHARS;
  return text.slice(0, end);
}
