/**
 * Deciding an item at the meeting: bifall, votering, noting information, the decision text,
 * reservations, protocol notes, immediate justering and bordläggning.
 */
import { swedishDate } from '../../../platform/clock.js';
import * as repo from './decisions.repository.js';
import { updateItem } from './proceedings.repository.js';
import { notFound } from '../../../platform/errors.js';
import { parseInput } from '../../../platform/validation.js';
import { canEnterReservation, decideTabling, reservationReasonsDue, type MotionKind } from '../../../domain/index.js';
import { MOTION_NOUN } from '../../protocols/protocol-wording.js';
import { servingAt } from './live-meeting.state.js';
import type { Principal } from '../../../platform/auth/policy.js';
import { recordTablingVote, tableItem, tableToNextOrdinary } from './tabling.js';
import { recordVote } from './live-meeting.voting.js';
import { parseElectionInput, recordElection } from './live-meeting.election.js';
import { liveMeetingMessages as M } from './live-meeting.messages.js';
import { refuseWith } from '../../../platform/i18n/fill.js';
import { anchor, decide, requireItem, requireOpen, requirePending, requireQuorum, requireServing, type Anchor, type WriteContext, type Writer } from './live-meeting.write.js';
import {
  NEXT_ORDINARY, ZAcclamationInput, ZDecisionTextInput, ZImmediateJusteringInput, ZItemRef, ZNotesInput, ZReservationInput, ZReservationReason, ZTablingInput, parseVoteInput,
} from './live-meeting.schema.js';
import type { AgendaItemRow, MeetingRow } from '../meetings.tables.js';

export function createDecisionUseCases(deps: { writer: Writer; random: () => number }) {
  const { write } = deps.writer;
  const { random } = deps;

  return {
    /** Bifall: the chair finds the committee approves one alternative; it becomes the decision. */
    async acclaim(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const input = parseInput(ZAcclamationInput, raw);
        const { item, index } = requireItem(w, input.itemId);
        requirePending(item, index);
        requireQuorum(w, index);
        const chosen = await resolveAlternative(w, item, input.alternative);
        await decide(w, item, { status: 'decided', decisionText: chosen.text, decidedBy: 'acclamation' }, chosen.proposition);
        return anchor(index);
      });
    },

    /** Votering: every serving person votes; decideVote counts; a tied election goes to lottery. */
    async vote(principal: Principal | null, meetingId: string, raw: Record<string, string>): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const input = parseVoteInput(raw);
        const { item, index } = requireItem(w, input.itemId);
        requirePending(item, index);
        requireQuorum(w, index);
        const yes = await resolveAlternative(w, item, input.yes);
        const no = await resolveAlternative(w, item, input.no);
        const result = await recordVote(w, { item, index, yes, no, ballots: input.ballots, random });
        await decide(w, item, { status: 'decided', decisionText: result.winner.text, decidedBy: result.decidedBy });
        return anchor(index);
      });
    },

    /** Val: candidates and counts (or open ballots); the most votes win, a tie for the last place goes to lot (KL 5:55–56). */
    async elect(principal: Principal | null, meetingId: string, raw: Record<string, string>): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const input = parseElectionInput(raw);
        const { item, index } = requireItem(w, input.itemId);
        requirePending(item, index);
        requireQuorum(w, index);
        const result = await recordElection(w, { item, index, input, random });
        await decide(w, item, { status: 'decided', decisionText: result.decisionText, decidedBy: result.decidedBy });
        return anchor(index);
      });
    },

    /** An information item: "Informationen läggs till handlingarna" (seed §§ 21, 23). */
    async noteInformation(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const { itemId } = parseInput(ZItemRef, raw);
        const { item, index } = requireItem(w, itemId);
        requirePending(item, index);
        if (item.kind !== 'information') refuseWith('CONFLICT', M['live.error.notInformation']);
        requireQuorum(w, index);
        await decide(w, item, { status: 'noted', decisionText: M['live.stored.noted'].sv, decidedBy: 'acclamation' }, M['live.stored.noteProposition'].sv);
        return anchor(index);
      });
    },

    async editDecisionText(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const input = parseInput(ZDecisionTextInput, raw);
        const { item, index } = requireItem(w, input.itemId);
        if (item.status === 'pending') refuseWith('CONFLICT', M['live.error.notDecided'], { n: index + 1 });
        await updateItem(w.tx, item.id, { decisionText: input.decisionText, updatedAt: w.now });
        await w.audit('item.decisionText', 'agenda_item', item.id, { before: { decisionText: item.decisionText }, after: { decisionText: input.decisionText } });
        return anchor(index);
      });
    },

    /**
     * Undo a decision taken by mistake while the meeting is still open ("Återuppta punkten"). The
     * undone decision leaves the record (KL 5:67 records the decisions taken): its vote and
     * ballots, the proposition that made it and the reservations against it are removed, and
     * kept, with who did it and when, in the audit log only.
     */
    async reopenItem(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const { itemId } = parseInput(ZItemRef, raw);
        const { item, index } = requireItem(w, itemId);
        if (item.status === 'tabled') refuseWith('CONFLICT', M['live.error.reopenTabled']);
        if (item.status === 'pending') refuseWith('CONFLICT', M['live.error.notDecided'], { n: index + 1 });
        await removeUndoneDecision(w, item);
        await decide(w, item, { status: 'pending', decisionText: null, decidedBy: null });
        return anchor(index);
      });
    },

    /** Reservation: announced before the meeting ends (KL 4:27), by one who took part in the decision. */
    async reserve(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(
        principal,
        meetingId,
        async (w) => {
          if (!canEnterReservation({ meetingClosed: w.meeting.status === 'closed' })) refuseWith('CONFLICT', M['live.error.reservationTooLate']);
          requireOpen(w.meeting);
          const input = parseInput(ZReservationInput, raw);
          const { item, index } = requireItem(w, input.itemId);
          if (item.status !== 'decided') refuseWith('CONFLICT', M['live.error.reserveUndecided'], { n: index + 1 });
          await requireReservationsOpen(w, item, index);
          requireServing(w, index, input.personId, 'live.error.reserveNotServing');
          if (await repo.findReservationOf(w.tx, item.id, input.personId)) refuseWith('CONFLICT', M['live.error.reservedTwice']);
          const row = await repo.insertReservation(w.tx, { itemId: item.id, personId: input.personId, announcedAt: w.now });
          await w.audit('reservation.add', 'reservation', row.id, { after: { itemId: item.id, personId: input.personId } });
          return anchor(index);
        },
        { allowClosed: true },
      );
    },

    /** Written reasons for a reservation: until justering, also after the meeting (reglemente 21 §). */
    async reservationReason(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(
        principal,
        meetingId,
        async (w) => {
          const input = parseInput(ZReservationReason, raw);
          const reservation = await repo.findReservation(w.tx, input.reservationId);
          const { item, index } = requireItem(w, reservation?.itemId ?? '');
          if (!reservation) throw notFound(M['live.error.noReservation']);
          await requireReservationsOpen(w, item, index);
          if (w.meeting.status !== 'open') requireReasonsOpen(w.meeting, item, swedishDate(w.now));
          await repo.setReservationReason(w.tx, reservation.id, input.reason, w.now);
          await w.audit('reservation.reason', 'reservation', reservation.id, { before: { reason: reservation.reason }, after: { reason: input.reason } });
          return anchor(index);
        },
        { allowClosed: true },
      );
    },

    async setProtocolNotes(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const input = parseInput(ZNotesInput, raw);
        return setItemField(w, input.itemId, 'item.notes', 'protocolNotes', input.protocolNotes);
      });
    },

    /** Omedelbar justering: this paragraph is adjusted at the meeting (DOMAIN.md, Protocols). */
    async setImmediateJustering(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const input = parseInput(ZImmediateJusteringInput, raw);
        return setItemField(w, input.itemId, 'item.immediateJustering', 'immediateJustering', input.immediateJustering);
      });
    },

    /** Bordläggning to a later planned meeting of the same body, or to the next ordinary one even before it is planned (KL 6:33; seed § 22). */
    async table(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const input = parseInput(ZTablingInput, raw);
        const { item, index } = requireItem(w, input.itemId);
        requirePending(item, index);
        requireQuorum(w, index);
        if (input.votesFor !== undefined && input.votesAgainst !== undefined) {
          // KL 6:33: the committee tables by simple majority; the domain rule decides, not this screen.
          const serving = servingAt(w.model, index).servingIds.size;
          if (input.votesFor + input.votesAgainst > serving) refuseWith('INVALID_VOTE', M['live.error.tablingVotes'], { cast: input.votesFor + input.votesAgainst, serving });
          const tabled = decideTabling({ yes: input.votesFor, no: input.votesAgainst });
          await recordTablingVote(w, { itemId: item.id, votesFor: input.votesFor, votesAgainst: input.votesAgainst, tabled });
          if (!tabled) return anchor(index);
        }
        if (input.targetMeetingId === NEXT_ORDINARY) await tableToNextOrdinary(w, item);
        else await tableItem(w, { item, targetMeetingId: input.targetMeetingId });
        return anchor(index);
      });
    },
  };
}

/** One field of the item as the secretary sets it, audited with its value before and after; the page goes back to the item. */
async function setItemField<K extends 'protocolNotes' | 'immediateJustering'>(w: WriteContext, itemId: string, action: string, key: K, value: AgendaItemRow[K]): Promise<Anchor> {
  const { item, index } = requireItem(w, itemId);
  await updateItem(w.tx, item.id, { [key]: value, updatedAt: w.now });
  await w.audit(action, 'agenda_item', item.id, { before: { [key]: item[key] }, after: { [key]: value } });
  return anchor(index);
}

/**
 * The record of a decision being undone. A vote on the item decided it (a tabling vote leaves the
 * item pending, so it stays); a decision by acclamation added the last proposition, and nothing
 * can be put after a decision (requirePending), so that one is the decision's own.
 */
async function removeUndoneDecision(w: WriteContext, item: AgendaItemRow): Promise<void> {
  const record = await repo.loadDecisionRecord(w.tx, item.id, { withProposition: item.decidedBy === 'acclamation' });
  const { votes: undoneVotes, ballots, lastProposition, reservations: undoneReservations } = record;
  await repo.deleteDecisionRecord(w.tx, item.id, { voteIds: undoneVotes.map((v) => v.id), propositionId: lastProposition?.id ?? null, reservations: undoneReservations.length > 0 });
  await w.audit('item.undoDecision', 'agenda_item', item.id, {
    before: { decisionText: item.decisionText, decidedBy: item.decidedBy, votes: undoneVotes, ballots, proposition: lastProposition ?? null, reservations: undoneReservations },
  });
}

/** The proposal or a motion not withdrawn, with the proposition text the protocol keeps. */
export async function resolveAlternative(w: WriteContext, item: AgendaItemRow, value: string): Promise<{ text: string; proposition: string }> {
  if (value === 'proposal') {
    if (!item.proposal.trim()) refuseWith('INVALID_INPUT', M['live.error.noProposal']);
    return { text: item.proposal.trim(), proposition: `${M['live.stored.proposal'].sv}: ${item.proposal.trim()}` };
  }
  const motion = await repo.findMotionOfItem(w.tx, value.slice('motion:'.length), item.id);
  if (!motion || motion.withdrawn) refuseWith('INVALID_INPUT', M['live.error.noAlternative']);
  const name = w.model.people.find((p) => p.personId === motion.personId)?.name ?? '';
  const text = motionDecisionText(motion, item.proposal.trim());
  const by = motion.kind ? `${MOTION_NOUN[motion.kind]} av ${name}` : M['live.stored.motionBy'].sv.replace('{name}', name);
  return { text, proposition: `${by}: ${motion.text || text}` };
}

/** What the committee decides when a motion wins: its own text, else what its type says. */
function motionDecisionText(motion: { kind: MotionKind | null; text: string }, proposal: string): string {
  if (motion.text.trim()) return motion.text.trim();
  if (motion.kind === 'approve' && proposal) return proposal;
  return motion.kind ? M[`live.stored.motionWins.${motion.kind}`].sv : '';
}

/**
 * Reservations and their reasons close at justering (KL 4:27, reglemente 21 §): once the meeting's
 * protocol is locked for justering or final, or the item's paragraph has been signed on its own.
 * The database refuses it too (migration 0007).
 */
export async function requireReservationsOpen(w: WriteContext, item: AgendaItemRow, index: number): Promise<void> {
  if (await repo.isJusteringUnderway(w.tx, item)) refuseWith('CONFLICT', M['live.error.reservationsClosed'], { n: index + 1 });
}

/** Written reasons are due at justering; for an item adjusted at once, at the meeting. */
function requireReasonsOpen(meeting: MeetingRow, item: AgendaItemRow, today: string): void {
  const late = item.immediateJustering || (meeting.justeringDate !== null && today > reservationReasonsDue({ justeringDate: meeting.justeringDate }));
  if (late) refuseWith('CONFLICT', M['live.error.reasonTooLate']);
}
