/**
 * The outcome rows of a year from a parsed SIE file: the result accounts (BAS classes 3–8)
 * summed per account and cost centre (dimension 1) over the vouchers dated from the start of
 * the year up to and including `periodTo`. A file without vouchers gives its `#RES` rows of the
 * current financial year instead (the year's result per account).
 */
import type { SieFile, SieMessage } from './parse-sie.js';

/** One outcome row before it is mapped to a cost object; `lines` are the file's line numbers. */
export interface LedgerRow {
  readonly account: string;
  readonly accountName: string;
  readonly costCentre: string;
  /** CSV by cost object: the code and the kind the file gives (no mapping needed). */
  readonly costObjectCode?: string;
  readonly kind?: 'income' | 'cost';
  /** Signed as in the ledger: income (credit) negative, cost (debit) positive. */
  readonly amountOre: number;
  readonly lines: readonly number[];
}

export interface SieLedger {
  readonly periodTo: string;
  readonly source: 'vouchers' | 'results';
  readonly rows: LedgerRow[];
  readonly vouchersInPeriod: number;
  /** Transactions on balance accounts (classes 1–2) in the period: not outcome. */
  readonly balanceRowsSkipped: number;
}

/** The cost-centre dimension of SIE (1 = kostnadsställe/resultatenhet). */
export const COST_CENTRE_DIMENSION = '1';

/** BAS: 3 income, 4–7 costs, 8 financial items and appropriations; 1–2 are balance accounts. */
export function isResultAccount(account: string): boolean {
  return /^[3-8]\d{3}/.test(account);
}

/** The kind an account has by default: class 3 is income, 4–7 cost; class 8 by its sign. */
export function defaultKind(account: string, amountOre: number): 'income' | 'cost' {
  if (account.startsWith('3')) return 'income';
  if (/^[4-7]/.test(account)) return 'cost';
  return amountOre < 0 ? 'income' : 'cost';
}

export class LedgerError extends Error {
  constructor(readonly reason: SieMessage) {
    super(reason.en);
  }
}

/** The dates of the year covered by the file's current financial year (#RAR 0), if any. */
function yearWindow(file: SieFile, year: number): { from: string; to: string } {
  let from = `${year}-01-01`;
  let to = `${year}-12-31`;
  const current = file.fiscalYears.find((y) => y.index === 0);
  if (current) {
    if (current.end < from || current.start > to) {
      throw new LedgerError({
        sv: `Filens räkenskapsår ${current.start}–${current.end} ligger inte i ${year}. Välj rätt år.`,
        en: `The file's financial year ${current.start}–${current.end} is not in ${year}. Choose the right year.`,
      });
    }
    if (current.start > from) from = current.start;
    if (current.end < to) to = current.end;
  }
  return { from, to };
}

interface RowBuilder {
  account: string;
  accountName: string;
  costCentre: string;
  amountOre: number;
  lines: number[];
}

function addTo(rows: Map<string, RowBuilder>, account: string, costCentre: string, amountOre: number, line: number, name: string): void {
  const key = `${account}\u0000${costCentre}`;
  const row = rows.get(key) ?? { account, accountName: name, costCentre, amountOre: 0, lines: [] };
  row.amountOre += amountOre;
  row.lines.push(line);
  rows.set(key, row);
}

/** The year's outcome rows up to `periodTo` (default: the last voucher date in the year). */
export function sieLedger(file: SieFile, options: { year: number; periodTo?: string | undefined }): SieLedger {
  const window = yearWindow(file, options.year);
  if (options.periodTo !== undefined && (options.periodTo < window.from || options.periodTo > window.to)) {
    throw new LedgerError({
      sv: `Datumet ${options.periodTo} ligger utanför perioden ${window.from}–${window.to}.`,
      en: `The date ${options.periodTo} is outside the period ${window.from}–${window.to}.`,
    });
  }
  const rows = new Map<string, RowBuilder>();
  const name = (account: string) => file.accounts.get(account) ?? '';
  if (file.vouchers.length === 0) {
    for (const res of file.balances) {
      if (res.kind === 'RES' && res.yearIndex === 0 && isResultAccount(res.account)) addTo(rows, res.account, '', res.amountOre, res.line, name(res.account));
    }
    return { periodTo: options.periodTo ?? window.to, source: 'results', rows: [...rows.values()], vouchersInPeriod: 0, balanceRowsSkipped: 0 };
  }
  const inYear = file.vouchers.filter((v) => v.date >= window.from && v.date <= window.to);
  const periodTo = options.periodTo ?? inYear.reduce((last, v) => (v.date > last ? v.date : last), window.from);
  const inPeriod = inYear.filter((v) => v.date <= periodTo);
  let balanceRowsSkipped = 0;
  for (const voucher of inPeriod) {
    for (const t of voucher.transactions) {
      if (!isResultAccount(t.account)) {
        balanceRowsSkipped += 1;
        continue;
      }
      const costCentre = t.objects.find((o) => o.dimension === COST_CENTRE_DIMENSION)?.code ?? '';
      addTo(rows, t.account, costCentre, t.amountOre, t.line, name(t.account));
    }
  }
  return { periodTo, source: 'vouchers', rows: [...rows.values()], vouchersInPeriod: inPeriod.length, balanceRowsSkipped };
}
