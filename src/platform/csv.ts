/**
 * CSV as Excel and LibreOffice save it: the one reader used by every import (classification
 * scheme, document management plan, outcome). Parsing is csv-parse's (RFC 4180: a quoted cell may
 * hold the separator, "" and line breaks); this module picks the separator from the header line,
 * trims cells, skips blank lines and numbers every row by the line it starts on, so that an
 * import can say "rad 7" about a row whose cell spans two lines.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { UserMessage } from './errors.js';

/** Separators in order of preference when a header line holds as many of each. */
const SEPARATORS = [';', '\t', ','] as const;
export type CsvSeparator = (typeof SEPARATORS)[number];

export interface CsvRow {
  /** The line (1-based) the row starts on. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  separator: CsvSeparator;
  /** The first row that is not blank, and its line. */
  header: CsvRow;
  /** The rows after the header, blank rows left out. */
  rows: CsvRow[];
}

export type CsvRead = { ok: true; table: CsvTable } | { ok: false; line: number; reason: UserMessage };

/** The separator of a file: the one its first non-blank line holds most of (';' on a tie). */
export function detectSeparator(text: string): CsvSeparator {
  const first = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const count = (s: string) => first.split(s).length - 1;
  return SEPARATORS.reduce((best, s) => (count(s) > count(best) ? s : best), SEPARATORS[0]);
}

interface Parsed {
  record: string[];
  info: { lines: number; empty_lines: number };
}

/**
 * Reads CSV text (a byte-order mark is skipped). An empty file gives a header with no cells (line
 * 0); a quote left open is reported with its line, in Swedish and English.
 */
export function readCsv(text: string): CsvRead {
  const separator = detectSeparator(text);
  let parsed: Parsed[];
  try {
    parsed = parse(text, { delimiter: separator, bom: true, trim: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as Parsed[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as unknown as { lines: number }).lines : 0;
    return {
      ok: false,
      line,
      reason:
        error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? { sv: 'ett citattecken (") stängs aldrig; kontrollera cellen som börjar med citattecken', en: 'a quote (") is never closed; check the cell that begins with a quote' }
          : { sv: `filen kan inte läsas som CSV (${error.code})`, en: `the file cannot be read as CSV (${error.code})` },
    };
  }
  const rows: CsvRow[] = [];
  let previousEnd = 0;
  let previousEmpty = 0;
  for (const { record, info } of parsed) {
    // csv-parse reports the line a record ends on; it starts after the previous one and the blank lines between.
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    if (record.some((cell) => cell !== '')) rows.push({ line, cells: record });
  }
  const [header = { line: 0, cells: [] }, ...rest] = rows;
  return { ok: true, table: { separator, header, rows: rest } };
}
