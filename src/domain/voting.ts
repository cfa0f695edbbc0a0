/**
 * Votering: open votes, the chair's casting vote (utslagsröst) and lottery for elections.
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

/** One member's vote between proposals; `null` abstains. */
export interface ProposalBallot {
  readonly voterId: string;
  readonly proposalId: string | null;
}

/** Outcome of a vote between several proposals. */
export type ProposalVoteOutcome =
  | { readonly kind: 'decided'; readonly proposalId: string; readonly byCastingVote: boolean }
  /** A tie the chair's own vote cannot break: the chair must vote (KL 4:25). */
  | { readonly kind: 'chair-must-vote'; readonly tiedProposalIds: readonly string[] }
  /** No proposal has more than half the votes cast: reduce the alternatives and vote again (KL 5:53). */
  | { readonly kind: 'no-majority'; readonly leadingProposalIds: readonly string[] };

/** Votes per proposal (in the order given), abstentions and votes cast. */
export interface ProposalVoteResult {
  readonly counts: readonly { readonly proposalId: string; readonly votes: number }[];
  readonly abstain: number;
  readonly cast: number;
  readonly outcome: ProposalVoteOutcome;
}

function requireUniqueVoters(voterIds: readonly string[]): void {
  const duplicate = voterIds.find((id, index) => voterIds.indexOf(id) !== index);
  if (duplicate !== undefined) {
    refuse('invalid-vote', `${duplicate} voted twice`, `${duplicate} har röstat två gånger`);
  }
}

function requireVoteCount(value: number, name: string): void {
  requireInteger(value, { name, min: 0, code: 'invalid-vote' });
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
      'invalid-vote',
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
    refuse('invalid-vote', `the chair voted ${chairVotedWith} but no such vote was counted`, 'ordförandens röst finns inte med i rösterna');
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

function decideTie(tied: readonly string[], chairVote: string | null | undefined): ProposalVoteOutcome {
  if (chairVote !== null && chairVote !== undefined && tied.includes(chairVote)) {
    return { kind: 'decided', proposalId: chairVote, byCastingVote: true };
  }
  return { kind: 'chair-must-vote', tiedProposalIds: tied };
}

/**
 * Counts an open vote between proposals. A proposal wins with more than half of the votes
 * cast (abstentions are not cast). When only tied proposals received votes, the chair's own
 * vote decides (utslagsröst); if the chair voted for none of them, the chair must vote. Any
 * other result without a majority is `no-majority`: the chair reduces the alternatives by
 * contra-proposition and the committee votes again.
 * KL 5:53, 5:55, 4:24–25 (via KL 6:33).
 */
export function countVoteBetweenProposals(options: {
  votes: readonly ProposalBallot[];
  proposalIds: readonly string[];
  chairId: string;
}): ProposalVoteResult {
  const { votes, proposalIds } = options;
  if (proposalIds.length < 2 || new Set(proposalIds).size !== proposalIds.length) {
    refuse('invalid-vote', 'a vote needs at least two distinct proposals', 'en omröstning kräver minst två olika förslag');
  }
  requireUniqueVoters(votes.map((ballot) => ballot.voterId));
  const unknown = votes.find((ballot) => ballot.proposalId !== null && !proposalIds.includes(ballot.proposalId));
  if (unknown !== undefined) {
    refuse('invalid-vote', `${unknown.voterId} voted for an unknown proposal`, `${unknown.voterId} röstade på ett okänt förslag`);
  }
  const counts = proposalIds.map((proposalId) => ({
    proposalId,
    votes: votes.filter((ballot) => ballot.proposalId === proposalId).length,
  }));
  const abstain = votes.filter((ballot) => ballot.proposalId === null).length;
  const cast = votes.length - abstain;
  const top = Math.max(...counts.map((entry) => entry.votes));
  const leading = counts.filter((entry) => entry.votes === top).map((entry) => entry.proposalId);
  const result = (outcome: ProposalVoteOutcome): ProposalVoteResult => ({ counts, abstain, cast, outcome });
  if (top * 2 > cast) {
    const [winner] = leading;
    if (winner !== undefined) return result({ kind: 'decided', proposalId: winner, byCastingVote: false });
  }
  if (leading.length >= 2 && top * leading.length === cast) {
    const chairVote = votes.find((ballot) => ballot.voterId === options.chairId)?.proposalId;
    return result(decideTie(leading, chairVote));
  }
  return result({ kind: 'no-majority', leadingProposalIds: leading });
}

/**
 * Picks one candidate by lottery, as elections and appointments are decided on a tie.
 * `random` is supplied by the caller and must return a number in [0, 1).
 * KL 5:55–56 (lottning vid val och anställning).
 */
export function decideByLottery<T>(candidates: readonly T[], random: () => number): T {
  const draw = random();
  if (!Number.isFinite(draw) || draw < 0 || draw >= 1) {
    refuse('invalid-input', `random() must return a number in [0, 1), got ${String(draw)}`, `slumptalet måste ligga i [0, 1), fick ${String(draw)}`);
  }
  const chosen = candidates[Math.floor(draw * candidates.length)];
  if (chosen === undefined) {
    return refuse('invalid-vote', 'a lottery needs at least one candidate', 'en lottning kräver minst en kandidat');
  }
  return chosen;
}
