/**
 * Who presides (för ordet) at an item, so that a tie can always be decided by the casting vote.
 */
import { compareDates, type IsoDate } from './calendar-date.js';

/** Why the person presides: the chair, the vice chair, a temporary chair elected at the meeting, or the eldest until then. */
export type PresidingBasis = 'chair' | 'vice_chair' | 'elected' | 'eldest';

/**
 * The person presiding at an item among those serving: the chair; else the vice chair; else the
 * member the committee elected to chair (reglemente 16 §); until one is elected, the eldest
 * serving member (earliest birth date; persons with no known birth date cannot be found eldest,
 * and two born the same day cannot be told apart, so then no one). A chair or vice chair who is
 * absent or disqualified (jäv) is not serving and so does not preside.
 * Reglemente 16 §; KL 6:24 (the committee elects a temporary chair); KL 5:55 (casting vote).
 */
export function presidingChair(options: {
  servingIds: readonly string[];
  chairId: string | null;
  viceChairId: string | null;
  electedId: string | null;
  bornOn: Readonly<Record<string, IsoDate | null | undefined>>;
}): { personId: string; basis: PresidingBasis } | null {
  const serving = new Set(options.servingIds);
  const ordered: [string | null, PresidingBasis][] = [
    [options.chairId, 'chair'],
    [options.viceChairId, 'vice_chair'],
    [options.electedId, 'elected'],
  ];
  for (const [personId, basis] of ordered) if (personId !== null && serving.has(personId)) return { personId, basis };
  const known = options.servingIds.flatMap((id) => {
    const born = options.bornOn[id];
    return born ? [{ id, born }] : [];
  });
  const eldest = known.sort((a, b) => compareDates(a.born, b.born))[0];
  if (!eldest || known.filter((k) => k.born === eldest.born).length > 1) return null;
  return { personId: eldest.id, basis: 'eldest' };
}
