import { readFileSync } from 'node:fs';
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

/**
 * A font as fontkit parsed it. pdfkit takes one in place of a file (`typeof src.layout ===
 * 'function'`) and makes its own subset per document, so one parsed font serves every PDF.
 */
export type ParsedFont = PDFKit.Mixins.PDFFontSource;

let parsed: Promise<Record<keyof typeof FONTS, ParsedFont>> | undefined;

/**
 * The three fonts, parsed once per process: given a path or a Buffer, pdfkit parses the TrueType
 * tables again for every document, which was a third of the time of rendering a protocol
 * (docs/PERFORMANCE.md, "The sealing signature"). fontkit is loaded on the first PDF, like
 * pdfkit (platform/pdf/pdfkit.ts): a quarter of a second of a cold start otherwise.
 */
export function parsedFonts(): Promise<Record<keyof typeof FONTS, ParsedFont>> {
  parsed ??= import('fontkit').then(({ create }) => ({
    regular: create(readFileSync(FONTS.regular)) as ParsedFont,
    bold: create(readFileSync(FONTS.bold)) as ParsedFont,
    italic: create(readFileSync(FONTS.italic)) as ParsedFont,
  }));
  return parsed;
}
