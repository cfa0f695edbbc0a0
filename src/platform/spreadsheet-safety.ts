/**
 * Formula injection (CSV injection, OWASP): a text cell that starts with = + - @, a tab or a
 * carriage return is run as a formula when the file is opened in a spreadsheet program. A name
 * or a note typed into Kansli must never do that in the exports, so such a text is written with
 * a leading apostrophe, which spreadsheets read as "this is text". Numbers stay numbers, and a
 * text that is only a number (a signed amount such as "-1 500") cannot be a formula and is kept.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d[\d\s\u00a0]*([.,]\d+)?$/;

/** The text as a spreadsheet should show it, never as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A cell of an export: text, a number, or empty. */
export type SheetCell = string | number | null | undefined;

/** One cell made safe: numbers as they are, empty as '', text guarded. */
export function safeCell(cell: SheetCell): string | number {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? cell : neutraliseFormula(cell);
}
