/**
 * Talarlistan of the live meeting: members ask for the floor (or a reply, replik) on the current
 * item from their own device; the chair gives it, in order or to anyone on the list, and ends it.
 * Each change is one transaction of the live meeting (`write`), published after the commit.
 */
import { z } from 'zod';
import { notFound } from '../../platform/errors.js';
import { msg, parseInput } from '../../platform/validation.js';
import type { Principal } from '../../platform/auth/policy.js';
import { actorOf } from '../auth/auth.service.js';
import { servingAt, type AttendanceModel } from '../meetings/proceedings/live-meeting.state.js';
import type { WriteContext } from '../meetings/proceedings/live-meeting.write.js';
import { liveRoomMessages as M, refuse } from './live.messages.js';
import * as repo from './live.repository.js';
import type { RoomAccess } from './live-deps.js';
import type { AgendaItemRow } from '../meetings/meetings.tables.js';

/** The item being handled: the first item still pending. */
export function currentIndex(model: Pick<AttendanceModel, 'items'>): number {
  return model.items.findIndex((i) => i.status === 'pending');
}

export interface SpeakerEntry {
  id: string;
  personId: string;
  name: string;
  municipalityName: string;
  kind: 'speak' | 'reply';
  speaking: boolean;
  /** When the one speaking got the floor: the chair's view and the big screen show the running time. */
  startedAt: Date | null;
}

/** Talarlistan in order: who has the floor first, then replies (replik) before other requests, each in the order asked. */
export function orderSpeakers<T extends { kind: 'speak' | 'reply'; startedAt: Date | null; requestedAt: Date }>(rows: readonly T[]): T[] {
  const rank = (r: T) => (r.startedAt ? 0 : r.kind === 'reply' ? 1 : 2);
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.requestedAt.getTime() - b.requestedAt.getTime());
}

const ZSpeak = z.object({ kind: z.enum(['speak', 'reply'], msg(M['lr.err.kind'].sv, M['lr.err.kind'].en)) });
const ZSpeakerRef = z.object({ speakerId: z.uuid(msg(M['lr.err.noSpeaker'].sv, M['lr.err.noSpeaker'].en)) });

function requireCurrent(w: WriteContext): { item: AgendaItemRow; index: number } {
  const index = currentIndex(w.model);
  const item = w.model.items[index];
  if (!item) refuse('CONFLICT', 'lr.err.noCurrentItem');
  return { item, index };
}

async function requireSpeaker(w: WriteContext, speakerId: string) {
  const row = await repo.findSpeaker(w.tx, w.meeting.id, speakerId);
  if (!row || row.removed || row.finishedAt) throw notFound(M['lr.err.noSpeaker']);
  return row;
}

/** The entries of an item that have the floor now. */
async function speakingIds(w: WriteContext, itemId: string): Promise<string[]> {
  return (await repo.listOpenSpeakers(w.tx, itemId)).filter((r) => r.startedAt !== null).map((r) => r.id);
}

export function createLiveSpeakers(deps: RoomAccess) {
  const { write, requireMember, requireRun } = deps;
  return {
    /** Begär ordet (or replik) on the current item: only one serving there, once at a time. */
    async requestToSpeak(principal: Principal | null, meetingId: string, raw: unknown): Promise<void> {
      const { person } = await requireMember(principal, meetingId);
      const { kind } = parseInput(ZSpeak, raw);
      await write(actorOf(principal as Principal), meetingId, async (w) => {
        const { item, index } = requireCurrent(w);
        if (!servingAt(w.model, index).servingIds.has(person.personId)) refuse('INVALID_ATTENDANCE', 'lr.err.speakNotServing');
        const open = await repo.listOpenSpeakers(w.tx, item.id, person.personId);
        if (open.some((r) => r.kind === kind && r.startedAt === null)) refuse('CONFLICT', 'lr.err.speakTwice');
        const row = await repo.insertSpeaker(w.tx, { meetingId, itemId: item.id, personId: person.personId, kind, requestedAt: w.now });
        await w.audit('speaker.request', 'live_speaker', row.id, { after: { itemId: item.id, personId: person.personId, kind } });
      });
    },

    /** The member takes back their waiting requests on the current item. */
    async withdrawRequest(principal: Principal | null, meetingId: string): Promise<void> {
      const { person } = await requireMember(principal, meetingId);
      await write(actorOf(principal as Principal), meetingId, async (w) => {
        const { item } = requireCurrent(w);
        const removed = await repo.withdrawWaitingSpeakers(w.tx, item.id, person.personId);
        if (removed.length === 0) throw notFound(M['lr.err.noSpeaker']);
        await w.audit('speaker.withdraw', 'live_speaker', removed[0]?.id ?? null, { after: { itemId: item.id, personId: person.personId } });
      });
    },

    /** The chair gives the floor to one on the list; the one speaking before is done. */
    async giveFloor(principal: Principal | null, meetingId: string, raw: unknown): Promise<void> {
      await requireRun(principal, meetingId);
      const { speakerId } = parseInput(ZSpeakerRef, raw);
      await write(actorOf(principal as Principal), meetingId, async (w) => {
        const row = await requireSpeaker(w, speakerId);
        await repo.finishSpeakers(w.tx, await speakingIds(w, row.itemId), w.now);
        await repo.startSpeaker(w.tx, row.id, w.now);
        await w.audit('speaker.start', 'live_speaker', row.id, { after: { personId: row.personId, startedAt: w.now } });
      });
    },

    /** The chair gives the floor to the next in order (replies first). */
    async nextSpeaker(principal: Principal | null, meetingId: string): Promise<void> {
      await requireRun(principal, meetingId);
      await write(actorOf(principal as Principal), meetingId, async (w) => {
        const { item } = requireCurrent(w);
        const rows = await repo.listOpenSpeakers(w.tx, item.id);
        const speaking = rows.filter((r) => r.startedAt !== null);
        const next = orderSpeakers(rows.filter((r) => r.startedAt === null))[0];
        await repo.finishSpeakers(w.tx, speaking.map((r) => r.id), w.now);
        if (next) await repo.startSpeaker(w.tx, next.id, w.now);
        if (!next && speaking.length === 0) throw notFound(M['lr.err.noSpeaker']);
        await w.audit('speaker.next', 'live_speaker', next?.id ?? null, { after: { finished: speaking.map((r) => r.id), started: next?.id ?? null } });
      });
    },

    /** Klar: the speaker is done. */
    async finishSpeaker(principal: Principal | null, meetingId: string, raw: unknown): Promise<void> {
      await requireRun(principal, meetingId);
      const { speakerId } = parseInput(ZSpeakerRef, raw);
      await write(actorOf(principal as Principal), meetingId, async (w) => {
        const row = await requireSpeaker(w, speakerId);
        await repo.finishSpeakers(w.tx, [row.id], w.now);
        await w.audit('speaker.finish', 'live_speaker', row.id, { after: { finishedAt: w.now } });
      });
    },

    /** Stryk: the chair removes a request from the list. */
    async removeSpeaker(principal: Principal | null, meetingId: string, raw: unknown): Promise<void> {
      await requireRun(principal, meetingId);
      const { speakerId } = parseInput(ZSpeakerRef, raw);
      await write(actorOf(principal as Principal), meetingId, async (w) => {
        const row = await requireSpeaker(w, speakerId);
        await repo.removeSpeakerRow(w.tx, row.id);
        await w.audit('speaker.remove', 'live_speaker', row.id, { before: { removed: false }, after: { removed: true } });
      });
    },
  };
}
