/**
 * What an outcome file says and how its rows map to the year's cost objects, before anything is
 * saved: the preview page shows it, and the confirmation saves exactly this or refuses it whole.
 * Pure: the service hands in the file's bytes, the remembered mappings and the cost objects.
 */
import type { UserMessage } from '../../domain/domain-error.js';
import { formatKronor } from '../../domain/money-format.js';
import { parseOutcomeCsv, type CsvLayout } from './outcome-csv.js';
import { defaultKind, LedgerError, sieLedger, type LedgerRow } from './sie/ledger.js';
import { parseSie, type SieError } from './sie/parse-sie.js';
import { IGNORE_CHOICE, type MappingChoice } from './import.schema.js';
import { findRange, inRange, parseRange, suggestMapping, type AccountRange, type MappingSuggestion, type RangeMapping, type SuggestionCostObject } from './account-ranges.js';

export interface ReadOutcome {
  format: 'sie4' | 'csv';
  encoding: string;
  csvLayout: CsvLayout | null;
  company: string;
  program: string;
  fiscalYear: { start: string; end: string } | null;
  /** Counted over the whole file. */
  vouchers: number;
  transactions: number;
  accounts: number;
  /** Where the outcome comes from: the vouchers up to `periodTo`, the #RES rows, or the CSV. */
  source: 'vouchers' | 'results' | 'csv';
  periodTo: string;
  vouchersInPeriod: number;
  balanceRowsSkipped: number;
  rows: LedgerRow[];
  errors: SieError[];
  unbalanced: { series: string; number: string; line: number; differenceOre: number }[];
  problems: UserMessage[];
}

/** A SIE file starts with a #label; anything else is read as CSV. */
export function looksLikeSie(bytes: Uint8Array): boolean {
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 200)).replace(/^\u00ef\u00bb\u00bf/, '').trimStart();
  return start.startsWith('#');
}

/** Reads an uploaded outcome file for a year, up to `periodTo` (default: as far as the file goes). */
export function readOutcomeFile(bytes: Uint8Array, options: { year: number; periodTo?: string | undefined }): ReadOutcome {
  if (looksLikeSie(bytes)) {
    const file = parseSie(bytes);
    const current = file.fiscalYears.find((y) => y.index === 0);
    const base = {
      format: 'sie4' as const, encoding: file.encoding, csvLayout: null, company: file.companyName, program: file.program,
      fiscalYear: current ? { start: current.start, end: current.end } : null, vouchers: file.vouchers.length,
      transactions: file.transactionCount, accounts: file.accounts.size, errors: file.errors, unbalanced: file.unbalancedVouchers,
    };
    try {
      const ledger = sieLedger(file, options);
      return { ...base, ...ledger, problems: [] };
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      return { ...base, source: 'vouchers', periodTo: options.periodTo ?? `${options.year}-12-31`, vouchersInPeriod: 0, balanceRowsSkipped: 0, rows: [], problems: [error.reason] };
    }
  }
  const csv = parseOutcomeCsv(bytes);
  const periodTo = options.periodTo ?? `${options.year}-12-31`;
  const problems: UserMessage[] = periodTo.startsWith(`${options.year}-`) ? [] : [{
    sv: `Datumet ${periodTo} ligger inte i ${options.year}.`, en: `The date ${periodTo} is not in ${options.year}.`,
  }];
  return {
    format: 'csv', encoding: csv.encoding, csvLayout: csv.layout, company: '', program: '', fiscalYear: null, vouchers: 0, transactions: 0,
    accounts: new Set(csv.rows.map((r) => r.account).filter(Boolean)).size, source: 'csv', periodTo, vouchersInPeriod: 0, balanceRowsSkipped: 0,
    rows: csv.rows, errors: csv.errors, unbalanced: [], problems,
  };
}

export interface CostObjectRef {
  id: string;
  code: string;
  name: string;
  kind?: SuggestionCostObject['kind'];
}

export interface RememberedMapping {
  account: string;
  costCentre: string;
  costObjectCode: string;
  kind: 'income' | 'cost' | 'ignore';
}

export type RowStatus = 'mapped' | 'ignored' | 'unmapped' | 'unknown-code';

export interface PreviewRow extends LedgerRow {
  index: number;
  kind: 'income' | 'cost';
  status: RowStatus;
  /** The cost object's code the row maps to (also when that code is not a cost object of the year). */
  code: string;
  costObject: CostObjectRef | null;
  /** Where the mapping came from: the file, an account's own mapping, a range's, or the form. */
  via: 'file' | 'remembered' | 'range' | 'chosen' | 'chosen-range' | null;
  /** The range whose mapping the row took (via `range` or `chosen-range`). */
  range?: AccountRange;
  /** For a row without a mapping: the cost object offered, and why. */
  suggestion?: MappingSuggestion;
}

export interface MappedOutcome {
  rows: PreviewRow[];
  totals: { fileOre: number; mappedOre: number; ignoredOre: number; unmappedOre: number; incomeOre: number; costOre: number };
  /** Why the import cannot be saved as it stands; empty when it can. */
  blocking: UserMessage[];
}

/** Öre as Swedish kronor with öre: 178123560 → "1 781 235,60", -5595800 → "-55 958,00". */
export function formatOre(ore: number): string {
  const abs = Math.abs(ore);
  return `${ore < 0 ? '-' : ''}${formatKronor(Math.floor(abs / 100))},${String(abs % 100).padStart(2, '0')}`;
}

const key = (account: string, costCentre: string) => `${account}\u0000${costCentre}`;
const MAX_LINES = 8;

function lineList(lines: readonly number[]): string {
  const shown = lines.slice(0, MAX_LINES).join(', ');
  return lines.length > MAX_LINES ? `${shown} … (${lines.length})` : shown;
}

interface Resolvers {
  remembered: Map<string, RememberedMapping>;
  chosen: Map<string, string>;
  chosenRanges: readonly RangeMapping[];
  ranges: readonly RangeMapping[];
}

function fromRange(range: RangeMapping, kind: 'income' | 'cost', via: 'range' | 'chosen-range'): Pick<PreviewRow, 'kind' | 'status' | 'code' | 'via' | 'range'> {
  const where = { from: range.from, to: range.to };
  return range.ignore ? { kind, status: 'ignored', code: '', via, range: where } : { kind, status: 'mapped', code: range.costObjectCode, via, range: where };
}

/** The form's choice for the row, its own remembered mapping, a range chosen now, a remembered range: the first that holds. */
function resolve(row: LedgerRow, options: Resolvers): Pick<PreviewRow, 'kind' | 'status' | 'code' | 'via' | 'range'> {
  if (row.costObjectCode !== undefined) return { kind: row.kind ?? 'cost', status: 'mapped', code: row.costObjectCode, via: 'file' };
  const kind = defaultKind(row.account, row.amountOre);
  const choice = options.chosen.get(key(row.account, row.costCentre));
  const chosenRange = findRange(options.chosenRanges, row.account, row.costCentre);
  // A row's own choice that says the same as a range chosen now is that range's, not a mapping of its own.
  if (chosenRange && choice === (chosenRange.ignore ? IGNORE_CHOICE : chosenRange.costObjectCode)) return fromRange(chosenRange, kind, 'chosen-range');
  if (choice === IGNORE_CHOICE) return { kind, status: 'ignored', code: '', via: 'chosen' };
  if (choice !== undefined) return { kind, status: 'mapped', code: choice, via: 'chosen' };
  const remembered = options.remembered.get(key(row.account, row.costCentre)) ?? options.remembered.get(key(row.account, ''));
  if (remembered?.kind === 'ignore') return { kind, status: 'ignored', code: '', via: 'remembered' };
  if (remembered) return { kind: remembered.kind, status: 'mapped', code: remembered.costObjectCode, via: 'remembered' };
  if (chosenRange) return fromRange(chosenRange, kind, 'chosen-range');
  const range = findRange(options.ranges, row.account, row.costCentre);
  if (range) return fromRange(range, kind, 'range');
  return { kind, status: 'unmapped', code: '', via: null };
}

/** The ranges chosen in the form, and the messages for those that do not hold their own account. */
function chosenRangesOf(choices: readonly MappingChoice[]): { ranges: RangeMapping[]; problems: UserMessage[] } {
  const ranges: RangeMapping[] = [];
  const problems: UserMessage[] = [];
  for (const c of choices) {
    if (c.range === undefined) continue;
    const range = parseRange(c.range);
    if (!range || !inRange(c.account, range)) {
      problems.push({ sv: `Intervallet ${c.range} innehåller inte konto ${c.account}. Välj ett av intervallen i listan.`, en: `The range ${c.range} does not hold account ${c.account}. Choose one of the ranges in the list.` });
      continue;
    }
    ranges.push({ ...range, costCentre: '', costObjectCode: c.choice === IGNORE_CHOICE ? '' : c.choice, ignore: c.choice === IGNORE_CHOICE });
  }
  return { ranges, problems };
}

/** Offers a cost object to each row without a mapping, from its mapped neighbours or its BAS class. */
function addSuggestions(rows: PreviewRow[], options: { remembered: readonly RememberedMapping[]; costObjects: readonly CostObjectRef[] }): void {
  const known = [
    ...options.remembered.filter((m) => m.kind !== 'ignore').map((m) => ({ account: m.account, code: m.costObjectCode })),
    ...rows.filter((r) => r.status === 'mapped' && r.account).map((r) => ({ account: r.account, code: r.code })),
  ];
  const costObjects = options.costObjects.flatMap((o) => (o.kind ? [{ code: o.code, name: o.name, kind: o.kind }] : []));
  for (const row of rows) {
    if (row.status !== 'unmapped' || !row.account) continue;
    const suggestion = suggestMapping(row.account, { known, costObjects });
    if (suggestion) row.suggestion = suggestion;
  }
}

function describeRow(row: PreviewRow): { sv: string; en: string } {
  if (!row.account) return { sv: `Kostnadsobjektet ${row.code}`, en: `The cost object ${row.code}` };
  const centre = row.costCentre ? { sv: ` (kostnadsställe ${row.costCentre})`, en: ` (cost centre ${row.costCentre})` } : { sv: '', en: '' };
  return { sv: `Konto ${row.account}${centre.sv}`, en: `Account ${row.account}${centre.en}` };
}

/** Maps every row (the form's choices first, then remembered mappings) and says what blocks saving. */
export function mapOutcome(read: ReadOutcome, options: { year: number; costObjects: readonly CostObjectRef[]; remembered: readonly RememberedMapping[]; ranges?: readonly RangeMapping[]; choices: readonly MappingChoice[] }): MappedOutcome {
  const byCode = new Map(options.costObjects.map((o) => [o.code, o]));
  const remembered = new Map(options.remembered.map((m) => [key(m.account, m.costCentre), m]));
  const chosen = new Map(options.choices.map((c) => [key(c.account, c.costCentre), c.choice]));
  const chosenRanges = chosenRangesOf(options.choices);
  const rows: PreviewRow[] = read.rows.map((row, index) => {
    const resolved = resolve(row, { remembered, chosen, chosenRanges: chosenRanges.ranges, ranges: options.ranges ?? [] });
    const costObject = resolved.status === 'mapped' ? byCode.get(resolved.code) ?? null : null;
    return { ...row, index, ...resolved, status: resolved.status === 'mapped' && !costObject ? 'unknown-code' : resolved.status, costObject };
  });
  addSuggestions(rows, { remembered: options.remembered, costObjects: options.costObjects });
  const sum = (filter: (r: PreviewRow) => boolean) => rows.filter(filter).reduce((acc, r) => acc + r.amountOre, 0);
  const totals = {
    fileOre: sum(() => true), mappedOre: sum((r) => r.status === 'mapped'), ignoredOre: sum((r) => r.status === 'ignored'),
    unmappedOre: sum((r) => r.status === 'unmapped' || r.status === 'unknown-code'),
    incomeOre: -sum((r) => r.status === 'mapped' && r.kind === 'income'), costOre: sum((r) => r.status === 'mapped' && r.kind === 'cost'),
  };
  const blocking: UserMessage[] = [...read.problems, ...chosenRanges.problems];
  for (const e of read.errors.slice(0, 20)) blocking.push({ sv: `Rad ${e.line}: ${e.reason.sv}.`, en: `Line ${e.line}: ${e.reason.en}.` });
  if (read.errors.length > 20) blocking.push({ sv: `… och ${read.errors.length - 20} rader till som inte kunde läsas.`, en: `… and ${read.errors.length - 20} more lines that could not be read.` });
  for (const v of read.unbalanced) {
    const name = `${v.series} ${v.number}`.trim();
    blocking.push({
      sv: `Verifikat ${name} (rad ${v.line}) balanserar inte: differens ${formatOre(v.differenceOre)} kr.`,
      en: `Voucher ${name} (line ${v.line}) does not balance: difference ${formatOre(v.differenceOre)} kr.`,
    });
  }
  for (const row of rows) {
    const what = describeRow(row);
    if (row.status === 'unmapped') {
      blocking.push({ sv: `${what.sv} saknar koppling till ett kostnadsobjekt (rad ${lineList(row.lines)}).`, en: `${what.en} is not mapped to a cost object (line ${lineList(row.lines)}).` });
    } else if (row.status === 'unknown-code' && !row.account) {
      blocking.push({
        sv: `Kostnadsobjektet ${row.code} finns inte ${options.year} (rad ${lineList(row.lines)}).`,
        en: `The cost object ${row.code} does not exist in ${options.year} (line ${lineList(row.lines)}).`,
      });
    } else if (row.status === 'unknown-code') {
      blocking.push({
        sv: `${what.sv} hör till kostnadsobjektet ${row.code}, som inte finns ${options.year} (rad ${lineList(row.lines)}).`,
        en: `${what.en} belongs to the cost object ${row.code}, which does not exist in ${options.year} (line ${lineList(row.lines)}).`,
      });
    }
  }
  if (read.rows.length === 0 && read.errors.length === 0 && read.problems.length === 0) {
    blocking.push({ sv: `Filen innehåller inget utfall för ${options.year} till och med ${read.periodTo}.`, en: `The file holds no outcome for ${options.year} up to ${read.periodTo}.` });
  }
  return { rows, totals, blocking };
}
