/**
 * `allocateCosts`: the economy feature's allocation key as data (equal, population, mixed, weights)
 * over the exact largest-remainder split of `allocateCost` (samverkansavtal 8.1–8.3).
 */
import { allocateCost, type AllocationKey } from './allocation.js';
import { refuse } from './domain-error.js';
import { apportionByWeights, type AmountUnit } from './largest-remainder.js';

/** A key as stored with a cost object; `weights` are relative shares (any non-negative numbers). */
export type CostAllocationKey =
  | { readonly kind: 'equal' }
  | { readonly kind: 'population' }
  | { readonly kind: 'mixed'; readonly flatPercent: number }
  | { readonly kind: 'weights'; readonly weights: Readonly<Record<string, number>> };

/** Input of `allocateCosts`: whole kronor, parties in the order used for ties. */
export interface AllocateCostsOptions {
  readonly total: number;
  readonly parties: readonly { readonly id: string; readonly population: number }[];
  readonly key: CostAllocationKey;
  readonly roundTo?: AmountUnit;
}

/** Weights may have up to six decimals; they are scaled to exact integers. */
const WEIGHT_SCALE = 1_000_000;

function requireParties(options: AllocateCostsOptions): void {
  if (!Number.isSafeInteger(options.total) || options.total < 0) {
    refuse('invalid-amount', `the total must be a whole number of kronor, 0 or more, got ${String(options.total)}`,
      `totalen måste vara ett helt antal kronor, 0 eller mer, fick ${String(options.total)}`);
  }
  if (options.parties.length === 0) {
    refuse('allocation-impossible', 'no parties to split the cost among', 'det finns inga parter att fördela kostnaden på');
  }
}

function requirePopulation(options: AllocateCostsOptions): void {
  const bad = options.parties.find((party) => !Number.isSafeInteger(party.population) || party.population < 0);
  if (bad) {
    refuse('allocation-impossible', `party ${bad.id} needs a population of 0 or more, got ${String(bad.population)}`,
      `part ${bad.id} behöver ett invånarantal (0 eller mer), fick ${String(bad.population)}`);
  }
  if (options.parties.every((party) => party.population === 0)) {
    refuse('allocation-impossible', 'the total population is zero: nothing to split by population',
      'det sammanlagda invånarantalet är noll: inget att fördela efter invånarantal');
  }
}

function scaledWeights(options: AllocateCostsOptions, weights: Readonly<Record<string, number>>): { partyId: string; weight: bigint }[] {
  const ids = new Set(options.parties.map((party) => party.id));
  const missing = options.parties.filter((party) => !Object.hasOwn(weights, party.id)).map((party) => party.id);
  if (missing.length > 0) {
    refuse('allocation-impossible', `the weights do not cover every party: missing ${missing.join(', ')}`,
      `fördelningstalen täcker inte alla parter: saknas för ${missing.join(', ')}`);
  }
  const unknown = Object.keys(weights).filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    refuse('allocation-impossible', `weights name parties that are not in the split: ${unknown.join(', ')}`,
      `fördelningstal anges för parter som inte ingår: ${unknown.join(', ')}`);
  }
  return options.parties.map((party) => {
    const value = weights[party.id] ?? 0;
    const scaled = Math.round(value * WEIGHT_SCALE);
    if (!Number.isFinite(value) || value < 0 || !Number.isSafeInteger(scaled) || Math.abs(value * WEIGHT_SCALE - scaled) > 1e-3) {
      refuse('allocation-impossible', `the weight of ${party.id} must be 0 or more with at most six decimals, got ${String(value)}`,
        `fördelningstalet för ${party.id} måste vara 0 eller mer med högst sex decimaler, fick ${String(value)}`);
    }
    return { partyId: party.id, weight: BigInt(scaled) };
  });
}

/**
 * Splits `total` kronor among the parties by the key, in whole kronor or hundreds (`roundTo`),
 * summing exactly to the total: largest remainder, ties to the party listed first.
 * Samverkansavtal 8.1 (equal), 8.2 (flat part + population), 8.3 (by population), shared
 * services by decided weights.
 */
export function allocateCosts(options: AllocateCostsOptions): { id: string; amount: number }[] {
  const unit = options.roundTo ?? 1;
  requireParties(options);
  const { key } = options;
  if (key.kind === 'weights') {
    const weights = scaledWeights(options, key.weights);
    if (weights.every((entry) => entry.weight === 0n)) {
      refuse('allocation-impossible', 'every weight is zero: nothing to split by', 'alla fördelningstal är noll: inget att fördela efter');
    }
    return apportionByWeights({ total: options.total, unit, weights }).map((share) => ({ id: share.partyId, amount: share.amount }));
  }
  let allocationKey: AllocationKey;
  if (key.kind === 'mixed') {
    if (key.flatPercent < 100) requirePopulation(options);
    allocationKey = { kind: 'mixed', flatSharePercent: key.flatPercent };
  } else {
    if (key.kind === 'population') requirePopulation(options);
    allocationKey = key;
  }
  return allocateCost({ total: options.total, unit, parties: options.parties, key: allocationKey })
    .map((share) => ({ id: share.partyId, amount: share.amount }));
}
