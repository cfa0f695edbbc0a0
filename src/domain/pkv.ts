/**
 * PKV indexation (SKR's Prisindex för kommunal verksamhet, read in October) and the carry-over
 * of surplus or deficit to the next year (samverkansavtal 8.1).
 */
import { refuse, requireInteger } from './domain-error.js';
import type { AmountUnit } from './largest-remainder.js';
import { requireTotalInUnits } from './largest-remainder.js';

/** One step of an indexation, kept as data so the UI can show how the amount was reached. */
export type IndexationStep =
  | { readonly kind: 'start'; readonly amount: number }
  /** `factor` and `exact` are exact decimal strings, e.g. '1.058' and '80513.8'. */
  | { readonly kind: 'apply-index'; readonly pkvPercent: number; readonly factor: string; readonly exact: string }
  | { readonly kind: 'round'; readonly unit: AmountUnit; readonly amount: number }
  | { readonly kind: 'multiply'; readonly members: number; readonly amount: number };

/** An indexed amount with its derivation. */
export interface Indexation {
  readonly amount: number;
  readonly steps: readonly IndexationStep[];
}

const BASIS = 10_000n;

function toBasisPoints(pkvPercent: number): bigint {
  const basisPoints = Math.round(pkvPercent * 100);
  if (!Number.isFinite(pkvPercent) || pkvPercent <= -100 || pkvPercent > 100 || Math.abs(pkvPercent * 100 - basisPoints) > 1e-6) {
    return refuse(
      'INVALID_INPUT',
      `PKV must be a percentage above -100 with at most two decimals, got ${String(pkvPercent)}`,
      `PKV måste vara en procentsats över -100 med högst två decimaler, fick ${String(pkvPercent)}`,
    );
  }
  return BigInt(basisPoints);
}

/** An exact decimal string for numerator / 10 000 (non-negative). */
function decimal(numerator: bigint): string {
  const whole = numerator / BASIS;
  const fraction = (numerator % BASIS).toString().padStart(4, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole.toString()}.${fraction}`;
}

/**
 * Next year's amount: this year's `amount` raised by the October PKV reading, rounded half up to
 * whole `unit`s (1 or 100 kr), with each step returned as data.
 * Samverkansavtal 8.1 ("räknas upp årligen enligt PKV").
 */
export function indexAmount(options: { amount: number; pkvPercent: number; unit: AmountUnit }): Indexation {
  requireInteger(options.amount, { name: 'amount', min: 0, code: 'INVALID_AMOUNT' });
  requireTotalInUnits(0, options.unit);
  const basisPoints = toBasisPoints(options.pkvPercent);
  const factor = BASIS + basisPoints;
  const exact = BigInt(options.amount) * factor;
  const divisor = BASIS * BigInt(options.unit);
  const roundedUnits = (2n * exact + divisor) / (2n * divisor);
  const amount = Number(roundedUnits * BigInt(options.unit));
  return {
    amount,
    steps: [
      { kind: 'start', amount: options.amount },
      { kind: 'apply-index', pkvPercent: options.pkvPercent, factor: decimal(factor), exact: decimal(exact) },
      { kind: 'round', unit: options.unit, amount },
    ],
  };
}

/**
 * Indexes the equal per-member share and multiplies by the number of members, as the seed
 * does: 2022's 76 100 per municipality became 80 500 in 2023, and the budget 14 × 80 500 =
 * 1 127 000 (indexing the 1 065 400 total instead would not give a multiple of 14 × 100).
 * Samverkansavtal 8.1; seed verksamhetsplan 2023, 8.1.
 */
export function indexEqualShare(options: {
  sharePerMember: number;
  members: number;
  pkvPercent: number;
  unit: AmountUnit;
}): Indexation & { readonly sharePerMember: number } {
  requireInteger(options.members, { name: 'members', min: 1 });
  const share = indexAmount({ amount: options.sharePerMember, pkvPercent: options.pkvPercent, unit: options.unit });
  const amount = share.amount * options.members;
  return {
    amount,
    sharePerMember: share.amount,
    steps: [...share.steps, { kind: 'multiply', members: options.members, amount }],
  };
}

/** The result of a year, to be balanced into the next year. */
export interface CarryOver {
  /** Budget minus outcome: positive is a surplus (överskott), negative a deficit (underskott). */
  readonly amount: number;
  readonly kind: 'surplus' | 'deficit' | 'balanced';
}

/**
 * Surplus or deficit of a year's base funding, carried over to the next year:
 * budget (what members paid) minus outcome (what it cost).
 * Samverkansavtal 8.1 ("över- och underskott balanseras inom nämnden till efterföljande år").
 */
export function carryOver(options: { budget: number; outcome: number }): CarryOver {
  requireInteger(options.budget, { name: 'budget', code: 'INVALID_AMOUNT' });
  requireInteger(options.outcome, { name: 'outcome', code: 'INVALID_AMOUNT' });
  const amount = options.budget - options.outcome;
  return { amount, kind: amount > 0 ? 'surplus' : amount < 0 ? 'deficit' : 'balanced' };
}
