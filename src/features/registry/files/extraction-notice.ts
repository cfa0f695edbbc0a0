import type { UserMessage } from '../../../platform/errors.js';
import { MAX_PDF_PAGES, MAX_UNCOMPRESSED_BYTES, type ExtractionResult } from './text-extraction.js';

const MB = Math.round(MAX_UNCOMPRESSED_BYTES / (1024 * 1024));

/** What the registrar is told after an upload whose text could be read only in part, or not at all. */
export function extractionNotice(result: ExtractionResult): UserMessage | undefined {
  switch (result.cut) {
    case 'pages':
      return { sv: `Filen sparades. Den har fler än ${MAX_PDF_PAGES} sidor; bara de första ${MAX_PDF_PAGES} är sökbara.`, en: `The file was saved. It has more than ${MAX_PDF_PAGES} pages; only the first ${MAX_PDF_PAGES} are searchable.` };
    case 'chars':
      return { sv: 'Filen sparades. Texten är mycket lång och är bara sökbar i början.', en: 'The file was saved. Its text is very long and only its beginning is searchable.' };
    case 'size':
      return { sv: `Filen sparades, men dess text lästes inte: den packas upp till mer än ${MB} MB (möjlig zip-bomb). Filen är inte sökbar.`, en: `The file was saved, but its text was not read: it unpacks to more than ${MB} MB (a possible zip bomb). The file is not searchable.` };
    case 'time':
      return { sv: 'Filen sparades. Att läsa dess text tog för lång tid; bara det som hann läsas är sökbart.', en: 'The file was saved. Reading its text took too long; only what was read in time is searchable.' };
    case 'memory':
      return { sv: 'Filen sparades. Att läsa dess text krävde för mycket minne; bara det som hann läsas är sökbart.', en: 'The file was saved. Reading its text needed too much memory; only what was read is searchable.' };
    case undefined:
      return result.ok ? undefined : { sv: 'Filen sparades, men dess text kunde inte läsas och den är inte sökbar.', en: 'The file was saved, but its text could not be read and it is not searchable.' };
  }
}
