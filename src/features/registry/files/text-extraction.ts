import { unzipSync } from 'fflate';
import { getDocumentProxy } from 'unpdf';
import type { FileKind } from './file-types.js';
import { textFromDocxXml, textFromOdtXml, textFromXlsxStrings } from './office-text.js';

/** The text found for search; `ok` is false when the file could not be read, and `text` is then ''. */
export interface ExtractionResult {
  readonly text: string;
  readonly ok: boolean;
  readonly error?: string;
}

/** Longest text kept for search from one file. */
export const MAX_EXTRACTED_CHARS = 1_000_000;

/** A zip part larger than this is refused rather than inflated (zip bombs). */
const MAX_PART_BYTES = 200 * 1024 * 1024;

/**
 * Plain text of a file for the search index. Never throws: a damaged file gives
 * `{ text: '', ok: false, error }` so the upload can be kept and the problem shown or logged.
 */
export async function extractText(options: { kind: FileKind; bytes: Uint8Array }): Promise<ExtractionResult> {
  try {
    const text = await extractByKind(options.kind, options.bytes);
    return { text: capText(text), ok: true };
  } catch (error) {
    return { text: '', ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

async function extractByKind(kind: FileKind, bytes: Uint8Array): Promise<string> {
  switch (kind) {
    case 'pdf':
      return textFromPdf(bytes);
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

async function textFromPdf(bytes: Uint8Array): Promise<string> {
  // pdf.js may detach the buffer it is given; verbosity 0 keeps its warnings off stdout.
  // A copy as a plain Uint8Array: pdf.js refuses Node Buffers and may detach what it is given.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const pages: string[] = [];
    let length = 0;
    for (let pageNumber = 1; pageNumber <= pdf.numPages && length < MAX_EXTRACTED_CHARS; pageNumber += 1) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/[^\S\n]+/g, ' ');
      pages.push(text);
      length += text.length + 1;
    }
    return pages.join('\n');
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

function readZipParts(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, string> {
  const files = unzipSync(bytes, {
    filter: (file) => {
      if (!wanted(file.name)) return false;
      if (file.originalSize > MAX_PART_BYTES) throw new Error(`${file.name} is too large to read`);
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
