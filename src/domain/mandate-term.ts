import type { IsoDate } from './calendar-date.js';

/** A term of office: from a date, to a date or open-ended. */
export interface Term {
  termFrom: IsoDate;
  termTo: IsoDate | null;
}

/**
 * Is the mandate in force on `today`? Both ends count as inside the term.
 * KL 9:24 — each member municipality appoints members and substitutes for a term.
 */
export function isTermCurrent(term: Term, today: IsoDate): boolean {
  return term.termFrom <= today && (term.termTo === null || term.termTo >= today);
}
