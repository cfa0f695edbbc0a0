import { stringify } from 'csv-stringify/sync';
import { safeCell, type SheetCell } from './spreadsheet-safety.js';

/**
 * The one CSV writer of every export: UTF-8 with a byte order mark, semicolons and CRLF, as
 * Swedish Excel reads a file opened by double-click; quoting by csv-stringify; every text cell
 * guarded against formula injection (spreadsheet-safety.ts).
 */
export function writeCsv(rows: readonly (readonly SheetCell[])[]): Buffer {
  const text = stringify(
    rows.map((row) => row.map(safeCell)),
    // A line break of either kind is quoted: csv-stringify quotes only the record delimiter (CRLF) itself.
    { delimiter: ';', record_delimiter: 'windows', bom: true, quoted_match: /[\r\n]/, cast: { number: (n) => String(n) } },
  );
  return Buffer.from(text, 'utf8');
}
