/**
 * Electronic open votes (KL 5 kap. 53–56 §§ via 6 kap. 33 §; 4 kap. 24–25 §§). The chair opens a
 * vote on the current item between two alternatives for a set time; those serving at the item
 * then (the substitute only while serving) vote ja, nej or avstår on their own device, each ballot
 * one transaction, refused once the vote is closed, after the time, or from one not serving. On
 * closing, the ballots go through the same function as the secretary's manual vote (recordVote:
 * decideVote with the chair's casting vote on a tie, the lot in an election) and the item is
 * decided as a manual vote decides it: votes and vote_ballots hold the record.
 */
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import * as repo from './live.repository.js';
import { beginClosing, castInTransaction, closeAfterLastBallot } from './live-ballot.js';
import type { BallotDeps } from './live-deps.js';
import { notFound } from '../../platform/errors.js';
import { msg, parseInput } from '../../platform/validation.js';
import { SYSTEM_ACTOR, type Actor } from '../../platform/audit/audit.js';
import type { Principal } from '../../platform/auth/policy.js';
import { actorOf } from '../auth/auth.service.js';
import { ZAlternative, type TChoice } from '../meetings/proceedings/live-meeting.schema.js';
import { servingAt, loadAttendanceModel } from '../meetings/proceedings/live-meeting.state.js';
import { decide, requireItem, requireQuorum } from '../meetings/proceedings/live-meeting.write.js';
import { recordVote } from '../meetings/proceedings/live-meeting.voting.js';
import { resolveAlternative } from '../meetings/proceedings/live-meeting-decisions.service.js';
import { liveRoomMessages as M, refuse } from './live.messages.js';

export const MAX_VOTE_MINUTES = 30;

const ZOpenVote = z
  .object({
    itemId: z.uuid(msg('Välj en punkt på dagordningen.', 'Choose an item of the agenda.')),
    yes: ZAlternative,
    no: ZAlternative,
    minutes: z.preprocess(
      (v) => (typeof v === 'string' && /^\s*\d{1,3}\s*$/.test(v) ? Number(v) : v),
      z.number(msg(M['lr.err.minutes'].sv, M['lr.err.minutes'].en)).int(msg(M['lr.err.minutes'].sv, M['lr.err.minutes'].en)).min(1, msg(M['lr.err.minutes'].sv, M['lr.err.minutes'].en)).max(MAX_VOTE_MINUTES, msg(M['lr.err.minutes'].sv, M['lr.err.minutes'].en)),
    ),
  })
  .refine((input) => input.yes !== input.no, { path: ['no'], ...msg('Ja och nej måste stå för olika förslag.', 'Yes and no must stand for different proposals.') });

const ZBallot = z.object({
  liveVoteId: z.uuid(msg(M['lr.err.noVote'].sv, M['lr.err.noVote'].en)),
  choice: z.enum(['yes', 'no', 'abstain'], msg(M['lr.err.choice'].sv, M['lr.err.choice'].en)),
});

const ZVoteRef = z.object({ liveVoteId: z.uuid(msg(M['lr.err.noVote'].sv, M['lr.err.noVote'].en)) });


/**
 * The ballots that count when the vote closes: of those serving at the item now (one who stopped
 * serving during the vote no longer counts), and each one serving who did not vote counted as
 * avstår (KL 4:25: a member may abstain).
 */
export function countedBallots(cast: ReadonlyMap<string, TChoice>, servingIds: ReadonlySet<string>): Record<string, TChoice> {
  return Object.fromEntries([...servingIds].map((id) => [id, cast.get(id) ?? 'abstain']));
}

const refuseMissing = (): never => {
  throw notFound(M['lr.err.noVote']);
};
const refuseClosed = (): never => refuse('CONFLICT', 'lr.err.voteClosed');

export function createLiveVotes(deps: BallotDeps) {
  const { db, clock, write, publish, random } = deps;

  /** Close in one transaction: ballots locked out, recorded through recordVote, the item decided. */
  async function closeIn(actor: Actor, meetingId: string, liveVoteId: string): Promise<void> {
    await write(actor, meetingId, async (w) => {
      const closing = await beginClosing(w, {
        lock: () => repo.lockLiveVote(w.tx, meetingId, liveVoteId, 'update'),
        refuseMissing,
        refuseClosed,
        cancel: (lv) => repo.closeLiveVoteRow(w.tx, lv.id, { closedAt: w.now }),
        audit: { action: 'evote.cancel', entity: 'live_vote' },
      });
      if (!closing) return;
      const { row: lv, item, index } = closing;
      const rows = await repo.listLiveBallots(w.tx, lv.id);
      const ballots = countedBallots(new Map(rows.map((r) => [r.personId, r.choice])), servingAt(w.model, index).servingIds);
      const yes = await resolveAlternative(w, item, lv.yesAlternative);
      const no = await resolveAlternative(w, item, lv.noAlternative);
      const result = await recordVote(w, { item, index, yes, no, ballots, random });
      await decide(w, item, { status: 'decided', decisionText: result.winner.text, decidedBy: result.decidedBy });
      const voteId = await repo.findLatestVoteIdOfItem(w.tx, item.id);
      await repo.closeLiveVoteRow(w.tx, lv.id, { closedAt: w.now, voteId });
      await w.audit('evote.close', 'live_vote', lv.id, { after: { voteId, cast: rows.length, eligible: lv.eligible.length } });
    });
  }

  return {
    /** The chair opens an electronic vote on a pending item for `minutes`; those serving now may vote. */
    async openVote(principal: Principal | null, meetingId: string, raw: unknown): Promise<string> {
      await deps.requireRun(principal, meetingId);
      const input = parseInput(ZOpenVote, raw);
      return write(actorOf(principal as Principal), meetingId, async (w) => {
        const { item, index } = requireItem(w, input.itemId);
        if (item.status !== 'pending') refuse('CONFLICT', 'lr.err.noCurrentItem');
        requireQuorum(w, index);
        if (await repo.findOpenLiveVoteId(w.tx, meetingId)) refuse('CONFLICT', 'lr.err.voteOpen');
        const yes = await resolveAlternative(w, item, input.yes);
        const no = await resolveAlternative(w, item, input.no);
        const eligible = [...servingAt(w.model, index).servingIds];
        const row = await repo.insertLiveVote(w.tx, { meetingId, itemId: item.id, yesAlternative: input.yes, noAlternative: input.no, yesMeans: yes.text, noMeans: no.text, eligible, openedAt: w.now, closesAt: new Date(w.now.getTime() + input.minutes * 60_000) });
        await w.audit('evote.open', 'live_vote', row.id, { after: { itemId: item.id, yes: input.yes, no: input.no, minutes: input.minutes, eligible } });
        return row.id;
      });
    },

    /**
     * One ballot, one transaction: the vote row is read FOR SHARE, so that closing (FOR UPDATE)
     * waits for ballots under way and every ballot after it sees the vote closed. A member may
     * change the ballot until the vote closes. After the time only the presiding chair may still
     * vote (the chair must vote when it is needed for a decision, KL 4:25). The last ballot closes
     * the vote at once.
     */
    async castBallot(principal: Principal | null, meetingId: string, raw: unknown): Promise<void> {
      const { person } = await deps.requireMember(principal, meetingId);
      const input = parseInput(ZBallot, raw);
      const lock = (tx: Db) => repo.lockLiveVote(tx, meetingId, input.liveVoteId, 'share');
      const eligible = await castInTransaction(db, meetingId, { lock, refuseMissing, refuseClosed }, async (tx, lv, meeting) => {
        if (!lv.eligible.includes(person.personId)) refuse('INVALID_VOTE', 'lr.err.voteNotServing');
        const now = clock();
        if (now.getTime() >= lv.closesAt.getTime()) {
          const model = await loadAttendanceModel(tx, meeting);
          const index = model.items.findIndex((i) => i.id === lv.itemId);
          if (servingAt(model, index).chairId !== person.personId) refuse('CONFLICT', 'lr.err.voteTimeUp');
        }
        await repo.upsertLiveBallot(tx, { liveVoteId: lv.id, personId: person.personId, choice: input.choice, castAt: now });
        return lv.eligible.length;
      });
      await publish(meetingId);
      // Counted after the commit: two last ballots committing at once each count only their own
      // inside the transaction, and neither would close the vote. Read now, the last one sees all.
      const cast = await repo.countLiveBallots(db, input.liveVoteId);
      await closeAfterLastBallot(cast >= eligible, () => closeIn(SYSTEM_ACTOR, meetingId, input.liveVoteId));
    },

    /** The chair closes the vote: who has not voted counts as avstår; the result goes into the record. */
    async closeVote(principal: Principal | null, meetingId: string, raw: unknown): Promise<void> {
      await deps.requireRun(principal, meetingId);
      const { liveVoteId } = parseInput(ZVoteRef, raw);
      await closeIn(actorOf(principal as Principal), meetingId, liveVoteId);
    },

    /** Tests and the load script: the item a vote decided. */
    async itemOfVote(liveVoteId: string) {
      return repo.findItemOfLiveVote(db, liveVoteId);
    },
  };
}
