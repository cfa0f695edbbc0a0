import { DomainError } from '../../platform/errors.js';
import { readCsv } from '../../platform/csv.js';

/**
 * Read a classification scheme from CSV with the columns code, title, retention (Swedish headers
 * kod, rubrik, gallring/bevarande also work); comma or semicolon separated, as Excel saves it.
 */
export function parseCodesCsv(text: string): { code: string; title: string; retention: string }[] {
  const read = readCsv(text);
  if (!read.ok) throw invalid(`Rad ${read.line}: ${read.reason.sv}.`, `Line ${read.line}: ${read.reason.en}.`);
  const { header, rows } = read.table;
  if (header.cells.length === 0) throw invalid('Filen är tom.', 'The file is empty.');
  const names = header.cells.map((h) => h.toLowerCase());
  const col = (...candidates: string[]) => names.findIndex((n) => candidates.includes(n));
  const code = col('code', 'kod', 'klassificeringskod');
  const title = col('title', 'rubrik', 'benämning', 'namn');
  const retention = col('retention', 'gallring', 'bevarande', 'bevaras/gallras', 'gallringsregel');
  if (code < 0 || title < 0 || retention < 0) {
    throw invalid('Första raden ska ha kolumnerna kod, rubrik och gallring (code, title, retention).', 'The first line must have the columns code, title and retention.');
  }
  return rows.map(({ line, cells }) => {
    const row = { code: cells[code] ?? '', title: cells[title] ?? '', retention: cells[retention] ?? '' };
    if (!row.code || !row.title || !row.retention) throw invalid(`Rad ${line} saknar kod, rubrik eller gallring.`, `Line ${line} lacks code, title or retention.`);
    return row;
  });
}

function invalid(sv: string, en: string): DomainError {
  return new DomainError('INVALID_INPUT', { userMessage: { sv, en } });
}
