/**
 * Val (election) at the meeting, driven by the secretary: the candidates, the counts, the lot
 * when candidates tie across the last place(s), and the elected. An open election records how
 * each serving person voted (KL 5:67); a closed ballot (sluten omröstning, asked for by a member)
 * records only the counts, so no one's vote is stored or printed. The rule is the domain's
 * electionResult; the lot is drawn with the injected random source (KL 5:56).
 */
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.js';
import { insertElectionRecord, loadElections } from './proceedings.repository.js';
import { msg, parseInput, requiredText } from '../../../platform/validation.js';
import { drawElectionLottery, electionResult } from '../../../domain/index.js';
import { servingAt } from './live-meeting.state.js';
import type { WriteContext } from './live-meeting.write.js';
import type { MeetingRecord } from '../../protocols/protocol.model.js';
import { liveMeetingMessages as M } from './live-meeting.messages.js';
import { fillMessage, refuseWith } from '../../../platform/i18n/fill.js';
import type { AgendaItemRow } from '../meetings.tables.js';

/** Candidate N arrives as `candidate-N`, its count (closed ballot) as `count-N`; an open ballot as `ballot-<person id>`. */
export const CANDIDATE_PREFIX = 'candidate-';
export const COUNT_PREFIX = 'count-';
export const ELECTION_BALLOT_PREFIX = 'elect-';
/** The value of an open ballot that abstains (KL 4:25). */
export const ABSTAIN = 'abstain';
const ABSTAIN_WORDS: ReadonlySet<string> = new Set(['abstain', 'avstår']);

const ZCount = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : v),
  z.number(msg('Ange antalet röster som ett heltal.', 'Enter the number of votes as a whole number.')).int().min(0).max(100_000),
);

export const ZElectionInput = z.object({
  itemId: z.uuid(msg('Välj en punkt på dagordningen.', 'Choose an item of the agenda.')),
  places: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : v),
    z.number(msg('Ange hur många som ska väljas.', 'Enter how many are to be elected.')).int().min(1, msg('Minst en ska väljas.', 'At least one is to be elected.')).max(100),
  ),
  closedBallot: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  candidates: z
    .array(z.object({ name: requiredText(200), count: ZCount.optional() }))
    .min(1, msg('Ange minst en kandidat.', 'Enter at least one candidate.'))
    .max(50),
  ballots: z.record(z.uuid(), z.string().max(200)),
});
export type TElectionInput = z.infer<typeof ZElectionInput>;

/** Reads the election form: numbered candidate and count fields, and one ballot field per person in an open election. */
export function parseElectionInput(raw: Record<string, string>): TElectionInput {
  const numbers = Object.keys(raw)
    .filter((key) => key.startsWith(CANDIDATE_PREFIX) && (raw[key] ?? '').trim() !== '')
    .map((key) => Number(key.slice(CANDIDATE_PREFIX.length)))
    .filter((n) => Number.isInteger(n))
    .sort((a, b) => a - b);
  const candidates = numbers.map((n) => {
    const count = raw[`${COUNT_PREFIX}${n}`];
    return { name: raw[`${CANDIDATE_PREFIX}${n}`], ...(count !== undefined && count.trim() !== '' ? { count } : {}) };
  });
  const ballots = Object.fromEntries(
    Object.entries(raw)
      .filter(([key, value]) => key.startsWith(ELECTION_BALLOT_PREFIX) && value !== '')
      .map(([key, value]) => [key.slice(ELECTION_BALLOT_PREFIX.length), ABSTAIN_WORDS.has(value.trim().toLowerCase()) ? ABSTAIN : value.trim()]),
  );
  return parseInput(ZElectionInput, { itemId: raw.itemId, places: raw.places, closedBallot: raw.closedBallot, candidates, ballots });
}

/** The votes per candidate: counted from the open ballots, or as entered for a closed ballot. */
function countVotes(w: WriteContext, index: number, input: TElectionInput): { votes: Record<string, number>; ballots: Record<string, string> } {
  const names = input.candidates.map((c) => c.name);
  if (new Set(names).size !== names.length) refuseWith('INVALID_INPUT', M['live.election.duplicate']);
  const at = servingAt(w.model, index);
  if (input.closedBallot) {
    if (Object.keys(input.ballots).length > 0) refuseWith('INVALID_INPUT', M['live.election.closedNoBallots']);
    const missing = input.candidates.find((c) => c.count === undefined);
    if (missing) refuseWith('INVALID_INPUT', M['live.election.countMissing'], { name: missing.name });
    const votes = Object.fromEntries(input.candidates.map((c) => [c.name, c.count ?? 0]));
    // Each serving person casts one ballot naming at most as many as are to be elected.
    const cast = Object.values(votes).reduce((sum, n) => sum + n, 0);
    if (cast > at.servingIds.size * input.places) refuseWith('INVALID_VOTE', M['live.election.tooManyVotes'], { cast, serving: at.servingIds.size });
    return { votes, ballots: {} };
  }
  const nameOf = (id: string) => w.model.people.find((p) => p.personId === id)?.name ?? id;
  const outsider = Object.keys(input.ballots).find((id) => !at.servingIds.has(id));
  if (outsider !== undefined) refuseWith('INVALID_VOTE', M['live.error.voteNotServing'], { name: nameOf(outsider), n: index + 1 });
  const missing = [...at.servingIds].filter((id) => input.ballots[id] === undefined);
  if (missing.length > 0) refuseWith('INVALID_VOTE', M['live.error.voteMissing'], { names: missing.map(nameOf).join(', ') });
  const unknown = Object.values(input.ballots).find((choice) => choice !== ABSTAIN && !names.includes(choice));
  if (unknown !== undefined) refuseWith('INVALID_VOTE', M['live.election.unknownCandidate'], { name: unknown });
  const votes = Object.fromEntries(names.map((name) => [name, Object.values(input.ballots).filter((choice) => choice === name).length]));
  return { votes, ballots: input.ballots };
}

/** Records the election on `item` and returns who was elected and whether the lot decided. */
export async function recordElection(
  w: WriteContext,
  options: { item: AgendaItemRow; index: number; input: TElectionInput; random: () => number },
): Promise<{ elected: string[]; decidedBy: 'vote' | 'lottery'; decisionText: string }> {
  const { item, index, input } = options;
  if (item.kind !== 'election') refuseWith('CONFLICT', M['live.election.notElection']);
  const { votes, ballots } = countVotes(w, index, input);
  const result = electionResult({ votes, places: input.places });
  const drawn = result.lottery ? drawElectionLottery(result.lottery, options.random) : [];
  const elected = [...result.elected, ...drawn];
  const municipalityOf = (id: string) => w.model.people.find((p) => p.personId === id)?.municipalityId ?? null;
  const open = Object.entries(ballots);
  const row = await insertElectionRecord(
    w.tx,
    {
      itemId: item.id,
      places: input.places,
      closedBallot: input.closedBallot,
      elected,
      lotteryAmong: result.lottery?.among ?? null,
      lotteryPlaces: result.lottery?.places ?? null,
      lotteryDrawn: result.lottery ? drawn : null,
    },
    input.candidates.map((c) => ({ name: c.name, votes: votes[c.name] ?? 0 })),
    open.map(([personId, choice]) => ({ personId, municipalityId: municipalityOf(personId), candidate: choice === ABSTAIN ? null : choice })),
  );
  // A closed ballot: the audit entry keeps the counts only, never who voted for whom.
  await w.audit('election.record', 'election', row.id, {
    after: { itemId: item.id, places: input.places, closedBallot: input.closedBallot, votes, elected, lottery: result.lottery, drawn, ...(open.length > 0 ? { ballots } : {}) },
  });
  const names = elected.join(', ');
  const decisionText = fillMessage(drawn.length > 0 ? M['live.stored.electedByLot'] : M['live.stored.elected'], { names, drawn: drawn.join(', ') }).sv;
  return { elected, decidedBy: drawn.length > 0 ? 'lottery' : 'vote', decisionText };
}

/**
 * An election as the live screen, the protocol and the extract show it (KL 5:67): the protocol's
 * own record of it, so that what the screen shows is what the protocol prints.
 */
export type ElectionRecord = NonNullable<MeetingRecord['elections']>[number];

/** The elections held on the given items, by item id, in the order they were held. */
export async function loadElectionRecords(db: Db, itemIds: readonly string[]): Promise<Map<string, ElectionRecord[]>> {
  const out = new Map<string, ElectionRecord[]>();
  const { rows, candidateRows, ballotRows, persons, towns } = await loadElections(db, itemIds);
  if (rows.length === 0) return out;
  const collator = new Intl.Collator('sv');
  for (const row of rows) {
    const ballots = ballotRows
      .filter((b) => b.electionId === row.id)
      .map((b) => {
        const person = persons.find((p) => p.id === b.personId);
        return { name: person?.name ?? '', municipality: towns.get(b.municipalityId ?? person?.organisationId ?? '') ?? '', candidate: b.candidate };
      })
      .sort((a, b) => collator.compare(a.municipality, b.municipality) || collator.compare(a.name, b.name));
    const record: ElectionRecord = {
      places: row.places,
      closedBallot: row.closedBallot,
      candidates: candidateRows.filter((c) => c.electionId === row.id).map((c) => ({ name: c.name, votes: c.votes })),
      elected: row.elected,
      lottery: row.lotteryAmong && row.lotteryPlaces !== null ? { among: row.lotteryAmong, places: row.lotteryPlaces, drawn: row.lotteryDrawn ?? [] } : null,
      ballots: row.closedBallot ? [] : ballots,
    };
    out.set(row.itemId, [...(out.get(row.itemId) ?? []), record]);
  }
  return out;
}
