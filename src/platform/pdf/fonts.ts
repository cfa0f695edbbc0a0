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
