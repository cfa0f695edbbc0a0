/**
 * Outcome as CSV, for ledgers that cannot export SIE. Two layouts, told apart by the header:
 *   konto;kostnadsställe;belopp            (account;cost centre;amount) — amounts signed as in the
 *                                           ledger: income (credit) negative, cost (debit) positive;
 *                                           the cost-centre column may be left out
 *   kostnadsobjekt;intäkter;kostnader      (cost object;income;cost) — both as positive amounts
 * Separator `;` (Swedish Excel), `,` or tab; UTF-8 or Windows-1252; amounts like "1 781 235,60".
 */
import type { SieMessage, SieError } from './sie/parse-sie.js';
import { readCsv } from '../../platform/csv.js';
import type { LedgerRow } from './sie/ledger.js';

export type CsvLayout = 'accounts' | 'cost-objects';

export interface OutcomeCsv {
  readonly encoding: 'utf-8' | 'windows-1252';
  readonly layout: CsvLayout | null;
  readonly rows: LedgerRow[];
  readonly errors: SieError[];
}

/** The header names accepted per column (lower case), Swedish and English. */
export const CSV_HEADERS = {
  account: ['konto', 'account'],
  costCentre: ['kostnadsställe', 'kostnadsstalle', 'ansvar', 'cost centre', 'cost center'],
  amount: ['belopp', 'amount', 'utfall'],
  costObject: ['kostnadsobjekt', 'cost object', 'kod', 'code'],
  income: ['intäkter', 'intakter', 'intäkt', 'income'],
  cost: ['kostnader', 'kostnad', 'cost', 'costs'],
} as const;

const msg = (sv: string, en: string): SieMessage => ({ sv, en });

/** "1 781 235,60", "-55 958", "1781235.60", "−12" → öre; null when it is not an amount. */
export function parseCsvAmount(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/kr$/i, '').replace('\u2212', '-');
  const match = /^(-?)(\d+)(?:[,.](\d{1,2}))?$/.exec(cleaned);
  if (!match) return cleaned === '' ? 0 : null;
  const ore = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) return null;
  return match[1] === '-' && ore !== 0 ? -ore : ore;
}

function decode(bytes: Uint8Array): { encoding: OutcomeCsv['encoding']; text: string } {
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '') };
  } catch {
    return { encoding: 'windows-1252', text: new TextDecoder('windows-1252').decode(bytes) };
  }
}

const find = (header: string[], names: readonly string[]) => header.findIndex((h) => names.includes(h));

/** Reads an outcome CSV file into rows; what cannot be read is listed by line. */
export function parseOutcomeCsv(bytes: Uint8Array): OutcomeCsv {
  const { encoding, text } = decode(bytes);
  const read = readCsv(text);
  if (!read.ok) return { encoding, layout: null, rows: [], errors: [{ line: read.line, reason: read.reason }] };
  const { header: headerRow, rows: lines } = read.table;
  const header = headerRow.cells.map((h) => h.toLowerCase());
  const columns = {
    account: find(header, CSV_HEADERS.account), costCentre: find(header, CSV_HEADERS.costCentre), amount: find(header, CSV_HEADERS.amount),
    costObject: find(header, CSV_HEADERS.costObject), income: find(header, CSV_HEADERS.income), cost: find(header, CSV_HEADERS.cost),
  };
  const layout: CsvLayout | null =
    columns.account >= 0 && columns.amount >= 0 ? 'accounts' : columns.costObject >= 0 && (columns.income >= 0 || columns.cost >= 0) ? 'cost-objects' : null;
  if (!layout) {
    return { encoding, layout, rows: [], errors: [{ line: headerRow.line, reason: msg('rubrikraden ska vara konto;kostnadsställe;belopp eller kostnadsobjekt;intäkter;kostnader', 'the header must be account;cost centre;amount or cost object;income;cost') }] };
  }
  const rows: LedgerRow[] = [];
  const errors: SieError[] = [];
  lines.forEach(({ line, cells }) => {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
    const amount = (i: number, name: SieMessage) => {
      const value = parseCsvAmount(cell(i));
      if (value === null) errors.push({ line, reason: msg(`${name.sv} ”${cell(i)}” är inte ett belopp`, `the ${name.en} "${cell(i)}" is not an amount`) });
      return value ?? 0;
    };
    if (layout === 'accounts') {
      const account = cell(columns.account);
      if (!/^\d{4,}$/.test(account)) {
        errors.push({ line, reason: msg(`kontot ”${account}” är inte ett kontonummer`, `the account "${account}" is not an account number`) });
        return;
      }
      rows.push({ account, accountName: '', costCentre: cell(columns.costCentre), amountOre: amount(columns.amount, { sv: 'beloppet', en: 'amount' }), lines: [line] });
      return;
    }
    const code = cell(columns.costObject);
    if (code === '') {
      errors.push({ line, reason: msg('kostnadsobjektet saknas', 'the cost object is missing') });
      return;
    }
    const income = amount(columns.income, { sv: 'intäkten', en: 'income' });
    const cost = amount(columns.cost, { sv: 'kostnaden', en: 'cost' });
    // The file gives income as a positive amount; the ledger (and the outcome) keeps it negative.
    if (income !== 0) rows.push({ account: '', accountName: '', costCentre: '', costObjectCode: code, kind: 'income', amountOre: -income, lines: [line] });
    if (cost !== 0) rows.push({ account: '', accountName: '', costCentre: '', costObjectCode: code, kind: 'cost', amountOre: cost, lines: [line] });
  });
  return { encoding, layout, rows, errors };
}
