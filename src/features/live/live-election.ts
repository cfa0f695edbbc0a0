/**
 * Val med sluten omröstning on the members' devices (KL 5 kap. 46–47 §§; 5:55–56 via 6:33). The
 * chair opens a closed election on a pending election item with its candidates; each one serving
 * (a substitute only while serving) casts one ballot on their own device, in one transaction that
 * marks the person as having voted and adds the ballot to the counts. What a person chose is
 * written nowhere: not in a table, not in the audit log, not in the realtime state, which shows only
 * how many have voted until the election closes. On closing, the counts are recorded in
 * `elections`/`election_candidates` exactly as the secretary's closed ballot is (the lot decides
 * a tie across the last place), the item is decided, and the protocol prints counts and elected.
 */
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import * as repo from './live-election.repository.js';
import { insertElectionRecord } from '../meetings/proceedings/proceedings.repository.js';
import { beginClosing, castInTransaction, closeAfterLastBallot } from './live-ballot.js';
import type { BallotDeps } from './live-deps.js';
import { msg, parseInput } from '../../platform/validation.js';
import { SYSTEM_ACTOR, type Actor } from '../../platform/audit/audit.js';
import type { Principal } from '../../platform/auth/policy.js';
import { drawElectionLottery, electionResult } from '../../domain/index.js';
import { actorOf } from '../auth/auth.service.js';
import { servingAt, loadAttendanceModel, type AttendanceModel } from '../meetings/proceedings/live-meeting.state.js';
import { decide, requireItem, requireQuorum } from '../meetings/proceedings/live-meeting.write.js';
import { liveMeetingMessages } from '../meetings/proceedings/live-meeting.messages.js';
import { fillMessage } from '../../platform/i18n/fill.js';
import { liveElectionMessages as M, refuseElection as refuse } from './live.messages.js';
import type { AgendaItemRow } from '../meetings/meetings.tables.js';

export const MAX_ELECTION_MINUTES = 30;
export const MAX_CANDIDATES = 50;
/** The value of the blank choice on the ballot. */
export const BLANK = 'blank';

const m = (key: keyof typeof M) => msg(M[key].sv, M[key].en);
const toNumber = (v: unknown) => (typeof v === 'string' && /^\s*\d{1,3}\s*$/.test(v) ? Number(v) : v);
const lines = (v: unknown) => (typeof v === 'string' ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : v);

const ZOpenElection = z.object({
  itemId: z.uuid(msg('Välj en punkt på dagordningen.', 'Choose an item of the agenda.')),
  candidates: z.preprocess(lines, z.array(z.string().max(200, m('le.err.candidates')), m('le.err.candidates')).min(1, m('le.err.candidates')).max(MAX_CANDIDATES, m('le.err.candidates'))),
  places: z.preprocess(toNumber, z.number(m('le.err.places')).int(m('le.err.places')).min(1, m('le.err.places')).max(MAX_CANDIDATES, m('le.err.places'))),
  allowBlank: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  minutes: z.preprocess(toNumber, z.number(m('le.err.minutes')).int(m('le.err.minutes')).min(1, m('le.err.minutes')).max(MAX_ELECTION_MINUTES, m('le.err.minutes'))),
});

/** A ballot: the chosen candidates by their number on the ballot (1, 2, …), or the one value `blank`. */
const ZBallot = z.object({
  liveElectionId: z.uuid(m('le.err.noElection')),
  choices: z.array(z.string().max(10), m('le.err.choice')).max(MAX_CANDIDATES, m('le.err.choice')),
});

const ZElectionRef = z.object({ liveElectionId: z.uuid(m('le.err.noElection')) });

/**
 * The counts after one ballot: each chosen candidate (0-based positions) one vote more, or the
 * blank ballots one more. Refuses a ballot naming more than `places`, a candidate twice, an
 * unknown one, and an empty or blank ballot when blank ballots are not allowed.
 */
export function countBallot(
  election: { candidates: readonly string[]; tally: readonly number[]; blank: number; places: number; allowBlank: boolean },
  choices: readonly string[],
): { tally: number[]; blank: number } {
  if (choices.length > 1 && choices.includes(BLANK)) refuse('INVALID_VOTE', 'le.err.blankMixed');
  const blank = choices.length === 0 || choices[0] === BLANK;
  if (blank) {
    if (!election.allowBlank) refuse('INVALID_VOTE', choices.length === 0 ? 'le.err.choice' : 'le.err.noBlank');
    return { tally: [...election.tally], blank: election.blank + 1 };
  }
  const positions = choices.map((c) => (/^\d{1,3}$/.test(c) ? Number(c) - 1 : -1));
  if (positions.some((p) => p < 0 || p >= election.candidates.length)) refuse('INVALID_VOTE', 'le.err.unknown');
  const chosen = new Set(positions);
  if (chosen.size !== positions.length) refuse('INVALID_VOTE', 'le.err.unknown');
  if (chosen.size > election.places) refuse('INVALID_VOTE', election.places === 1 ? 'le.err.tooMany.one' : 'le.err.tooMany.other', { n: election.places });
  return { tally: election.tally.map((n, i) => (chosen.has(i) ? n + 1 : n)), blank: election.blank };
}

/** What the room shows of the latest closed election: while it is open only how many have voted. */
export interface ElectionState {
  id: string;
  itemNumber: number;
  itemHeading: string;
  places: number;
  candidates: string[];
  allowBlank: boolean;
  closesAt: Date;
  closed: boolean;
  cast: number;
  eligible: number;
  cancelled: boolean;
  result: {
    candidates: { name: string; votes: number }[];
    blank: number;
    elected: string[];
    lottery: { among: string[]; drawn: string[] } | null;
  } | null;
}

/** The latest election by closed ballot of the meeting, as every page of the room shows it. */
export async function readElectionState(db: Db, meetingId: string, model: AttendanceModel, headingOf: (item: AgendaItemRow) => string): Promise<ElectionState | null> {
  const le = await repo.findLatestLiveElection(db, meetingId);
  if (!le) return null;
  const index = model.items.findIndex((i) => i.id === le.itemId);
  const item = model.items[index];
  let result: ElectionState['result'] = null;
  if (le.closedAt && le.electionId) {
    const found = await repo.findElectionRecord(db, le.electionId);
    if (found) {
      const { record, candidates } = found;
      result = {
        candidates: candidates.map((c) => ({ name: c.name, votes: c.votes })),
        blank: le.blank,
        elected: record.elected,
        lottery: record.lotteryAmong ? { among: record.lotteryAmong, drawn: record.lotteryDrawn ?? [] } : null,
      };
    }
  }
  return {
    id: le.id,
    itemNumber: index + 1,
    itemHeading: item ? headingOf(item) : '',
    places: le.places,
    candidates: le.candidates,
    allowBlank: le.allowBlank,
    closesAt: le.closesAt,
    closed: le.closedAt !== null,
    cast: le.cast,
    eligible: le.eligible.length,
    cancelled: le.closedAt !== null && le.electionId === null,
    result,
  };
}

/** The member's own part of an open election: may they vote, and have they. */
export async function electionBallotOf(db: Db, election: ElectionState | null, personId: string): Promise<{ eligible: boolean; voted: boolean }> {
  if (!election || election.closed) return { eligible: false, voted: false };
  const eligible = await repo.findLiveElectionEligible(db, election.id);
  return { eligible: eligible?.includes(personId) ?? false, voted: await repo.hasVoted(db, election.id, personId) };
}

const refuseMissing = (): never => refuse('NOT_FOUND', 'le.err.noElection');
const refuseClosed = (): never => refuse('CONFLICT', 'le.err.closed');

export function createLiveElections(deps: BallotDeps) {
  const { db, clock, write, publish, random } = deps;

  /** Close in one transaction: no ballot after it, the counts recorded as a closed-ballot election, the item decided. */
  async function closeIn(actor: Actor, meetingId: string, liveElectionId: string): Promise<void> {
    await write(actor, meetingId, async (w) => {
      const closing = await beginClosing(w, {
        lock: () => repo.lockLiveElection(w.tx, meetingId, liveElectionId),
        refuseMissing,
        refuseClosed,
        cancel: (le) => repo.closeLiveElectionRow(w.tx, le.id, { closedAt: w.now }),
        audit: { action: 'election.cancel', entity: 'live_election' },
      });
      if (!closing) return;
      const { row: le, item } = closing;
      const votes = Object.fromEntries(le.candidates.map((name, i) => [name, le.tally[i] ?? 0]));
      const outcome = electionResult({ votes, places: le.places });
      const drawn = outcome.lottery ? drawElectionLottery(outcome.lottery, random) : [];
      const elected = [...outcome.elected, ...drawn];
      const record = await insertElectionRecord(
        w.tx,
        {
          itemId: item.id,
          places: le.places,
          closedBallot: true,
          elected,
          lotteryAmong: outcome.lottery?.among ?? null,
          lotteryPlaces: outcome.lottery?.places ?? null,
          lotteryDrawn: outcome.lottery ? drawn : null,
        },
        le.candidates.map((name, i) => ({ name, votes: le.tally[i] ?? 0 })),
      );
      const stored = liveMeetingMessages[drawn.length > 0 ? 'live.stored.electedByLot' : 'live.stored.elected'];
      const decisionText = fillMessage(stored, { names: elected.join(', '), drawn: drawn.join(', ') }).sv;
      await decide(w, item, { status: 'decided', decisionText, decidedBy: drawn.length > 0 ? 'lottery' : 'vote' });
      await repo.closeLiveElectionRow(w.tx, le.id, { closedAt: w.now, electionId: record.id });
      // Only the totals: who voted for whom is not known to anyone, the audit log included.
      await w.audit('election.close', 'live_election', le.id, { after: { electionId: record.id, votes, blank: le.blank, cast: le.cast, eligible: le.eligible.length, elected, drawn } });
    });
  }

  return {
    /** The chair opens an election by closed ballot on a pending election item; those serving now may vote. */
    async openElection(principal: Principal | null, meetingId: string, raw: unknown): Promise<string> {
      await deps.requireRun(principal, meetingId);
      const input = parseInput(ZOpenElection, raw);
      const seen = new Set<string>();
      for (const name of input.candidates) {
        const key = name.toLocaleLowerCase('sv');
        if (seen.has(key)) refuse('INVALID_INPUT', 'le.err.duplicate', { name });
        seen.add(key);
      }
      if (input.places > input.candidates.length) refuse('INVALID_INPUT', 'le.err.places');
      return write(actorOf(principal as Principal), meetingId, async (w) => {
        const { item, index } = requireItem(w, input.itemId);
        if (item.kind !== 'election') refuse('CONFLICT', 'le.err.notElection');
        if (item.status !== 'pending') refuse('CONFLICT', 'le.err.notPending');
        requireQuorum(w, index);
        if (await repo.findOpenLiveElectionId(w.tx, meetingId)) refuse('CONFLICT', 'le.err.open');
        const eligible = [...servingAt(w.model, index).servingIds];
        const row = await repo.insertLiveElection(w.tx, {
            meetingId,
            itemId: item.id,
            places: input.places,
            candidates: input.candidates,
            tally: input.candidates.map(() => 0),
            allowBlank: input.allowBlank,
            eligible,
            openedAt: w.now,
            closesAt: new Date(w.now.getTime() + input.minutes * 60_000),
          });
        await w.audit('election.open', 'live_election', row.id, { after: { itemId: item.id, places: input.places, candidates: input.candidates, allowBlank: input.allowBlank, minutes: input.minutes, eligible } });
        return row.id;
      });
    },

    /**
     * One ballot, one transaction: the election row locked (closing waits for the ballot, a ballot
     * after closing sees it closed), the voter marked as having voted (a second ballot refused),
     * the counts written. Refused once closed or after the time, and from one not serving both
     * when the election opened and now. The last ballot closes the election.
     */
    async castElectionBallot(principal: Principal | null, meetingId: string, raw: unknown): Promise<void> {
      const { person } = await deps.requireMember(principal, meetingId);
      const input = parseInput(ZBallot, raw);
      const lock = (tx: Db) => repo.lockLiveElection(tx, meetingId, input.liveElectionId);
      const allVoted = await castInTransaction(db, meetingId, { lock, refuseMissing, refuseClosed }, async (tx, le, meeting) => {
        if (clock().getTime() >= le.closesAt.getTime()) refuse('CONFLICT', 'le.err.timeUp');
        if (!le.eligible.includes(person.personId)) refuse('INVALID_VOTE', 'le.err.notServing');
        const model = await loadAttendanceModel(tx, meeting);
        const index = model.items.findIndex((i) => i.id === le.itemId);
        if (!servingAt(model, index).servingIds.has(person.personId)) refuse('INVALID_VOTE', 'le.err.notServing');
        const counted = countBallot(le, input.choices);
        if (!(await repo.markVoted(tx, le.id, person.personId))) refuse('CONFLICT', 'le.err.twice');
        await repo.setLiveElectionCounts(tx, le.id, { tally: counted.tally, blank: counted.blank, cast: le.cast + 1 });
        return le.cast + 1 >= le.eligible.length;
      });
      await publish(meetingId);
      await closeAfterLastBallot(allVoted, () => closeIn(SYSTEM_ACTOR, meetingId, input.liveElectionId));
    },

    /** The chair closes the election: the counts go into the record, the result to every screen. */
    async closeElection(principal: Principal | null, meetingId: string, raw: unknown): Promise<void> {
      await deps.requireRun(principal, meetingId);
      const { liveElectionId } = parseInput(ZElectionRef, raw);
      await closeIn(actorOf(principal as Principal), meetingId, liveElectionId);
    },

    /** Tests and the load script: who has voted in an election (the persons, never their choice). */
    async electionVoters(liveElectionId: string): Promise<string[]> {
      return (await repo.listVoterIds(db, liveElectionId)).sort();
    },
  };
}
