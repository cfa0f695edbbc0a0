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
    refuse('INVALID_AMOUNT', `the unit must be 1 or 100 kronor, got ${String(unit)}`, `enheten måste vara 1 eller 100 kronor, fick ${String(unit)}`);
  }
  if (!Number.isSafeInteger(total) || total % unit !== 0) {
    refuse(
      'ALLOCATION_IMPOSSIBLE',
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
  const seen = new Set<string>();
  const duplicate = weights.find((entry) => seen.size === seen.add(entry.partyId).size)?.partyId;
  if (duplicate !== undefined) {
    refuse('ALLOCATION_IMPOSSIBLE', `party ${duplicate} is listed twice`, `part ${duplicate} finns med två gånger`);
  }
  if (weights.some((entry) => entry.weight < 0n)) {
    refuse('ALLOCATION_IMPOSSIBLE', 'weights may not be negative', 'fördelningstal får inte vara negativa');
  }
  const weightSum = weights.reduce((sum, entry) => sum + entry.weight, 0n);
  if (weightSum === 0n) {
    refuse('ALLOCATION_IMPOSSIBLE', 'nothing to split by: every weight is zero', 'inget att fördela efter: alla fördelningstal är noll');
  }
  const sign = total < 0 ? -1 : 1;
  const units = Math.abs(total) / unit;
  const maxWeight = weights.reduce((max, entry) => (entry.weight > max ? entry.weight : max), 0n);
  // Exact either way: plain numbers while every product fits in 2^53, big integers beyond.
  const { floors, remainders } =
    BigInt(units) * maxWeight <= SAFE && weightSum * 2n <= SAFE ? splitSafe(units, weights, Number(weightSum)) : splitBig(BigInt(units), weights, weightSum);
  let leftover = units - floors.reduce((sum, value) => sum + value, 0);
  const order = remainders.map((_, index) => index);
  order.sort((a, b) => {
    const ra = remainders[a] ?? 0n;
    const rb = remainders[b] ?? 0n;
    return ra === rb ? a - b : ra > rb ? -1 : 1;
  });
  const extra = new Array<number>(weights.length).fill(0);
  for (const index of order) {
    if (leftover === 0) break;
    extra[index] = 1;
    leftover -= 1;
  }
  return weights.map((entry, index) => ({
    partyId: entry.partyId,
    amount: sign * ((floors[index] ?? 0) + (extra[index] ?? 0)) * unit || 0,
  }));
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Floors and remainders of units × weight / sum when every product is a safe integer. */
function splitSafe(units: number, weights: readonly PartyWeight[], sum: number): { floors: number[]; remainders: (number | bigint)[] } {
  const floors: number[] = [];
  const remainders: number[] = [];
  for (const entry of weights) {
    const product = units * Number(entry.weight);
    let quotient = Math.floor(product / sum);
    let remainder = product - quotient * sum;
    // Floating-point division may land one off when the quotient is near a whole number.
    if (remainder < 0) {
      quotient -= 1;
      remainder += sum;
    } else if (remainder >= sum) {
      quotient += 1;
      remainder -= sum;
    }
    floors.push(quotient);
    remainders.push(remainder);
  }
  return { floors, remainders };
}

function splitBig(units: bigint, weights: readonly PartyWeight[], sum: bigint): { floors: number[]; remainders: (number | bigint)[] } {
  return {
    floors: weights.map((entry) => Number((units * entry.weight) / sum)),
    remainders: weights.map((entry) => (units * entry.weight) % sum),
  };
}
