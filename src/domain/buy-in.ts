/**
 * Late buy-in (samverkansavtal 8.3): "kommuner som i efterhand vill ansluta sig till lösningen
 * [ska kunna] köpa in sig enligt samma principer". A municipality that joins after a phase
 * closed pays what it would have paid had it been there from the start, and the others get the
 * difference back.
 */
import { allocateCost, type AllocationKey, type AllocationParty } from './allocation.js';
import { refuse } from './domain-error.js';
import type { AmountUnit } from './largest-remainder.js';

export interface BuyInInput {
  /** The phase's cost in whole kronor. */
  readonly total: number;
  readonly unit?: AmountUnit;
  readonly key: AllocationKey;
  /** Every party that may appear (with population for the population keys). */
  readonly parties: readonly AllocationParty[];
  /** The participants fixed when the phase closed. */
  readonly participantIds: readonly string[];
  /** The municipalities that join afterwards. */
  readonly joiningIds: readonly string[];
}

export interface BuyInRow {
  readonly partyId: string;
  readonly joining: boolean;
  /** Share before the buy-in (0 for a joining municipality). */
  readonly before: number;
  /** Share on the same terms with everyone in. */
  readonly after: number;
  /** For a joining municipality: what it pays; for the others: what they get back (before − after). */
  readonly settlement: number;
}

export interface BuyInResult {
  readonly rows: readonly BuyInRow[];
  /** What the joining municipalities pay in total = what the others get back in total. */
  readonly buyInTotal: number;
}

/**
 * Recalculates a closed phase's shares with the joining municipalities included, by the same key
 * and the same total: each joiner's buy-in is its new share, each earlier participant gets back
 * its old share less its new one. Both share lists always sum to the total.
 */
export function computeBuyIn(input: BuyInInput): BuyInResult {
  const unit = input.unit ?? 1;
  const overlap = input.joiningIds.find((id) => input.participantIds.includes(id));
  if (overlap !== undefined) refuse('ALLOCATION_IMPOSSIBLE', `${overlap} already participates`, `${overlap} deltar redan`);
  if (new Set(input.joiningIds).size !== input.joiningIds.length) refuse('ALLOCATION_IMPOSSIBLE', 'a joiner is listed twice', 'en anslutande kommun finns med två gånger');
  const everyone = [...input.participantIds, ...input.joiningIds];
  const parties = everyone.map((id) => input.parties.find((p) => p.id === id) ?? refuse('ALLOCATION_IMPOSSIBLE', `unknown party ${id}`, `okänd part ${id}`));
  const before = allocateCost({ total: input.total, unit, parties, key: input.key, participantIds: input.participantIds });
  const after = allocateCost({ total: input.total, unit, parties, key: input.key });
  const rows = everyone.map((partyId, index) => {
    const joining = index >= input.participantIds.length;
    const was = before[index]?.amount ?? 0;
    const now = after[index]?.amount ?? 0;
    return { partyId, joining, before: was, after: now, settlement: joining ? now : was - now };
  });
  return { rows, buyInTotal: rows.filter((r) => r.joining).reduce((sum, r) => sum + r.after, 0) };
}
