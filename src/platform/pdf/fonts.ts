import { readFile } from 'node:fs/promises';
import type { Font } from 'fontkit';
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

export type FontName = keyof typeof FONTS;

let parsed: Promise<Record<FontName, Font>> | undefined;

/**
 * The three fonts for one document. Each font file is read and parsed once per process (parsing
 * its tables was a sixth of every PDF's time); each document gets its own view of the parsed font
 * with its own glyph cache. It must: fontkit keeps each glyph as first asked for, so a glyph cache
 * shared between documents gives a later one wrong text (a letter first met as part of "Å" in one
 * document has no Unicode value in the next; test: platform/pdf/fonts.test.ts). The view's other
 * lazily built parts (the layout engine with its glyph cache) are its own as well: fontkit stores
 * them on the object it is asked through.
 */
export async function documentFonts(): Promise<Record<FontName, Font>> {
  // fontkit (pdfkit's own copy) is loaded with the first PDF, as pdfkit is.
  parsed ??= Promise.all([import('fontkit'), readFile(FONTS.regular), readFile(FONTS.bold), readFile(FONTS.italic)]).then(([{ create }, regular, bold, italic]) => ({
    regular: create(regular),
    bold: create(bold),
    italic: create(italic),
  }));
  const fonts = await parsed;
  const view = (font: Font): Font => Object.create(font, { _glyphs: { value: {}, writable: true } }) as Font;
  return { regular: view(fonts.regular), bold: view(fonts.bold), italic: view(fonts.italic) };
}
