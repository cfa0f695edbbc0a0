/**
 * Reads a SIE 4 file (SIE-gruppen, "SIE filformat ver 4B"): the financial years, the chart of
 * accounts, dimensions and objects, balances and results, and the vouchers with their
 * transactions. Amounts become öre as integers. Never throws: whatever cannot be read is listed
 * with its line number and the reason, and every voucher that does not balance is named.
 */
import { isIsoDate } from '../../../domain/calendar-date.js';
import { decodeSie, type SieEncoding } from './encoding.js';
import { SieFieldError, splitSieFields, type SieField } from './fields.js';

export interface SieMessage {
  readonly sv: string;
  readonly en: string;
}

export interface SieError {
  readonly line: number;
  readonly reason: SieMessage;
}

export interface SieObjectRef {
  readonly dimension: string;
  readonly code: string;
}

export interface SieTransaction {
  readonly account: string;
  readonly objects: readonly SieObjectRef[];
  readonly amountOre: number;
  /** The transaction's date, or the voucher's when it has none. */
  readonly date: string;
  readonly text: string;
  readonly line: number;
}

export interface SieVoucher {
  readonly series: string;
  readonly number: string;
  readonly date: string;
  readonly text: string;
  readonly line: number;
  readonly transactions: SieTransaction[];
}

/** `#IB`, `#UB` or `#RES`: a balance or a year's result per account; `yearIndex` 0 is the current year. */
export interface SieBalance {
  readonly kind: 'IB' | 'UB' | 'RES';
  readonly yearIndex: number;
  readonly account: string;
  readonly amountOre: number;
  readonly line: number;
}

export interface SieFile {
  readonly encoding: SieEncoding;
  readonly format: string;
  readonly sieType: string;
  readonly program: string;
  readonly companyName: string;
  /** `#RAR`: 0 is the current financial year, -1 the one before. */
  readonly fiscalYears: { index: number; start: string; end: string }[];
  /** `#KONTO`: account number → name, in file order. */
  readonly accounts: Map<string, string>;
  /** `#KTYP`: T (asset), S (liability), I (income), K (cost). */
  readonly accountTypes: Map<string, string>;
  /** `#DIM`: dimension number → name. */
  readonly dimensions: Map<string, string>;
  /** `#OBJEKT`: `dimension/code` → name. */
  readonly objects: Map<string, string>;
  readonly balances: SieBalance[];
  readonly vouchers: SieVoucher[];
  readonly transactionCount: number;
  readonly errors: SieError[];
  readonly unbalancedVouchers: { series: string; number: string; line: number; differenceOre: number }[];
}

const MAX_ERRORS = 200;
const msg = (sv: string, en: string): SieMessage => ({ sv, en });

class LineError extends Error {
  constructor(readonly reason: SieMessage) {
    super(reason.en);
  }
}

/** "1234.5", "-55958", "0.50" → öre. More than two decimals only when the rest are zeros. */
export function parseSieAmount(text: string): number {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  const whole = match?.[2] ?? '';
  const fraction = match?.[3] ?? '';
  if (!match || (whole === '' && fraction === '') || /[1-9]/.test(fraction.slice(2))) {
    throw new LineError(msg(`beloppet ”${text}” är inte ett tal med högst två decimaler`, `the amount "${text}" is not a number with at most two decimals`));
  }
  const ore = Number(whole || '0') * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) throw new LineError(msg(`beloppet ”${text}” är för stort`, `the amount "${text}" is too large`));
  return match[1] === '-' && ore !== 0 ? -ore : ore;
}

/** "20221031" → "2022-10-31". */
export function parseSieDate(text: string): string {
  const iso = /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : '';
  if (!isIsoDate(iso)) throw new LineError(msg(`datumet ”${text}” är inte ett datum skrivet ÅÅÅÅMMDD`, `the date "${text}" is not a date written YYYYMMDD`));
  return iso;
}

function text(fields: readonly SieField[], index: number, name: { sv: string; en: string }, required = true): string {
  const field = fields[index];
  if (field?.kind === 'text' && (field.value !== '' || !required)) return field.value;
  if (!field && !required) return '';
  throw new LineError(msg(`${name.sv} saknas`, `the ${name.en} is missing`));
}

const ACCOUNT = { sv: 'kontonumret', en: 'account number' };
const AMOUNT = { sv: 'beloppet', en: 'amount' };
const YEAR = { sv: 'årsnumret', en: 'year number' };

function yearIndex(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new LineError(msg(`årsnumret ”${value}” är inte ett heltal`, `the year number "${value}" is not a whole number`));
  return Number(value);
}

function objectList(field: SieField | undefined): SieObjectRef[] {
  if (field?.kind !== 'list') throw new LineError(msg('objektlistan { … } saknas', 'the object list { … } is missing'));
  if (field.items.length % 2 !== 0) throw new LineError(msg('objektlistan ska bestå av par av dimension och objekt', 'the object list must hold pairs of dimension and object'));
  const refs: SieObjectRef[] = [];
  for (let i = 0; i < field.items.length; i += 2) refs.push({ dimension: field.items[i] ?? '', code: field.items[i + 1] ?? '' });
  return refs;
}

/** Parses the bytes of a SIE 4 file (any of the character sets it comes in). */
export function parseSie(bytes: Uint8Array): SieFile {
  const { encoding, text: content } = decodeSie(bytes);
  const file = {
    encoding, format: '', sieType: '', program: '', companyName: '',
    fiscalYears: [] as SieFile['fiscalYears'], accounts: new Map<string, string>(), accountTypes: new Map<string, string>(),
    dimensions: new Map<string, string>(), objects: new Map<string, string>(), balances: [] as SieBalance[],
    vouchers: [] as SieVoucher[], transactionCount: 0, errors: [] as SieError[], unbalancedVouchers: [] as SieFile['unbalancedVouchers'],
  };
  const lines = content.split(/\r\n|\n|\r/);
  /** The voucher whose `{` is expected next, or whose block is open. */
  let pending: SieVoucher | undefined;
  let open: SieVoucher | undefined;
  const fail = (line: number, reason: SieMessage) => {
    if (file.errors.length < MAX_ERRORS) file.errors.push({ line, reason });
  };

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.trim();
    if (line === '') return;
    try {
      if (line === '{') {
        if (!pending) throw new LineError(msg('{ utan en #VER före', '{ without a #VER before it'));
        open = pending;
        pending = undefined;
        return;
      }
      if (line === '}') {
        if (!open) throw new LineError(msg('} utan ett öppet verifikat', '} without an open voucher'));
        file.vouchers.push(open);
        open = undefined;
        return;
      }
      if (pending) {
        fail(pending.line, msg('verifikatet saknar sitt { … }-block', 'the voucher has no { … } block'));
        pending = undefined;
      }
      if (!line.startsWith('#')) throw new LineError(msg('raden börjar inte med en #etikett', 'the line does not start with a #label'));
      const fields = splitSieFields(line);
      const label = (fields[0]?.kind === 'text' ? fields[0].value : '').toUpperCase();
      if (open && label !== '#TRANS' && label !== '#RTRANS' && label !== '#BTRANS') {
        if (label === '#VER') throw new LineError(msg('ett nytt #VER innan förra verifikatet stängts med }', 'a new #VER before the previous voucher was closed with }'));
        return; // other labels inside a voucher are read over, as the standard allows
      }
      readLabel(label, fields, lineNo);
    } catch (error) {
      if (error instanceof LineError || error instanceof SieFieldError) fail(lineNo, error.reason);
      else throw error;
    }
  });
  if (pending) fail(pending.line, msg('verifikatet saknar sitt { … }-block', 'the voucher has no { … } block'));
  if (open) fail(open.line, msg('verifikatet stängs aldrig med }', 'the voucher is never closed with }'));

  function readLabel(label: string, fields: SieField[], lineNo: number): void {
    switch (label) {
      case '#FORMAT': file.format = text(fields, 1, { sv: 'formatet', en: 'format' }); return;
      case '#SIETYP': file.sieType = text(fields, 1, { sv: 'typen', en: 'type' }); return;
      case '#PROGRAM': file.program = [text(fields, 1, { sv: 'programmet', en: 'program' }), text(fields, 2, { sv: '', en: '' }, false)].join(' ').trim(); return;
      case '#FNAMN': file.companyName = text(fields, 1, { sv: 'namnet', en: 'name' }, false); return;
      case '#RAR':
        file.fiscalYears.push({ index: yearIndex(text(fields, 1, YEAR)), start: parseSieDate(text(fields, 2, { sv: 'startdatumet', en: 'start date' })), end: parseSieDate(text(fields, 3, { sv: 'slutdatumet', en: 'end date' })) });
        return;
      case '#KONTO': file.accounts.set(text(fields, 1, ACCOUNT), text(fields, 2, { sv: 'namnet', en: 'name' }, false)); return;
      case '#KTYP': file.accountTypes.set(text(fields, 1, ACCOUNT), text(fields, 2, { sv: 'kontotypen', en: 'account type' })); return;
      case '#DIM': file.dimensions.set(text(fields, 1, { sv: 'dimensionen', en: 'dimension' }), text(fields, 2, { sv: 'namnet', en: 'name' }, false)); return;
      case '#OBJEKT':
        file.objects.set(`${text(fields, 1, { sv: 'dimensionen', en: 'dimension' })}/${text(fields, 2, { sv: 'objektkoden', en: 'object code' })}`, text(fields, 3, { sv: 'namnet', en: 'name' }, false));
        return;
      case '#IB': case '#UB': case '#RES':
        file.balances.push({ kind: label.slice(1) as SieBalance['kind'], yearIndex: yearIndex(text(fields, 1, YEAR)), account: text(fields, 2, ACCOUNT), amountOre: parseSieAmount(text(fields, 3, AMOUNT)), line: lineNo });
        return;
      case '#VER':
        pending = {
          series: text(fields, 1, { sv: 'serien', en: 'series' }, false),
          number: text(fields, 2, { sv: 'numret', en: 'number' }, false),
          date: parseSieDate(text(fields, 3, { sv: 'verifikationsdatumet', en: 'voucher date' })),
          text: text(fields, 4, { sv: 'texten', en: 'text' }, false),
          line: lineNo,
          transactions: [],
        };
        return;
      case '#TRANS': case '#RTRANS': case '#BTRANS':
        if (!open) throw new LineError(msg(`${label} utanför ett verifikat`, `${label} outside a voucher`));
        readTransaction(open, label, fields, lineNo);
        return;
      default:
        return; // labels this import does not use (#SRU, #GEN, #ADRESS, #PSALDO …) are read over
    }
  }

  function readTransaction(voucher: SieVoucher, label: string, fields: SieField[], lineNo: number): void {
    const account = text(fields, 1, ACCOUNT);
    const objects = objectList(fields[2]);
    const amountOre = parseSieAmount(text(fields, 3, AMOUNT));
    const dateText = text(fields, 4, { sv: 'datumet', en: 'date' }, false);
    // #RTRANS is followed by the same row as #TRANS, #BTRANS is a removed row: only #TRANS counts.
    if (label !== '#TRANS') return;
    file.transactionCount += 1;
    voucher.transactions.push({ account, objects, amountOre, date: dateText ? parseSieDate(dateText) : voucher.date, text: text(fields, 5, { sv: '', en: '' }, false), line: lineNo });
  }

  for (const voucher of file.vouchers) {
    const sum = voucher.transactions.reduce((acc, t) => acc + t.amountOre, 0);
    if (sum !== 0) file.unbalancedVouchers.push({ series: voucher.series, number: voucher.number, line: voucher.line, differenceOre: sum });
  }
  return file;
}
