/**
 * Exact apportionment by the largest-remainder method, in integers only: the shares always
 * sum to the total, and each lies within one unit of its exact proportional share.
 */
import { refuse } from './domain-error.js';

/** Amounts are whole kronor (1) or whole hundreds of kronor (100). */
export type AmountUnit = 1 | 100;

/** One party's weight in an apportionment; any non-negative integer. */
export interface PartyWeight {
  readonly partyId: string;
  readonly weight: bigint;
}

/** One party's share of a total, in kronor. */
export interface Share {
  readonly partyId: string;
  readonly amount: number;
}

/** Refuses a unit other than 1 or 100 and a total that is not a whole number of units. */
export function requireTotalInUnits(total: number, unit: AmountUnit): void {
  if (unit !== 1 && unit !== 100) {
    refuse('invalid-amount', `the unit must be 1 or 100 kronor, got ${String(unit)}`, `enheten måste vara 1 eller 100 kronor, fick ${String(unit)}`);
  }
  if (!Number.isSafeInteger(total) || total % unit !== 0) {
    refuse(
      'allocation-impossible',
      `the total ${String(total)} must be a whole multiple of ${unit} kronor to split into shares of ${unit}`,
      `totalen ${String(total)} måste vara en jämn multipel av ${unit} kronor för att fördelas i poster om ${unit}`,
    );
  }
}

/**
 * Splits `total` in proportion to the weights, in whole `unit`s: each party first gets the
 * floor of its exact share, then the units left over go one each to the largest remainders,
 * ties to the party listed first. A negative total is split as its absolute value, negated.
 * Samverkansavtal 8.1–8.3 (cost split among members); largest-remainder (Hamilton) method.
 */
export function apportionByWeights(options: {
  total: number;
  unit: AmountUnit;
  weights: readonly PartyWeight[];
}): Share[] {
  const { total, unit, weights } = options;
  requireTotalInUnits(total, unit);
  const ids = weights.map((entry) => entry.partyId);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) {
    refuse('allocation-impossible', `party ${duplicate} is listed twice`, `part ${duplicate} finns med två gånger`);
  }
  if (weights.some((entry) => entry.weight < 0n)) {
    refuse('allocation-impossible', 'weights may not be negative', 'fördelningstal får inte vara negativa');
  }
  const weightSum = weights.reduce((sum, entry) => sum + entry.weight, 0n);
  if (weightSum === 0n) {
    refuse('allocation-impossible', 'nothing to split by: every weight is zero', 'inget att fördela efter: alla fördelningstal är noll');
  }
  const sign = total < 0 ? -1 : 1;
  const units = BigInt(Math.abs(total) / unit);
  const floors = weights.map((entry) => (units * entry.weight) / weightSum);
  const remainders = weights.map((entry) => (units * entry.weight) % weightSum);
  let leftover = Number(units - floors.reduce((sum, value) => sum + value, 0n));
  const byRemainder = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const extra = weights.map(() => 0n);
  for (const { index } of byRemainder) {
    if (leftover === 0) break;
    extra[index] = 1n;
    leftover -= 1;
  }
  return weights.map((entry, index) => ({
    partyId: entry.partyId,
    amount: sign * Number(((floors[index] ?? 0n) + (extra[index] ?? 0n)) * BigInt(unit)) || 0,
  }));
}
