/**
 * Votering: yes/no votes, the chair's casting vote (utslagsröst) and tabling; the lot of a tied
 * election is drawn by `drawElectionLottery` (election.ts).
 */
import { refuse, requireInteger } from './domain-error.js';

/** Val (election) and anställning (appointment) are decided by lottery on a tie; all else is a decision. */
export type VoteKind = 'decision' | 'election';

/** The counted votes of a yes/no question, and what the chair voted. */
export interface VoteCount {
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  /** The chair's own vote, when the chair voted yes or no. */
  readonly chairVotedWith?: 'yes' | 'no';
  readonly kind: VoteKind;
}

/** Outcome of a counted vote; `lottery` means the election or appointment is decided by lot. */
export interface VoteDecision {
  readonly outcome: 'yes' | 'no' | 'lottery';
  readonly tie: boolean;
}

function requireVoteCount(value: number, name: string): void {
  requireInteger(value, { name, min: 0, code: 'INVALID_VOTE' });
}

/** Simple majority, else the chair's casting vote; refuses a tie the chair has not voted in (KL 4:25). */
function decideByMajorityOrCastingVote(
  yes: number,
  no: number,
  chairVotedWith: 'yes' | 'no' | undefined,
): { outcome: 'yes' | 'no'; tie: boolean } {
  if (yes !== no) return { outcome: yes > no ? 'yes' : 'no', tie: false };
  if (chairVotedWith === undefined) {
    refuse(
      'INVALID_VOTE',
      'the vote is tied and the chair has not voted: the chair must vote (KL 4:25)',
      'Omröstningen slutade lika och ordföranden har inte röstat. Ordföranden måste rösta (KL 4:25).',
    );
  }
  return { outcome: chairVotedWith, tie: true };
}

/**
 * Decides a counted yes/no vote: simple majority of the votes cast (abstentions are not cast).
 * On a tie in a decision the chair's own vote decides (utslagsröst), so `chairVotedWith` is
 * required then and a tie without it is refused: the chair must vote (KL 4:25). On a tie in an
 * election or appointment the outcome is `lottery` and the chair's vote gives no extra weight.
 * Refuses negative or fractional counts and a chair's vote the counts do not contain.
 * KL 5:55–56 via KL 6:33; KL 4:24–25.
 */
export function decideVote(options: VoteCount): VoteDecision {
  const { yes, no, abstain, chairVotedWith, kind } = options;
  requireVoteCount(yes, 'yes');
  requireVoteCount(no, 'no');
  requireVoteCount(abstain, 'abstain');
  if ((chairVotedWith === 'yes' && yes === 0) || (chairVotedWith === 'no' && no === 0)) {
    refuse('INVALID_VOTE', `the chair voted ${chairVotedWith} but no such vote was counted`, 'ordförandens röst finns inte med i rösterna');
  }
  if (kind === 'election' && yes === no) return { outcome: 'lottery', tie: true };
  return decideByMajorityOrCastingVote(yes, no, chairVotedWith);
}

/**
 * Whether an item is tabled (bordläggs): tabled when more votes are cast for tabling than
 * against (simple majority; abstentions are not cast). Kept simple on purpose: a tie is read as
 * no majority for tabling, so the item is not tabled and is handled now; no casting vote is
 * applied. Where the chair's casting vote should break such a tie, count it with `decideVote`.
 * KL 6:33.
 */
export function decideTabling(options: { yes: number; no: number }): boolean {
  requireVoteCount(options.yes, 'yes');
  requireVoteCount(options.no, 'no');
  return options.yes > options.no;
}
