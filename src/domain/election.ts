/**
 * Val (elections) in the committee by majority vote: the most votes win, a tie across the last
 * place(s) is decided by lot. Proportional elections (KL 5:57–59, lagen om proportionellt
 * valsätt) are not decided here.
 */
import { refuse, requireInteger } from './domain-error.js';

/** Who is clearly elected, and which tied candidates the lot decides between for how many places. */
export interface ElectionResult {
  readonly elected: string[];
  readonly lottery: { readonly among: string[]; readonly places: number } | null;
}

/**
 * The result of an election by majority: candidates are ranked by votes, the `places` with the
 * most votes are elected. Candidates who tie across the last place(s) are not elected here:
 * `lottery` names them and how many places the lot decides (KL 5:56 via 6:33). `elected` holds
 * only those clearly elected, most votes first (the order given among equals). Refuses places
 * below 1, an empty or unnamed candidate list and a negative or fractional count.
 * KL 5:55–56 via KL 6:33.
 */
export function electionResult(options: { votes: Record<string, number>; places: number }): ElectionResult {
  requireInteger(options.places, { name: 'places', min: 1, code: 'INVALID_VOTE' });
  const candidates = Object.entries(options.votes);
  if (candidates.length === 0) refuse('INVALID_VOTE', 'an election needs at least one candidate', 'ett val kräver minst en kandidat');
  for (const [name, votes] of candidates) {
    if (name.trim() === '') refuse('INVALID_VOTE', 'a candidate has no name', 'en kandidat saknar namn');
    requireInteger(votes, { name: `votes for ${name}`, min: 0, code: 'INVALID_VOTE' });
  }
  const ranked = candidates.map(([name, votes], order) => ({ name, votes, order })).sort((a, b) => b.votes - a.votes || a.order - b.order);
  const last = ranked[options.places - 1];
  if (last === undefined) return { elected: ranked.map((c) => c.name), lottery: null };
  const elected = ranked.filter((c) => c.votes > last.votes).map((c) => c.name);
  const tied = ranked.filter((c) => c.votes === last.votes).map((c) => c.name);
  const open = options.places - elected.length;
  if (tied.length === open) return { elected: [...elected, ...tied], lottery: null };
  return { elected, lottery: { among: tied, places: open } };
}

/**
 * Draws `places` of the tied candidates by lot, one after the other without replacement: the
 * lot of an election (names) and of a tied yes/no election in the live meeting (its two sides).
 * `random` is supplied by the caller and must return a number in [0, 1).
 * KL 5:56 (lottning vid val och anställning).
 */
export function drawElectionLottery<T>(lottery: { among: readonly T[]; places: number }, random: () => number): T[] {
  requireInteger(lottery.places, { name: 'places', min: 1, code: 'INVALID_VOTE' });
  if (lottery.places > lottery.among.length) {
    refuse('INVALID_VOTE', 'the lot decides more places than there are candidates', 'lotten kan inte avgöra fler platser än det finns kandidater');
  }
  const left = [...lottery.among];
  const drawn: T[] = [];
  for (let i = 0; i < lottery.places; i += 1) {
    const draw = random();
    if (!Number.isFinite(draw) || draw < 0 || draw >= 1) {
      refuse('INVALID_INPUT', `random() must return a number in [0, 1), got ${String(draw)}`, `slumptalet måste ligga i [0, 1), fick ${String(draw)}`);
    }
    const [chosen] = left.splice(Math.floor(draw * left.length), 1);
    if (chosen !== undefined) drawn.push(chosen);
  }
  return drawn;
}
