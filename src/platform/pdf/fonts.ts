import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** TrueType fonts with å, ä, ö, embedded in every PDF (PDF/A needs embedded fonts). */
export const FONTS = {
  regular: path.join(dir, 'DejaVuSans.ttf'),
  bold: path.join(dir, 'DejaVuSans-Bold.ttf'),
  italic: path.join(dir, 'DejaVuSans-Oblique.ttf'),
};

let bytes: Promise<Record<keyof typeof FONTS, Buffer>> | undefined;

/**
 * The three font files, read once per process. pdfkit parses a font anew for every document, and
 * it must: fontkit keeps each glyph as first asked for, so a font object shared between documents
 * gives a later one wrong text (a letter first met as part of "Å" in one document has no Unicode
 * value in the next; test: platform/pdf/fonts.test.ts).
 */
export function fontFiles(): Promise<Record<keyof typeof FONTS, Buffer>> {
  bytes ??= Promise.all([readFile(FONTS.regular), readFile(FONTS.bold), readFile(FONTS.italic)]).then(([regular, bold, italic]) => ({ regular, bold, italic }));
  return bytes;
}
