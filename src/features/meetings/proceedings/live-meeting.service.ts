/**
 * Sammanträdet: the secretary's use cases while a meeting runs. Each write checks access first,
 * locks the meeting row, refuses everything once the meeting is closed, and records the change
 * in the audit log in the same transaction (live-meeting.write.ts). Deciding items is in
 * live-meeting-decisions.service.ts.
 */
import type { Config } from '../../../platform/config/config.js';
import type { Database } from '../../../platform/db/database.js';
import { swedishDate, type Clock } from '../../../platform/clock.js';
import { motions, propositions } from '../meetings.tables.js';
import * as repo from './proceedings.repository.js';
import { notFound } from '../../../platform/errors.js';
import { parseInput } from '../../../platform/validation.js';
import type { Principal } from '../../../platform/auth/policy.js';
import { buildLiveView } from './live-meeting.view.js';
import { liveMeetingMessages as M } from './live-meeting.messages.js';
import { refuseWith } from '../../../platform/i18n/fill.js';
import { createDecisionUseCases } from './live-meeting-decisions.service.js';
import { anchor, createWriter, cryptoRandom, nextPosition, requireItem, requireOpen, requirePending, requireServing, type Anchor, type WriteContext } from './live-meeting.write.js';
import { ZAttendanceInput, ZEventRef, ZJavInput, ZMotionInput, ZMotionRef, ZPropositionInput, ZTemporaryChairInput } from './live-meeting.schema.js';
import { servingAt } from './live-meeting.state.js';
import { requireOpeningReason } from './meeting-opening.js';
import { openingOutsideDay } from '../../../domain/index.js';

export type { Anchor } from './live-meeting.write.js';

/** The motion named in the input, on an item not yet handled. */
async function requirePendingMotion(w: WriteContext, raw: unknown) {
  const { motionId } = parseInput(ZMotionRef, raw);
  const motion = await repo.findMotion(w.tx, motionId);
  const { item, index } = requireItem(w, motion?.itemId ?? '');
  if (!motion) throw notFound(M['live.error.noMotion']);
  requirePending(item, index);
  return { motion, index };
}

export function createLiveMeetingService(deps: { database: Database; config: Config; clock: Clock; random?: () => number; onChange?: (meetingId: string) => Promise<void> }) {
  const db = deps.database.db;
  const { clock } = deps;
  const writer = createWriter(deps);
  const { requireRun, write } = writer;

  return {
    ...createDecisionUseCases({ writer, random: deps.random ?? cryptoRandom }),
    /** The live screen; `shownNumber` picks the item the attendance table shows (1-based). */
    async view(principal: Principal | null, meetingId: string, shownNumber?: number) {
      const { meeting, body } = await requireRun(principal, meetingId);
      return buildLiveView(db, { meeting, body, today: swedishDate(clock()), ...(shownNumber !== undefined ? { shownNumber } : {}) });
    },

    /**
     * Open the meeting. Before its day, or more than OPEN_LATE_LIMIT_DAYS after it, only with the
     * box ticked and a reason (issue 18, guard the calendar): the reason is kept on the meeting
     * and in the audit entry, and shown in the meeting's history.
     */
    async open(principal: Principal | null, meetingId: string, raw: unknown = {}): Promise<Anchor> {
      return write(
        principal,
        meetingId,
        async (w) => {
          if (w.meeting.status === 'open') refuseWith('CONFLICT', M['live.error.alreadyOpen']);
          if (w.meeting.status !== 'planned') requireOpen(w.meeting);
          const meetingDate = swedishDate(w.meeting.startsAt);
          const outside = openingOutsideDay({ meetingDate, today: swedishDate(w.now) });
          const openReason = outside ? requireOpeningReason(raw, meetingDate, outside) : null;
          await repo.updateMeeting(w.tx, w.meeting.id, { status: 'open', openedAt: w.now, openReason, updatedAt: w.now });
          await w.audit('open', 'meeting', w.meeting.id, { before: { status: w.meeting.status }, after: { status: 'open', openedAt: w.now, ...(outside ? { outsideDay: outside, reason: openReason } : {}) } });
          return 'sammantradet';
        },
        { allowClosed: true },
      );
    },

    async close(principal: Principal | null, meetingId: string): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        await repo.updateMeeting(w.tx, w.meeting.id, { status: 'closed', closedAt: w.now, updatedAt: w.now });
        const pending = w.model.items.filter((i) => i.status === 'pending').map((i) => i.heading);
        await w.audit('close', 'meeting', w.meeting.id, { before: { status: 'open' }, after: { status: 'closed', closedAt: w.now, pendingItems: pending } });
        return 'sammantradet';
      });
    },

    /** Närvaro at the start (no item) or a change from an item on (reglemente 17 §). */
    async recordAttendance(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const input = parseInput(ZAttendanceInput, raw);
        if (!w.model.people.some((p) => p.personId === input.personId)) throw notFound(M['live.error.notCalled']);
        const itemId = input.itemId === undefined ? null : requireItem(w, input.itemId).item.id;
        if (itemId === null) {
          // A new start state replaces the one recorded before: a correction, kept in the audit log.
          const before = w.model.rows.filter((r) => r.personId === input.personId && r.itemId === null && r.type !== 'jav');
          for (const row of before) await repo.deleteAttendanceEvent(w.tx, row.id);
        }
        const row = await repo.insertAttendanceEvent(w.tx, { meetingId: w.meeting.id, personId: input.personId, type: input.type, itemId, recordedAt: w.now });
        await w.audit('attendance.record', 'attendance_event', row.id, { after: { personId: input.personId, type: input.type, itemId } });
        return `person-${input.personId}`;
      });
    },

    async removeAttendanceEvent(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const { eventId } = parseInput(ZEventRef, raw);
        const row = w.model.rows.find((r) => r.id === eventId);
        if (!row) throw notFound(M['live.error.noEvent']);
        await repo.deleteAttendanceEvent(w.tx, row.id);
        await w.audit('attendance.remove', 'attendance_event', row.id, { before: row });
        const index = w.model.items.findIndex((i) => i.id === row.itemId);
        return row.type === 'jav' && index >= 0 ? anchor(index) : `person-${row.personId}`;
      });
    },

    /**
     * Reglemente 16 §: the member the committee elected to chair when neither chair nor vice
     * chair can; until one is elected the eldest presides. Must serve at the current item.
     */
    async setTemporaryChair(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const { personId } = parseInput(ZTemporaryChairInput, raw);
        if (personId !== undefined) {
          const person = w.model.people.find((p) => p.personId === personId);
          if (!person) throw notFound(M['live.error.notCalled']);
          const current = Math.max(0, w.model.items.findIndex((i) => i.status === 'pending'));
          if (!servingAt(w.model, current).servingIds.has(personId)) refuseWith('INVALID_ATTENDANCE', M['live.error.temporaryChairNotMember'], { name: person.name });
        }
        await repo.updateMeeting(w.tx, w.meeting.id, { temporaryChairPersonId: personId ?? null, updatedAt: w.now });
        await w.audit('temporaryChair', 'meeting', w.meeting.id, { before: { temporaryChairPersonId: w.meeting.temporaryChairPersonId }, after: { temporaryChairPersonId: personId ?? null } });
        return 'sammantradet';
      });
    },

    /** Jäv: the person steps out for this item only (KL 6:28, reglemente 18 §). */
    async declareJav(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const input = parseInput(ZJavInput, raw);
        const { item, index } = requireItem(w, input.itemId);
        requirePending(item, index);
        if (!w.model.people.some((p) => p.personId === input.personId)) throw notFound(M['live.error.notCalled']);
        if (w.model.rows.some((r) => r.type === 'jav' && r.itemId === item.id && r.personId === input.personId)) refuseWith('CONFLICT', M['live.error.javTwice']);
        const row = await repo.insertAttendanceEvent(w.tx, { meetingId: w.meeting.id, personId: input.personId, type: 'jav', itemId: item.id, recordedAt: w.now });
        await w.audit('jav.declare', 'attendance_event', row.id, { after: { personId: input.personId, itemId: item.id } });
        return anchor(index);
      });
    },

    /** Yrkande: only a person serving at the item may move a motion. */
    async addMotion(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const input = parseInput(ZMotionInput, raw);
        const { item, index } = requireItem(w, input.itemId);
        requirePending(item, index);
        requireServing(w, index, input.personId, 'live.error.motionNotServing');
        const position = await nextPosition(w.tx, motions, item.id);
        const row = await repo.insertMotion(w.tx, { itemId: item.id, personId: input.personId, kind: input.kind, text: input.text, position });
        await w.audit('motion.add', 'motion', row.id, { after: { itemId: item.id, personId: input.personId, kind: input.kind, text: input.text } });
        return anchor(index);
      });
    },

    /**
     * Ångra: a motion entered by mistake is removed, so that the protocol never shows it (a motion
     * the member takes back is withdrawn instead, withdrawMotion). Kept in the audit log only.
     */
    async removeMotion(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const { motion, index } = await requirePendingMotion(w, raw);
        await repo.deleteMotion(w.tx, motion.id);
        await w.audit('motion.remove', 'motion', motion.id, { before: motion });
        return anchor(index);
      });
    },

    /**
     * "Alla närvarande": every member called whose attendance is not yet recorded is present from
     * the start. What was recorded stays (an absent or remote member, every substitute), so no
     * substitute starts serving by it (reglemente 17 §). Returns to the attendance table.
     */
    async markAllPresent(principal: Principal | null, meetingId: string): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const recorded = new Set(w.model.rows.filter((r) => r.itemId === null && r.type !== 'jav').map((r) => r.personId));
        const marked = w.model.people.filter((p) => p.role === 'member' && !recorded.has(p.personId)).map((p) => p.personId);
        await repo.insertAttendanceEvents(w.tx, marked.map((personId) => ({ meetingId: w.meeting.id, personId, type: 'present' as const, itemId: null, recordedAt: w.now })));
        await w.audit('attendance.allPresent', 'meeting', w.meeting.id, { after: { present: marked } });
        return 'narvaro';
      });
    },

    async withdrawMotion(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const { motion, index } = await requirePendingMotion(w, raw);
        await repo.withdrawMotion(w.tx, motion.id);
        await w.audit('motion.withdraw', 'motion', motion.id, { before: { withdrawn: false }, after: { withdrawn: true } });
        return anchor(index);
      });
    },

    /** A proposition the chair put, in order, and what the committee answered (KL 5:53). */
    async addProposition(principal: Principal | null, meetingId: string, raw: unknown): Promise<Anchor> {
      return write(principal, meetingId, async (w) => {
        const input = parseInput(ZPropositionInput, raw);
        const { item, index } = requireItem(w, input.itemId);
        requirePending(item, index);
        const position = await nextPosition(w.tx, propositions, item.id);
        const row = await repo.insertProposition(w.tx, { itemId: item.id, position, text: input.text, outcome: input.outcome });
        await w.audit('proposition.add', 'proposition', row.id, { after: { itemId: item.id, text: input.text, outcome: input.outcome } });
        return anchor(index);
      });
    },

  };
}

export type LiveMeetingService = ReturnType<typeof createLiveMeetingService>;
