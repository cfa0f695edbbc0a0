/** Votering: count the ballots of those serving at the item and store the vote with its result. */
import type { AgendaItemRow } from '../meetings.tables.js';
import { insertVoteRecord } from './proceedings.repository.js';
import { decideVote, drawElectionLottery, type VoteKind } from '../../../domain/index.js';
import { servingAt } from './live-meeting.state.js';
import type { TChoice } from './live-meeting.schema.js';
import type { WriteContext } from './live-meeting.write.js';
import { liveMeetingMessages as M } from './live-meeting.messages.js';
import { refuseWith } from '../../../platform/i18n/fill.js';

interface Side {
  text: string;
  proposition: string;
}

/**
 * Records an open vote. Only persons serving at the item may vote and each of them must answer
 * (ja, nej or avstår, KL 4:25); decideVote counts, with the chair's own ballot as casting vote
 * on a tie (KL 5:55) and lottery on a tied election (KL 5:56), drawn with `random`.
 */
export async function recordVote(
  w: WriteContext,
  options: { item: AgendaItemRow; index: number; yes: Side; no: Side; ballots: Record<string, TChoice>; random: () => number },
): Promise<{ winner: Side; decidedBy: 'vote' | 'lottery' }> {
  const { item, index, ballots } = options;
  const at = servingAt(w.model, index);
  const nameOf = (id: string) => w.model.people.find((p) => p.personId === id)?.name ?? id;
  const outsider = Object.keys(ballots).find((id) => !at.servingIds.has(id));
  if (outsider !== undefined) refuseWith('INVALID_VOTE', M['live.error.voteNotServing'], { name: nameOf(outsider), n: index + 1 });
  const missing = [...at.servingIds].filter((id) => ballots[id] === undefined);
  if (missing.length > 0) refuseWith('INVALID_VOTE', M['live.error.voteMissing'], { names: missing.map(nameOf).join(', ') });

  const choices = Object.values(ballots);
  const count = (choice: TChoice) => choices.filter((c) => c === choice).length;
  const chairChoice = at.chairId === null ? undefined : ballots[at.chairId];
  const kind: VoteKind = item.kind === 'election' ? 'election' : 'decision';
  const decision = decideVote({
    yes: count('yes'),
    no: count('no'),
    abstain: count('abstain'),
    ...(chairChoice === 'yes' || chairChoice === 'no' ? { chairVotedWith: chairChoice } : {}),
    kind,
  });
  // A tied election: the lot draws one of the two sides (KL 5:56).
  const [drawn] = decision.outcome === 'lottery' ? drawElectionLottery({ among: [options.yes, options.no], places: 1 }, options.random) : [];
  const winner = drawn ?? (decision.outcome === 'yes' ? options.yes : options.no);

  const municipalityOf = (id: string) => w.model.people.find((p) => p.personId === id)?.municipalityId ?? null;
  const vote = await insertVoteRecord(
    w.tx,
    {
      itemId: item.id,
      kind,
      yesMeans: options.yes.proposition,
      noMeans: options.no.proposition,
      yes: count('yes'),
      no: count('no'),
      abstain: count('abstain'),
      outcome: decision.outcome,
      decidedByCastingVote: decision.tie && decision.outcome !== 'lottery',
      lotteryResult: decision.outcome === 'lottery' ? winner.text : null,
    },
    Object.entries(ballots).map(([personId, choice]) => ({ personId, municipalityId: municipalityOf(personId), choice })),
  );
  await w.audit('vote.record', 'vote', vote.id, { after: { itemId: item.id, kind, ballots, outcome: decision.outcome, tie: decision.tie, lotteryResult: vote.lotteryResult } });
  return { winner, decidedBy: decision.outcome === 'lottery' ? 'lottery' : 'vote' };
}
