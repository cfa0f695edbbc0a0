/**
 * Fördelningsnycklar: how a cost is split among member municipalities (samverkansavtal 8).
 */
import { refuse } from './domain-error.js';
import { apportionByWeights, requireTotalInUnits, type AmountUnit, type PartyWeight, type Share } from './largest-remainder.js';

/** A member municipality; `population` (invånarantal) is needed by the population keys. */
export interface AllocationParty {
  readonly id: string;
  readonly population?: number;
}

/**
 * `equal`: lika delar (grundfinansiering, 8.1). `population`: by invånarantal (projects, 8.3).
 * `mixed`: `flatSharePercent` of the total in equal parts, the rest by population (8.2).
 * `fixed`: decided amounts per party (shared services).
 */
export type AllocationKey =
  | { readonly kind: 'equal' }
  | { readonly kind: 'population' }
  | { readonly kind: 'mixed'; readonly flatSharePercent: number }
  | { readonly kind: 'fixed'; readonly amounts: readonly Share[] };

/** Input of `allocateCost`; amounts are integers in kronor. */
export interface AllocationInput {
  readonly total: number;
  readonly unit: AmountUnit;
  readonly parties: readonly AllocationParty[];
  readonly key: AllocationKey;
  /** Only these parties pay (projects, 8.3); the others get 0. Default: every party. */
  readonly participantIds?: readonly string[];
}

const BASIS_POINTS = 10_000n;

function populationOf(party: AllocationParty): bigint {
  const population = party.population;
  if (population === undefined || !Number.isSafeInteger(population) || population < 0) {
    return refuse(
      'ALLOCATION_IMPOSSIBLE',
      `party ${party.id} needs a population of 0 or more for this key`,
      `part ${party.id} behöver ett invånarantal (0 eller mer) för den här nyckeln`,
    );
  }
  return BigInt(population);
}

function toBasisPoints(percent: number): bigint {
  const basisPoints = Math.round(percent * 100);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100 || Math.abs(percent * 100 - basisPoints) > 1e-6) {
    return refuse(
      'ALLOCATION_IMPOSSIBLE',
      `the flat share must be 0–100 percent with at most two decimals, got ${String(percent)}`,
      `den raka andelen måste vara 0–100 procent med högst två decimaler, fick ${String(percent)}`,
    );
  }
  return BigInt(basisPoints);
}

/** The parties' populations; refuses when nobody has inhabitants (nothing to split by). */
function populationsOf(parties: readonly AllocationParty[]): bigint[] {
  const populations = parties.map(populationOf);
  if (populations.every((population) => population === 0n)) {
    refuse('ALLOCATION_IMPOSSIBLE', 'the total population is zero: nothing to split by population',
      'det sammanlagda invånarantalet är noll: inget att fördela efter invånarantal');
  }
  return populations;
}

function populationWeights(parties: readonly AllocationParty[]): PartyWeight[] {
  const populations = populationsOf(parties);
  return parties.map((party, index) => ({ partyId: party.id, weight: populations[index] ?? 0n }));
}

/** Exact weights for the mixed key: share_i ∝ bp·P + (10000 − bp)·n·pop_i. */
function mixedWeights(parties: readonly AllocationParty[], flatSharePercent: number): PartyWeight[] {
  const basisPoints = toBasisPoints(flatSharePercent);
  if (basisPoints === BASIS_POINTS) return parties.map((party) => ({ partyId: party.id, weight: 1n }));
  const populations = populationsOf(parties);
  const totalPopulation = populations.reduce((sum, value) => sum + value, 0n);
  const n = BigInt(parties.length);
  return parties.map((party, index) => ({
    partyId: party.id,
    weight: basisPoints * totalPopulation + (BASIS_POINTS - basisPoints) * n * (populations[index] ?? 0n),
  }));
}

function fixedShares(total: number, unit: AmountUnit, payers: readonly AllocationParty[], amounts: readonly Share[]): Share[] {
  const payerIds = new Set(payers.map((party) => party.id));
  const amountIds = amounts.map((share) => share.partyId);
  if (amountIds.length !== payerIds.size || !amountIds.every((id) => payerIds.has(id)) || new Set(amountIds).size !== amountIds.length) {
    refuse('ALLOCATION_IMPOSSIBLE', 'fixed amounts must name each paying party once', 'fasta belopp måste anges en gång för varje betalande part');
  }
  for (const share of amounts) requireTotalInUnits(share.amount, unit);
  const sum = amounts.reduce((acc, share) => acc + share.amount, 0);
  if (sum !== total) {
    refuse('ALLOCATION_IMPOSSIBLE', `The fixed amounts sum to ${sum} kr but the total is ${total} kr.`, `De fasta beloppen summerar till ${sum} kr men totalen är ${total} kr.`);
  }
  return payers.map((party) => ({ partyId: party.id, amount: amounts.find((share) => share.partyId === party.id)?.amount ?? 0 }));
}

function payingParties(input: AllocationInput): AllocationParty[] {
  const ids = new Set(input.parties.map((party) => party.id));
  if (ids.size !== input.parties.length) {
    refuse('ALLOCATION_IMPOSSIBLE', 'a party is listed twice', 'en part finns med två gånger');
  }
  if (input.participantIds === undefined) return [...input.parties];
  const unknown = input.participantIds.find((id) => !ids.has(id));
  if (unknown !== undefined) {
    refuse('ALLOCATION_IMPOSSIBLE', `participant ${unknown} is not a party`, `deltagaren ${unknown} är inte en part`);
  }
  const participants = new Set(input.participantIds);
  return input.parties.filter((party) => participants.has(party.id));
}

/**
 * Splits a cost by an allocation key, in whole kronor or whole hundreds (`unit`), always
 * summing exactly to the total (largest remainder, ties to the party listed first). Returns
 * one share per party in input order; non-participants get 0.
 * Samverkansavtal 8.1 (equal), 8.2 (flat part + population), 8.3 (participants by population).
 */
export function allocateCost(input: AllocationInput): Share[] {
  requireTotalInUnits(input.total, input.unit);
  const payers = payingParties(input);
  if (payers.length === 0) {
    refuse('ALLOCATION_IMPOSSIBLE', 'nobody to split the cost among', 'ingen att fördela kostnaden på');
  }
  const { key } = input;
  let shares: Share[];
  if (key.kind === 'fixed') {
    shares = fixedShares(input.total, input.unit, payers, key.amounts);
  } else {
    const weights =
      key.kind === 'equal'
        ? payers.map((party) => ({ partyId: party.id, weight: 1n }))
        : key.kind === 'population'
          ? populationWeights(payers)
          : mixedWeights(payers, key.flatSharePercent);
    shares = apportionByWeights({ total: input.total, unit: input.unit, weights });
  }
  const amounts = new Map(shares.map((share) => [share.partyId, share.amount]));
  return input.parties.map((party) => ({ partyId: party.id, amount: amounts.get(party.id) ?? 0 }));
}
