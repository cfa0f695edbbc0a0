/**
 * `indexByPkv`: next year's amount from this year's and the October PKV reading, rounded half up
 * to whole kronor, hundreds or thousands (samverkansavtal 8.1, over `indexAmount` in pkv.ts).
 */
import { refuse } from './domain-error.js';
import { indexAmount } from './pkv.js';

/** Rounds the exact non-negative decimal string `exact` half up to whole `unit`s. */
function roundExact(exact: string, unit: number): number {
  const [whole = '0', fraction = ''] = exact.split('.');
  const tenThousandths = BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0').slice(0, 4) || '0');
  const divisor = 10_000n * BigInt(unit);
  return Number(((2n * tenThousandths + divisor) / (2n * divisor)) * BigInt(unit));
}

/**
 * This year's `amount` (whole kronor, 0 or more) raised by `pkvPercent` (at most two decimals),
 * rounded half up to `roundTo` (1, 100 or 1000 kr; default 1).
 * Samverkansavtal 8.1 ("räknas upp årligen enligt PKV"); the seed's 76 100 → 80 500 (2022 → 2023).
 */
export function indexByPkv(options: { amount: number; pkvPercent: number; roundTo?: 1 | 100 | 1000 }): number {
  const roundTo = options.roundTo ?? 1;
  if (roundTo !== 1 && roundTo !== 100 && roundTo !== 1000) {
    refuse('invalid-amount', `round to 1, 100 or 1000 kronor, got ${String(roundTo)}`, `avrunda till 1, 100 eller 1000 kronor, fick ${String(roundTo)}`);
  }
  if (roundTo !== 1000) return indexAmount({ amount: options.amount, pkvPercent: options.pkvPercent, unit: roundTo }).amount;
  const step = indexAmount({ amount: options.amount, pkvPercent: options.pkvPercent, unit: 1 }).steps.find((s) => s.kind === 'apply-index');
  // indexAmount always returns its apply-index step; without it there is nothing to round.
  if (step?.kind !== 'apply-index') return refuse('invalid-input', 'indexation gave no exact amount', 'indexeringen gav inget exakt belopp');
  return roundExact(step.exact, roundTo);
}
