/**
 * What a member does from their own device beside speaking and voting: declares jäv on an item,
 * moves a typed motion (yrkande) on the current item, and enters a reservation against a decision
 * before the meeting closes. Each goes into the record the secretary keeps (attendance_events of
 * type `jav`, motions, reservations), so that the secretary's screen, the chair's proposition
 * order and the protocol draft show it as if the secretary had entered it. Also the chair's
 * speaking time (talartid) and what the member's and the chair's pages read of these records.
 */
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { motions, type AgendaItemRow, type MeetingRow } from '../meetings/meetings.tables.js';
import * as repo from './live.repository.js';
import { insertAttendanceEvent, insertMotion } from '../meetings/proceedings/proceedings.repository.js';
import { msg, optionalText, parseInput } from '../../platform/validation.js';
import type { Principal } from '../../platform/auth/policy.js';
import { canEnterReservation, MOTION_KINDS, motionNeedsText, propositionOrder, type MotionKind, type PropositionStage } from '../../domain/index.js';
import { actorOf } from '../auth/auth.service.js';
import { javAt, loadAttendanceModel, presenceAt, servingAt, type AttendanceModel, type PresenceState } from '../meetings/proceedings/live-meeting.state.js';
import { nextPosition, requireItem, requirePending, requireServing, type WriteContext } from '../meetings/proceedings/live-meeting.write.js';
import { requireReservationsOpen } from '../meetings/proceedings/live-meeting-decisions.service.js';
import { liveRoomMessages as M, refuse } from './live.messages.js';
import type { LiveWrite, RoomAccess } from './live-deps.js';

export const MAX_SPEAKER_MINUTES = 60;

const itemRef = () => z.uuid(msg('Välj en punkt på dagordningen.', 'Choose an item of the agenda.'));

const ZJav = z.object({ itemId: itemRef(), reason: optionalText(1000) });

const ZMotion = z
  .object({
    itemId: itemRef(),
    kind: z.enum(MOTION_KINDS as [MotionKind, ...MotionKind[]], msg('Välj vilken sorts yrkande det är.', 'Choose the type of motion.')),
    text: optionalText(2000).transform((text) => text ?? ''),
  })
  .refine((input) => !motionNeedsText(input.kind) || input.text !== '', {
    path: ['text'],
    ...msg('Skriv vad ändrings- eller tilläggsyrkandet går ut på.', 'Write what the amendment or addition says.'),
  });

const ZReservation = z.object({ itemId: itemRef(), reason: optionalText(5000) });

const ZSpeakerTime = z.object({
  speakerMinutes: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? null : /^\s*\d{1,3}\s*$/.test(v) ? Number(v) : v) : (v ?? null)),
    z
      .number(msg(M['lr.err.speakerMinutes'].sv, M['lr.err.speakerMinutes'].en))
      .int(msg(M['lr.err.speakerMinutes'].sv, M['lr.err.speakerMinutes'].en))
      .min(1, msg(M['lr.err.speakerMinutes'].sv, M['lr.err.speakerMinutes'].en))
      .max(MAX_SPEAKER_MINUTES, msg(M['lr.err.speakerMinutes'].sv, M['lr.err.speakerMinutes'].en))
      .nullable(),
  ),
});

type Deps = RoomAccess & { db: Db };

/**
 * A setting of the meeting the chair changes while it is open or still planned (talartid, the
 * public big screen): one write, audited with the value before and after.
 */
export async function writeMeetingSetting<K extends 'speakerMinutes' | 'livePublic'>(
  write: LiveWrite,
  principal: Principal,
  meetingId: string,
  setting: { action: string; key: K; value: MeetingRow[K]; save(w: WriteContext): Promise<unknown> },
): Promise<void> {
  await write(
    actorOf(principal),
    meetingId,
    async (w) => {
      await setting.save(w);
      await w.audit(setting.action, 'meeting', meetingId, { before: { [setting.key]: w.meeting[setting.key] }, after: { [setting.key]: setting.value } });
    },
    { allowPlanned: true },
  );
}

export function createLiveMemberActions(deps: Deps) {
  const { write } = deps;

  return {
    /**
     * Jäv (KL 6:28–30, reglemente 18 §): the member steps out of one item not yet handled. It is
     * the secretary's jäv record (an attendance event of type `jav`, the reason in its note), so
     * a substitute serves in the member's place and the protocol shows it. A vote already open on
     * the item loses the member: their ballot is taken out and they may no longer vote.
     */
    async declareJav(principal: Principal | null, meetingId: string, raw: unknown): Promise<void> {
      const { person } = await deps.requireMember(principal, meetingId);
      const input = parseInput(ZJav, raw);
      await write(actorOf(principal as Principal), meetingId, async (w) => {
        const { item, index } = requireItem(w, input.itemId);
        requirePending(item, index);
        if (javAt(w.model, item.id).some((j) => j.personId === person.personId)) refuse('CONFLICT', 'lr.err.javTwice');
        const row = await insertAttendanceEvent(w.tx, { meetingId, personId: person.personId, type: 'jav', itemId: item.id, note: input.reason ?? null, recordedAt: w.now });
        const open = await repo.lockOpenLiveVotesOfItem(w.tx, item.id);
        if (open.length > 0) {
          // Those serving now vote: the member is out, the substitute who steps in may vote.
          const serving = servingAt(await loadAttendanceModel(w.tx, w.meeting), index).servingIds;
          for (const lv of open) {
            await repo.setLiveVoteEligible(w.tx, lv.id, [...serving]);
            await repo.deleteLiveBallot(w.tx, lv.id, person.personId);
          }
        }
        await w.audit('jav.declare', 'attendance_event', row.id, { after: { personId: person.personId, itemId: item.id, reason: input.reason ?? null, source: 'device' } });
      });
    },

    /** Yrkande from the member's device: the same motions record the secretary writes; only one serving at the item may move. */
    async moveMotion(principal: Principal | null, meetingId: string, raw: unknown): Promise<void> {
      const { person } = await deps.requireMember(principal, meetingId);
      const input = parseInput(ZMotion, raw);
      await write(actorOf(principal as Principal), meetingId, async (w) => {
        const { item, index } = requireItem(w, input.itemId);
        requirePending(item, index);
        requireServing(w, index, person.personId, 'live.error.motionNotServing');
        const position = await nextPosition(w.tx, motions, item.id);
        const row = await insertMotion(w.tx, { itemId: item.id, personId: person.personId, kind: input.kind, text: input.text, position });
        await w.audit('motion.add', 'motion', row.id, { after: { itemId: item.id, personId: person.personId, kind: input.kind, text: input.text, source: 'device' } });
      });
    },

    /**
     * Reservation (KL 4:27 via 6:33): announced before the meeting closes, by one who served at the
     * decided item, with the written reason if the member gives it now (reglemente 21 §).
     */
    async reserve(principal: Principal | null, meetingId: string, raw: unknown): Promise<void> {
      const { person } = await deps.requireMember(principal, meetingId);
      const input = parseInput(ZReservation, raw);
      await write(actorOf(principal as Principal), meetingId, async (w) => {
        if (!canEnterReservation({ meetingClosed: w.meeting.status === 'closed' })) refuse('CONFLICT', 'lr.err.reservationTooLate');
        const { item, index } = requireItem(w, input.itemId);
        if (item.status !== 'decided') refuse('CONFLICT', 'lr.err.reserveUndecided', { n: index + 1 });
        await requireReservationsOpen(w, item, index);
        requireServing(w, index, person.personId, 'live.error.reserveNotServing');
        if (await repo.hasReservation(w.tx, item.id, person.personId)) refuse('CONFLICT', 'lr.err.reservedTwice');
        const reason = input.reason ?? null;
        const row = await repo.insertReservation(w.tx, { itemId: item.id, personId: person.personId, announcedAt: w.now, reason, reasonSubmittedAt: reason ? w.now : null });
        await w.audit('reservation.add', 'reservation', row.id, { after: { itemId: item.id, personId: person.personId, reason, source: 'device' } });
      });
    },

    /** Talartid: the chair sets minutes per speaker for the meeting, or none. */
    async setSpeakerTime(principal: Principal | null, meetingId: string, raw: unknown): Promise<void> {
      await deps.requireRun(principal, meetingId);
      const { speakerMinutes } = parseInput(ZSpeakerTime, raw);
      await writeMeetingSetting(write, principal as Principal, meetingId, {
        action: 'speakerTime',
        key: 'speakerMinutes',
        value: speakerMinutes,
        save: (w) => repo.setSpeakerMinutes(w.tx, meetingId, speakerMinutes, w.now),
      });
    },
  };
}

export interface MotionEntry {
  id: string;
  personId: string;
  name: string;
  kind: MotionKind | null;
  text: string;
}

/** The motions of an item in the chair's proposition order (domain propositionOrder). */
export async function readMotionOrder(db: Db, model: AttendanceModel, item: AgendaItemRow): Promise<{ stage: PropositionStage; motions: MotionEntry[] }[]> {
  const rows = await repo.listMotionsOfItem(db, item.id);
  const nameOf = (id: string) => model.people.find((p) => p.personId === id)?.name ?? '';
  return propositionOrder(rows, { hasProposal: item.proposal.trim() !== '' }).map((group) => ({
    stage: group.stage,
    motions: group.motions.map((m) => ({ id: m.id, personId: m.personId, name: nameOf(m.personId), kind: m.kind, text: m.text })),
  }));
}

/** Jäv recorded at an item, with the reason the member gave. */
export function readJav(model: AttendanceModel, itemId: string): { personId: string; name: string; municipalityName: string; reason: string | null }[] {
  return javAt(model, itemId).map((j) => {
    const person = model.people.find((p) => p.personId === j.personId);
    const row = model.rows.find((r) => r.id === j.eventId);
    return { personId: j.personId, name: person?.name ?? '', municipalityName: person?.municipalityName ?? '', reason: row?.note ?? null };
  });
}

/** What the member's page shows of their own record: attendance, jäv, motions, reservations. */
export async function readMemberRecord(db: Db, model: AttendanceModel, personId: string) {
  const index = model.items.findIndex((i) => i.status === 'pending');
  const presence: PresenceState = presenceAt(model, personId, Math.max(0, index === -1 ? model.items.length - 1 : index)).state;
  const jav = new Set(model.rows.filter((r) => r.type === 'jav' && r.personId === personId && r.itemId).map((r) => r.itemId ?? ''));
  const item = model.items[index];
  const myMotions = item
    ? (await repo.listMotionsOfItem(db, item.id, personId)).filter((m) => !m.withdrawn)
    : [];
  const decided = model.items.map((it, i) => ({ item: it, number: i + 1 })).filter(({ item: it, number }) => it.status === 'decided' && servingAt(model, number - 1).servingIds.has(personId));
  const decidedIds = decided.map((d) => d.item.id);
  const mine = await repo.listReservationsOfPerson(db, decidedIds, personId);
  const reserved = new Map(mine.map((r) => [r.itemId, r]));
  return {
    presence,
    /** Items not yet handled, with whether the member has declared jäv there. */
    pendingItems: model.items.flatMap((it, i) => (it.status === 'pending' ? [{ id: it.id, number: i + 1, heading: it.heading, jav: jav.has(it.id) }] : [])),
    myMotions: myMotions.map((m) => ({ id: m.id, kind: m.kind, text: m.text })),
    decidedItems: decided.map(({ item: it, number }) => ({ id: it.id, number, heading: it.heading, reservation: reserved.get(it.id) ? { reason: reserved.get(it.id)?.reason ?? null } : null })),
  };
}

/** Time taken by each speaker entry finished on an item (started .. finished), in order. */
export async function readSpokenTimes(db: Db, model: AttendanceModel, itemId: string): Promise<{ id: string; name: string; kind: 'speak' | 'reply'; seconds: number }[]> {
  const rows = await repo.listSpokenSpeakers(db, itemId);
  return rows.map((r) => ({
    id: r.id,
    name: model.people.find((p) => p.personId === r.personId)?.name ?? '',
    kind: r.kind,
    seconds: Math.max(0, Math.round(((r.finishedAt?.getTime() ?? 0) - (r.startedAt?.getTime() ?? 0)) / 1000)),
  }));
}

/** Reservations on an item, for the record shown on the big screen and the chair's view. */
export async function readReservations(db: Db, model: AttendanceModel, itemId: string): Promise<{ name: string; reason: string | null }[]> {
  const rows = await repo.listReservationsOfItem(db, itemId);
  return rows.map((r) => ({ name: model.people.find((p) => p.personId === r.personId)?.name ?? '', reason: r.reason }));
}
