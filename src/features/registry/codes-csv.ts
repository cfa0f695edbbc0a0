import { DomainError } from '../../platform/errors.js';
import { splitCsvLine } from '../../platform/csv.js';

/**
 * Read a classification scheme from CSV with the columns code, title, retention (Swedish headers
 * kod, rubrik, gallring/bevarande also work); comma or semicolon separated, as Excel saves it.
 */
export function parseCodesCsv(text: string): { code: string; title: string; retention: string }[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0];
  if (!header) throw invalid('Filen är tom.', 'The file is empty.');
  const separator = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  const names = splitCsvLine(header, separator).map((h) => h.toLowerCase());
  const col = (...candidates: string[]) => names.findIndex((n) => candidates.includes(n));
  const code = col('code', 'kod', 'klassificeringskod');
  const title = col('title', 'rubrik', 'benämning', 'namn');
  const retention = col('retention', 'gallring', 'bevarande', 'bevaras/gallras', 'gallringsregel');
  if (code < 0 || title < 0 || retention < 0) {
    throw invalid('Första raden ska ha kolumnerna kod, rubrik och gallring (code, title, retention).', 'The first line must have the columns code, title and retention.');
  }
  return lines.slice(1).map((line, i) => {
    const cells = splitCsvLine(line, separator);
    const row = { code: cells[code] ?? '', title: cells[title] ?? '', retention: cells[retention] ?? '' };
    if (!row.code || !row.title || !row.retention) throw invalid(`Rad ${i + 2} saknar kod, rubrik eller gallring.`, `Line ${i + 2} lacks code, title or retention.`);
    return row;
  });
}

function invalid(sv: string, en: string): DomainError {
  return new DomainError('INVALID_INPUT', { userMessage: { sv, en } });
}
