/**
 * Ärendenummer (case numbers) like `2022/20-2.4.0.2` and handling ids (Hid) like `2022.14`.
 */
import { refuse } from './domain-error.js';

/** An ärendenummer: year / running number within the year - classification code. */
export interface CaseNumber {
  readonly year: number;
  readonly runningNumber: number;
  /** Code from the municipal classification scheme: dot-separated digits, e.g. `2.4.0.2`. */
  readonly classificationCode: string;
}

/** A document's registry id (Hid): year . running number within the year. */
export interface HandlingId {
  readonly year: number;
  readonly number: number;
}

const CASE_PATTERN = /^(\d{4})\/([1-9]\d*)-(\d+(?:\.\d+)*)$/;
// Seed § 19 writes "Hid: 2022.2022.9": the year repeated; accepted when both years agree.
const HANDLING_PATTERN = /^(\d{4})\.(?:(\d{4})\.)?([1-9]\d*)$/;
const CLASSIFICATION_PATTERN = /^\d+(?:\.\d+)*$/;

function requireYear(year: number, code: 'INVALID_CASE_NUMBER' | 'INVALID_HANDLING_ID'): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    refuse(code, `the year must have four digits, got ${String(year)}`, `året måste ha fyra siffror, fick ${String(year)}`);
  }
}

function requireRunning(value: number, code: 'INVALID_CASE_NUMBER' | 'INVALID_HANDLING_ID'): void {
  if (!Number.isSafeInteger(value) || value < 1) {
    refuse(code, `the running number must be 1 or more, got ${String(value)}`, `löpnumret måste vara 1 eller mer, fick ${String(value)}`);
  }
}

/**
 * Parses an ärendenummer `YYYY/N-C.C.C`; refuses anything else with a message naming the form.
 * Seed § 19 ("Ärendenr 2022/20-2.4.0.2"); offentlighets- och sekretesslagen 5:2 (registration number).
 */
export function parseCaseNumber(text: string): CaseNumber {
  const match = CASE_PATTERN.exec(text.trim());
  if (match === null) {
    return refuse(
      'INVALID_CASE_NUMBER',
      `"${text}" is not a case number like 2022/20-2.4.0.2 (year/running number-classification code)`,
      `"${text}" är inte ett ärendenummer som 2022/20-2.4.0.2 (år/löpnummer-klassificeringskod)`,
    );
  }
  const runningNumber = Number(match[2]);
  requireRunning(runningNumber, 'INVALID_CASE_NUMBER');
  return { year: Number(match[1]), runningNumber, classificationCode: match[3] ?? '' };
}

/**
 * Writes a case number as `YYYY/N-C.C.C`, refusing parts that would not parse back.
 * Seed § 19 ("Ärendenr 2022/20-2.4.0.2").
 */
export function formatCaseNumber(caseNumber: CaseNumber): string {
  requireYear(caseNumber.year, 'INVALID_CASE_NUMBER');
  requireRunning(caseNumber.runningNumber, 'INVALID_CASE_NUMBER');
  if (!CLASSIFICATION_PATTERN.test(caseNumber.classificationCode)) {
    refuse(
      'INVALID_CASE_NUMBER',
      `"${caseNumber.classificationCode}" is not a classification code like 2.4.0.2`,
      `"${caseNumber.classificationCode}" är inte en klassificeringskod som 2.4.0.2`,
    );
  }
  return `${caseNumber.year}/${caseNumber.runningNumber}-${caseNumber.classificationCode}`;
}

/**
 * Parses a handling id `YYYY.N`; also the seed's `YYYY.YYYY.N` when both years agree.
 * Seed § 19–25 ("Hid: 2022.14"); offentlighets- och sekretesslagen 5:2.
 */
export function parseHandlingId(text: string): HandlingId {
  const match = HANDLING_PATTERN.exec(text.trim());
  const year = Number(match?.[1]);
  if (match === null || (match[2] !== undefined && Number(match[2]) !== year)) {
    return refuse(
      'INVALID_HANDLING_ID',
      `"${text}" is not a document id like 2022.14 (year.running number)`,
      `"${text}" är inte ett handlings-id som 2022.14 (år.löpnummer)`,
    );
  }
  const number = Number(match[3]);
  requireRunning(number, 'INVALID_HANDLING_ID');
  return { year, number };
}

/**
 * Writes a handling id as `YYYY.N`. Seed § 19–25 ("Hid: 2022.14").
 */
export function formatHandlingId(id: HandlingId): string {
  requireYear(id.year, 'INVALID_HANDLING_ID');
  requireRunning(id.number, 'INVALID_HANDLING_ID');
  return `${id.year}.${id.number}`;
}
